"""Schools and roles per person: saved profiles, my own archive, the user's word, merges."""

from __future__ import annotations

import pandas as pd
import pytest

from netanalytics.ingest.profile_pdf import Education, Experience, ProfileRecord, YearMonth
from netanalytics.workspace.corrections import merge_people
from netanalytics.workspace.edits import set_person
from netanalytics.workspace.profiles import (
    background,
    education_frame,
    experience_frame,
    latest_profiles,
    person_card,
    store_profile,
)
from netanalytics.workspace.rows import insert_person, insert_source

NOW = "2026-11-20T10:00:00+00:00"


def saved(ws, pid: str, record: ProfileRecord, name: str = "p.pdf") -> int:
    source = insert_source(ws.conn, kind="profile_pdf", owner_person_id="p_me", path=name, content_hash=name,
                           imported_at=NOW)
    return store_profile(ws.conn, pid, source, record, NOW)


@pytest.fixture
def ws(tmp_workspace):
    insert_person(tmp_workspace.conn, "p_me", "Avery Sampleton", now=NOW, is_me=1, company="BIDMC")
    insert_person(tmp_workspace.conn, "p_ann", "Ann Lee", now=NOW, company="Stripe", location="Boston, MA")
    insert_person(tmp_workspace.conn, "p_ann2", "Ann Lee", now=NOW, company="Toast")
    tmp_workspace.conn.executemany(
        "INSERT INTO my_education(school, degree, start_on, end_on) VALUES (?, ?, ?, ?)",
        [("Northeastern University", "Bachelor of Arts - BA, Economics", "2021-01-01", "2025-01-01"),
         ("General Assembly", "Certificate, Product Management", "2026-01-01", None)])
    tmp_workspace.conn.executemany(
        "INSERT INTO my_positions(company, title, location, started_on, finished_on) VALUES (?, ?, ?, ?, ?)",
        [("edX", "Product Management Intern", "Cambridge, MA", "2024-06-01", "2024-08-01"),
         ("BIDMC", "Operations Analyst", "Boston, MA", "2025-07-01", None)])
    tmp_workspace.conn.execute("INSERT INTO my_profile(key, value) VALUES ('location', 'Boston, Massachusetts')")
    return tmp_workspace


def test_my_schools_and_roles_come_from_my_archive_with_degree_and_field_apart(ws):
    mine = education_frame(ws.conn, ["p_me"])
    assert mine[["school", "degree", "field", "start_year", "end_year", "source"]].values.tolist() == [
        ["Northeastern University", "Bachelor of Arts - BA", "Economics", 2021, 2025, "your LinkedIn archive"],
        ["General Assembly", "Certificate", "Product Management", 2026, pd.NA, "your LinkedIn archive"],
    ]
    roles = experience_frame(ws.conn, ["p_me"])
    assert roles[["company", "started", "ended"]].values.tolist() == [
        ["BIDMC", "2025-07", None], ["edX", "2024-06", "2024-08"]]  # current first
    found = background(ws.conn, "p_me")
    assert found["location"] == "Boston, Massachusetts" and found["company"] == "BIDMC"


def test_the_newest_profile_is_what_they_say_now_and_follows_merges(ws):
    older = ProfileRecord(name="Ann Lee", experiences=(Experience("Toast", "PM", YearMonth(2020), None),),
                          education=(Education("Tufts University"),))
    newer = ProfileRecord(name="Ann Lee", experiences=(Experience("Stripe", "Senior PM", YearMonth(2024, 2), None),
                                                       Experience("Toast", "PM", YearMonth(2020), YearMonth(2024, 1))),
                          education=(Education("Tufts University", "BA", "Economics", 2012, 2016),))
    saved(ws, "p_ann2", older, "old.pdf")
    newest = saved(ws, "p_ann", newer, "new.pdf")
    merge_people(ws, "p_ann", "p_ann2")
    assert latest_profiles(ws.conn) == {"p_ann": newest}
    assert experience_frame(ws.conn, ["p_ann"])["title"].tolist() == ["Senior PM", "PM"]
    set_person(ws, "p_ann", school="Northeastern University")
    schools = education_frame(ws.conn, ["p_ann"])
    assert schools[["school", "source"]].values.tolist() == [
        ["Northeastern University", "you"], ["Tufts University", "their saved profile"]]
    card = person_card(ws, "Ann Lee")
    assert [p["file"] for p in card["profiles"]] == ["new.pdf", "old.pdf"]
    assert card["sources"]["company"].startswith("their saved profile (new.pdf, imported 2026-11-20)")
    assert card["sources"]["location"] is None  # written by hand here: no import named it
    assert background(ws.conn, "p_ann")["employers"][0][:2] == ("Stripe", "2024-02")
