"""Rank targets: who in my target industry and role can I reach warmly, through whom, how
likely is it to work, and why.

A target's score (weights in :class:`RankWeights`):

    score = probability * fit * (1 + affinity_weight * affinity) * novelty * met_factor

- probability: noisy-OR over the best path through each distinct first intermediary among
  the top ``top_paths`` simple paths of at most ``max_hops`` hops (:mod:`.paths`);
- fit: :func:`netanalytics.scoring.fit.fit_table` (industry, title, company, …) in [0, 1];
- affinity: a past employer or a school in common, and coffee distance, with me
  (:mod:`netanalytics.scoring.affinity`), which also gives the meeting suggestion
  (``coffee``, ``video`` or ``unknown``) and its reason;
- novelty: 1 + novelty_weight * exp(-(ln(1+m) - ln(1+peak))^2 / (2 width^2)), where m is
  the number of my connections who know the target. Rajkumar et al. (Science 2022) found
  that moderately weak ties — a handful of mutual connections, peaking near 6–10 — carry
  the most job mobility; the bump is small (10 % by default) so it only breaks near-ties;
- met_factor: people I already interviewed sink (0.3) and are marked "already met".

People who match the target but have no path are kept with ``reachable=False`` and
probability 0, after the reachable ones.

Outcomes from the outreach log adjust the hops: an intermediary's willingness is a Beta
posterior with their tie-strength hop probability as prior (:mod:`netanalytics.scoring.outcomes`),
and a referral raises the hop from the referrer to the referred person.

``docs/model.md`` explains every factor with the research behind it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from netanalytics.errors import InputError
from netanalytics.graph import NetworkTables, tables_of
from netanalytics.ranking.explain import (
    chance_sentence,
    first_name,
    novelty_sentence,
    path_sentence,
)
from netanalytics.ranking.paths import (
    ATTRITION,
    MAX_HOPS,
    combine_paths,
    enumerate_paths,
    undirected_to_directed,
)
from netanalytics.scoring.target import TargetSpec
from netanalytics.scoring.tie_strength import TieStrengthModel, explain_tie, pair_edges, score_ties

__all__ = ["OUTPUT_COLUMNS", "RankWeights", "RankingResult", "paths_to", "prepare_network", "rank_targets"]

OUTPUT_COLUMNS = [
    "person_id", "name", "company", "position", "profile_url", "location", "place", "score", "probability", "fit",
    "affinity", "mutual", "hops", "path", "path_ids", "via", "via_id", "meeting", "meeting_reason", "reachable",
    "already_met", "reasons", "routes",
]


@dataclass(frozen=True)
class RankWeights:
    """Weights of the target score (see the module docstring)."""

    affinity: float = 0.25
    novelty: float = 0.10
    novelty_peak: float = 8.0
    novelty_width: float = 0.6
    already_met: float = 0.3
    referral_boost: float = 0.5  # the referrer->referred hop's failure chance is multiplied by this
    attrition: float = ATTRITION
    min_fit: float = 0.0  # targets need fit > min_fit

    def __post_init__(self) -> None:
        bounds = {"affinity": (0, None), "novelty": (0, None), "novelty_peak": (0, None),
                  "already_met": (0, 1), "referral_boost": (0, 1), "attrition": (0, 1), "min_fit": (0, 1)}
        for name, (low, high) in bounds.items():
            value = getattr(self, name)
            ok = isinstance(value, int | float) and not isinstance(value, bool) and low <= value
            if not ok or (high is not None and value > high):
                wanted = f"a number from {low} to {high}" if high is not None else f"a number >= {low}"
                raise InputError(name, wanted, repr(value), param=name)
        if not (isinstance(self.novelty_width, int | float) and self.novelty_width > 0):
            raise InputError("novelty_width", "a number > 0", repr(self.novelty_width), param="novelty_width")

    def novelty_bump(self, mutual: np.ndarray) -> np.ndarray:
        """The 0..1 bump for m mutual connections (1 at the peak)."""
        d = np.log1p(np.asarray(mutual, dtype=float)) - np.log1p(self.novelty_peak)
        return np.exp(-(d**2) / (2 * self.novelty_width**2))


@dataclass
class PreparedNetwork:
    """Tie strengths and the directed edge table, ready for path enumeration."""

    tables: NetworkTables
    scored: pd.DataFrame
    pairs: pd.DataFrame
    edges: pd.DataFrame
    willing: pd.DataFrame
    met: dict[str, str]
    referred: dict[str, str]
    model: TieStrengthModel

    def pair_row(self, a: int, b: int) -> dict[str, Any] | None:
        """The strongest tie assertion between codes a and b, as a dict (None if no tie)."""
        u, v = min(a, b), max(a, b)
        key = self._pair_keys
        n = np.int64(len(self.tables.people))
        i = int(np.searchsorted(key, u * n + v))
        if i >= len(key) or key[i] != u * n + v:
            return None
        best = int(self.pairs["best"].iat[i])
        row = {**self.tables.ties.loc[best].to_dict(), **self.scored.loc[best].to_dict()}
        if row.get("shared_employer"):
            row["_company"] = self.tables.people["company"].iat[int(row["owner"])]
        return row

    @cached_property
    def _pair_keys(self) -> np.ndarray:
        """u * n + v for every pair (sorted, as ``pairs`` is), for a binary search."""
        n = np.int64(len(self.tables.people))
        return self.pairs["u"].to_numpy(np.int64) * n + self.pairs["v"].to_numpy(np.int64)

    def tie_words(self, a: int, b: int) -> tuple[str | None, dict[str, Any] | None]:
        """The tie a–b in words, and its row."""
        row = self.pair_row(a, b)
        if row is None:
            return None, None
        names = self.tables.people["full_name"]
        owner = names.iat[int(row["owner"])] if not row.get("mine") else None
        company = row.get("_company")
        words = explain_tie(row, owner_name=owner, company=None if not row.get("mine") else company)
        if row.get("mine") and row.get("shared_employer") and company:
            words = f"{words}, both at {company}" if "both at" not in words else words
        return words, row


def prepare_network(
    source: Any,
    *,
    today: date | None = None,
    model: TieStrengthModel | None = None,
    weights: RankWeights | None = None,
    overrides: Mapping[str, float] | None = None,
) -> PreparedNetwork:
    """Score ties, apply outcomes, and build the directed edge table (pure over the tables)."""
    from netanalytics.scoring.outcomes import already_met, hit_rates_table, referrals

    tables = tables_of(source)
    m = model or TieStrengthModel()
    w = weights or RankWeights()
    people = tables.people
    scored = score_ties(tables.ties, people, model=m, today=today, overrides=overrides,
                        company_codes=tables.norm("company").group_codes(), features_only=True)
    pairs = pair_edges(scored)
    pairs["p"] = m.hop(pairs["strength"].to_numpy())
    n = len(people)
    me = tables.me
    met = already_met(tables.events)
    referred = referrals(tables.events)
    if referred:
        u = pairs["u"].to_numpy()
        v = pairs["v"].to_numpy()
        p = pairs["p"].to_numpy().copy()
        for person, via in referred.items():
            a, b = tables.codes_for([person, via])
            if a >= 0 and b >= 0:
                hit = ((u == min(a, b)) & (v == max(a, b)))
                p[hit] = 1 - (1 - p[hit]) * w.referral_boost
        pairs["p"] = p
    willing = pd.DataFrame()
    factor = None
    if len(tables.events):
        mine = pairs[(pairs["u"] == me) | (pairs["v"] == me)]
        other = np.where(mine["u"].to_numpy() == me, mine["v"].to_numpy(), mine["u"].to_numpy())
        ids = people["person_id"]
        prior = dict(zip(ids.iloc[other], mine["p"].to_numpy(), strict=True))
        asked = set(tables.events["via_person_id"].dropna())
        asked_codes = tables.codes_for(list(asked))
        names = {pid: people["full_name"].iat[c] for pid, c in zip(asked, asked_codes, strict=True) if c >= 0}
        willing = hit_rates_table(tables.events, prior, names, default_prior=float(m.hop(1 / (1 + np.exp(-m.intercept)))))
        if len(willing):
            factor = np.full(n, np.nan)
            codes = tables.codes_for(willing["person_id"])
            ok = codes >= 0
            factor[codes[ok]] = (willing["posterior_mean"] / willing["prior"]).to_numpy()[ok]
    edges = undirected_to_directed(pairs[["u", "v", "p"]], factor)
    return PreparedNetwork(tables, scored, pairs, edges, willing, met, referred, m)


@dataclass
class RankingResult:
    """Everything one ranking computed: targets (best first), their paths, the network."""

    frame: pd.DataFrame  # one row per target, best first, without reasons
    paths: pd.DataFrame  # top paths per target (codes)
    network: PreparedNetwork
    spec: TargetSpec | None
    max_hops: int
    fit: pd.DataFrame = field(default_factory=pd.DataFrame)


def _mutual_counts(edges: pd.DataFrame, me: int, n: int) -> np.ndarray:
    """For every node, how many of my connections are tied to it."""
    src = edges["src"].to_numpy()
    dst = edges["dst"].to_numpy()
    mine = np.zeros(n, dtype=bool)
    mine[dst[src == me]] = True
    sel = mine[src] & (dst != me)
    return np.bincount(dst[sel], minlength=n)


def compute_ranking(
    source: Any,
    spec: TargetSpec | Mapping[str, Any] | None,
    *,
    max_hops: int = MAX_HOPS,
    top_paths: int = 5,
    weights: RankWeights | None = None,
    model: TieStrengthModel | None = None,
    today: date | None = None,
    targets: list[str] | None = None,
    network: PreparedNetwork | None = None,
    engine: str = "numpy",
) -> RankingResult:
    """The vectorised ranking (no reasons yet): every target's score, best first."""
    from netanalytics.scoring.affinity import AFFINITY_COLUMNS, MyBackground, affinity_table
    from netanalytics.scoring.fit import fit_table

    w = weights or RankWeights()
    net = network or prepare_network(source, today=today, model=model, weights=w)
    tables = net.tables
    people = tables.people
    n = len(people)
    me = tables.me
    if spec is not None:
        spec = spec.validate() if isinstance(spec, TargetSpec) else TargetSpec.from_mapping(spec)
    if targets is not None:
        codes = tables.codes_for(targets)
        codes = codes[(codes >= 0) & (codes != me)]
        fit = pd.DataFrame({"fit": np.ones(len(codes))}, index=codes)
    else:
        if spec is None:
            raise InputError("A target is needed: give industries, companies, titles, functions, seniority, locations "
                             "or schools.")
        fit_all = fit_table(people, spec, normalized={"company": tables.norm("company")},
                            recognition=tables.recognised(spec.taxonomy_path), education=tables.education)
        keep = (fit_all["fit"].to_numpy() > w.min_fit) & (np.arange(n) != me)
        fit = fit_all[keep]
        del fit_all  # a million-row frame at pool scale: free it before the path joins
        codes = fit.index.to_numpy()
    paths = enumerate_paths(net.edges, me, codes, max_hops=max_hops, top_k=top_paths,
                            attrition=w.attrition, engine=engine)
    comb = combine_paths(paths).set_index("target")
    frame = people.loc[codes, ["person_id", "full_name", "company", "position", "profile_url", "location"]].copy()
    frame = frame.rename(columns={"full_name": "name"})
    frame["code"] = codes
    frame["fit"] = fit["fit"].to_numpy()
    prob = comb["probability"].reindex(codes).to_numpy()
    frame["reachable"] = ~np.isnan(prob)
    frame["probability"] = np.nan_to_num(prob, nan=0.0)
    frame["hops"] = comb["hops"].reindex(codes).to_numpy()
    frame["n1"] = comb["n1"].reindex(codes).fillna(-1).astype(np.int64).to_numpy()
    frame["n_paths"] = comb["n_paths"].reindex(codes).fillna(0).astype(np.int64).to_numpy()
    mutual = _mutual_counts(net.edges, me, n)[codes]
    frame["mutual"] = mutual
    bump = w.novelty_bump(mutual)
    frame["novelty_bump"] = bump
    frame["novelty"] = 1.0 + w.novelty * bump
    aff = affinity_table(
        frame, MyBackground.from_tables(tables), education=tables.education, experience=tables.experience,
        history=tables.history, year=(today or date.today()).year,
    )
    for col in AFFINITY_COLUMNS:
        frame[col] = aff[col].to_numpy()
    met = frame["person_id"].map(net.met)
    frame["already_met"] = met.notna().to_numpy()
    factor = np.where(frame["already_met"].to_numpy(), w.already_met, 1.0)
    frame["score"] = (frame["probability"] * frame["fit"] * (1 + w.affinity * frame["affinity"])
                      * frame["novelty"] * factor)
    # Best first: reachable, then score, then fit; equal rows keep a stable order (by code).
    order = np.lexsort((frame["code"].to_numpy(), -frame["fit"].to_numpy(), -frame["score"].to_numpy(),
                        ~frame["reachable"].to_numpy(dtype=bool)))
    frame = frame.iloc[order].reset_index(drop=True)
    return RankingResult(frame=frame, paths=paths, network=net, spec=spec if isinstance(spec, TargetSpec) else None,
                         max_hops=max_hops, fit=fit)


def path_details(net: PreparedNetwork, target: int, hops: int, n1: int, n2: int) -> tuple[list[int], list[str], str]:
    """Codes, names and the sentence of one path me -> … -> target."""
    me = net.tables.me
    codes = [me] + [c for c in (n1, n2) if c >= 0][: max(hops - 1, 0)] + [int(target)]
    names_col = net.tables.people["full_name"]
    names = ["You"] + [str(names_col.iat[c]) for c in codes[1:]]
    words, ties = [], []
    for a, b in zip(codes[:-1], codes[1:], strict=True):
        text, row = net.tie_words(a, b)
        words.append(text)
        ties.append(row)
    return codes, names, path_sentence(names, words, ties)


def _text(value: Any) -> str | None:
    """A text cell, or None when missing (never NaN)."""
    return value if isinstance(value, str) and value else None


def _routes(net: PreparedNetwork, code: int, group: pd.DataFrame) -> list[dict[str, Any]]:
    """The kept paths to one target, best first: names, ids, probability, hops, sentence."""
    ids = net.tables.people["person_id"]
    routes = []
    for prow in group.itertuples(index=False):
        codes, names, sentence = path_details(net, code, int(prow.hops), int(prow.n1), int(prow.n2))
        routes.append({"path": names, "path_ids": [str(ids.iat[c]) for c in codes],
                       "probability": float(prow.probability), "hops": int(prow.hops), "sentence": sentence})
    return routes


def _distinct_first_hops(routes: list[dict[str, Any]]) -> int:
    """How many independent routes the noisy-OR combined: distinct first intermediaries
    (the direct path counts as one)."""
    return len({r["path_ids"][1] if r["hops"] > 1 else None for r in routes})


def _chance_reason(probability: float, routes: list[dict[str, Any]]) -> str:
    return chance_sentence(probability, _distinct_first_hops(routes), direct=routes[0]["hops"] == 1)


def _other_routes_reason(routes: list[dict[str, Any]], via: str | None) -> str | None:
    others = list(dict.fromkeys(r["path"][1] for r in routes[1:] if r["hops"] > 1 and r["path"][1] != via))
    return "also reachable via " + ", ".join(others[:3]) if others else None


def _willingness_reason(willing: pd.DataFrame | None, via_id: str | None, via: str | None) -> str | None:
    if willing is None or via_id not in willing.index:
        return None
    h = willing.loc[via_id]
    return f"{first_name(via)} has made {int(h['succeeded'])} of {int(h['asked'])} introductions you asked for"


def _unreachable_reason(max_hops: int) -> str:
    return (f"no path within {max_hops} hop{'s' if max_hops != 1 else ''} in the lists you have — "
            "reach out directly, or ask a friend who may know them to share their connections")


def _fit_reason(result: RankingResult, code: int) -> str | None:
    from netanalytics.scoring.fit import fit_reasons

    if result.spec is None or code not in result.fit.index:
        return None
    reasons = fit_reasons(result.fit.loc[code].to_dict(), result.spec)
    return "; ".join(reasons) if reasons else None


def _novelty_reason(rec: Mapping[str, Any]) -> str | None:
    if not rec["reachable"]:
        return None
    return novelty_sentence(int(rec["mutual"]), float(rec["novelty_bump"]), rec["name"]) or None


def _met_reason(net: PreparedNetwork, rec: Mapping[str, Any]) -> str | None:
    if not rec["already_met"]:
        return None
    return f"you already met {first_name(rec['name'])} ({net.met.get(rec['person_id'])})"


def _referral_reason(net: PreparedNetwork, rec: Mapping[str, Any]) -> str | None:
    referrer = net.referred.get(rec["person_id"])
    if referrer is None:
        return None
    code = int(net.tables.codes_for([referrer])[0])
    name = net.tables.people["full_name"].iat[code] if code >= 0 else referrer
    return f"{name} referred you to {first_name(rec['name'])}"


def explain_rows(result: RankingResult, limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` targets as output rows with path, via, meeting and reasons.

    Each reason comes from its own small function, in the order a reader wants them: the
    best path, the chance, other routes, the intermediary's record, or why there is no
    path; then fit, shared background, novelty, an earlier meeting, a referral.
    """
    from netanalytics.scoring.affinity import affinity_reasons

    net = result.network
    frame = result.frame if limit is None else result.frame.head(limit)
    wanted = result.paths[result.paths["target"].isin(frame["code"].to_numpy())]
    paths_by_target = {t: g for t, g in wanted.groupby("target", sort=False)}
    willing = net.willing.set_index("person_id") if len(net.willing) else None
    rows = []
    for rec in frame.to_dict("records"):
        code = int(rec["code"])
        name = rec["name"]
        routes = _routes(net, code, paths_by_target[code]) if rec["reachable"] else []
        best = routes[0] if routes else None
        hops = best["hops"] if best else None
        via_id = best["path_ids"][1] if best and hops >= 2 else None
        via = best["path"][1] if best and hops >= 2 else None
        if best:
            reasons = [best["sentence"], _chance_reason(rec["probability"], routes),
                       _other_routes_reason(routes, via), _willingness_reason(willing, via_id, via)]
        else:
            reasons = [_unreachable_reason(result.max_hops)]
        reasons += [_fit_reason(result, code), *affinity_reasons(rec),
                    _novelty_reason(rec), _met_reason(net, rec), _referral_reason(net, rec)]
        rows.append({
            "person_id": rec["person_id"], "name": name, "company": _text(rec["company"]),
            "position": _text(rec["position"]), "profile_url": _text(rec["profile_url"]),
            "location": _text(rec["location"]), "place": _text(rec["place"]),
            "score": round(float(rec["score"]), 6), "probability": round(float(rec["probability"]), 6),
            "fit": round(float(rec["fit"]), 6), "affinity": round(float(rec["affinity"]), 6),
            "mutual": int(rec["mutual"]), "hops": hops, "path": best["path"] if best else [],
            "path_ids": best["path_ids"] if best else [], "via": via, "via_id": via_id,
            "meeting": rec["meeting"], "meeting_reason": rec["meeting_reason"], "reachable": bool(rec["reachable"]),
            "already_met": bool(rec["already_met"]), "reasons": [r for r in reasons if r],
            "routes": routes,
        })
    return rows


def rank_targets(
    source: Any,
    spec: TargetSpec | Mapping[str, Any],
    *,
    max_hops: int = MAX_HOPS,
    top_paths: int = 5,
    limit: int | None = None,
    weights: RankWeights | None = None,
    model: TieStrengthModel | None = None,
    today: date | None = None,
) -> pd.DataFrame:
    """Targets best first, with their best path and reasons (:data:`OUTPUT_COLUMNS`).

    ``source`` is a Workspace or :class:`netanalytics.graph.NetworkTables`; ``spec`` a
    :class:`TargetSpec` or a mapping for :meth:`TargetSpec.from_mapping`. Unreachable
    targets follow the reachable ones with ``reachable=False``. ``limit`` keeps the first rows.
    """
    spec = TargetSpec.from_mapping(spec) if not isinstance(spec, TargetSpec) else spec.validate()
    result = compute_ranking(source, spec, max_hops=max_hops, top_paths=top_paths, weights=weights,
                             model=model, today=today)
    return rows_frame(explain_rows(result, limit), OUTPUT_COLUMNS)


def rows_frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """Rows as a DataFrame that keeps None (not NaN) in text and optional columns."""
    frame = pd.DataFrame(rows, columns=columns)
    for col in columns:
        values = [r.get(col) for r in rows]
        if any(v is None for v in values) or any(isinstance(v, str) for v in values):
            frame[col] = pd.Series(values, index=frame.index, dtype=object)
    return frame


def paths_to(
    source: Any,
    person: str,
    *,
    max_hops: int = MAX_HOPS,
    top_paths: int = 5,
    today: date | None = None,
    model: TieStrengthModel | None = None,
) -> pd.DataFrame:
    """The best paths from me to one person (id, profile URL or name for a workspace).

    One row per path, best first: rank, probability (of that path), hops, path, path_ids,
    via, reasons (the path in words); the combined probability is in ``attrs['probability']``.
    """
    tables = tables_of(source)
    pid = person
    if not isinstance(source, NetworkTables):
        from netanalytics.workspace.people import find_person

        pid = find_person(source, person)["person_id"]
    if pid == tables.me_id:
        raise InputError(f"'{person}' is you: give someone else to find paths to.")
    result = compute_ranking(tables, None, max_hops=max_hops, top_paths=top_paths, today=today, model=model,
                             targets=[pid])
    frame_row = result.frame.iloc[0] if len(result.frame) else None
    routes = []
    if frame_row is not None and frame_row["reachable"]:
        group = result.paths[result.paths["target"] == int(frame_row["code"])]
        routes = _routes(result.network, int(frame_row["code"]), group)
    out = [{"rank": i, "probability": round(r["probability"], 6), "hops": r["hops"], "path": r["path"],
            "path_ids": r["path_ids"], "via": r["path"][1] if r["hops"] >= 2 else None, "reasons": [r["sentence"]]}
           for i, r in enumerate(routes, start=1)]
    frame = rows_frame(out, ["rank", "probability", "hops", "path", "path_ids", "via", "reasons"])
    frame.attrs["probability"] = round(float(frame_row["probability"]), 6) if frame_row is not None else 0.0
    frame.attrs["name"] = frame_row["name"] if frame_row is not None else None
    frame.attrs["meeting"] = frame_row["meeting"] if frame_row is not None else None
    return frame
