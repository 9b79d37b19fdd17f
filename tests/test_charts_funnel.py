"""The stage funnel: nested counts and conversions, exactly; bars and labels drawn."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from chart_fixtures import events, small_log

from netanalytics.charts.funnel import FUNNEL_STEPS, FunnelDisplay, funnel_data
from netanalytics.errors import InputError


def test_counts_are_nested_and_conversions_exact() -> None:
    log = small_log()
    extra = events([
        ("dee", "Dee Eno", "identified", "2026-03-06"),
        # Interviewed without a logged ask or schedule: the interview implies both.
        ("eve", "Eve Fox", "interviewed", "2026-03-08"),
        # Referred me on but was never thanked: not counted at 'referral_given'.
        ("eve", "Eve Fox", "referral_given", "2026-03-08 12:00"),
        ("ada", "Ada Park", "referral_given", "2026-03-12"),
    ])
    data = funnel_data(pd.concat([log, extra], ignore_index=True))
    assert data["step"].tolist() == [s for s, _, _ in FUNNEL_STEPS]
    assert data["people"].tolist() == [5, 4, 2, 2, 1, 1]
    assert data["pct_of_previous"].tolist() == pytest.approx([1.0, 0.8, 0.5, 1.0, 0.5, 1.0])
    assert data["pct_of_first"].tolist() == pytest.approx([1.0, 0.8, 0.4, 0.4, 0.2, 0.2])
    asked = data.set_index("step").loc["asked"]
    assert (asked["via_intro"], asked["direct"]) == (2, 2)


def test_empty_log_gives_zero_counts_and_nan_rates() -> None:
    data = funnel_data(small_log().iloc[0:0])
    assert data["people"].tolist() == [0] * len(FUNNEL_STEPS)
    assert all(math.isnan(v) for v in data["pct_of_first"])


def test_plot_draws_one_bar_per_step_with_counts_and_percentages() -> None:
    display = FunnelDisplay.from_events(small_log())
    fig = display.plot()
    ax = display.ax_
    assert display.figure_ is fig
    assert len(ax.patches) == len(FUNNEL_STEPS)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Identified" and labels[-1] == "Referred me onward"
    texts = [t.get_text() for t in ax.texts]
    assert "3" in texts and "people in the log" in texts
    assert any(t.startswith("100% of previous step · 100% of all\n2 through an intro, 1 direct") for t in texts)
    fig.canvas.draw()


def test_empty_plot_says_so() -> None:
    display = FunnelDisplay.from_events(small_log().iloc[0:0])
    display.plot()
    assert any("No outreach logged yet" in t.get_text() for t in display.ax_.texts)


def test_missing_columns_are_named() -> None:
    with pytest.raises(InputError, match="missing: stage"):
        funnel_data(small_log().drop(columns="stage"))
