"""People frame (degrees, sources), sources listing, search and the workspace summary."""

from __future__ import annotations

import pandas as pd
from export_builders import export, person

from netanalytics.ingest.records import SkippedRows
from netanalytics.workspace.importer import import_parsed
from netanalytics.workspace.queries import (
    PEOPLE_COLUMNS,
    degrees,
    display_url,
    people_frame,
    possible_duplicates,
    search_people,
    sources_frame,
    workspace_summary,
)

ME = {"first_name": "Jo", "last_name": "Doe", "headline": None, "location": None, "summary": None,
      "industry": None, "profile_url": None}


def build(ws):
    import_parsed(ws, export([
        person("Ada", "Lovelace", url="linkedin.com/in/ada", company="Engines"),
        person("Maya", "Chen", url="linkedin.com/in/maya", company="Globex"),
    ], kind="linkedin_archive", name="a.zip", profile=dict(ME),
        skipped=[SkippedRows("hidden or closed members", 3)]))
    import_parsed(ws, export([
        person("Ada", "Lovelace", url="https://www.linkedin.com/in/ada/", company="Engines"),
        person("Zed", "Zee", url="linkedin.com/in/zed", company="Globex"),
    ], name="maya.csv", skipped=[SkippedRows("hidden or closed members", 1)]), owner="Maya Chen",
        owner_url="linkedin.com/in/maya", relationship="friend")
    # Someone with no ties at all (e.g. typed in by hand).
    ws.conn.execute("INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES ('p_lone', 'Lone Wolf',"
                    " '', '')")


def test_degrees_bfs_is_undirected():
    assert degrees([("me", "a"), ("b", "a"), ("b", "c")], "me") == {"me": 0, "a": 1, "b": 2, "c": 3}
    assert degrees([("a", "b")], None) == {}


def test_people_frame_degrees_sources_and_columns(tmp_workspace):
    build(tmp_workspace)
    frame = people_frame(tmp_workspace)
    assert frame.columns.tolist() == PEOPLE_COLUMNS
    by_name = frame.set_index("name")
    assert by_name.loc["Jo Doe", "degree"] == 0 and bool(by_name.loc["Jo Doe", "is_me"])
    assert by_name.loc["Ada Lovelace", "degree"] == 1
    assert by_name.loc["Zed Zee", "degree"] == 2
    assert pd.isna(by_name.loc["Lone Wolf", "degree"])
    assert by_name.loc["Ada Lovelace", "sources"] == ["my LinkedIn archive", "Maya Chen's connections"]
    assert by_name.loc["Zed Zee", "sources"] == ["Maya Chen's connections"]
    assert by_name.loc["Lone Wolf", "sources"] == []
    assert by_name.loc["Ada Lovelace", "profile_url"] == "https://www.linkedin.com/in/ada"
    assert by_name.loc["Lone Wolf", "profile_url"] is None
    # Sorted by degree, unreachable last.
    assert frame["name"].tolist()[0] == "Jo Doe" and frame["name"].tolist()[-1] == "Lone Wolf"
    assert str(frame["degree"].dtype) == "Int64"


def test_merged_away_people_are_not_listed(tmp_workspace):
    build(tmp_workspace)
    from netanalytics.workspace.corrections import merge_people

    zed = people_frame(tmp_workspace).set_index("name").loc["Zed Zee", "person_id"]
    merge_people(tmp_workspace, zed, "p_lone")
    assert "Lone Wolf" not in people_frame(tmp_workspace)["name"].tolist()


def test_search_ignores_case_and_accents(tmp_workspace):
    build(tmp_workspace)
    frame = people_frame(tmp_workspace)
    assert search_people(frame, "GLOBEX")["name"].tolist() == ["Maya Chen", "Zed Zee"]
    assert search_people(frame, "lovelace")["name"].tolist() == ["Ada Lovelace"]
    assert len(search_people(frame, "  ")) == len(frame)


def test_sources_frame_labels(tmp_workspace):
    build(tmp_workspace)
    frame = sources_frame(tmp_workspace)
    assert frame["label"].tolist() == ["my LinkedIn archive", "Maya Chen's connections"]
    assert frame["relationship"].tolist() == [None, "friend"]
    assert frame["path"].tolist() == ["a.zip", "maya.csv"]


def test_workspace_summary(tmp_workspace):
    build(tmp_workspace)
    summary = workspace_summary(tmp_workspace)
    assert summary["me"] == "Jo Doe"
    assert summary["people"] == 5
    assert summary["ties"] == 4  # me->Ada, me->Maya (now labelled friend), Maya->Ada, Maya->Zed
    assert summary["sources"] == 2
    assert summary["degrees"] == {"0": 1, "1": 2, "2": 1, "unreachable": 1}
    assert summary["hidden_rows_skipped"] == 4
    assert summary["rows_skipped"] == {"hidden or closed members": 4}
    assert summary["top_companies"][0] == ("Globex", 2)


def test_empty_workspace_summary(tmp_workspace):
    summary = workspace_summary(tmp_workspace)
    assert summary["people"] == 0 and summary["me"] is None and summary["degrees"] == {}


def test_display_url():
    assert display_url("linkedin.com/in/zoë") == "https://www.linkedin.com/in/zoë"
    assert display_url("urn:li:member:1") == "urn:li:member:1"


def test_possible_duplicates_suggests_an_old_record_and_skips_what_cannot_be_one_person(tmp_workspace):
    ws = tmp_workspace
    import_parsed(ws, export([
        person("Sam", "Ortiz", url="linkedin.com/in/sam-ortiz", company="Bluefin Payments"),
        person("Maya", "Chen", url="linkedin.com/in/maya", company="Globex"),
        person("Lee", "Park", url="linkedin.com/in/lee-park-1", company="Acme"),
        person("Kim", "Wu", url="linkedin.com/in/kim", company="Acme"),
    ], kind="linkedin_archive", name="a.zip", profile=dict(ME)))
    # Maya's old export (no URLs) still shows Sam's previous employer; it also lists two
    # different Kim Wus, and a Lee Park with another URL (a namesake).
    import_parsed(ws, export([
        person("Sam", "Ortiz", company="Harborview Health"),
        person("Kim", "Wu", company="Globex"),
        person("Kim", "Wu", company="Initech"),
        person("Lee", "Park", url="linkedin.com/in/lee-park-2", company="Umbrella"),
    ], name="maya.csv"), owner="Maya Chen")
    pairs = possible_duplicates(ws)
    assert pairs["name"].tolist() == ["Kim Wu", "Kim Wu", "Sam Ortiz"]
    sam = pairs.iloc[2]
    assert (sam["keep_company"], sam["other_company"]) == ("Bluefin Payments", "Harborview Health")
    assert sam["other_sources"] == ["Maya Chen's connections"]
    assert "companies differ" in sam["reason"]
    # the two Kim Wus on Maya's one list are never paired with each other
    kim_pairs = pairs[pairs["name"] == "Kim Wu"]
    assert kim_pairs["other_id"].nunique() == 2 and kim_pairs["keep_id"].nunique() == 1
