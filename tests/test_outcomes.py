"""Learning from outcomes: hit rates, willingness posteriors, already met, referrals."""

from __future__ import annotations

import pandas as pd
import pytest
from rankfixtures import ME, add_events, add_people, add_ties, me, person

from netanalytics.scoring.outcomes import (
    already_met,
    hit_rates,
    hit_rates_table,
    intermediary_outcomes,
    live_events,
    referrals,
    willingness,
)


def _events(rows):
    frame = pd.DataFrame(rows, columns=["event_id", "person_id", "stage", "at", "via_person_id", "supersedes",
                                        "deleted_at", "referral_person_id"])
    return frame


def test_successes_failures_and_pending():
    ev = _events([
        (1, "t1", "intro_requested", "2026-01-01", "f", None, None, None),
        (2, "t1", "scheduled", "2026-01-10", None, None, None, None),          # reply: success
        (3, "t2", "intro_requested", "2026-02-01", "f", None, None, None),
        (4, "t2", "declined", "2026-02-05", None, None, None, None),           # failure
        (5, "t3", "intro_requested", "2026-03-01", "f", None, None, None),     # pending
        (6, "t4", "intro_made", "2026-03-01", "g", None, None, None),          # made without a logged request
    ])
    out = intermediary_outcomes(ev).set_index("via_person_id")
    assert out.loc["f"].tolist() == [3, 1, 1, 1]
    assert out.loc["g"].tolist() == [1, 1, 0, 0]


def test_my_own_nudges_and_direct_messages_are_not_the_intermediarys_success():
    ev = _events([
        (1, "t1", "intro_requested", "2026-01-01", "f", None, None, None),
        (2, "t1", "followed_up", "2026-01-08", "f", None, None, None),         # my nudge to f
        (3, "t1", "no_response", "2026-01-15", None, None, None, None),        # f never answered
        (4, "t2", "intro_requested", "2026-02-01", "f", None, None, None),
        (5, "t2", "outreach_sent", "2026-02-09", None, None, None, None),      # I went direct
    ])
    out = intermediary_outcomes(ev).set_index("via_person_id")
    # asked, succeeded, failed, pending
    assert out.loc["f"].tolist() == [2, 0, 1, 1]


def test_deleted_and_superseded_events_do_not_count():
    ev = _events([
        (1, "t1", "intro_requested", "2026-01-01", "f", None, None, None),
        (2, "t1", "no_response", "2026-01-20", None, None, "2026-01-21", None),  # deleted
        (3, "t1", "declined", "2026-01-20", None, None, None, None),
        (4, "t1", "scheduled", "2026-01-22", None, 3, None, None),               # an edit replacing 3
    ])
    assert live_events(ev)["event_id"].tolist() == [1, 4]
    assert intermediary_outcomes(ev).iloc[0][["succeeded", "failed"]].tolist() == [1, 0]


def test_willingness_is_beta_posterior_mean():
    # prior mean 0.5 worth 4 pseudo-requests; 0 of 2 -> (2 + 0) / (4 + 2) = 1/3
    assert willingness(0.5, 0, 2) == pytest.approx(1 / 3)
    assert willingness(0.5, 6, 0) == pytest.approx(8 / 10)


def test_hit_rates_table_columns_and_order():
    ev = _events([
        (1, "t1", "intro_requested", "2026-01-01", "f", None, None, None),
        (2, "t1", "no_response", "2026-02-01", None, None, None, None),
        (3, "t2", "intro_requested", "2026-01-01", "g", None, None, None),
        (4, "t2", "intro_made", "2026-01-03", "g", None, None, None),
    ])
    out = hit_rates_table(ev, {"f": 0.5, "g": 0.5}, {"f": "Fay", "g": "Gil"})
    assert list(out.columns[:6]) == ["person_id", "name", "asked", "succeeded", "failed", "pending"]
    assert out["name"].tolist() == ["Gil", "Fay"]
    assert out["rate"].tolist() == [1.0, 0.0]
    assert out["posterior_mean"].tolist() == pytest.approx([3 / 5, 2 / 5])


def test_already_met_and_referrals():
    ev = _events([
        (1, "t1", "interviewed", "2026-04-02T10:00", None, None, None, None),
        (2, "t1", "referral_given", "2026-04-03", None, None, None, "r1"),
        (3, "r2", "referral_given", "2026-04-03", "t1", None, None, None),
    ])
    assert already_met(ev) == {"t1": "2026-04-02"}
    assert referrals(ev) == {"r1": "t1", "r2": "t1"}


def test_hit_rates_from_workspace(tmp_workspace):
    add_people(tmp_workspace, [me(), person("p_f", "Fay Friend"), person("p_t", "Tia Target")])
    add_ties(tmp_workspace, [{"owner_id": ME, "person_id": "p_f", "relationship": "close-friend"},
                             {"owner_id": "p_f", "person_id": "p_t"}])
    add_events(tmp_workspace, [{"person_id": "p_t", "stage": "intro_requested", "at": "2026-01-01",
                                "via_person_id": "p_f"},
                               {"person_id": "p_t", "stage": "intro_made", "at": "2026-01-02"}])
    out = hit_rates(tmp_workspace).iloc[0]
    assert out["name"] == "Fay Friend" and out["asked"] == 1 and out["succeeded"] == 1
    assert out["prior"] < out["posterior_mean"] < 1
