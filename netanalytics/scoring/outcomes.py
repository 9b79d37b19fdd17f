"""Learning from the outreach log: who answers, who has been met, who was referred.

An intermediary's willingness to pass a request on is a Beta posterior whose prior mean is
the hop probability from tie strength (prior weight ``PRIOR_WEIGHT`` pseudo-requests):

    willingness = (k * prior + successes) / (k + successes + failures)

A *request* is an ``intro_requested`` (or ``intro_made``) event for a target with
``via_person_id`` = the intermediary. It *succeeded* when the target's log later shows
``intro_made`` or any sign of a reply (scheduled, interviewed, …); it *failed* on
``declined`` or ``no_response`` with no success; otherwise it is pending.
(``docs/model.md``, section 9, explains why.) People with an ``interviewed`` event are "already met"; a ``referral_given`` event on a
person with ``referral_person_id`` set marks the referred person (``referral_person_id``) as
referred by the event's person (older logs: the event's person referred via ``via_person_id``).

>>> import pandas as pd
>>> ev = pd.DataFrame({"event_id": [1, 2, 3, 4], "person_id": ["t1", "t1", "t2", "t2"],
...     "stage": ["intro_requested", "intro_made", "intro_requested", "no_response"],
...     "at": ["2026-01-01", "2026-01-03", "2026-02-01", "2026-03-01"],
...     "via_person_id": ["f", "f", "f", None]})
>>> intermediary_outcomes(ev)[["via_person_id", "asked", "succeeded", "failed"]].values.tolist()
[['f', 2, 1, 1]]
>>> float(willingness(0.5, 1, 1))
0.5
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netanalytics.workspace.events import live_events
from netanalytics.workspace.stages import CLOSED_STAGES, ENGAGED_STAGES, INTRO_STAGES, MEETING_EVENT

if TYPE_CHECKING:
    from netanalytics.workspace.db import Workspace

__all__ = [
    "PRIOR_WEIGHT",
    "already_met",
    "hit_rates",
    "hit_rates_table",
    "intermediary_outcomes",
    "live_events",
    "referrals",
    "willingness",
]

#: How many pseudo-requests the tie-strength prior is worth.
PRIOR_WEIGHT = 4.0
# What shows an intermediary passed the request on: the intro, or the target engaging
# (ENGAGED_STAGES). My own moves (outreach_sent, a followed_up nudge) say nothing about them.


def intermediary_outcomes(events: pd.DataFrame) -> pd.DataFrame:
    """Per intermediary: asked (targets requested through them), succeeded, failed, pending."""
    ev = live_events(events)
    cols = ["via_person_id", "asked", "succeeded", "failed", "pending"]
    if len(ev) == 0:
        return pd.DataFrame(columns=cols)
    requests = ev[ev["stage"].isin(INTRO_STAGES) & ev["via_person_id"].notna()]
    rows: dict[str, list[int]] = {}
    by_target = {pid: grp for pid, grp in ev.groupby("person_id", sort=False)}
    for (target, via), grp in requests.groupby(["person_id", "via_person_id"], sort=False):
        first_at = str(grp["at"].min())
        later = by_target[target]
        later = later[later["at"].astype(str) >= first_at]
        stages = set(later["stage"])
        counts = rows.setdefault(via, [0, 0, 0, 0])
        counts[0] += 1
        if stages & ENGAGED_STAGES:
            counts[1] += 1
        elif stages & CLOSED_STAGES:
            counts[2] += 1
        else:
            counts[3] += 1
    frame = pd.DataFrame([[k, *v] for k, v in rows.items()], columns=cols)
    return frame.sort_values("via_person_id").reset_index(drop=True)


def willingness(prior: Any, successes: Any, failures: Any, weight: float = PRIOR_WEIGHT) -> Any:
    """Posterior mean of Beta(k*prior + successes, k*(1-prior) + failures)."""
    return (weight * np.asarray(prior, dtype=float) + successes) / (weight + np.asarray(successes) + failures)


def already_met(events: pd.DataFrame) -> dict[str, str]:
    """person_id -> date of the (last) informational interview with them."""
    ev = live_events(events)
    met = ev[ev["stage"] == MEETING_EVENT]
    return {pid: str(at)[:10] for pid, at in zip(met["person_id"], met["at"], strict=True)}


def referrals(events: pd.DataFrame) -> dict[str, str]:
    """referred person_id -> the person_id who referred them."""
    ev = live_events(events)
    ref = ev[ev["stage"] == "referral_given"]
    out: dict[str, str] = {}
    if "referral_person_id" in ref:
        linked = ref[ref["referral_person_id"].notna()]
        out.update(zip(linked["referral_person_id"], linked["person_id"], strict=True))
        ref = ref[ref["referral_person_id"].isna()]
    ref = ref[ref["via_person_id"].notna()]
    for pid, via in zip(ref["person_id"], ref["via_person_id"], strict=True):
        out.setdefault(pid, via)
    return out


def hit_rates_table(
    events: pd.DataFrame,
    prior: Mapping[str, float] | None = None,
    names: Mapping[str, str] | None = None,
    *,
    default_prior: float = 0.135,
) -> pd.DataFrame:
    """Per-intermediary hit rates: person_id, name, asked, succeeded, failed, pending, rate,
    posterior_mean (Beta posterior with the tie-strength prior), best first.

    >>> ev = pd.DataFrame({"event_id": [1, 2], "person_id": ["t", "t"], "stage": ["intro_requested", "declined"],
    ...                    "at": ["2026-01-01", "2026-01-09"], "via_person_id": ["f", None]})
    >>> hit_rates_table(ev, {"f": 0.6}, {"f": "Fay"}).to_dict("records")[0]["posterior_mean"]
    0.48
    """
    out = intermediary_outcomes(events).rename(columns={"via_person_id": "person_id"})
    prior = prior or {}
    names = names or {}
    out.insert(1, "name", [names.get(p, p) for p in out["person_id"]])
    decided = out["succeeded"] + out["failed"]
    out["rate"] = np.where(decided > 0, out["succeeded"] / decided.where(decided > 0, 1), np.nan)
    pri = np.array([prior.get(p, default_prior) for p in out["person_id"]], dtype=float)
    out["prior"] = pri
    out["posterior_mean"] = willingness(pri, out["succeeded"].to_numpy(float), out["failed"].to_numpy(float))
    for col in ("asked", "succeeded", "failed", "pending"):
        out[col] = out[col].astype(int)
    return out.sort_values(["posterior_mean", "asked"], ascending=[False, False]).reset_index(drop=True)


def hit_rates(ws: Workspace, *, today: date | None = None) -> pd.DataFrame:
    """:func:`hit_rates_table` for a workspace (priors from my ties' strength)."""
    from netanalytics.graph import load_tables
    from netanalytics.scoring.tie_strength import TieStrengthModel, score_ties

    tables = load_tables(ws)
    model = TieStrengthModel()
    scored = score_ties(tables.ties, tables.people, model=model, today=today)
    scored = scored[scored["mine"]]
    prior = dict(zip(scored["person_id"], model.hop(scored["strength"].to_numpy(float)), strict=True))
    names = dict(zip(tables.people["person_id"], tables.people["full_name"], strict=True))
    return hit_rates_table(tables.events, prior, names)
