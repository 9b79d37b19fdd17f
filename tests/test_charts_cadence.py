"""The cadence timeline: the frames behind it, exactly, and what the drawing holds."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from chart_fixtures import events, small_log
from matplotlib.figure import Figure

from netanalytics.charts.cadence import CadenceTimelineDisplay, cadence_timeline_data
from netanalytics.errors import InputError


def _due(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"person_id": p, "name": n, "kind": k, "due": dt.date.fromisoformat(d), "overdue": o}
         for p, n, k, d, o in rows]
    )


DUE = [
    ("ada", "Ada Park", "keep_in_touch", "2026-06-08", False),
    ("bo", "Bo Chen", "nudge", "2026-03-10", True),
    ("dee", "Dee Eno", "thank_you", "2026-03-19", True),
]


def test_rows_events_and_due_are_computed_exactly() -> None:
    log = pd.concat([small_log(), events([("cy", "Cy Diaz", "scheduled", "2026-03-25")])],
                    ignore_index=True)
    rows, ev, due = cadence_timeline_data(log, _due(DUE), "2026-03-20")
    assert rows[["row", "person_id", "label", "n_events"]].values.tolist() == [
        [0, "ada", "Ada Park", 6], [1, "bo", "Bo Chen", 3], [2, "cy", "Cy Diaz", 2], [3, "dee", "Dee Eno", 0],
    ]
    assert len(ev) == 11  # the event after today is left out
    assert ev.groupby("row").size().to_dict() == {0: 6, 1: 3, 2: 2}
    assert due[["row", "kind", "overdue", "later"]].values.tolist() == [
        [0, "keep_in_touch", False, True],  # beyond today + 21 days: drawn at the edge
        [1, "nudge", True, False],
        [3, "thank_you", True, False],
    ]


def test_max_contacts_keeps_the_most_recently_active() -> None:
    rows, ev, due = cadence_timeline_data(small_log(), _due(DUE), "2026-03-20", max_contacts=2)
    # ada has a due date ahead (counts as active today), dee one due yesterday.
    assert rows["person_id"].tolist() == ["ada", "dee"]
    assert set(ev["person_id"]) == {"ada"}
    assert set(due["person_id"]) == {"ada", "dee"}


def test_labels_are_truncated_and_made_unique() -> None:
    log = events([
        ("a1", "Ada Park", "identified", "2026-03-01"),
        ("a2", "Ada Park", "identified", "2026-03-02"),
        ("w", "Maximiliana Theodora Wolfeschlegel", "identified", "2026-03-03"),
    ])
    rows, _, _ = cadence_timeline_data(log, None, "2026-03-05")
    assert rows["label"].tolist() == ["Ada Park", "Ada Park (2)", "Maximiliana Theodora Wo…"]
    assert all(len(label) <= 24 for label in rows["label"])


def test_plot_returns_a_figure_with_one_label_per_contact_and_a_legend() -> None:
    display = CadenceTimelineDisplay.from_frames(small_log(), _due(DUE), "2026-03-20")
    fig = display.plot()
    assert isinstance(fig, Figure) and display.figure_ is fig
    ax = display.ax_
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Ada Park", "Bo Chen", "Cy Diaz", "Dee Eno"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    # one key, in groups of stages (not one item per stage), then what is due
    groups = ["noted", "asked or introduced", "meeting scheduled or held", "thanked or followed up",
              "referral, card, reference", "declined or no response"]
    assert legend[: len(groups)] == groups
    assert len(legend) <= 10
    assert legend[len(groups):] == ["follow-up due", "due after 10 Apr", "today (20 Mar)",
                                    "overdue (due date → today)"]
    assert "2 follow-ups overdue" in ax.get_title(loc="right")
    # The first row is at the top.
    assert ax.get_ylim()[0] > ax.get_ylim()[1]


def test_the_timeline_stays_short_and_keeps_its_dates_in_sight() -> None:
    from netanalytics.charts.cadence import DEFAULT_MAX_CONTACTS

    events = pd.concat([small_log().assign(person_id=f"p{i}", name=f"Person {i}") for i in range(40)])
    display = CadenceTimelineDisplay.from_frames(events, None, "2026-03-20")
    fig = display.plot()
    assert len(display.rows_) == DEFAULT_MAX_CONTACTS <= 16
    assert fig.get_size_inches()[1] * 96 <= 620  # not the 978 px of one row per stage in the key
    assert display.ax_.xaxis.get_tick_params(which="major").get("labeltop") is True



def test_trimmed_chart_says_how_many_contacts_there_are() -> None:
    display = CadenceTimelineDisplay.from_frames(small_log(), None, "2026-03-20", max_contacts=2)
    display.plot()
    assert display.ax_.get_title(loc="right").startswith("2 most recently active of 3 contacts")


def test_empty_log_draws_a_message_not_blank_axes() -> None:
    display = CadenceTimelineDisplay.from_frames(small_log().iloc[0:0], None, "2026-03-20")
    fig = display.plot()
    assert display.rows_.empty
    assert any("No outreach logged yet" in t.get_text() for t in display.ax_.texts)
    fig.canvas.draw()


def test_plot_on_given_axes_uses_them() -> None:
    fig = Figure()
    ax = fig.add_subplot()
    display = CadenceTimelineDisplay.from_frames(small_log(), None, "2026-03-20")
    assert display.plot(ax=ax) is fig and display.ax_ is ax


def test_bad_input_is_named() -> None:
    with pytest.raises(InputError, match="missing: stage"):
        cadence_timeline_data(pd.DataFrame({"person_id": [], "name": [], "at": []}), None, "2026-03-01")
    with pytest.raises(InputError, match="due follow-ups"):
        cadence_timeline_data(small_log(), pd.DataFrame({"person_id": ["ada"]}), "2026-03-01")
    with pytest.raises(InputError, match="max_contacts"):
        cadence_timeline_data(small_log(), None, "2026-03-01", max_contacts=0)
