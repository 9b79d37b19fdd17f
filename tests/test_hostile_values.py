"""Family 1 of issue 11: values at the edges of time and size are refused where they enter.

Every example of the issue is reproduced through the CLI (exit 2, a message naming the
value, the workspace unchanged), the library entry points are checked directly, and
hypothesis walks the whole space of dates and numbers.
"""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta

import pytest
from hostile_helpers import cli, fingerprint, refused
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netanalytics import bounds
from netanalytics.errors import InputError, NetanalyticsWarning
from netanalytics.ingest.dates import parse_dates, parse_timestamps
from netanalytics.outreach.cadence import CadenceRules, due, due_items, set_keep_in_touch, snooze
from netanalytics.outreach.log import edit_event, events_frame, log_event, undo_last
from netanalytics.workspace import open_workspace

TODAY = date.today()


def _people(ws) -> None:
    for pid, name, is_me in [("p_me", "Sam Seeker", 1), ("p_ada", "Ada Lovelace", 0), ("p_bob", "Bob Friend", 0)]:
        ws.conn.execute(
            "INSERT INTO people(person_id, full_name, company, is_me, created_at, updated_at)"
            " VALUES (?, ?, 'Acme', ?, '', '')",
            (pid, name, is_me),
        )


@pytest.fixture
def wsdir(tmp_path):
    folder = tmp_path / "ws"
    with open_workspace(folder) as ws:
        _people(ws)
        log_event(ws, "p_ada", "interviewed", at="2026-03-02 15:00")
    return str(folder)


# ---------------------------------------------------------------- the examples, via the CLI


@pytest.mark.parametrize("at", ["9999-12-31", "0001-01-01", "1949-12-31 23:59", "3000-01-01 10:00"])
def test_log_at_an_impossible_date_is_refused(wsdir, at):
    before = fingerprint(wsdir)
    code, _, err = cli("--workspace", wsdir, "log", "Ada Lovelace", "interviewed", "--at", at)
    assert refused(code, err, "at", at[:10], "1950-01-01")
    assert fingerprint(wsdir) == before


def test_edit_to_an_impossible_date_is_refused(wsdir):
    before = fingerprint(wsdir)
    code, _, err = cli("--workspace", wsdir, "edit", "1", "--at", "9999-12-31")
    assert refused(code, err, "9999-12-31")
    assert fingerprint(wsdir) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["due", "--within", "99999999999"],
        ["due", "--within", "-1"],
        ["calendar", "--out", "x.ics", "--days", "99999999999"],
        ["calendar", "--out", "x.ics", "--days", "-5"],
        ["keep-in-touch", "Ada Lovelace", "--every", "99999999999"],
        ["keep-in-touch", "Ada Lovelace", "--every", "0"],
        ["edit", "99999999999999999999999", "--notes", "x"],
        ["delete", "9223372036854775808"],
        ["people", "--limit", "99999999999"],
        ["sample-log", "--months", "100000"],
        ["rank", "--top", "-3"],
    ],
)
def test_huge_or_negative_numbers_are_refused_as_usage_errors(wsdir, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    before = fingerprint(wsdir)
    code, _, err = cli("--workspace", wsdir, *argv)
    assert code == 2 and "Traceback" not in err
    assert any(word in err for word in ("from 0", "from 1", "whole number", "3,660")), err
    assert fingerprint(wsdir) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["due", "--today", "9999-12-31"],
        ["due", "--today", "0001-01-01"],
        ["calendar", "--out", "x.ics", "--today", "9999-12-31"],
        ["chart", "timeline", "--out", "t.png", "--today", "9999-12-31"],
        ["chart", "activity", "--out", "a.png", "--today", "0001-01-01"],
        ["chart", "all", "--out", "charts", "--today", "9999-12-31"],
        ["rank", "--industry", "fintech", "--today", "9999-12-31"],
        ["hit-rates", "--today", "0001-01-01"],
        ["snooze", "Ada Lovelace", "--until", "9999-12-31"],
        ["sample-log", "--today", "0001-01-01"],
    ],
)
def test_today_and_until_outside_the_event_range_are_refused(wsdir, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    before = fingerprint(wsdir)
    code, _, err = cli("--workspace", wsdir, *argv)
    assert refused(code, err, "1950-01-01"), err
    assert fingerprint(wsdir) == before
    assert not list(tmp_path.glob("*.png")) and not list(tmp_path.glob("*.ics"))


def test_connected_on_in_year_9999_is_refused_naming_line_and_field(tmp_path):
    csv = tmp_path / "Connections.csv"
    csv.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Lee,https://www.linkedin.com/in/ada,,Acme,Engineer,05 Nov 2023\n"
        "Bo,Yu,https://www.linkedin.com/in/bo,,Acme,Engineer,31 Dec 9999\n",
        encoding="utf-8",
    )
    ws = tmp_path / "ws"
    code, _, err = cli("--workspace", str(ws), "import", str(csv))
    assert refused(code, err, "Connections.csv", "line 3", "Connected On", "9999-12-31", "2003-01-01")
    assert fingerprint(ws) == "absent"


def test_import_log_with_an_impossible_date_is_refused(wsdir, tmp_path):
    log = tmp_path / "log.csv"
    log.write_text("person_id,stage,at\np_ada,outreach_sent,2026-03-01T10:00:00\np_ada,interviewed,9999-12-31T00:00:00\n")
    before = fingerprint(wsdir)
    code, _, err = cli("--workspace", wsdir, "import-log", str(log))
    assert refused(code, err, "line 3", "at", "9999-12-31")
    assert fingerprint(wsdir) == before


# ---------------------------------------------------------------- readers survive values stored before the bounds


@pytest.fixture
def old_wsdir(wsdir):
    """A workspace written by an older version: an event dated 9999-12-31, one dated year 1."""
    with open_workspace(wsdir) as ws:
        for at in ("9999-12-31T00:00:00", "0001-01-01T00:00:00"):
            ws.conn.execute(
                "INSERT INTO outreach_events(person_id, stage, at, created_at) VALUES ('p_bob', 'interviewed', ?, '')",
                (at,),
            )
    return wsdir


@pytest.mark.parametrize(
    "argv",
    [
        ["due"],
        ["due", "--all"],
        ["calendar", "--out", "f.ics"],
        ["chart", "all", "--out", "charts"],
        ["pipeline"],
        ["history", "Bob Friend"],
        ["export-log", "--out", "log.csv"],
        ["hit-rates"],
    ],
)
def test_stored_out_of_range_events_are_named_and_left_out(old_wsdir, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("--workspace", old_wsdir, *argv)
    assert code == 0, err
    if argv[0] in ("due", "calendar", "chart"):
        assert "event 2" in err and "9999-12-31" in err and "netanalytics edit 2 --at" in err
        assert "event 3" in err


def test_the_library_due_warns_and_carries_on(old_wsdir):
    with open_workspace(old_wsdir) as ws, pytest.warns(NetanalyticsWarning) as caught:
        frame = due(ws, date(2026, 3, 10))
    assert frame["kind"].tolist() == ["thank_you"]
    assert sorted(str(w.message)[:7] for w in caught) == ["event 2", "event 3"]


# ---------------------------------------------------------------- library entry points


def test_log_event_refuses_a_blank_person_and_an_impossible_date(wsdir):
    with open_workspace(wsdir) as ws:
        with pytest.raises(InputError, match="person"):
            log_event(ws, "", "outreach_sent")
        with pytest.raises(InputError, match="person"):
            log_event(ws, "   ", "outreach_sent")
        with pytest.raises(InputError, match="9999-12-31"):
            log_event(ws, "p_ada", "outreach_sent", at=datetime(9999, 12, 31))
        with pytest.raises(InputError, match="notes"):
            log_event(ws, "p_ada", "outreach_sent", notes="x" * (bounds.MAX_TEXT_CHARS + 1))
        with pytest.raises(InputError, match="9999-12-31"):
            edit_event(ws, 1, at="9999-12-31 10:00")
        with pytest.raises(InputError, match="person"):
            edit_event(ws, 1, person=" ")


def test_cadence_settings_refuse_huge_numbers(wsdir):
    with pytest.raises(InputError, match="3,660"):
        CadenceRules(nudge_days=10**12)
    with pytest.raises(InputError, match="3,660"):
        CadenceRules.from_dict({"tiers": {"close": 10**9}})
    with open_workspace(wsdir) as ws:
        with pytest.raises(InputError, match="3,660"):
            set_keep_in_touch(ws, "p_ada", days=99999999999)
        with pytest.raises(InputError, match="9999-12-31"):
            snooze(ws, "p_ada", "9999-12-31")


def test_due_items_refuse_an_impossible_today_and_horizon():
    events = events_frame_stub()
    with pytest.raises(InputError, match="today"):
        due_items(events, date(9999, 12, 31))
    with pytest.raises(InputError, match="within"):
        due_items(events, date(2026, 3, 10), within_days=10**9)


def events_frame_stub():
    import pandas as pd

    return pd.DataFrame(
        {"event_id": [1], "person_id": ["p_1"], "name": ["Ada"], "stage": ["interviewed"],
         "at": [pd.Timestamp("2026-03-02 15:00")], "via_person_id": [None]}
    )


def test_charts_refuse_an_impossible_today(wsdir):
    from netanalytics.charts import chart_figure

    with open_workspace(wsdir) as ws:
        for kind in ("timeline", "on-time", "funnel", "response", "activity"):
            with pytest.raises(InputError, match="1950-01-01"):
                chart_figure(ws, kind, today=date(9999, 12, 31))


# ---------------------------------------------------------------- export dates


@pytest.mark.parametrize("value", ["31 Dec 9999", "01 Jan 1970", "05 Nov 2200"])
def test_export_dates_outside_linkedin_s_lifetime_are_refused(value):
    with pytest.raises(InputError) as info:
        parse_dates(["05 Nov 2023", value], where="Connections.csv", field="Connected On", lines=[2, 3],
                    valid=bounds.EXPORT_DATES)
    assert "line 3" in str(info.value) and "2003-01-01" in str(info.value)


def test_message_times_in_the_far_future_are_refused():
    with pytest.raises(InputError, match="DATE"):
        parse_timestamps(["9999-12-31 10:00:00 UTC"], where="messages.csv", field="DATE", valid=bounds.EXPORT_DATES)


# ---------------------------------------------------------------- properties over the whole space


_HYPO = settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
                 deadline=None)


@_HYPO
@given(day=st.dates(), minute=st.integers(0, 24 * 60 - 1))
def test_any_logged_date_is_accepted_in_range_or_refused_unchanged(wsdir, day, minute):
    moment = datetime.combine(day, datetime.min.time()) + timedelta(minutes=minute)
    with open_workspace(wsdir) as ws:
        before = fingerprint(wsdir)
        if bounds.EVENT_DATES.contains(moment):
            log_event(ws, "p_bob", "outreach_sent", at=moment)
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                # Every reader copes with any accepted date, at any accepted horizon.
                due(ws, TODAY, within_days=bounds.HORIZON_DAYS.high)
                due(ws, bounds.EVENT_DATES.latest(), within_days=None)
                due(ws, bounds.EVENT_DATES.earliest)
            undo_last(ws)
        else:
            with pytest.raises(InputError, match=day.isoformat()):
                log_event(ws, "p_bob", "outreach_sent", at=moment)
            assert fingerprint(wsdir) == before


@_HYPO
@given(n=st.integers(min_value=-(10**20), max_value=10**20))
def test_any_horizon_is_accepted_in_range_or_refused(wsdir, n):
    code, _, err = cli("--workspace", wsdir, "due", "--within", str(n), "--format", "json")
    if bounds.HORIZON_DAYS.low <= n <= bounds.HORIZON_DAYS.high:
        assert code == 0, err
    else:
        assert code == 2 and "Traceback" not in err


def test_a_stored_event_read_back_keeps_its_date(wsdir):
    with open_workspace(wsdir) as ws:
        assert events_frame(ws)["at"].tolist()[0] == datetime(2026, 3, 2, 15, 0)


def test_a_stored_keep_in_touch_interval_out_of_range_is_ignored_with_a_warning(wsdir):
    with open_workspace(wsdir) as ws:
        ws.conn.execute(
            "INSERT INTO keep_in_touch(person_id, interval_days, snooze_until, updated_at)"
            " VALUES ('p_ada', 99999999999, '9999-12-31', '')"
        )
    code, _, err = cli("--workspace", wsdir, "due", "--all")
    assert code == 0, err
    assert "99,999,999,999" in err and "Ada Lovelace" not in err.split("warning")[0]
