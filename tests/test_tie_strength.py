"""Tie strength: the model's terms, friends' ties, explanations."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from rankfixtures import ME, me, person, tables

from netanalytics.scoring.tie_strength import (
    TieStrengthModel,
    explain_tie,
    hop_probability,
    pair_edges,
    score_ties,
)

TODAY = date(2026, 11, 20)


def _score(ties, people=None, **kw):
    people = people or [me(), person("p_a", "A"), person("p_b", "B"), person("p_c", "C")]
    t = tables(people, ties)
    return score_ties(t.ties, t.people, today=TODAY, **kw).set_index(["owner_id", "person_id"])


def test_no_signal_is_weak_and_labels_order_strength():
    s = _score([{"owner_id": ME, "person_id": "p_a"}, {"owner_id": ME, "person_id": "p_b", "relationship": "family"},
                {"owner_id": ME, "person_id": "p_c", "relationship": "acquaintance"}])["strength"]
    assert s[(ME, "p_a")] == pytest.approx(TieStrengthModel().logistic(-2.2))
    assert s[(ME, "p_b")] > s[(ME, "p_a")] > s[(ME, "p_c")]


def test_messages_recency_and_reciprocity_raise_strength():
    base = {"owner_id": ME, "person_id": "p_a", "messages_sent": 5, "messages_received": 5}
    recent = _score([{**base, "last_message_at": "2026-11-01"}])["strength"].iloc[0]
    stale = _score([{**base, "last_message_at": "2024-11-01"}])["strength"].iloc[0]
    one_way = _score([{**base, "messages_received": 0, "last_message_at": "2024-11-01"}])["strength"].iloc[0]
    assert recent > stale > one_way


def test_recency_half_life():
    m = TieStrengthModel(intercept=0, labels={}, messages=0, reciprocity=0, age=0, recency=1.0)
    z = _score([{"owner_id": ME, "person_id": "p_a", "last_message_at": "2026-05-24"}], model=m)["z"].iloc[0]
    assert z == pytest.approx(0.5, abs=0.01)  # 180 days before today: half the recency weight


def test_friend_ties_use_only_age_employer_and_overlap():
    people = [me(), person("p_f", "F", "Acme"), person("p_g", "G", "Acme"), person("p_h", "H")]
    s = _score([
        {"owner_id": "p_f", "person_id": "p_g", "relationship": "family", "messages_sent": 50},
        {"owner_id": "p_f", "person_id": "p_h"}, {"owner_id": "p_g", "person_id": "p_h"},
    ], people)
    m = TieStrengthModel()
    assert s.loc[("p_f", "p_g"), "z"] == pytest.approx(m.intercept + m.shared_employer)  # label and messages ignored
    assert s.loc[("p_f", "p_h"), "overlap"] == 1  # H is also in G's list
    assert s.loc[("p_f", "p_h"), "strength"] > m.logistic(m.intercept)


def test_overrides_correct_my_ties():
    s = _score([{"owner_id": ME, "person_id": "p_a"}], overrides={"p_a": 0.9})["strength"]
    assert s.iloc[0] == 0.9


def test_pair_edges_keep_strongest_assertion():
    scored = pd.DataFrame({"owner": [1, 2], "person": [2, 1], "strength": [0.2, 0.7], "mine": [False, False]})
    out = pair_edges(scored)
    assert out[["u", "v"]].values.tolist() == [[1, 2]] and out["strength"].iloc[0] == 0.7
    assert out["n_assert"].iloc[0] == 2


def test_hop_probability_bounds():
    assert hop_probability(0.0) == 0.05 and hop_probability(1.0) == pytest.approx(0.9)


def test_explanations_mention_the_facts():
    row = _score([{"owner_id": ME, "person_id": "p_a", "relationship": "close-friend", "messages_sent": 6,
                   "messages_received": 8, "last_message_at": "2026-10-14", "connected_on": "2019-01-01",
                   "recommendations_received": 1}]).reset_index().iloc[0].to_dict()
    text = explain_tie(row)
    assert text.startswith("close friend, 14 messages, last in October 2026")
    assert "recommended you" in text and "connected 7 years" in text
    assert explain_tie({"mine": True}) == "no interaction on record"
