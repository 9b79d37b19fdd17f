"""Response rates: each ask classified exactly, grouped by intermediary and path length."""

from __future__ import annotations

import pandas as pd
import pytest
from chart_fixtures import events, small_log

from netanalytics.charts.response import (
    DIRECT,
    MAX_INTERMEDIARIES,
    PATH_LABELS,
    ResponseRateDisplay,
    asks_frame,
    response_data,
)
from netanalytics.errors import InputError


def _log() -> pd.DataFrame:
    return pd.concat([small_log(), events([
        # Via Gus, who is not my connection (a friend of a friend): a 3-hop path.
        ("dee", "Dee Eno", "intro_requested", "2026-03-06", "gus", "Gus Hale"),
        ("dee", "Dee Eno", "intro_made", "2026-03-08", "gus", "Gus Hale"),
        ("dee", "Dee Eno", "declined", "2026-03-12"),  # the target said no: Gus still came through
        # Silence on an intro request, then a direct message that is still open.
        ("eve", "Eve Fox", "intro_requested", "2026-03-01", "fay", "Fay Lin"),
        ("eve", "Eve Fox", "no_response", "2026-03-15", "fay", "Fay Lin"),
        ("eve", "Eve Fox", "outreach_sent", "2026-03-16"),
        # An intro, then my own message to the target in the same thread: one ask, not two.
        ("fin", "Fin Gray", "intro_requested", "2026-03-02", "fay", "Fay Lin"),
        ("fin", "Fin Gray", "intro_made", "2026-03-04", "fay", "Fay Lin"),
        ("fin", "Fin Gray", "outreach_sent", "2026-03-05"),
        ("fin", "Fin Gray", "scheduled", "2026-03-06"),
    ])], ignore_index=True)


def test_each_ask_gets_one_outcome_and_path_length() -> None:
    asks = asks_frame(_log(), first_degree={"fay"})
    got = [(r.person_id, r.via_person_id if isinstance(r.via_person_id, str) else "-", r.path_length, r.outcome)
           for r in asks.itertuples()]
    assert got == [  # in time order
        ("eve", "fay", 2, "no_response"),
        ("fin", "fay", 2, "meeting"),
        ("ada", "-", 1, "meeting"),
        ("bo", "fay", 2, "no_response"),
        ("cy", "fay", 2, "declined"),
        ("dee", "gus", 3, "intro_made"),
        ("eve", "-", 1, "waiting"),
    ]


def test_without_first_degree_hops_decide_else_two() -> None:
    asks = asks_frame(_log(), hops={"dee": 3, "bo": 5})
    lengths = dict(zip(asks["person_id"] + ":" + asks["via_person_id"].fillna("-"), asks["path_length"], strict=True))
    assert lengths["dee:gus"] == 3 and lengths["bo:fay"] == 3 and lengths["cy:fay"] == 2
    assert lengths["ada:-"] == 1


def test_grouped_by_intermediary_direct_last() -> None:
    data = response_data(asks_frame(_log(), first_degree={"fay"}), "intermediary")
    assert data["group"].tolist() == ["Fay Lin", "Gus Hale", DIRECT]
    rows = data.set_index("group")
    assert rows.loc["Fay Lin", ["asks", "decided", "meeting", "declined", "no_response", "yes"]].tolist() == [4, 4, 1, 1, 2, 1]
    assert rows.loc["Fay Lin", "yes_rate"] == pytest.approx(0.25)
    assert rows.loc["Gus Hale", ["intro_made", "yes_rate"]].tolist() == [1, 1.0]
    assert rows.loc[DIRECT, ["asks", "decided", "waiting", "yes_rate"]].tolist() == [2, 1, 1, 1.0]


def test_grouped_by_path_length_always_has_three_rows() -> None:
    data = response_data(asks_frame(_log(), first_degree={"fay"}), "path_length")
    assert data["group"].tolist() == list(PATH_LABELS.values())
    assert data["decided"].tolist() == [1, 4, 1]
    only_direct = response_data(asks_frame(small_log().iloc[:6]), "path_length")
    assert only_direct["asks"].tolist() == [1, 0, 0]
    with pytest.raises(InputError, match="by: expected 'intermediary' or 'path_length'"):
        response_data(asks_frame(_log()), "colour")


def test_many_intermediaries_are_pooled() -> None:
    rows = [(f"t{i}", f"T{i}", "intro_requested", "2026-03-01", f"v{i:02d}", f"Via {i:02d}")
            for i in range(MAX_INTERMEDIARIES + 3)]
    data = response_data(asks_frame(events(rows)), "intermediary")
    assert len(data) == MAX_INTERMEDIARIES + 1
    assert data["group"].iloc[-1] == "Others (3 people)"
    assert data["asks"].sum() == MAX_INTERMEDIARIES + 3


def test_plot_has_both_panels_with_n_annotated() -> None:
    display = ResponseRateDisplay.from_events(_log(), first_degree={"fay"})
    fig = display.plot()
    top, bottom = display.axes_
    assert display.ax_ is top and display.figure_ is fig
    assert [t.get_text() for t in top.get_yticklabels()] == ["Fay Lin", "Gus Hale", DIRECT]
    assert [t.get_text() for t in bottom.get_yticklabels()] == list(PATH_LABELS.values())
    notes = [t.get_text() for t in top.texts]
    # one answer is a count in words, not "100%"
    assert notes == ["25% yes (1 of 4)", "1 of 1 said yes", "1 of 1 said yes (+1 waiting)"]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["meeting", "intro made", "declined", "no reply"]
    fig.canvas.draw()


def test_no_asks_draws_a_message() -> None:
    display = ResponseRateDisplay.from_events(events([("a", "A", "identified", "2026-03-01")]))
    display.plot()
    assert any("No asks logged yet" in t.get_text() for t in display.ax_.texts)
