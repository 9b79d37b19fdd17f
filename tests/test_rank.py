"""Ranking targets: a hand-checked network, unreachable targets, errors, outcomes, property test."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rankfixtures import ME, add_events, add_people, add_ties, me, person, tables

from netanalytics.errors import InputError
from netanalytics.ranking.paths import brute_force_paths, combine_paths
from netanalytics.ranking.rank import RankWeights, compute_ranking, paths_to, rank_targets
from netanalytics.scoring.target import TargetSpec
from netanalytics.scoring.tie_strength import TieStrengthModel

TODAY = date(2026, 11, 20)
#: Every tie has strength logistic(0) = 0.5, so every hop is 0.05 + 0.85 * 0.5 = 0.475 …
FLAT = TieStrengthModel(intercept=0.0, labels={}, messages=0, recency=0, reciprocity=0, age=0,
                        endorse_received=0, endorse_given=0, recommend_received=0, recommend_given=0,
                        shared_employer=0, overlap=0)
NO_BONUS = RankWeights(novelty=0.0, affinity=0.0)
SPEC = TargetSpec.from_mapping({"industries": ["fintech"], "titles": ["product manager"]})


@pytest.fixture
def small(tmp_workspace):
    add_people(tmp_workspace, [
        me(),
        person("p_a", "Ann Adams", "Riverside Library", "Librarian"),
        person("p_b", "Ben Brown", "Oak Street Bakery", "Baker"),
        person("p_c", "Cy Clark", "Hill Farm", "Farmer"),
        person("p_t1", "Tess One", "Stripe", "Product Manager"),                 # fit 1.0
        person("p_t2", "Tom Two", "McKinsey & Company", "Product Manager"),     # fit 0.5 (title only)
        person("p_t3", "Tia Three", "Plaid", "Product Manager"),                  # fit 1.0, no path
        person("p_t4", "Tim Four", "Brex", "Analyst"),                           # fit 0.5 (industry only)
    ])
    add_ties(tmp_workspace, [
        {"owner_id": ME, "person_id": "p_a"}, {"owner_id": ME, "person_id": "p_b"},
        {"owner_id": ME, "person_id": "p_t4"},
        {"owner_id": "p_a", "person_id": "p_t1"}, {"owner_id": "p_b", "person_id": "p_t1"},
        {"owner_id": "p_b", "person_id": "p_c"}, {"owner_id": "p_c", "person_id": "p_t2"},
    ])
    return tmp_workspace


def test_hand_checked_order_and_probabilities(small):
    # My tie to Ann is corrected to strength 1.0 (hop 0.05 + 0.85 = 0.9); to Tim to 0.0 (hop 0.05);
    # every other tie has strength 0.5 (hop 0.475).
    model = FLAT
    from netanalytics.ranking.rank import prepare_network

    net = prepare_network(small, today=TODAY, model=model, overrides={"p_a": 1.0, "p_t4": 0.0})
    result = compute_ranking(small, SPEC, network=net, weights=NO_BONUS)
    frame = result.frame.set_index("person_id")
    # Tess: me-Ann-Tess 0.9*0.475 = 0.4275 and me-Ben-Tess 0.475*0.475 = 0.225625
    #       noisy-OR 1 - (1-0.4275)(1-0.225625) = 0.55666718…; fit 1.0 -> score 0.5567
    p_t1 = 1 - (1 - 0.9 * 0.475) * (1 - 0.475 * 0.475)
    assert frame.loc["p_t1", "probability"] == pytest.approx(p_t1)
    assert frame.loc["p_t1", "score"] == pytest.approx(p_t1 * 1.0)
    # Tom: me-Ben-Cy-Tom, 3 hops: 0.475^3 * 0.7 (attrition) = 0.0750…; fit 0.5 -> 0.0375
    p_t2 = 0.475 * 0.475 * 0.475 * 0.7
    assert frame.loc["p_t2", "probability"] == pytest.approx(p_t2)
    assert frame.loc["p_t2", "score"] == pytest.approx(p_t2 * 0.5)
    # Tim: direct, hop 0.05; fit 0.5 -> 0.025
    assert frame.loc["p_t4", "score"] == pytest.approx(0.05 * 0.5)
    # Order: Tess (0.557) > Tom (0.0375) > Tim (0.025) > Tia (unreachable, listed last).
    assert result.frame["person_id"].tolist() == ["p_t1", "p_t2", "p_t4", "p_t3"]
    assert not frame.loc["p_t3", "reachable"] and frame.loc["p_t3", "probability"] == 0


def test_rows_carry_path_via_and_reasons(small):
    rows = rank_targets(small, SPEC, today=TODAY).set_index("person_id")
    tess = rows.loc["p_t1"]
    assert tess["path"][0] == "You" and tess["path"][-1] == "Tess One" and tess["hops"] == 2
    assert tess["via"] in ("Ann Adams", "Ben Brown") and tess["path_ids"][1] in ("p_a", "p_b")
    assert any("'Product Manager' is a product manager" in r for r in tess["reasons"])
    assert any("Stripe: fintech, software, from the bundled company list" in r for r in tess["reasons"])
    tia = rows.loc["p_t3"]
    assert not tia["reachable"] and tia["path"] == [] and tia["via"] is None
    assert any("no path within 3 hops" in r for r in tia["reasons"])
    tim = rows.loc["p_t4"]
    assert tim["via"] is None and tim["reasons"][0].startswith("You know Tim Four directly")


def test_limit_max_hops_and_unreachable_listing(small):
    rows = rank_targets(small, SPEC, today=TODAY, max_hops=2)
    by = rows.set_index("person_id")
    assert not by.loc["p_t2", "reachable"]  # only a 3-hop path exists
    assert len(rank_targets(small, SPEC, today=TODAY, limit=2)) == 2


def test_empty_spec_and_unknown_industry_are_clear_errors(small):
    with pytest.raises(InputError, match="target is empty"):
        rank_targets(small, TargetSpec())
    with pytest.raises(InputError, match="Did you mean fintech"):
        rank_targets(small, {"industries": ["fintek"]})


def test_no_me_is_a_clear_error(tmp_workspace):
    from netanalytics.errors import WorkspaceError

    with pytest.raises(WorkspaceError, match="Import your own LinkedIn export first"):
        rank_targets(tmp_workspace, SPEC)


def test_outcomes_lower_an_unresponsive_intermediary(small):
    before = rank_targets(small, SPEC, today=TODAY).set_index("person_id")
    add_events(small, [
        {"person_id": "p_t1", "stage": "intro_requested", "at": "2026-09-01", "via_person_id": "p_a"},
        {"person_id": "p_t1", "stage": "no_response", "at": "2026-09-20"},
        {"person_id": "p_t4", "stage": "interviewed", "at": "2026-10-01"},
    ])
    after = rank_targets(small, SPEC, today=TODAY).set_index("person_id")
    assert after.loc["p_t1", "probability"] < before.loc["p_t1", "probability"]
    assert after.loc["p_t4", "already_met"] and any("already met" in r for r in after.loc["p_t4", "reasons"])
    assert after.loc["p_t4", "score"] < before.loc["p_t4", "score"]


def test_paths_to_one_person(small):
    frame = paths_to(small, "Tess One", today=TODAY)
    assert frame["rank"].tolist() == [1, 2]
    assert frame["via"].tolist()[0] in ("Ann Adams", "Ben Brown")
    assert frame.attrs["probability"] > frame["probability"].max()
    assert paths_to(small, "p_t3").empty


def test_novelty_favours_moderate_mutual_connections():
    w = RankWeights()
    bumps = w.novelty_bump(np.array([0, 1, 8, 60]))
    assert bumps[2] == pytest.approx(1.0) and bumps[0] < bumps[1] < bumps[2] and bumps[3] < bumps[2]


@st.composite
def random_network(draw):
    n = draw(st.integers(3, 9))
    pairs = draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda t: t[0] != t[1]),
                         min_size=1, max_size=3 * n))
    labels = draw(st.lists(st.sampled_from([None, "friend", "acquaintance", "family"]), min_size=len(pairs),
                           max_size=len(pairs)))
    return n, sorted(pairs), labels


@settings(max_examples=60, deadline=None)
@given(network=random_network(), top_k=st.integers(1, 5), max_hops=st.integers(1, 3))
def test_ranking_paths_equal_brute_force_on_random_graphs(network, top_k, max_hops):
    n, pairs, labels = network
    ids = [ME] + [f"p_{i}" for i in range(1, n)]
    people = [me()] + [person(ids[i], f"Person {i}", "Bluefin Payments", "Product Manager") for i in range(1, n)]
    ties = [{"owner_id": ids[a], "person_id": ids[b], "relationship": lab if a == 0 else None}
            for (a, b), lab in zip(pairs, labels, strict=True)]
    t = tables(people, ties)
    result = compute_ranking(t, SPEC, max_hops=max_hops, top_paths=top_k, today=TODAY)
    net = result.network
    want = brute_force_paths(net.edges, t.me, range(1, n), top_k=top_k, max_hops=max_hops)
    got = result.paths
    assert got["probability"].tolist() == pytest.approx(want["probability"].tolist(), rel=1e-12)
    assert got[["target", "hops", "n1", "n2"]].to_numpy().tolist() == want[["target", "hops", "n1", "n2"]].to_numpy().tolist()
    reach = result.frame.set_index("code")
    comb = combine_paths(want).set_index("target")
    for code in range(1, n):
        if code in comb.index:
            assert reach.loc[code, "probability"] == pytest.approx(comb.loc[code, "probability"])
        else:
            assert not reach.loc[code, "reachable"]
    assert len(result.frame) == n - 1  # every target listed, reachable or not
    assert isinstance(result.frame, pd.DataFrame)


def test_the_score_is_exactly_probability_fit_affinity_novelty_and_met(small):
    """score = probability * fit * (1 + affinity_weight * affinity) * novelty * met_factor,
    with every factor present (none may be dropped from the product)."""
    add_events(small, [{"person_id": "p_t4", "stage": "interviewed", "at": "2026-10-01"}])
    small.conn.execute("INSERT INTO my_positions(company, title) VALUES ('Stripe', 'Intern')")
    w = RankWeights(affinity=0.4, novelty=0.3, already_met=0.5)
    result = compute_ranking(small, SPEC, weights=w, today=TODAY).frame
    assert result["already_met"].any() and (result["affinity"] > 0).any()
    assert np.allclose(result["novelty"], 1 + w.novelty * w.novelty_bump(result["mutual"].to_numpy()))
    want = (result["probability"] * result["fit"] * (1 + w.affinity * result["affinity"]) * result["novelty"]
            * np.where(result["already_met"], w.already_met, 1.0))
    assert np.allclose(result["score"], want)


def test_affinity_raises_the_score_by_its_weight(small):
    """A shared employer (affinity) multiplies the score by 1 + affinity_weight * affinity."""
    small.conn.execute("INSERT INTO my_positions(company, title) VALUES ('Stripe', 'Intern')")
    base = compute_ranking(small, SPEC, weights=RankWeights(affinity=0.0), today=TODAY).frame.set_index("person_id")
    more = compute_ranking(small, SPEC, weights=RankWeights(affinity=0.5), today=TODAY).frame.set_index("person_id")
    assert more.loc["p_t1", "affinity"] > 0
    assert more.loc["p_t1", "score"] == pytest.approx(
        base.loc["p_t1", "score"] * (1 + 0.5 * more.loc["p_t1", "affinity"]))


def test_novelty_bump_has_the_documented_shape_and_width():
    """bump(m) = exp(-(ln(1+m) - ln(1+peak))^2 / (2 width^2)); the width matters."""
    m = np.array([0, 2, 8, 30])
    for width in (0.6, 1.5):
        w = RankWeights(novelty_width=width)
        want = np.exp(-((np.log1p(m) - np.log1p(8.0)) ** 2) / (2 * width**2))
        assert np.allclose(w.novelty_bump(m), want)
    assert RankWeights(novelty_width=1.5).novelty_bump(np.array([0]))[0] > RankWeights().novelty_bump(np.array([0]))[0]


def test_a_referral_raises_the_referrer_to_referred_hop_by_the_boost(small):
    """After A refers me to T1, the A-T1 hop's failure chance is multiplied by referral_boost."""
    from netanalytics.ranking.rank import prepare_network

    before = prepare_network(small, today=TODAY)
    add_events(small, [{"person_id": "p_a", "stage": "referral_given", "at": "2026-10-01",
                        "referral_person_id": "p_t1"}])
    for boost in (0.5, 0.2):
        after = prepare_network(small, today=TODAY, weights=RankWeights(referral_boost=boost))
        a, t = after.tables.codes_for(["p_a", "p_t1"])
        key = (after.pairs["u"] == min(a, t)) & (after.pairs["v"] == max(a, t))
        p0 = float(before.pairs.loc[key, "p"].iloc[0])
        assert float(after.pairs.loc[key, "p"].iloc[0]) == pytest.approx(1 - (1 - p0) * boost)
    untouched = (before.pairs["u"] != min(a, t)) | (before.pairs["v"] != max(a, t))
    assert np.allclose(before.pairs.loc[untouched, "p"], after.pairs.loc[untouched, "p"])


def test_weights_and_spec_are_checked_where_they_enter(small):
    with pytest.raises(InputError, match="novelty_width"):
        RankWeights(novelty_width=0)
    with pytest.raises(InputError, match="referral_boost"):
        RankWeights(referral_boost=1.5)
    # compute_ranking validates a spec handed to it (an unknown industry, a bare string).
    with pytest.raises(InputError, match="industries"):
        compute_ranking(small, TargetSpec(industries=("fintek",)), today=TODAY)
    assert TargetSpec(industries="fintech").validate().industries == ("fintech",)
