"""Affinity with me: a shared employer or school, and whether we can meet for coffee.

The practice behind the toolkit says to weigh a professional's background against yours:
someone who worked where you worked, or studied where you studied, is both more
instructive and more likely to say yes. Exports carry other people's current employer
(and earlier ones from person history), not their education, so a shared school shows only
when their company or title names it.

Same metro (coffee) is decided on the city part of a location, with a few common aliases;
an unknown location means a video call.

>>> metro_key("Greater Boston Area")
'boston'
>>> same_metro("San Francisco Bay Area", "Oakland, California")
True
>>> same_metro("Boston, MA", None) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from netanalytics.text import TextColumn, keyword_pattern, norm_series, norm_text

__all__ = ["affinity_reasons", "affinity_table", "meeting_kind", "metro_key", "same_metro"]

#: Places that belong to one metro (a small, editable list).
METRO_ALIASES: dict[str, str] = {
    "nyc": "new york", "new york city": "new york", "manhattan": "new york", "brooklyn": "new york",
    "sf": "san francisco", "bay area": "san francisco", "san francisco bay": "san francisco",
    "oakland": "san francisco", "berkeley": "san francisco", "palo alto": "san francisco",
    "san jose": "san francisco", "mountain view": "san francisco",
    "cambridge ma": "boston", "somerville": "boston",
    "washington dc": "washington", "washington d c": "washington", "dc": "washington",
    "arlington": "washington", "bethesda": "washington",
    "la": "los angeles", "santa monica": "los angeles", "pasadena": "los angeles",
    "st paul": "minneapolis", "saint paul": "minneapolis", "bellevue": "seattle", "redmond": "seattle",
}
_NOISE = re.compile(r"\b(greater|metropolitan|metro|area|city of|region|the)\b")


def metro_key(location: str | None) -> str | None:
    """The metro a location names, as a lower-case key ('' and None -> None)."""
    if not isinstance(location, str) or not location.strip():
        return None
    first = str(location).split(",")[0]
    key = " ".join(_NOISE.sub(" ", norm_text(first)).split())
    if not key:
        return None
    return METRO_ALIASES.get(key, key)


def same_metro(a: str | None, b: str | None) -> bool | None:
    """True/False when both locations are known, None when either is unknown."""
    ka, kb = metro_key(a), metro_key(b)
    if ka is None or kb is None:
        return None
    return ka == kb


def meeting_kind(same: bool | None) -> str:
    """'coffee' in the same metro, else 'video'."""
    return "coffee" if same else "video"


def _names(values: Iterable[Any]) -> list[str]:
    out = []
    for v in values:
        if v is not None and not (isinstance(v, float) and v != v) and norm_text(v):
            out.append(str(v).strip())
    return list(dict.fromkeys(out))


def affinity_table(
    people: pd.DataFrame,
    *,
    my_location: str | None,
    my_employers: Iterable[str] = (),
    my_schools: Iterable[str] = (),
    history: pd.DataFrame | None = None,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Affinity of each person with me; a frame aligned with ``people``.

    Columns: shared_employer (my employer's name or None), shared_school, same_metro
    (True/False/None), meeting ('coffee'|'video'), affinity (0..1: employer 0.5, school 0.5,
    same metro 0.2 by default, capped at 1).
    """
    w = {"employer": 0.5, "school": 0.5, "metro": 0.2, **dict(weights or {})}
    employers = _names(my_employers)
    schools = _names(my_schools)
    out = pd.DataFrame(index=people.index)
    n = len(people)
    comp = TextColumn.from_values(people["company"])
    pos = TextColumn.from_values(people["position"])
    by_norm = {norm_text(e): e for e in employers}
    if employers and len(comp.uniques):
        per_unique = comp.uniques.map(by_norm).to_numpy(dtype=object)
        shared_emp = comp._spread(np.where(pd.isna(per_unique), None, per_unique), None).astype(object)
    else:
        shared_emp = np.full(n, None, dtype=object)
    if employers and history is not None and len(history):
        past = history[history["field"] == "company"]
        past = past.assign(norm=norm_series(past["old_value"]))
        past = past[past["norm"].isin(by_norm)]
        if len(past):
            earlier = dict(zip(past["person_id"], past["norm"].map(by_norm), strict=True))
            ids = people["person_id"].to_numpy(dtype=object)
            for i in np.flatnonzero(pd.isna(shared_emp)):
                if ids[i] in earlier:
                    shared_emp[i] = earlier[ids[i]]
    shared_school = np.full(n, None, dtype=object)
    for school in schools:
        pat = keyword_pattern([school], capture=False)
        hit = comp.contains(pat) | pos.contains(pat)
        shared_school[hit & pd.isna(shared_school)] = school
    mine = metro_key(my_location)
    if mine is None or n == 0:
        metro = np.full(n, None, dtype=object)
    else:
        codes, uniques = pd.factorize(people["location"], use_na_sentinel=True)
        ukeys = np.array([metro_key(u) for u in np.asarray(uniques, dtype=object)] + [None], dtype=object)
        keys = ukeys[np.where(codes >= 0, codes, len(ukeys) - 1)]
        metro = np.where(pd.isna(keys), None, keys == mine).astype(object)
    out["shared_employer"] = pd.Series(shared_emp, index=out.index, dtype=object)
    out["shared_school"] = pd.Series(shared_school, index=out.index, dtype=object)
    out["same_metro"] = pd.Series(metro, index=out.index, dtype=object)
    out["meeting"] = np.where(metro == True, "coffee", "video")  # noqa: E712 - object array of bools/None
    out["affinity"] = np.minimum(
        1.0,
        w["employer"] * ~pd.isna(shared_emp) + w["school"] * ~pd.isna(shared_school)
        + w["metro"] * (metro == True),  # noqa: E712
    )
    return out


def affinity_reasons(row: Mapping[str, Any], name: str, *, my_location: str | None = None,
                     location: str | None = None) -> list[str]:
    """One row of :func:`affinity_table` in words ("Sam studied at …", "… suggest coffee").

    >>> affinity_reasons({"shared_employer": "Acme", "shared_school": None, "same_metro": True}, "Sam")
    ['Sam also worked at Acme, like you', 'Sam is in your city — suggest coffee']
    """
    first = name.split()[0] if name else "They"
    reasons: list[str] = []
    row = {k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
    if row.get("shared_employer"):
        reasons.append(f"{first} also worked at {row['shared_employer']}, like you")
    if row.get("shared_school"):
        reasons.append(f"{first} is connected to your school, {row['shared_school']}")
    same = row.get("same_metro")
    same = None if same is None else bool(same)
    if same is True:
        reasons.append(f"{first} is in your city — suggest coffee")
    elif same is False:
        where = f" ({location})" if location else ""
        reasons.append(f"{first} is in another city{where} — suggest a video call")
    else:
        reasons.append(f"{first}'s location is unknown — suggest a video call")
    return reasons
