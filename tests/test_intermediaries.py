"""Who to ask first."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from rankfixtures import ME, add_people, add_ties, me, person

from netanalytics.ranking.intermediaries import marginals, rank_intermediaries


def test_marginals_by_hand():
    paths = pd.DataFrame({"target": [9, 9, 9, 8], "hops": [2, 2, 3, 2], "probability": [0.5, 0.4, 0.3, 0.2],
                          "n1": [1, 2, 1, 1], "n2": [-1, -1, 4, -1]})
    m = marginals(paths).set_index(["target", "n1"])
    # target 9: q1 = 0.5, q2 = 0.4; marginal of 1 = 0.5 * (1 - 0.4) = 0.3; of 2 = 0.4 * 0.5 = 0.2
    assert m.loc[(9, 1), "marginal"] == pytest.approx(0.3)
    assert m.loc[(9, 2), "marginal"] == pytest.approx(0.2)
    assert m.loc[(8, 1), "marginal"] == pytest.approx(0.2)  # the only route


def test_the_friend_who_opens_most_comes_first(tmp_workspace):
    add_people(tmp_workspace, [
        me(), person("p_a", "Ann Adams", "Library"), person("p_b", "Ben Brown", "Bakery"),
        *[person(f"p_t{i}", f"Target {i}", "Stripe", "Product Manager") for i in range(4)],
    ])
    add_ties(tmp_workspace, [
        {"owner_id": ME, "person_id": "p_a", "relationship": "friend"},
        {"owner_id": ME, "person_id": "p_b", "relationship": "close-friend"},
        *[{"owner_id": "p_a", "person_id": f"p_t{i}"} for i in range(4)],
        {"owner_id": "p_b", "person_id": "p_t0"},
    ])
    out = rank_intermediaries(tmp_workspace, {"industries": ["fintech"]}, today=date(2026, 11, 20))
    assert out["name"].tolist() == ["Ann Adams", "Ben Brown"]
    assert out["targets"].tolist() == [4, 1]
    ann = out.iloc[0]
    assert ann["reasons"][0].startswith("opens 4 targets")
    assert any("only route you have to 3" in r for r in ann["reasons"])
    assert any(r.startswith("your tie: friend") for r in ann["reasons"])
    assert 0 < ann["willingness"] < 1
