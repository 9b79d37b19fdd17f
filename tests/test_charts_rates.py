"""On-time rate: weekly data checked exactly, gaps stay gaps, the drawing has its labels."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from chart_fixtures import small_log

from netanalytics.charts.rates import OnTimeRateDisplay, on_time_rate_data
from netanalytics.errors import InputError


def _timeliness(rows: list[tuple]) -> pd.DataFrame:
    """(kind, due, done_at or None, on_time)."""
    frame = pd.DataFrame(
        [{"person_id": f"p{i}", "name": f"P{i}", "kind": k, "due": dt.date.fromisoformat(d),
          "done_at": pd.Timestamp(done) if done else pd.NaT, "on_time": o}
         for i, (k, d, done, o) in enumerate(rows)]
    )
    frame["on_time"] = frame["on_time"].astype(object)
    return frame


ROWS = [
    ("thank_you", "2026-03-03", "2026-03-02 20:00", True),   # week of 2 Mar, on time
    ("thank_you", "2026-03-04", "2026-03-12 09:00", False),  # late: counted in the week it fell due
    ("thank_you", "2026-03-05", None, False),                # missed, still open
    ("nudge", "2026-03-18", "2026-03-17 09:00", True),       # week of 16 Mar
    ("referral", "2026-03-19", None, None),                  # not yet due: left out
    ("no_response", "2026-03-04", "2026-03-04 09:00", True),  # bookkeeping, not a follow-up
    ("keep_in_touch", "2026-06-01", "2026-03-03 10:00", True),  # met months early: left out
    ("keep_in_touch", "2026-03-20", "2026-03-16 10:00", True),  # met near its date: counts
]


def test_weekly_rates_are_exact_and_empty_weeks_are_gaps() -> None:
    data = on_time_rate_data(_timeliness(ROWS))
    got = {(str(r.week), r.series): (r.on_time, r.late, r.decided) for r in data.itertuples()}
    assert got == {
        ("2026-03-02", "Thank-yous"): (1, 2, 3),
        ("2026-03-02", "Follow-ups"): (0, 0, 0),
        ("2026-03-09", "Thank-yous"): (0, 0, 0),
        ("2026-03-09", "Follow-ups"): (0, 0, 0),
        ("2026-03-16", "Thank-yous"): (0, 0, 0),
        ("2026-03-16", "Follow-ups"): (2, 0, 2),
    }
    rates = data.set_index(["series"])["rate"]
    assert rates.loc["Thank-yous"].iloc[0] == pytest.approx(1 / 3)
    assert np.isnan(data["rate"]).sum() == 4  # nothing decided -> NaN, not 0


def test_on_time_done_counts_in_the_week_it_was_done() -> None:
    data = on_time_rate_data(_timeliness([("nudge", "2026-03-09", "2026-03-06 10:00", True)]))
    assert data[data["decided"] > 0]["week"].tolist() == [dt.date(2026, 3, 2)]


def test_keep_in_touch_window_is_configurable() -> None:
    rows = [("keep_in_touch", "2026-06-01", "2026-03-03 10:00", True)]
    assert on_time_rate_data(_timeliness(rows)).empty
    wide = on_time_rate_data(_timeliness(rows), keep_in_touch_window_days=100)
    assert int(wide["on_time"].sum()) == 1


def test_plot_annotates_counts_and_overall_share() -> None:
    display = OnTimeRateDisplay.from_timeliness(_timeliness(ROWS), today="2026-03-20")
    fig = display.plot()
    ax = display.ax_
    assert display.figure_ is fig
    assert sorted(t.get_text() for t in ax.texts if " of " in t.get_text()) == ["1 of 3", "2 of 2"]
    # two follow-ups make no rate: that bar is pale, the three-follow-up bar is not
    alphas = sorted({round(p.get_alpha(), 2) for p in ax.patches if p.get_height() > 0})
    assert alphas == [0.3, 0.9]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0].startswith("Thank-yous") and "33% on time overall (1 of 3)" in legend[0]
    assert "100% on time overall (2 of 2)" in legend[1]
    assert len(ax.patches) == 2  # one bar per decided week and series, none for gaps
    assert display.overall() == {"Thank-yous": (1, 3), "Follow-ups": (2, 2)}
    fig.canvas.draw()


def test_nothing_decided_draws_a_message() -> None:
    display = OnTimeRateDisplay.from_timeliness(_timeliness([("referral", "2026-03-19", None, None)]))
    display.plot()
    assert any("Nothing has fallen due yet" in t.get_text() for t in display.ax_.texts)


def test_from_real_cadence_rules() -> None:
    from netanalytics.outreach.cadence import followup_timeliness

    timeliness = followup_timeliness(small_log(), today=dt.date(2026, 3, 20))
    data = on_time_rate_data(timeliness)
    thank = data[(data["series"] == "Thank-yous") & (data["decided"] > 0)]
    assert thank[["on_time", "decided"]].values.tolist() == [[1, 1]]


def test_missing_columns_are_named() -> None:
    with pytest.raises(InputError, match="missing: on_time"):
        on_time_rate_data(pd.DataFrame({"kind": [], "due": []}))


def test_only_recent_weeks_are_shown_by_default() -> None:
    rows = [("thank_you", "2025-06-02", "2025-06-01 10:00", True),
            ("thank_you", "2026-03-03", "2026-03-02 20:00", True)]
    recent = OnTimeRateDisplay.from_timeliness(_timeliness(rows), today="2026-03-20")
    assert recent.trimmed and recent.data_["week"].min() == dt.date(2025, 9, 22)
    # the overall figures count every week, as notebook 4's on-time figure does
    assert recent.overall() == {"Thank-yous": (2, 2), "Follow-ups": (0, 0)}
    recent.plot()
    assert recent.ax_.get_title(loc="right") == "last 26 weeks"
    everything = OnTimeRateDisplay.from_timeliness(_timeliness(rows), today="2026-03-20", weeks=None)
    assert not everything.trimmed and everything.overall()["Thank-yous"] == (2, 2)
    with pytest.raises(InputError, match="weeks: expected a whole number >= 1"):
        OnTimeRateDisplay.from_timeliness(_timeliness(rows), today="2026-03-20", weeks=0)
