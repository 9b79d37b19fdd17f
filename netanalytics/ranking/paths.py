"""Warm-introduction paths: every simple path of 1, 2 or 3 hops from me to each target,
found as joins over the edge table, best ``top_k`` per target.

An edge table is *directed* (each tie appears both ways) with integer node codes and two
probabilities per edge: ``p`` when ``dst`` is the target being reached, ``pv`` when ``dst``
is an intermediary who must pass the request on (``pv`` carries the intermediary's
willingness learnt from outcomes; without outcomes ``pv == p``). A path's probability is

    1 hop:  p(me, t)
    2 hops: pv(me, a) * p(a, t)
    3 hops: pv(me, a) * pv(a, b) * p(b, t) * attrition      (attrition ~0.7 per hop beyond 2)

Why joins, not a k-shortest-paths search: networkx Yen (``shortest_simple_paths``) measured
~1.9 s *per target* on an 84k-tie pool, while hop-limited joins rank a thousand targets in
well under a second and return the same top-k scores as exhaustive enumeration
(``benchmarks/bench_ranking.py`` re-measures it; ``docs/model.md`` explains the model).
Three engines give identical answers (tests check it): ``numpy`` (CSR adjacency arrays and
grouped sorts), ``duckdb`` (SQL over the in-memory frames, extensions never installed or
autoloaded) and ``pandas`` (merges). The default is the one that measured fastest here:
``benchmarks/bench_ranking.py`` times all three on the same network each run (whole
ranking of 4,146 targets on the 77k-tie network: numpy 0.044 s, pandas 0.066 s, DuckDB
0.102 s on a shared 2-core machine; DuckDB's per-query set-up and frame hand-over outweigh
its join speed at these sizes, and at 2M ties the numpy engine ranks 97k targets in ~1.5 s).

The 3-hop join stays small because only the best ``top_k + 1`` two-hop prefixes into each
middle node can be among a target's best ``top_k`` (one spare, in case the prefix passes
through the target itself).

>>> import pandas as pd
>>> edges = undirected_to_directed(pd.DataFrame({"u": [0, 0, 1], "v": [1, 2, 2], "p": [0.8, 0.2, 0.5]}))
>>> enumerate_paths(edges, 0, [2], top_k=5)[["target", "hops", "probability", "n1"]].values.tolist()
[[2.0, 2.0, 0.4, 1.0], [2.0, 1.0, 0.2, -1.0]]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from netanalytics.errors import InputError

__all__ = [
    "ATTRITION",
    "MAX_HOPS",
    "PATH_COLUMNS",
    "brute_force_paths",
    "combine_paths",
    "duckdb_connection",
    "enumerate_paths",
    "undirected_to_directed",
]

#: Extra loss for each hop beyond the second (Dodds et al. 2003: chains die of disinterest).
ATTRITION = 0.7
#: Longest path enumerated: 3 hops (friend of a friend's friend). Longer chains rarely complete.
MAX_HOPS = 3
PATH_COLUMNS = ["target", "hops", "probability", "n1", "n2"]
_ENGINES = ("numpy", "duckdb", "pandas")


def undirected_to_directed(pairs: pd.DataFrame, willingness: np.ndarray | None = None) -> pd.DataFrame:
    """Directed edge table (src, dst, p, pv) from undirected pairs (u, v, p).

    ``willingness`` (indexed by node code, NaN = no information) multiplies the probability
    of a hop *into* that node when it is an intermediary (``pv``), capped at 0.99; the rank
    layer sets it to posterior / prior from :mod:`netanalytics.scoring.outcomes`.
    """
    u = pairs["u"].to_numpy(dtype=np.int32)
    v = pairs["v"].to_numpy(dtype=np.int32)
    p = pairs["p"].to_numpy(dtype=np.float64)
    src = np.concatenate([u, v])
    dst = np.concatenate([v, u])
    pp = np.concatenate([p, p])
    pv = pp  # the same memory unless outcomes change it
    if willingness is not None:
        factor = willingness[dst]
        pv = np.where(np.isnan(factor), pp, np.clip(pp * factor, 0.0, 0.99))
    return pd.DataFrame({"src": src, "dst": dst, "p": pp, "pv": pv}, copy=False)


def duckdb_connection() -> Any:
    """An in-memory DuckDB connection that never downloads or autoloads extensions.

    DuckDB is optional (``pip install netanalytics[engines]``): the default numpy engine
    measured faster here, so it is kept only as a cross-check engine.
    """
    try:
        import duckdb
    except ImportError:
        raise InputError(
            "engine", "DuckDB installed for engine='duckdb'", "no duckdb package",
            hint="Install it with `pip install duckdb`, or use the default engine='numpy'.",
        ) from None

    return duckdb.connect(
        ":memory:",
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False, "threads": 2},
    )


_SQL = """
WITH
  a AS (SELECT dst AS a, pv AS pa FROM edges WHERE src = {me}),
  h1 AS (SELECT e.dst AS target, 1 AS hops, e.p AS probability, -1 AS n1, -1 AS n2
         FROM edges e SEMI JOIN targets t ON e.dst = t.node WHERE e.src = {me}),
  h2 AS (SELECT e.dst AS target, 2 AS hops, a.pa * e.p AS probability, a.a AS n1, -1 AS n2
         FROM a JOIN edges e ON e.src = a.a SEMI JOIN targets t ON e.dst = t.node
         WHERE e.dst <> {me} AND {h2}),
  pre AS (SELECT e.dst AS b, a.a AS a, a.pa * e.pv AS pp
          FROM a JOIN edges e ON e.src = a.a WHERE e.dst <> {me} AND {h3}
          QUALIFY row_number() OVER (PARTITION BY e.dst ORDER BY a.pa * e.pv DESC, a.a) <= {keep}),
  h3 AS (SELECT e.dst AS target, 3 AS hops, pre.pp * e.p * {att} AS probability, pre.a AS n1, pre.b AS n2
         FROM pre JOIN edges e ON e.src = pre.b SEMI JOIN targets t ON e.dst = t.node
         WHERE e.dst <> {me} AND e.dst <> pre.a),
  allp AS (SELECT * FROM h1 UNION ALL SELECT * FROM h2 UNION ALL SELECT * FROM h3)
SELECT target, hops, probability, n1, n2 FROM allp
QUALIFY row_number() OVER (PARTITION BY target ORDER BY probability DESC, hops, n1, n2) <= {k}
ORDER BY target, probability DESC, hops, n1, n2
"""


def _check(max_hops: int, top_k: int) -> None:
    if not isinstance(max_hops, int | np.integer) or not 1 <= max_hops <= MAX_HOPS:
        raise InputError("max_hops", f"a whole number from 1 to {MAX_HOPS}", repr(max_hops),
                         hint="Introductions longer than three hops almost never happen.", param="max_hops")
    if not isinstance(top_k, int | np.integer) or top_k < 1:
        raise InputError("top_paths", "a whole number >= 1", repr(top_k), param="top_paths")


def enumerate_paths(
    edges: pd.DataFrame,
    source: int,
    targets: Iterable[int] | np.ndarray | None = None,
    *,
    max_hops: int = MAX_HOPS,
    top_k: int = 5,
    attrition: float = ATTRITION,
    engine: str = "numpy",
    connection: Any = None,
) -> pd.DataFrame:
    """The best ``top_k`` simple paths of at most ``max_hops`` hops from ``source`` to each target.

    ``edges`` is a directed table (src, dst, p, pv) of int codes; ``targets`` the codes to
    reach (None: every node). Returns :data:`PATH_COLUMNS` — target, hops, probability,
    n1 (first intermediary or -1), n2 (second or -1) — best first within each target,
    ties broken by fewer hops then lower codes. Targets with no path are absent.
    """
    _check(max_hops, top_k)
    if engine not in _ENGINES:
        raise InputError("engine", f"one of {', '.join(_ENGINES)}", repr(engine))
    if targets is None:
        nodes = np.union1d(edges["src"].to_numpy(), edges["dst"].to_numpy())
    else:
        nodes = np.asarray(list(targets) if not isinstance(targets, np.ndarray) else targets)
    nodes = nodes[nodes != source].astype(np.int32)
    if len(edges) == 0 or len(nodes) == 0:
        return pd.DataFrame({c: pd.Series(dtype=float if c == "probability" else np.int64) for c in PATH_COLUMNS})
    if engine == "pandas":
        return _enumerate_pandas(edges, int(source), nodes, max_hops, top_k, attrition)
    if engine == "numpy":
        return _enumerate_numpy(edges, int(source), nodes, max_hops, top_k, attrition)
    con = connection or duckdb_connection()
    target_frame = pd.DataFrame({"node": np.unique(nodes)})
    con.register("edges", edges)
    con.register("targets", target_frame)
    try:
        sql = _SQL.format(
            me=int(source), k=int(top_k), keep=int(top_k) + 1, att=repr(float(attrition)),
            h2="TRUE" if max_hops >= 2 else "FALSE", h3="TRUE" if max_hops >= 3 else "FALSE",
        )
        out = con.execute(sql).df()
    finally:
        con.unregister("edges")
        con.unregister("targets")
        if connection is None:
            con.close()
    return out.astype({"target": np.int64, "hops": np.int64, "n1": np.int64, "n2": np.int64})


def _top(frame: pd.DataFrame, by: str, k: int, order: list[str], asc: list[bool]) -> pd.DataFrame:
    frame = frame.sort_values([by, *order], ascending=[True, *asc], kind="stable")
    return frame.groupby(by, sort=False).head(k)


def _enumerate_pandas(edges: pd.DataFrame, me: int, nodes: np.ndarray, max_hops: int, k: int, att: float) -> pd.DataFrame:
    """The same answer as the DuckDB engine, with pandas merges (the measured baseline)."""
    is_target = np.zeros(int(max(edges["src"].max(), edges["dst"].max(), nodes.max())) + 1, dtype=bool)
    is_target[nodes] = True
    src = edges["src"].to_numpy()
    dst = edges["dst"].to_numpy()
    out = []
    first = edges[src == me]
    h1 = first[is_target[first["dst"].to_numpy()]]
    out.append(pd.DataFrame({"target": h1["dst"].to_numpy(), "hops": 1, "probability": h1["p"].to_numpy(),
                             "n1": -1, "n2": -1}))
    if max_hops >= 2:
        a = pd.DataFrame({"a": first["dst"].to_numpy(), "pa": first["pv"].to_numpy()})
        two = a.merge(edges, left_on="a", right_on="src")
        two = two[two["dst"].to_numpy() != me]
        h2 = two[is_target[two["dst"].to_numpy()]]
        out.append(pd.DataFrame({"target": h2["dst"].to_numpy(), "hops": 2,
                                 "probability": h2["pa"].to_numpy() * h2["p"].to_numpy(),
                                 "n1": h2["a"].to_numpy(), "n2": -1}))
        if max_hops >= 3:
            pre = pd.DataFrame({"b": two["dst"].to_numpy(), "a": two["a"].to_numpy(),
                                "pp": two["pa"].to_numpy() * two["pv"].to_numpy()})
            pre = _top(pre, "b", k + 1, ["pp", "a"], [False, True])
            last = edges[is_target[dst] & (dst != me)]
            three = pre.merge(last, left_on="b", right_on="src")
            three = three[three["dst"].to_numpy() != three["a"].to_numpy()]
            out.append(pd.DataFrame({"target": three["dst"].to_numpy(), "hops": 3,
                                     "probability": three["pp"].to_numpy() * three["p"].to_numpy() * att,
                                     "n1": three["a"].to_numpy(), "n2": three["b"].to_numpy()}))
    allp = pd.concat(out, ignore_index=True)
    allp = _top(allp, "target", k, ["probability", "hops", "n1", "n2"], [False, True, True, True])
    return allp.reset_index(drop=True).astype({"target": np.int64, "hops": np.int64, "n1": np.int64, "n2": np.int64})


class _CSR:
    """Edges grouped by source node: the neighbours of x are ``dst[indptr[x]:indptr[x + 1]]`` and
    ``edge[...]`` gives their rows in the edge table (int32 throughout, to keep memory low)."""

    def __init__(self, src: np.ndarray, dst: np.ndarray, n: int, rows: np.ndarray | None = None) -> None:
        # Neighbour order does not matter: every ranking step breaks ties on a total key.
        order = np.argsort(src).astype(np.int32)
        self.edge = order if rows is None else rows[order]
        self.dst = dst[order]
        self.indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(src, minlength=n), out=self.indptr[1:])

    def expand(self, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each input row i and each edge out of nodes[i]: (row index, CSR position), int32."""
        start = self.indptr[nodes]
        counts = self.indptr[nodes + 1] - start
        rows = np.repeat(np.arange(len(nodes), dtype=np.int32), counts)
        first = np.cumsum(counts) - counts
        pos = np.arange(len(rows), dtype=np.int64)
        pos -= np.repeat(first - start, counts)
        return rows, pos.astype(np.int32)


def _group_top(prob: np.ndarray, tie: np.ndarray, group: np.ndarray, k: int, *, ordered: bool = False) -> np.ndarray:
    """Indices of the best ``k`` rows of each group: highest ``prob``, then lowest ``tie``.

    Exact, and fast on millions of rows: groups of at most ``k`` rows are kept whole; in larger
    groups one integer sort on (group, prob rounded to float32) finds each group's k-th value,
    and only rows at or above it (rounding is monotone, so no true top-k row is missed) are
    ranked exactly. With ``ordered`` the result is sorted by (group, -prob, tie).
    """
    if len(group) == 0:
        return np.zeros(0, dtype=np.int64)
    counts = np.bincount(group)
    big = counts[group] > k
    del counts
    small_rows = np.flatnonzero(~big)
    big_rows = np.flatnonzero(big)
    del big
    cand = big_rows
    if len(big_rows):
        key = group[big_rows].astype(np.int64) << 32
        key |= 0xFFFFFFFF - prob[big_rows].astype(np.float32).view(np.uint32).astype(np.int64)
        ks = np.sort(key)
        gs = ks >> 32
        starts = np.flatnonzero(np.r_[True, gs[1:] != gs[:-1]])
        kth = np.zeros(int(gs[-1]) + 1, dtype=np.int64)
        kth[gs[starts]] = ks[starts + k - 1]
        del ks, gs, starts
        cand = big_rows[key <= kth[key >> 32]]
        del key, kth, big_rows
    # Rank the candidates exactly (with the small groups too when the result must be ordered:
    # they pass the top-k cut whole, so one sort serves both).
    if ordered:
        cand = np.concatenate([small_rows, cand])
    exact = cand[np.lexsort((tie[cand], -prob[cand], group[cand]))]
    cg = group[exact]
    first = np.r_[True, cg[1:] != cg[:-1]] if len(cg) else np.zeros(0, dtype=bool)
    begin = np.maximum.accumulate(np.where(first, np.arange(len(cg)), 0)) if len(cg) else np.zeros(0, dtype=np.int64)
    best = exact[(np.arange(len(cg)) - begin) < k]
    return best if ordered else np.concatenate([small_rows, best])


def _enumerate_numpy(edges: pd.DataFrame, me: int, nodes: np.ndarray, max_hops: int, k: int, att: float) -> pd.DataFrame:
    """The same answer with CSR adjacency arrays and grouped sorts in numpy (no SQL engine)."""
    src = edges["src"].to_numpy(np.int32)
    dst = edges["dst"].to_numpy(np.int32)
    p = edges["p"].to_numpy(np.float64)
    pv = edges["pv"].to_numpy(np.float64)
    n = int(max(src.max(), dst.max(), nodes.max())) + 1
    if n >= 1 << 30:
        raise InputError("network", "fewer than a billion people", f"{n} node codes")
    is_target = np.zeros(n, dtype=bool)
    is_target[nodes] = True
    csr = _CSR(src, dst, n)
    lo, hi = csr.indptr[me], csr.indptr[me + 1]
    a, a_edge = csr.dst[lo:hi], csr.edge[lo:hi]
    a_p, a_pv = p[a_edge], pv[a_edge]
    hit = is_target[a]
    parts = [(a[hit], np.full(int(hit.sum()), 1, np.int8), a_p[hit], np.full(int(hit.sum()), -1, np.int32),
              np.full(int(hit.sum()), -1, np.int32))]
    if max_hops >= 2 and len(a):
        rows, pos = csr.expand(a)
        b = csr.dst[pos]
        keep = b != me
        rows, pos, b = rows[keep], pos[keep], b[keep]
        e2 = csr.edge[pos]
        del pos, keep
        hit = is_target[b]
        parts.append((b[hit], np.full(int(hit.sum()), 2, np.int8), a_pv[rows[hit]] * p[e2[hit]], a[rows[hit]],
                      np.full(int(hit.sum()), -1, np.int32)))
        del hit
        last = np.flatnonzero(is_target[dst] & (dst != me)).astype(np.int32)
        # Only middle nodes with an edge to some target can start a third hop.
        leads = np.zeros(n, dtype=bool)
        leads[src[last]] = True
        keep = leads[b]
        if max_hops >= 3 and keep.any():
            rows, e2, b = rows[keep], e2[keep], b[keep]
            first = a[rows]
            pp = a_pv[rows] * pv[e2]
            del rows, e2, keep
            top = _group_top(pp, first, b, k + 1)
            b, first, pp = b[top], first[top], pp[top]
            del top
            tcsr = _CSR(src[last], dst[last], n, rows=last)
            rows, pos = tcsr.expand(b)
            t = tcsr.dst[pos]
            keep = t != first[rows]
            rows, pos, t = rows[keep], pos[keep], t[keep]
            prob3 = pp[rows] * p[tcsr.edge[pos]] * att
            del pos, keep, tcsr
            parts.append((t, np.full(len(t), 3, np.int8), prob3, first[rows], b[rows]))
            del rows
    target, hops, prob, n1, n2 = (np.concatenate([part[i] for part in parts]) for i in range(5))
    del parts
    # Ties on probability break by fewer hops, then lower codes: packed into one int64 key.
    tie = (hops.astype(np.int64) << 60) | ((n1.astype(np.int64) + 1) << 30) | (n2.astype(np.int64) + 1)
    top = _group_top(prob, tie, target, k, ordered=True)
    return pd.DataFrame({"target": target[top].astype(np.int64), "hops": hops[top].astype(np.int64),
                         "probability": prob[top], "n1": n1[top].astype(np.int64), "n2": n2[top].astype(np.int64)},
                        copy=False)


def combine_paths(paths: pd.DataFrame) -> pd.DataFrame:
    """Per target: probability by noisy-OR over the best path through each distinct first
    intermediary (the direct path counts as its own), plus the best path's hops, n1, n2,
    its probability (best) and the number of paths kept.

    >>> paths = pd.DataFrame({"target": [7, 7, 7], "hops": [2, 2, 3], "probability": [0.5, 0.4, 0.3],
    ...                       "n1": [1, 2, 1], "n2": [-1, -1, 4]})
    >>> combine_paths(paths)[["target", "probability", "best", "n_paths"]].values.tolist()
    [[7.0, 0.7, 0.5, 3.0]]
    """
    cols = ["target", "probability", "best", "hops", "n1", "n2", "n_paths"]
    if len(paths) == 0:
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("probability", "best") else np.int64) for c in cols})
    firsts = paths.drop_duplicates(["target", "n1"], keep="first")
    miss = np.log1p(-np.minimum(firsts["probability"].to_numpy(), 1 - 1e-12))
    noisy = 1.0 - np.exp(pd.Series(miss).groupby(firsts["target"].to_numpy(), sort=True).sum())
    best = paths.drop_duplicates("target", keep="first").set_index("target").sort_index()
    n_paths = paths.groupby("target", sort=True).size()
    out = pd.DataFrame({
        "target": best.index.to_numpy(), "probability": noisy.to_numpy(), "best": best["probability"].to_numpy(),
        "hops": best["hops"].to_numpy(), "n1": best["n1"].to_numpy(), "n2": best["n2"].to_numpy(),
        "n_paths": n_paths.to_numpy(),
    })
    return out


def brute_force_paths(
    edges: pd.DataFrame,
    source: int,
    targets: Iterable[int],
    *,
    max_hops: int = MAX_HOPS,
    top_k: int = 5,
    attrition: float = ATTRITION,
) -> pd.DataFrame:
    """The reference answer: enumerate *every* simple path with networkx
    (``all_simple_paths`` with a cutoff) and keep the best ``top_k`` per target.

    Exponential in general; used by the tests and benchmarks to check
    :func:`enumerate_paths` on small graphs and samples of targets.
    """
    import networkx as nx

    _check(max_hops, top_k)
    G = nx.DiGraph()
    for s, d, p, pv in edges[["src", "dst", "p", "pv"]].itertuples(index=False):
        G.add_edge(int(s), int(d), p=float(p), pv=float(pv))
    rows = []
    for t in targets:
        t = int(t)
        if t == source or t not in G or source not in G:
            continue
        found = []
        for path in nx.all_simple_paths(G, source, t, cutoff=max_hops):
            prob = 1.0
            for i in range(len(path) - 2):
                prob = prob * G.edges[path[i], path[i + 1]]["pv"]
            prob = prob * G.edges[path[-2], path[-1]]["p"]
            hops = len(path) - 1
            for _ in range(max(0, hops - 2)):
                prob = prob * attrition
            n1 = path[1] if hops >= 2 else -1
            n2 = path[2] if hops >= 3 else -1
            found.append((t, hops, prob, n1, n2))
        found.sort(key=lambda r: (-r[2], r[1], r[3], r[4]))
        rows.extend(found[:top_k])
    return pd.DataFrame(rows, columns=PATH_COLUMNS)
