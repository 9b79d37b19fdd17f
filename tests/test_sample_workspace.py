"""Building a workspace from a sample manifest: the committed synthetic sample and tiny ones."""

from __future__ import annotations

import json

import pytest

from netanalytics.errors import InputError
from netanalytics.sample import build_sample_workspace, read_manifest
from netanalytics.workspace import open_workspace
from netanalytics.workspace.queries import people_frame, workspace_summary

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture
def tiny(tmp_path):
    folder = tmp_path / "sample"
    folder.mkdir()
    (folder / "Connections.csv").write_text(
        HEADER + "Ada,Lovelace,https://www.linkedin.com/in/ada,,Engines,Analyst,05 Nov 2023\n"
        "Maya,Chen,https://www.linkedin.com/in/maya,,Globex,Manager,06 Nov 2023\n", encoding="utf-8")
    (folder / "maya.csv").write_text(
        HEADER + "Zed,Zee,https://www.linkedin.com/in/zed,,Globex,Engineer,01 Jan 2022\n", encoding="utf-8")
    manifest = folder / "manifest.json"
    manifest.write_text(json.dumps({"description": "tiny", "imports": [
        {"path": "Connections.csv", "owner": None, "owner_url": None, "relationship": None},
        {"path": "maya.csv", "owner": "Maya Chen", "owner_url": "https://www.linkedin.com/in/maya",
         "relationship": "close-friend"},
    ]}), encoding="utf-8")
    return manifest


def test_tiny_manifest_builds_a_fresh_workspace(tiny, tmp_path, capsys):
    ws_dir = tmp_path / "ws"
    summaries = build_sample_workspace(ws_dir, manifest=tiny)
    assert [s.people_added for s in summaries] == [2, 1]
    assert "Maya Chen's connections" in capsys.readouterr().out
    # Building again starts from scratch: same ids, no "already imported".
    with open_workspace(ws_dir) as ws:
        ws.conn.execute("INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES ('p_x', 'X', '', '')")
        first = sorted(people_frame(ws)["person_id"])
    again = build_sample_workspace(ws_dir, manifest=tiny, quiet=True)
    assert not any(s.unchanged for s in again)
    with open_workspace(ws_dir) as ws:
        assert sorted(people_frame(ws)["person_id"]) == [p for p in first if p != "p_x"]
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("{not json", "valid JSON"),
        ('{"imports": []}', "'imports' list"),
        ('{"imports": [{"owner": null}]}', r"imports\[0\]"),
    ],
)
def test_bad_manifests(tmp_path, content, message):
    manifest = tmp_path / "manifest.json"
    if content is not None:
        manifest.write_text(content)
    with pytest.raises(InputError, match=message):
        read_manifest(manifest)


def test_the_committed_sample_imports(tmp_path, sample_dir):
    manifest = sample_dir / "manifest.json"
    if not manifest.exists():
        pytest.fail("data/sample/manifest.json is missing: regenerate the sample")
    entries = read_manifest(manifest)
    summaries = build_sample_workspace(tmp_path / "ws", quiet=True)
    assert len(summaries) == len(entries)
    assert all(s.people_added > 0 for s in summaries)
    with open_workspace(tmp_path / "ws") as ws:
        summary = workspace_summary(ws)
        people = people_frame(ws)
    assert summary["me"]
    profiles = len(list((sample_dir / "profiles").glob("*.pdf")))
    assert summary["sources"] == len(entries) - 1 + profiles  # each saved profile is its own source
    assert summary["people"] > 3000 and summary["ties"] > 4000
    assert summary["degrees"]["0"] == 1 and summary["degrees"]["1"] > 900 and summary["degrees"]["2"] > 1000
    # the one saved profile of someone in nobody's list: hops unknown until a tie says otherwise
    assert summary["degrees"]["unreachable"] == 1
    assert summaries[-1].people_added == 1 and summaries[-1].people_updated == profiles - 1
    assert summary["hidden_rows_skipped"] > 0
    # Friends' lists overlap with mine: many people are known from several sources.
    assert (people["sources"].map(len) > 1).sum() > 300
    owners = {e["owner"] for e in entries if e.get("owner")}
    labels = {label for labels in people["sources"] for label in labels}
    assert {f"{o}'s connections" for o in owners} <= labels
