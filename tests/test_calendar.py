"""The .ics export parses with icalendar and holds the right events, with stable UIDs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from netanalytics.outreach.calendar import write_calendar
from netanalytics.outreach.log import log_event

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def ws(tmp_workspace):
    for pid, name in [("p_a", "Ada Lovelace"), ("p_b", "Bob Stone"), ("p_c", "Cy Young")]:
        tmp_workspace.conn.execute(
            "INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES (?, ?, '', '')",
            (pid, name),
        )
    log_event(tmp_workspace, "p_a", "interviewed", at="2026-03-09 15:00")   # thank-you due 03-10
    log_event(tmp_workspace, "p_b", "outreach_sent", at="2026-03-01 09:00")  # nudge due 03-08 (overdue)
    log_event(tmp_workspace, "p_c", "outreach_sent", at="2026-03-12 09:00")  # nudge due 03-19
    return tmp_workspace


def read(path):
    return Calendar.from_ical(path.read_bytes())


def events_by_summary(cal):
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_ics_parses_and_holds_the_right_events(ws, tmp_path):
    path = tmp_path / "out" / "followups.ics"
    count = write_calendar(ws, path, today=date(2026, 3, 10), horizon_days=30, now=NOW)
    cal = read(path)
    events = events_by_summary(cal)
    assert count == 3 == len(events)
    assert set(events) == {"Thank-you note: Ada Lovelace", "Polite nudge: Bob Stone", "Polite nudge: Cy Young"}
    thanks = events["Thank-you note: Ada Lovelace"]
    assert thanks.decoded("dtstart") == date(2026, 3, 10)
    assert thanks.decoded("dtend") == date(2026, 3, 11)
    assert "thank-you within 24 hours" in str(thanks["description"])
    # the overdue nudge lands on today and says since when
    overdue = events["Polite nudge: Bob Stone"]
    assert overdue.decoded("dtstart") == date(2026, 3, 10)
    assert "Overdue since 2026-03-08" in str(overdue["description"])
    assert events["Polite nudge: Cy Young"].decoded("dtstart") == date(2026, 3, 19)
    alarms = thanks.walk("VALARM")
    assert len(alarms) == 1 and alarms[0].decoded("trigger") == timedelta(hours=9)
    assert str(cal["version"]) == "2.0"


def test_horizon_limits_and_no_alarm(ws, tmp_path):
    path = tmp_path / "soon.ics"
    write_calendar(ws, path, today=date(2026, 3, 10), horizon_days=5, alarm_hour=None, now=NOW)
    events = events_by_summary(read(path))
    assert "Polite nudge: Cy Young" not in events and len(events) == 2
    assert all(not e.walk("VALARM") for e in events.values())


def test_reexport_keeps_uids_stable(ws, tmp_path):
    first, second = tmp_path / "1.ics", tmp_path / "2.ics"
    write_calendar(ws, first, today=date(2026, 3, 10), now=NOW)
    write_calendar(ws, second, today=date(2026, 3, 11), now=NOW + timedelta(days=1))
    uids1 = {str(e["uid"]) for e in read(first).walk("VEVENT")}
    uids2 = {str(e["uid"]) for e in read(second).walk("VEVENT")}
    assert uids1 == uids2 and len(uids1) == 3
    seq1 = {str(e["uid"]): int(e["sequence"]) for e in read(first).walk("VEVENT")}
    seq2 = {str(e["uid"]): int(e["sequence"]) for e in read(second).walk("VEVENT")}
    assert all(seq2[u] > seq1[u] for u in seq1)


def test_keep_in_touch_uid_is_per_person_so_a_reset_updates_it(tmp_workspace, tmp_path):
    ws = tmp_workspace
    ws.conn.execute("INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES ('p_a', 'Ada', '', '')")
    log_event(ws, "p_a", "interviewed", at="2026-01-01 10:00")
    log_event(ws, "p_a", "thank_you_sent", at="2026-01-01 18:00")
    write_calendar(ws, tmp_path / "a.ics", today=date(2026, 3, 1), horizon_days=60, now=NOW)
    log_event(ws, "p_a", "followed_up", at="2026-02-01 10:00")
    write_calendar(ws, tmp_path / "b.ics", today=date(2026, 3, 1), horizon_days=100, now=NOW)
    [a] = read(tmp_path / "a.ics").walk("VEVENT")
    [b] = read(tmp_path / "b.ics").walk("VEVENT")
    assert str(a["uid"]) == str(b["uid"])
    assert a.decoded("dtstart") == date(2026, 4, 1) and b.decoded("dtstart") == date(2026, 5, 2)


def test_hostile_names_are_just_text(tmp_workspace, tmp_path):
    ws = tmp_workspace
    name = "Eve\r\nBEGIN:VEVENT\r\nSUMMARY:pwned; x,y"
    ws.conn.execute("INSERT INTO people(person_id, full_name, created_at, updated_at) VALUES ('p_e', ?, '', '')", (name,))
    log_event(ws, "p_e", "interviewed", at="2026-03-09 15:00")
    write_calendar(ws, tmp_path / "e.ics", today=date(2026, 3, 10), now=NOW)
    [event] = read(tmp_path / "e.ics").walk("VEVENT")
    assert str(event["summary"]) == "Thank-you note: Eve BEGIN:VEVENT SUMMARY:pwned; x,y"


def test_empty_log_writes_a_valid_empty_calendar(tmp_workspace, tmp_path):
    assert write_calendar(tmp_workspace, tmp_path / "x.ics", today="2026-03-10", now=NOW) == 0
    assert read(tmp_path / "x.ics").walk("VEVENT") == []
