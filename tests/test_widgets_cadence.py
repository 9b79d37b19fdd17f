"""widgets/cadence.py: due and overdue follow-ups, on-time rate, charts, the .ics button."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest
import widget_fixtures as wf

from netanalytics.charts import CHARTS
from netanalytics.outreach.cadence import due
from netanalytics.outreach.log import log_event
from netanalytics.widgets.cadence import CHART_LABELS, KIND_LABELS, CadenceCharts, FollowUps

TODAY = date(2026, 3, 10)
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def ws(tmp_workspace):
    return wf.build(tmp_workspace)


def test_due_list_is_the_library_due_list(ws):
    panel = FollowUps(ws, today=TODAY)
    expected = due(ws, today=TODAY, within_days=panel.ahead.value)
    assert [(r["person_id"], r["kind"]) for r in panel.rows] == list(
        zip(expected["person_id"], expected["kind"], strict=True)
    )
    by_kind = {r["kind"]: r for r in panel.rows}
    assert by_kind["thank_you"]["when"] == "overdue 7 days"
    assert by_kind["nudge"]["when"] == "overdue 2 days"
    assert KIND_LABELS["thank_you"] in list(panel.table.grid.data["To do"])
    assert "2 follow-ups due by Tue 10 Mar 2026" in panel.head.value
    assert "2 overdue" in panel.head.value


def test_marking_a_thank_you_done_logs_it_and_clears_it(ws):
    from netanalytics.outreach.log import history

    panel = FollowUps(ws, today=TODAY)
    index = next(i for i, r in enumerate(panel.table.page_rows) if r["kind"] == "thank_you")
    who = panel.table.select(index)["person_id"]
    assert panel.card.buttons["done"].description == "Done: send a thank-you"
    panel.card.act("done")
    assert panel.card.status.kind == "ok" and "thank-you sent" in panel.card.status.message
    assert history(ws, who)[-1].stage == "thank_you_sent"
    assert all(not (r["person_id"] == who and r["kind"] == "thank_you") for r in panel.rows)
    assert "100%" in panel.rate.value or "On time" in panel.rate.value


def test_snoozing_moves_a_follow_up_out_of_the_list(ws):
    panel = FollowUps(ws, today=TODAY)
    panel.ahead.value = 0
    who = panel.table.select(0)["person_id"]
    panel.card.act("snooze")
    assert panel.card.status.kind == "ok" and "wait until Tue 17 Mar 2026" in panel.card.status.message
    assert who not in {r["person_id"] for r in panel.rows}


def test_changing_the_day_or_look_ahead_refreshes(ws):
    panel = FollowUps(ws, today=date(2026, 3, 1))
    panel.ahead.value = 0
    assert panel.rows == [] and "Nothing due" in panel.table.where.value
    panel.today.value = TODAY
    assert {r["kind"] for r in panel.rows} == {"thank_you", "nudge"}


def test_on_time_rate_counts_follow_ups_that_fell_due(ws):
    log_event(ws, "p_ada", "thank_you_sent", at="2026-03-02 20:00")
    panel = FollowUps(ws, today=TODAY)
    assert "On time:" in panel.rate.value
    assert 0.0 <= panel.on_time_rate <= 1.0
    assert "thank-yous 100% (1 of 1)" in panel.rate.value


def test_no_follow_ups_yet_is_said_plainly(tmp_workspace):
    panel = FollowUps(wf.build(tmp_workspace, events=False), today=TODAY)
    assert "No follow-ups have fallen due yet" in panel.rate.value
    assert "Nothing due" in panel.table.where.value


def test_untrusted_names_in_the_due_list_are_text(ws):
    log_event(ws, "p_xss", "interviewed", at="2026-03-05 10:00")
    panel = FollowUps(ws, today=TODAY)
    assert wf.XSS in list(panel.table.grid.data["Who"])  # data drawn as text on the canvas
    index = next(i for i, r in enumerate(panel.table.page_rows) if r["person_id"] == "p_xss")
    panel.table.select(index)
    assert wf.XSS not in panel.card.head.value and "&lt;img src=x onerror=alert(1)&gt;" in panel.card.head.value


def test_write_calendar_writes_a_parseable_ics(ws, tmp_path):
    panel = FollowUps(ws, today=TODAY)
    assert panel.ics_path.value.endswith("followups.ics")
    target = tmp_path / "out" / "reminders.ics"
    panel.ics_path.value = str(target)
    panel.write_calendar()
    assert panel.status.kind == "ok", panel.status.message
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == panel.written[1] >= 2
    assert any("Ada Lovelace" in str(e.get("SUMMARY")) for e in events)


def test_write_calendar_to_an_unwritable_place_is_a_readable_error(ws, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    panel = FollowUps(ws, today=TODAY)
    panel.ics_path.value = str(blocker / "reminders.ics")
    panel.write_calendar()
    assert panel.status.kind == "error"
    assert "Traceback" not in panel.status.message and str(blocker) in panel.status.message
    assert not panel.write.disabled


def test_charts_are_the_library_charts_one_at_a_time(ws):
    charts = CadenceCharts(ws, today=TODAY)
    assert [key for _, key in charts.choice.options] == list(CHARTS)
    assert set(CHART_LABELS) == set(CHARTS)
    for key in CHARTS:
        charts.choice.value = key
        assert charts.status.kind != "error", charts.status.message
        assert bytes(charts.image.value).startswith(PNG)


def test_the_on_time_figure_is_the_sum_of_its_parts_and_the_charts_figure(ws):
    """One rule for on time: the widget's overall equals its per-kind counts added up, and
    the chart's totals over the same obligations."""
    import re

    from netanalytics.charts.rates import OnTimeRateDisplay
    from netanalytics.outreach.cadence import followup_timeliness, load_rules
    from netanalytics.outreach.log import events_frame

    log_event(ws, "p_ada", "thank_you_sent", at="2026-03-04 20:00")  # late
    log_event(ws, "p_lin", "followed_up", at="2026-03-08 10:00")    # the nudge, on time
    log_event(ws, "p_omar", "interviewed", at="2026-03-05 10:00")
    log_event(ws, "p_omar", "thank_you_sent", at="2026-03-05 18:00")  # on time
    # an ask, a nudge and a long silence: a no_response obligation, which the rate leaves out
    log_event(ws, "p_maya", "outreach_sent", at="2026-01-02 10:00")
    log_event(ws, "p_maya", "followed_up", at="2026-01-09 10:00")
    panel = FollowUps(ws, today=TODAY)
    timeliness = followup_timeliness(events_frame(ws), load_rules(ws), today=TODAY)
    assert "no_response" in set(timeliness.dropna(subset=["on_time"])["kind"])
    text = panel.rate.value
    on, of = map(int, re.search(r"\((\d+) of (\d+) follow-ups", text).groups())
    parts = [(int(k), int(n)) for k, n in re.findall(r"\d+% \((\d+) of (\d+)\)", text)]
    assert sum(n for _, n in parts) == of and sum(k for k, _ in parts) == on
    assert 0 < on < of and len(parts) >= 2
    chart = OnTimeRateDisplay.from_timeliness(
        followup_timeliness(events_frame(ws), load_rules(ws), today=TODAY), TODAY, weeks=None)
    assert sum(n for _, n in chart.overall().values()) == of
    assert sum(k for k, _ in chart.overall().values()) == on
    # and each group of the figure is the chart's group, with the same counts
    for series, (k, n) in chart.overall().items():
        if n:
            assert f"{series.lower()} {k / n:.0%} ({k} of {n})" in text
