"""Who to ask first: the people whose help opens the most expected value.

For each target t with best paths through distinct first intermediaries f (probabilities
q_f, combined by noisy-OR into P(t)), f's *marginal* contribution is what P(t) would lose
without f:

    P(t) - P_without_f(t) = q_f * prod_{g != f} (1 - q_g)

and f's value is the sum over targets of that marginal probability times the target's
value (fit, affinity, novelty — the score without the probability). A friend who is the
only way to many good targets rises to the top; one of five equally good routes does not.

>>> import pandas as pd
>>> paths = pd.DataFrame({"target": [9, 9], "hops": [2, 2], "probability": [0.5, 0.5], "n1": [1, 2], "n2": [-1, -1]})
>>> marginals(paths)[["target", "n1", "marginal"]].values.tolist()
[[9.0, 1.0, 0.25], [9.0, 2.0, 0.25]]
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from netanalytics.ranking.explain import first_name
from netanalytics.ranking.paths import MAX_HOPS
from netanalytics.scoring.target import TargetSpec

__all__ = ["INTERMEDIARY_COLUMNS", "marginals", "rank_intermediaries"]

INTERMEDIARY_COLUMNS = ["person_id", "name", "company", "position", "value", "targets", "willingness",
                        "best_targets", "reasons"]


def marginals(paths: pd.DataFrame) -> pd.DataFrame:
    """Per (target, first intermediary n1 >= 0): q (best path through them) and marginal."""
    firsts = paths.drop_duplicates(["target", "n1"], keep="first")[["target", "n1", "probability"]]
    q = np.minimum(firsts["probability"].to_numpy(), 1 - 1e-12)
    logmiss = pd.Series(np.log1p(-q)).groupby(firsts["target"].to_numpy()).transform("sum").to_numpy()
    others = np.exp(logmiss - np.log1p(-q))
    out = firsts.assign(q=q, marginal=q * others)
    return out[out["n1"] >= 0].reset_index(drop=True)


def rank_intermediaries(
    source: Any,
    spec: TargetSpec | Mapping[str, Any],
    *,
    max_hops: int = MAX_HOPS,
    top_paths: int = 5,
    limit: int | None = None,
    today: date | None = None,
    weights: Any = None,
    network: Any = None,
) -> pd.DataFrame:
    """My connections ranked by the expected value their help opens, with reasons.

    ``network`` is an already prepared network (:func:`netanalytics.ranking.rank.prepare_network`)
    to reuse, for the same ``today`` and ``weights``.
    """
    from netanalytics.ranking.rank import compute_ranking

    if not isinstance(spec, TargetSpec):
        spec = TargetSpec.from_mapping(spec)
    result = compute_ranking(source, spec.validate(), max_hops=max_hops, top_paths=top_paths, today=today,
                             weights=weights, network=network)
    net = result.network
    people = net.tables.people
    frame = result.frame
    if len(result.paths) == 0:
        return pd.DataFrame(columns=INTERMEDIARY_COLUMNS)
    value = (frame["score"] / frame["probability"].where(frame["probability"] > 0)).fillna(0.0)
    value_by_code = pd.Series(value.to_numpy(), index=frame["code"].to_numpy())
    m = marginals(result.paths)
    m["value"] = m["marginal"] * value_by_code.reindex(m["target"].to_numpy()).to_numpy()
    agg = m.groupby("n1").agg(value=("value", "sum"), targets=("target", "nunique"))
    agg = agg.sort_values("value", ascending=False)
    if limit is not None:
        agg = agg.head(limit)
    me = net.tables.me
    willing = net.willing.set_index("person_id") if len(net.willing) else None
    my_edges = net.edges[net.edges["src"] == me]
    my_pv = pd.Series(my_edges["pv"].to_numpy(), index=my_edges["dst"].to_numpy())
    rows = []
    for code, rec in agg.iterrows():
        code = int(code)
        pid = people["person_id"].iat[code]
        name = people["full_name"].iat[code]
        mine = m[m["n1"] == code].sort_values("value", ascending=False)
        top = [people["full_name"].iat[int(t)] for t in mine["target"].head(3)]
        words, _ = net.tie_words(me, code)
        will = float(my_pv.get(code, float("nan")))
        reasons = [f"opens {int(rec['targets'])} target{'s' if rec['targets'] != 1 else ''}"
                   f" (best: {', '.join(top)})"]
        if words:
            reasons.append(f"your tie: {words}")
        sole = int((mine["marginal"] >= mine["q"] - 1e-12).sum())
        if sole:
            reasons.append(f"the only route you have to {sole} of them")
        if willing is not None and pid in willing.index:
            h = willing.loc[pid]
            reasons.append(f"{first_name(name)} has made {int(h['succeeded'])} of {int(h['asked'])} introductions "
                           "you asked for")
        rows.append({"person_id": pid, "name": name, "company": people["company"].iat[code],
                     "position": people["position"].iat[code], "value": round(float(rec["value"]), 6),
                     "targets": int(rec["targets"]), "willingness": round(will, 6), "best_targets": top,
                     "reasons": reasons})
    from netanalytics.ranking.rank import rows_frame

    return rows_frame(rows, INTERMEDIARY_COLUMNS)
