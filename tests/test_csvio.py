"""CSV export of the log: formula-injection-safe, and lossless through import."""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netanalytics.errors import InputError
from netanalytics.outreach.csvio import (
    CSV_COLUMNS,
    escape_cell,
    export_log,
    import_log,
    unescape_cell,
)
from netanalytics.outreach.log import Referral, events_frame, log_event, undo_last
from netanalytics.workspace import open_workspace

PEOPLE = [("p_me", "Sam Seeker", None, 1), ("p_ada", "Ada Lovelace", "linkedin.com/in/ada", 0),
          ("p_bob", "Bob Friend", None, 0)]
HOSTILE = ["=1+1", "-5", "+44 20 7946 0000", "@x", "'quoted", "''twice", "'=x", "\tTab", "＝WIDE",
           "line one\nline two, with \"quotes\"", "{0.__class__}"]


def add_people(ws):
    for pid, name, url, is_me in PEOPLE:
        ws.conn.execute(
            "INSERT INTO people(person_id, full_name, profile_url, is_me, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, '', '')",
            (pid, name, url, is_me),
        )


@pytest.fixture
def ws(tmp_workspace):
    add_people(tmp_workspace)
    return tmp_workspace


def fill(ws):
    log_event(ws, "p_ada", "intro_requested", at="2026-03-01 09:00", via="p_bob", channel="email",
              notes=HOSTILE[0], questions=HOSTILE[1], learned=HOSTILE[2], next_step=HOSTILE[3])
    for i, text in enumerate(HOSTILE[4:]):
        log_event(ws, "p_bob", "followed_up", at=f"2026-03-0{2 + i} 10:00", notes=text)
    log_event(ws, "p_ada", "referral_given", at="2026-03-20 12:00",
              referral=Referral("Grace Hopper", company="Navy", position="=cmd()", profile_url="linkedin.com/in/grace"))


def comparable(ws):
    frame = events_frame(ws).drop(columns=["event_id", "deleted_at"])
    return frame.sort_values(["at", "person_id", "stage"]).reset_index(drop=True)


@pytest.mark.parametrize("value", HOSTILE)
def test_escape_round_trips(value):
    assert unescape_cell(escape_cell(value)) == value


@given(st.text(max_size=30))
@settings(max_examples=100, deadline=None)
def test_escape_round_trips_any_text(value):
    escaped = escape_cell(value)
    assert unescape_cell(escaped) == (value or None)
    assert not escaped.startswith(("=", "+", "-", "@"))


def test_export_neutralises_formulas(ws, tmp_path):
    fill(ws)
    path = tmp_path / "log.csv"
    assert export_log(ws, path) == len(HOSTILE) - 4 + 1 + 2
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(CSV_COLUMNS)
    cells = [cell for row in rows for cell in row.values()]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "＝")) for cell in cells)
    first = rows[0]
    assert (first["notes"], first["questions"], first["learned"], first["next_step"]) == (
        "'=1+1", "'-5", "'+44 20 7946 0000", "'@x")
    assert "''quoted" in cells and "'''twice" in cells
    assert any(row["referral_position"] == "'=cmd()" for row in rows)


def test_round_trip_into_a_fresh_workspace(ws, tmp_path):
    fill(ws)
    path = tmp_path / "log.csv"
    export_log(ws, path)
    with open_workspace(tmp_path / "fresh") as fresh:
        add_people(fresh)
        result = import_log(fresh, path)
        assert (result.added, result.skipped, result.people_created) == (len(HOSTILE) - 4 + 1 + 2, 0, 1)
        pd.testing.assert_frame_equal(comparable(fresh), comparable(ws))
        grace = fresh.conn.execute("SELECT * FROM people WHERE full_name = 'Grace Hopper'").fetchone()
        assert grace["position"] == "=cmd()" and grace["profile_url"] == "linkedin.com/in/grace"
        assert fresh.conn.execute("SELECT count(*) FROM ties WHERE owner_id = 'p_ada'").fetchone()[0] == 1
        # importing again adds nothing
        again = import_log(fresh, path)
        assert (again.added, again.skipped) == (0, result.added)
        # and the import can be undone as one step
        undo_last(fresh)  # nothing added by the second import, so this undoes the first
        assert events_frame(fresh).empty


def test_import_matches_people_by_url_and_name_when_ids_differ(ws, tmp_path):
    log_event(ws, "p_ada", "outreach_sent", at="2026-03-01 09:00", via="Bob Friend")
    path = tmp_path / "log.csv"
    export_log(ws, path)
    with open_workspace(tmp_path / "other") as other:
        for pid, name, url in [("x_ada", "Ada Lovelace", "linkedin.com/in/ada"), ("x_bob", "Bob Friend", None)]:
            other.conn.execute(
                "INSERT INTO people(person_id, full_name, profile_url, created_at, updated_at) VALUES (?, ?, ?, '', '')",
                (pid, name, url),
            )
        import_log(other, path)
        [row] = events_frame(other).to_dict("records")
        assert (row["person_id"], row["via_person_id"]) == ("x_ada", "x_bob")


def test_bad_rows_name_line_and_field_and_write_nothing(ws, tmp_path):
    fill(ws)
    path = tmp_path / "log.csv"
    export_log(ws, path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0]
    cases = {
        "stage": header + "\r\n,p_ada,Ada Lovelace,,,waved,2026-03-01T09:00:00" + "," * 13,
        "at": header + "\r\n,p_ada,Ada Lovelace,,,identified,sometime" + "," * 13,
        "person_id": header + "\r\n,p_zz,Zed Nobody,,,identified,2026-03-01T09:00:00" + "," * 13,
    }
    with open_workspace(tmp_path / "fresh") as fresh:
        add_people(fresh)
        for field, text in cases.items():
            bad = tmp_path / f"bad-{field}.csv"
            bad.write_text(text + "\r\n", encoding="utf-8")
            with pytest.raises(InputError, match=rf"line 2, field '{field}'"):
                import_log(fresh, bad)
        assert fresh.conn.execute("SELECT count(*) FROM outreach_events").fetchone()[0] == 0


def test_wrong_file_is_a_clear_error(ws, tmp_path):
    other = tmp_path / "Connections.csv"
    other.write_text("First Name,Last Name\nAda,Lovelace\n")
    with pytest.raises(InputError, match="no column stage, at"):
        import_log(ws, other)
    with pytest.raises(InputError, match="nothing at that path"):
        import_log(ws, tmp_path / "missing.csv")
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"stage,at,name\n\xff\xfe\x00bad\n")
    with pytest.raises(InputError, match="UTF-8"):
        import_log(ws, binary)


_text = st.one_of(st.none(), st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20))


@given(notes=_text, questions=_text, learned=_text, next_step=_text)
@settings(max_examples=25, deadline=None)
def test_any_text_round_trips(tmp_path_factory, notes, questions, learned, next_step):
    base = tmp_path_factory.mktemp("rt")
    with open_workspace(base / "a") as a, open_workspace(base / "b") as b:
        add_people(a)
        add_people(b)
        log_event(a, "p_ada", "outreach_sent", at="2026-03-01 09:00", notes=notes, questions=questions,
                  learned=learned, next_step=next_step)
        export_log(a, base / "log.csv")
        import_log(b, base / "log.csv")
        pd.testing.assert_frame_equal(comparable(b), comparable(a))
