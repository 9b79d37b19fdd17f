"""Activity per week: counts exact, quiet weeks are zeros, stacked bars drawn."""

from __future__ import annotations

import datetime as dt

import pytest
from chart_fixtures import events, small_log

from netanalytics.charts.activity import ACTIVITY_KINDS, ActivityDisplay, activity_data
from netanalytics.errors import InputError


def test_weekly_counts_are_exact_up_to_today() -> None:
    data = activity_data(small_log(), today="2026-03-20")
    # Weeks start on Monday, from the first counted event (identified is not activity).
    assert data["week"].tolist() == [dt.date(2026, 3, 2), dt.date(2026, 3, 9), dt.date(2026, 3, 16)]
    assert data[["asks", "meetings", "follow_ups", "total"]].values.tolist() == [
        [3, 0, 0, 3],  # outreach_sent, two intro requests
        [0, 1, 2, 3],  # interview; thank-you and a nudge
        [0, 0, 0, 0],  # no_response is an outcome, not activity: a real zero week
    ]


def test_events_after_today_are_ignored_and_weeks_reach_today() -> None:
    log = small_log()
    data = activity_data(log, today="2026-03-05")
    assert int(data["asks"].sum()) == 3 and int(data["meetings"].sum()) == 0
    later = activity_data(log, today="2026-04-01")
    assert later["week"].iloc[-1] == dt.date(2026, 3, 30)
    assert later["total"].iloc[-1] == 0


def test_empty_and_plot() -> None:
    empty = activity_data(events([("a", "A", "identified", "2026-03-01")]), today="2026-03-02")
    assert empty.empty
    display = ActivityDisplay.from_events(small_log(), today="2026-03-20")
    fig = display.plot()
    ax = display.ax_
    assert display.figure_ is fig
    assert len(ax.containers) == len(ACTIVITY_KINDS)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [label for _, label, _, _ in ACTIVITY_KINDS]
    assert [t.get_text() for t in ax.texts] == ["3", "3", "0"]  # the quiet week says 0
    assert ax.get_title(loc="right") == "3 asks · 1 meeting · 2 follow-ups over 3 weeks"
    fig.canvas.draw()
    quiet = ActivityDisplay(empty)
    quiet.plot()
    assert any("No asks, meetings or follow-ups" in t.get_text() for t in quiet.ax_.texts)


def test_missing_columns_are_named() -> None:
    with pytest.raises(InputError, match="missing: at"):
        activity_data(small_log().drop(columns="at"))


def test_long_logs_skip_the_bar_totals() -> None:
    from netanalytics.charts.activity import MAX_ANNOTATED_WEEKS

    log = events([("a", "A", "outreach_sent", "2025-01-06"), ("b", "B", "outreach_sent", "2026-03-02")])
    display = ActivityDisplay.from_events(log, today="2026-03-02")
    assert len(display.data_) > MAX_ANNOTATED_WEEKS
    display.plot()
    assert len(display.ax_.texts) == 0
    assert int(display.data_["asks"].sum()) == 2
