"""Tie strength: how likely a person is to help, from what the exports can observe.

The model (weights in :class:`TieStrengthModel`, every one configurable) follows the
research explained, with references, in ``docs/model.md`` (sections 1 and 2):

    s = logistic(z),  z = intercept                       (no signal: s ~ 0.10)
        + label[relationship]                             (Granovetter: intimacy)
        + messages   * log(1 + sent + received)           (intensity)
        + recency    * 0.5 ** (days since last message / half_life)   (Gilbert & Karahalios)
        + reciprocity* min(sent, received) / max(sent, received)      (reciprocal services)
        + age        * log(1 + years connected)           (duration)
        + endorse_*  * log(1 + endorsements each way)
        + recommend_*  per recommendation each way (at most 2)
        + shared_employer  when both list the same current company
        + overlap    * log(1 + other shared lists that also contain the person)  (Onnela: structure)

My own ties use every term; a friend's tie to someone else only has connection age,
shared current employer and structural overlap. The user's corrections are relationship
labels (and, in code, ``overrides``: person id -> strength for my tie to them).

A hop along a tie succeeds with ``hop_probability(s) = 0.05 + 0.85 s``.

>>> model = TieStrengthModel()
>>> round(model.logistic(model.intercept), 2)
0.1
>>> hop_probability(1.0)
0.9
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "TieStrengthModel",
    "explain_tie",
    "hop_probability",
    "pair_edges",
    "score_ties",
]

_LABEL_WORDS = {
    "family": "family",
    "close-friend": "close friend",
    "friend": "friend",
    "colleague": "colleague",
    "acquaintance": "acquaintance",
}


def hop_probability(s: Any, floor: float = 0.05, scale: float = 0.85) -> Any:
    """The chance a request passes along a tie of strength ``s`` (scalar or array).

    >>> round(hop_probability(0.1), 3)
    0.135
    """
    return floor + scale * s


@dataclass(frozen=True)
class TieStrengthModel:
    """Weights of the tie-strength model (the defaults and their sources: ``docs/model.md``)."""

    intercept: float = -2.2
    labels: Mapping[str, float] = field(
        default_factory=lambda: {
            "family": 3.0, "close-friend": 2.6, "friend": 1.6, "colleague": 0.9, "acquaintance": -0.7,
        }
    )
    messages: float = 0.45
    recency: float = 1.2
    half_life_days: float = 180.0
    reciprocity: float = 0.5
    age: float = 0.25
    endorse_received: float = 0.3
    endorse_given: float = 0.2
    recommend_received: float = 0.8
    recommend_given: float = 0.6
    shared_employer: float = 1.0
    overlap: float = 0.35
    hop_floor: float = 0.05
    hop_scale: float = 0.85

    @staticmethod
    def logistic(z: Any) -> Any:
        """1 / (1 + e^-z), for scalars and arrays."""
        return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float))) if not np.isscalar(z) else 1 / (1 + math.exp(-z))

    def hop(self, s: Any) -> Any:
        """Hop probability for strength ``s`` with this model's floor and scale."""
        return hop_probability(s, self.hop_floor, self.hop_scale)


def _today(today: date | None) -> np.datetime64:
    return np.datetime64(today or date.today(), "D").astype("datetime64[ns]")


def score_ties(
    ties: pd.DataFrame,
    people: pd.DataFrame,
    *,
    model: TieStrengthModel | None = None,
    today: date | None = None,
    overrides: Mapping[str, float] | None = None,
    company_codes: np.ndarray | None = None,
    features_only: bool = False,
) -> pd.DataFrame:
    """Score every tie assertion; returns ``ties`` plus feature columns and ``strength``.

    ``ties`` needs owner/person codes (rows of ``people``) — see
    :class:`netanalytics.graph.NetworkTables`. Added columns: years, days_since,
    n_messages, overlap (other shared lists containing the person), shared_employer
    (bool), z, strength. Vectorised: a million ties take well under a second.
    """
    m = model or TieStrengthModel()
    now = _today(today)
    t = ties
    mine = t["mine"].to_numpy(dtype=bool)
    years = ((now - t["connected_on"].to_numpy()) / np.timedelta64(1, "D")) / 365.25
    years = np.clip(np.nan_to_num(years, nan=0.0), 0.0, 50.0)
    # Structural overlap: how many other lists contain this person.
    person = t["person"].to_numpy()
    owner = t["owner"].to_numpy()
    n_lists = np.bincount(person, minlength=len(people))
    overlap = np.maximum(n_lists[person] - 1, 0)
    # Shared current employer (normalised company text, equal and non-empty).
    if company_codes is None:
        from netanalytics.text import TextColumn

        company_codes = TextColumn.from_values(people["company"]).group_codes()
    comp_codes = np.asarray(company_codes)
    shared = (comp_codes[owner] >= 0) & (comp_codes[owner] == comp_codes[person])
    z = m.intercept + m.age * np.log1p(years) + m.shared_employer * shared + m.overlap * np.log1p(overlap)
    # My own ties (a few thousand rows) carry the interaction terms.
    own_rows = np.flatnonzero(mine)
    sub = t.iloc[own_rows]

    def col(name: str) -> np.ndarray:
        return sub[name].to_numpy(dtype=float)

    sent, recv = col("messages_sent"), col("messages_received")
    n_msg = np.zeros(len(t))
    n_msg[own_rows] = sent + recv
    days = np.full(len(t), np.nan)
    days[own_rows] = (now - sub["last_message_at"].to_numpy()) / np.timedelta64(1, "D")
    has_last = ~np.isnan(days)
    own_days = days[own_rows]
    recency = np.where(~np.isnan(own_days), 0.5 ** (np.clip(np.nan_to_num(own_days, nan=0.0), 0, None)
                                                     / m.half_life_days), 0.0)
    hi = np.maximum(sent, recv)
    recip = np.where(hi > 0, np.minimum(sent, recv) / np.where(hi > 0, hi, 1), 0.0)
    labels = np.array([m.labels.get(v, 0.0) if isinstance(v, str) else 0.0 for v in sub["relationship"]])
    own = (
        labels
        + m.messages * np.log1p(sent + recv)
        + m.recency * recency
        + m.reciprocity * recip
        + m.endorse_received * np.log1p(col("endorsements_received"))
        + m.endorse_given * np.log1p(col("endorsements_given"))
        + m.recommend_received * np.minimum(col("recommendations_received"), 2)
        + m.recommend_given * np.minimum(col("recommendations_given"), 2)
    )
    z = np.asarray(z, dtype=float).copy()
    z[own_rows] += own
    strength = 1.0 / (1.0 + np.exp(-z))
    if overrides:
        pids = sub["person_id"].to_numpy(dtype=object)
        for pid, value in overrides.items():
            strength[own_rows[pids == pid]] = float(value)
    if features_only:  # what ranking keeps for two million ties: small columns only
        return pd.DataFrame({
            "owner": owner, "person": person, "mine": mine, "strength": strength,
            "years": years.astype(np.float32), "n_messages": n_msg.astype(np.int32),
            "overlap": overlap.astype(np.int32), "shared_employer": shared,
        }, index=t.index, copy=False)
    features = pd.DataFrame({
        "years": years, "days_since": np.where(has_last, days, np.nan), "n_messages": n_msg.astype(np.int64),
        "overlap": overlap, "shared_employer": shared, "z": z, "strength": strength,
    }, index=t.index, copy=False)
    return pd.concat([t, features], axis=1)


def pair_edges(scored: pd.DataFrame) -> pd.DataFrame:
    """One row per unordered pair: u < v (codes), strength (the strongest assertion), best (its row
    label in ``scored``), n_assert (how many exports list the pair), mine.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"owner": [0, 2, 1], "person": [1, 1, 2], "strength": [0.5, 0.2, 0.4], "mine": [True, False, False]})
    >>> pair_edges(s)[["u", "v", "strength", "n_assert"]].values.tolist()
    [[0.0, 1.0, 0.5, 1.0], [1.0, 2.0, 0.4, 2.0]]
    """
    o = scored["owner"].to_numpy(np.int64)
    p = scored["person"].to_numpy(np.int64)
    u, v = np.minimum(o, p), np.maximum(o, p)
    strength = scored["strength"].to_numpy(dtype=float)
    key = u * (max(int(v.max(initial=0)), 0) + 1) + v
    # Pairs in (u, v) order; within a pair the strongest assertion (the earliest row on ties).
    order = np.argsort(key)
    key_sorted = key[order]
    first = np.r_[True, key_sorted[1:] != key_sorted[:-1]] if len(key_sorted) else np.zeros(0, dtype=bool)
    starts = np.flatnonzero(first)
    counts = np.diff(np.r_[starts, len(key_sorted)])
    pick = order[starts]
    multi = np.flatnonzero(counts > 1)
    if len(multi):
        s_sorted = strength[order]
        group = np.repeat(np.arange(len(starts)), counts)
        best = np.maximum.reduceat(s_sorted, starts)
        at_best = np.flatnonzero((s_sorted == best[group]) & (counts[group] > 1))
        # The earliest row among a pair's strongest assertions (the sort above is not stable).
        chosen = pd.Series(order[at_best]).groupby(group[at_best]).min()
        pick[chosen.index.to_numpy()] = chosen.to_numpy()
    out = pd.DataFrame({
        "u": u[pick].astype(np.int32), "v": v[pick].astype(np.int32), "strength": strength[pick],
        "best": scored.index.to_numpy()[pick], "mine": scored["mine"].to_numpy(dtype=bool)[pick],
        "n_assert": counts.astype(np.int32),
    }, copy=False)
    return out


def _month_year(value: Any) -> str:
    ts = pd.Timestamp(value)
    return ts.strftime("%B %Y")


def explain_tie(row: Mapping[str, Any], *, owner_name: str | None = None, company: str | None = None) -> str:
    """A scored tie in words: "close friend, 14 messages, last in October 2026, connected 6 years".

    ``row`` is one row of :func:`score_ties` (a mapping); ``owner_name`` names whose list it
    is when it is a friend's tie; ``company`` is the shared employer's name.

    >>> explain_tie({"mine": True, "relationship": "close-friend", "n_messages": 14,
    ...              "last_message_at": "2026-10-03", "years": 6.2, "overlap": 0})
    'close friend, 14 messages, last in October 2026, connected 6 years'
    >>> explain_tie({"mine": False, "years": 3, "overlap": 2, "shared_employer": True},
    ...             owner_name="Maya", company="Stripe")
    "in Maya's connections for 3 years, both at Stripe, also in 2 other shared lists"
    """
    parts: list[str] = []
    years = row.get("years") or 0
    if row.get("mine"):
        label = row.get("relationship")
        if label:
            parts.append(_LABEL_WORDS.get(label, str(label)))
        n = int(row.get("n_messages") or 0)
        if n:
            parts.append(f"{n} message{'s' if n != 1 else ''}")
            last = row.get("last_message_at")
            if last is not None and not pd.isna(last):
                parts.append(f"last in {_month_year(last)}")
        for key, words in (("endorsements_received", "endorsed you"), ("recommendations_received", "recommended you"),
                           ("recommendations_given", "you recommended them")):
            if int(row.get(key) or 0) > 0:
                parts.append(words)
        if years >= 1:
            parts.append(f"connected {int(years)} year{'s' if int(years) != 1 else ''}")
        elif row.get("implicit"):
            parts.append("shared their connections with you")
    else:
        whose = f"{owner_name}'s" if owner_name else "a shared"
        if years >= 1:
            parts.append(f"in {whose} connections for {int(years)} year{'s' if int(years) != 1 else ''}")
        else:
            parts.append(f"in {whose} connections")
    if row.get("shared_employer") and company:
        parts.append(f"both at {company}")
    overlap = int(row.get("overlap") or 0)
    if overlap:
        if row.get("mine"):
            parts.append(f"{overlap} mutual connection{'s' if overlap != 1 else ''}")
        else:
            parts.append(f"also in {overlap} other shared list{'s' if overlap != 1 else ''}")
    return ", ".join(parts) if parts else "no interaction on record"
