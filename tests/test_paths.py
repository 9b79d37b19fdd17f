"""Path enumeration: hand-checked probabilities, engines agree, and equality with brute force."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from netanalytics.errors import InputError
from netanalytics.ranking.paths import (
    brute_force_paths,
    combine_paths,
    enumerate_paths,
    undirected_to_directed,
)


def _edges(pairs, willingness=None):
    return undirected_to_directed(pd.DataFrame(pairs, columns=["u", "v", "p"]), willingness)


def test_hand_checked_paths_and_noisy_or():
    # 0 = me; 1 and 2 my contacts; 3 a friend of 2; 4 the target.
    edges = _edges([(0, 1, 0.9), (0, 2, 0.5), (1, 4, 0.4), (2, 3, 0.8), (3, 4, 0.5), (2, 4, 0.1)])
    got = enumerate_paths(edges, 0, [4], top_k=5)
    # 0-1-4: 0.9*0.4 = 0.36; 0-2-3-4: 0.5*0.8*0.5*0.7 = 0.14; 0-2-4: 0.5*0.1 = 0.05
    # 0-1-4-... no other; 0-2-4 via 2 is a 2-hop path.
    assert got["probability"].round(10).tolist() == [0.36, 0.14, 0.05]
    assert got["hops"].tolist() == [2, 3, 2]
    assert got["n1"].tolist() == [1, 2, 2]
    comb = combine_paths(got).iloc[0]
    # noisy-OR over the best path per first intermediary: 1 - (1-0.36)(1-0.14) = 0.4496
    assert comb["probability"] == pytest.approx(1 - (1 - 0.36) * (1 - 0.14))
    assert comb["best"] == pytest.approx(0.36)
    assert comb["n_paths"] == 3


def test_simple_paths_only_no_revisit_of_target_or_me():
    # Triangle 0-1-2 plus target 3 tied to 1: the path 0-3? none; 0-1-3 and 0-2-1-3 only.
    edges = _edges([(0, 1, 0.5), (0, 2, 0.5), (1, 2, 0.5), (1, 3, 0.5)])
    got = enumerate_paths(edges, 0, [3], top_k=10)
    assert sorted(zip(got["hops"], got["n1"], got["n2"], strict=True)) == [(2, 1, -1), (3, 2, 1)]


def test_max_hops_and_top_k_limit():
    edges = _edges([(0, 1, 0.5), (1, 2, 0.5), (2, 3, 0.5)])
    assert enumerate_paths(edges, 0, [3], max_hops=2).empty
    assert len(enumerate_paths(edges, 0, [3], max_hops=3)) == 1
    assert len(enumerate_paths(_edges([(0, 1, 0.5), (0, 2, 0.5), (1, 3, 0.5), (2, 3, 0.5)]), 0, [3], top_k=1)) == 1


def test_willingness_multiplies_hops_into_intermediary_not_into_target():
    w = np.array([np.nan, 0.5, np.nan])
    edges = _edges([(0, 1, 0.8), (1, 2, 0.6)], w)
    two = enumerate_paths(edges, 0, [2])
    assert two["probability"].iloc[0] == pytest.approx(0.8 * 0.5 * 0.6)  # hop into 1 halved
    one = enumerate_paths(edges, 0, [1])
    assert one["probability"].iloc[0] == pytest.approx(0.8)  # 1 as the target: unchanged


@pytest.mark.parametrize("bad", [0, 4, "3"])
def test_bad_max_hops_is_input_error(bad):
    with pytest.raises(InputError, match="max_hops"):
        enumerate_paths(_edges([(0, 1, 0.5)]), 0, [1], max_hops=bad)


def test_unknown_engine_is_input_error():
    with pytest.raises(InputError, match="engine"):
        enumerate_paths(_edges([(0, 1, 0.5)]), 0, [1], engine="spark")


def test_empty_inputs_return_empty_frames():
    assert enumerate_paths(_edges([(1, 2, 0.5)]), 0, []).empty
    assert combine_paths(enumerate_paths(_edges([(1, 2, 0.5)]), 0, [2])).empty


@st.composite
def random_graph(draw):
    n = draw(st.integers(min_value=2, max_value=9))
    pairs = draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda t: t[0] < t[1]),
                         max_size=n * 3))
    probs = draw(st.lists(st.sampled_from([0.05, 0.135, 0.2, 0.475, 0.5, 0.9]), min_size=len(pairs),
                          max_size=len(pairs)))
    # Factors well above 1 too: a very willing intermediary makes a prefix *through the target*
    # the best one into a middle node, which is why k + 1 prefixes must be kept (not k).
    willing = draw(st.lists(st.sampled_from([np.nan, 0.1, 0.5, 1.2, 3.0, 9.9, 40.0]), min_size=n, max_size=n))
    return n, [(u, v, p) for (u, v), p in zip(sorted(pairs), probs, strict=True)], np.array(willing)


#: A graph where the best two-hop prefix into node 2 runs through the target (3) itself.
THROUGH_TARGET = (4, [(0, 1, 0.9), (1, 2, 0.9), (2, 3, 0.9), (0, 3, 0.1)], np.array([np.nan, np.nan, np.nan, 9.9]))


@settings(max_examples=150, deadline=None)
@example(graph=THROUGH_TARGET, top_k=1, max_hops=3, engine="numpy")
@example(graph=THROUGH_TARGET, top_k=1, max_hops=3, engine="pandas")
@example(graph=THROUGH_TARGET, top_k=1, max_hops=3, engine="duckdb")
@given(graph=random_graph(), top_k=st.integers(1, 6), max_hops=st.integers(1, 3),
       engine=st.sampled_from(["numpy", "duckdb", "pandas"]))
def test_joins_equal_brute_force_enumeration(graph, top_k, max_hops, engine):
    n, pairs, willing = graph
    edges = _edges(pairs, willing)
    targets = list(range(1, n))
    got = enumerate_paths(edges, 0, targets, top_k=top_k, max_hops=max_hops, engine=engine)
    want = brute_force_paths(edges, 0, targets, top_k=top_k, max_hops=max_hops)
    assert got[["target", "hops", "n1", "n2"]].to_numpy().tolist() == want[["target", "hops", "n1", "n2"]].to_numpy().tolist()
    assert got["probability"].tolist() == pytest.approx(want["probability"].tolist(), rel=1e-12)
    if len(want):
        assert combine_paths(got)["probability"].tolist() == pytest.approx(combine_paths(want)["probability"].tolist())


def test_duckdb_never_installs_or_autoloads_extensions():
    from netanalytics.ranking.paths import duckdb_connection

    con = duckdb_connection()
    settings = con.execute(
        "SELECT current_setting('autoinstall_known_extensions'), current_setting('autoload_known_extensions')"
    ).fetchone()
    con.close()
    assert settings == (False, False)


@pytest.mark.parametrize("engine", ["numpy", "duckdb", "pandas"])
def test_a_best_prefix_through_the_target_itself_does_not_hide_the_real_path(engine):
    """me=0, target 3. The best two-hop prefix into 2 runs through the target (0-3-2: 3 is a
    very willing intermediary), which a third hop back to 3 cannot use. Keeping only the top
    one prefix (k, not k + 1) would lose 0-1-2-3 (0.5103) and answer the weak direct tie (0.1)."""
    willing = np.array([np.nan, np.nan, np.nan, 9.9])
    edges = _edges([(0, 1, 0.9), (1, 2, 0.9), (2, 3, 0.9), (0, 3, 0.1)], willing)
    got = enumerate_paths(edges, 0, [3], top_k=1, engine=engine)
    assert got[["hops", "n1", "n2"]].values.tolist() == [[3, 1, 2]]
    assert got["probability"].iloc[0] == pytest.approx(0.9 * 0.9 * 0.9 * 0.7)


def test_willingness_never_makes_a_hop_or_a_path_certain():
    """However willing an intermediary, a hop into them stays below 1 (capped at 0.99), so
    no path probability exceeds 1."""
    willing = np.array([np.nan, 50.0, 50.0])
    edges = _edges([(0, 1, 0.9), (1, 2, 0.9), (0, 2, 0.5)], willing)
    assert edges["pv"].max() == pytest.approx(0.99)
    paths = enumerate_paths(edges, 0, [1, 2], top_k=5)
    assert (paths["probability"] <= 1.0).all()
    assert paths.loc[paths["hops"] == 2, "probability"].max() == pytest.approx(0.99 * 0.9)
