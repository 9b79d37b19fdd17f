"""Affinity with me: a past employer or a school in common, and whether we can meet for coffee.

The practice behind the toolkit says to weigh a professional's background against yours —
someone who worked where you worked, or studied what you studied where you studied it, is
more instructive and more likely to say yes — and to meet for coffee when they are near,
by video or phone when they are not. This module is the one home of those answers; the
ranking, the drafts and the prep sheets all ask it.

- **Place and meeting**: both locations are normalised by
  :func:`netanalytics.recognition.places.normalize_location` and compared by
  :func:`~netanalytics.recognition.places.meeting_mode`: ``coffee`` (within about 40 km or
  the same metro area), ``video`` (farther, or another country) or ``unknown`` (either
  place unknown or too broad — ask them; never a silent video call). The reason names the
  places compared.
- **Employer**: any company I worked at (my positions, my current company) against every
  company they worked at — their current one, every role of their saved profile, the
  companies a newer export replaced (person history) — compared by
  :func:`netanalytics.recognition.companies.company_key`, so "J.P. Morgan" is "JPMorgan";
  names that say nothing ("Self-employed") never match.
- **School**: my education against theirs by
  :func:`netanalytics.recognition.schools.shared_schools` (the same school however written,
  the same field, years there together), or their working at a school I went to.

``affinity`` is employer 0.5 + school up to 0.5 (0.3 for the school alone, +0.1 for the same
field, +0.1 for years together) + coffee 0.2, capped at 1.

>>> me = MyBackground.of(location="Boston, MA", employers=["McKinsey & Company"],
...                      education=[{"school": "Northeastern University", "field": "Economics",
...                                  "start_year": 2021, "end_year": 2025}])
>>> found = compare(me, location="Cambridge, MA", employers=[("McKinsey", 2016, 2019)],
...                 education=[{"school": "Northeastern University", "field": "Econ", "end_year": 2019}], year=2026)
>>> found.meeting, found.meeting_reason
('coffee', 'both in Greater Boston (Boston and Cambridge, 4 km apart)')
>>> found.employer_reason
'you both worked at McKinsey & Company (they were there 2016–2019)'
>>> found.school_reason
'you both studied economics at Northeastern University; they graduated 2019'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from netanalytics.recognition.companies import company_key, is_unknowable
from netanalytics.recognition.places import Place, meeting_mode, normalize_location
from netanalytics.recognition.schools import SharedSchool, school_key, shared_schools

__all__ = [
    "AFFINITY_COLUMNS",
    "DEFAULT_AFFINITY_WEIGHTS",
    "MEETINGS",
    "Affinity",
    "MyBackground",
    "affinity_reasons",
    "affinity_table",
    "affinity_with",
    "compare",
    "meeting_for",
    "my_background",
]

#: The meeting suggestions, in order of preference.
MEETINGS = ("coffee", "video", "unknown")
#: The columns :func:`affinity_table` adds.
AFFINITY_COLUMNS = [
    "place", "meeting", "meeting_reason", "shared_employer", "employer_reason", "shared_school",
    "school_reason", "affinity",
]
#: How much each shared thing counts toward affinity (capped at 1).
DEFAULT_AFFINITY_WEIGHTS = {"employer": 0.5, "school": 0.5, "coffee": 0.2}


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    text = " ".join(str(value).split())
    return text or None


def _year(value: Any) -> int | None:
    """A year from 2019, '2019', '2019-03' or '2019-03-01' (None when missing)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, int | np.integer):
        return int(value)
    text = str(value)
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


@lru_cache(maxsize=65536)
def _employer_key(name: str) -> str:
    """The company key of an employer, '' for names that say nothing (Self-employed)."""
    return "" if is_unknowable(name) else company_key(name)


@lru_cache(maxsize=4096)
def _place(text: str) -> Place | None:
    return normalize_location(text)


# --------------------------------------------------------------------------- me


@dataclass(frozen=True)
class MyBackground:
    """What I bring to the comparison: my place, my employers, my education.

    ``employers`` are (name as I wrote it, start year, end year) — end None while current
    (a role whose title is studying, "Student", is not employment);
    ``education`` entries are mappings with school and optionally field, start_year, end_year.
    Build it with :meth:`of` or :meth:`from_tables`.
    """

    location: str | None = None
    place: Place | None = None
    employers: tuple[tuple[str, int | None, int | None], ...] = ()
    education: tuple[Mapping[str, Any], ...] = ()
    employer_keys: Mapping[str, tuple[str, int | None, int | None]] = field(default_factory=dict)
    school_keys: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *, location: str | None = None, employers: Iterable[Any] = (),
           education: Iterable[Any] = ()) -> MyBackground:
        """From plain values: employers as names or (name, start, end); education as school
        names or mappings."""
        jobs: list[tuple[str, int | None, int | None]] = []
        for item in employers:
            name, start, end, title = (item, None, None, None) if isinstance(item, str) else (
                list(item) + [None, None, None])[:4]
            name = _text(name)
            if name and not (title and _STUDYING.search(str(title))):
                jobs.append((name, _year(start), _year(end)))
        schools = []
        for entry in education:
            entry = {"school": entry} if isinstance(entry, str) else dict(entry)
            if _text(entry.get("school")):
                schools.append(entry)
        keys: dict[str, tuple[str, int | None, int | None]] = {}
        for job in jobs:
            key = _employer_key(job[0])
            if key and key not in keys:
                keys[key] = job
        location = _text(location)
        return cls(
            location=location, place=_place(location) if location else None, employers=tuple(jobs),
            education=tuple(schools), employer_keys=keys,
            school_keys=frozenset(k for k in (school_key(e["school"]) for e in schools) if k),
        )

    @classmethod
    def from_tables(cls, tables: Any) -> MyBackground:
        """My background from :class:`netanalytics.graph.NetworkTables`: my row's location
        (the user's word, else my archive's), my roles and current company, my schools."""
        people = tables.people
        me = tables.me
        me_id = tables.me_id
        location = _text(people["location"].iat[me]) or _text(tables.my_profile.get("location"))
        jobs: list[tuple[Any, ...]] = []
        exp = tables.experience
        if len(exp):
            own = exp[exp["person_id"] == me_id]
            jobs += list(zip(own["company"], own["started"], own["ended"], own["title"], strict=True))
        pos = tables.my_positions
        if "company" in pos and len(pos):
            jobs += [(c, pos["started_on"].iat[i] if "started_on" in pos else None,
                      pos["finished_on"].iat[i] if "finished_on" in pos else None)
                     for i, c in enumerate(pos["company"])]
        current = _text(people["company"].iat[me])
        if current:
            jobs.append((current, None, None))
        education: list[Mapping[str, Any]] = []
        edu = tables.education
        if len(edu):
            education += edu[edu["person_id"] == me_id].to_dict("records")
        if not education and "school" in tables.my_education:
            education += [{"school": s, "start_year": _year(a), "end_year": _year(b)} for s, a, b in zip(
                tables.my_education["school"], tables.my_education.get("start_on", [None] * len(tables.my_education)),
                tables.my_education.get("end_on", [None] * len(tables.my_education)), strict=True)]
        return cls.of(location=location, employers=jobs, education=education)


# --------------------------------------------------------------------------- one person


@dataclass(frozen=True)
class Affinity:
    """What one person shares with me, each with its reason in words."""

    place: str | None
    meeting: str
    meeting_reason: str
    shared_employer: str | None = None
    employer_reason: str | None = None
    shared_school: str | None = None
    school_reason: str | None = None
    school_strength: int = 0

    def score(self, weights: Mapping[str, float] | None = None) -> float:
        """0..1: employer, school (by strength), coffee (:data:`DEFAULT_AFFINITY_WEIGHTS`)."""
        w = {**DEFAULT_AFFINITY_WEIGHTS, **dict(weights or {})}
        school = w["school"] * (0.6 + 0.2 * (self.school_strength - 1)) if self.school_strength else 0.0
        total = w["employer"] * (self.shared_employer is not None) + school + w["coffee"] * (self.meeting == "coffee")
        return float(min(1.0, total))


def meeting_for(mine: MyBackground, location: Any) -> tuple[str | None, str, str]:
    """(their place's label, 'coffee' | 'video' | 'unknown', the reason naming the places).

    >>> meeting_for(MyBackground.of(location="Boston, MA"), "Denver, Colorado")
    ('Denver, Colorado, US', 'video', 'Boston and Denver are 2841 km apart')
    """
    text = _text(location)
    place = _place(text) if text else None
    mode, reason = meeting_mode(mine.place, place)
    return (place.label if place else None), mode, reason


def _span(start: int | None, end: int | None) -> str:
    if start and end:
        return f"{start}–{end}" if start != end else str(start)
    if start:
        return f"since {start}"
    return f"until {end}" if end else ""


#: A role that is studying, not employment ("Student", "Estudiante", "MBA Candidate").
_STUDYING = re.compile(r"\b(student|estudiante|estudante|étudiante?|studentin|candidate)\b", re.IGNORECASE)


def _employer(mine: MyBackground, employers: Iterable[Any], current: str | None) -> tuple[str | None, str | None]:
    if not mine.employer_keys:
        return None, None
    current_key = _employer_key(current) if current else ""
    if current_key and current_key in mine.employer_keys:
        name, _, my_end = mine.employer_keys[current_key]
        mine_now = my_end is None and any(
            _employer_key(n) == current_key and e is None for n, _, e in mine.employers if n)
        return name, (f"you both work at {name}" if mine_now else f"they work at {name}, where you worked")
    for item in employers:
        company, start, end, title = (list(item) + [None, None, None])[:4]
        if title and _STUDYING.search(str(title)):
            continue  # studying there is a school in common, not an employer
        company = _text(company)
        key = _employer_key(company) if company else ""
        if key and key in mine.employer_keys:
            name = mine.employer_keys[key][0]
            span = _span(_year(start), _year(end))
            return name, f"you both worked at {name}" + (f" (they were there {span})" if span else "")
    return None, None


def _school(mine: MyBackground, education: list[Mapping[str, Any]], current: str | None,
            year: int | None) -> tuple[SharedSchool | None, str | None]:
    if mine.education and education:
        found = shared_schools(mine.education, education, year=year)
        if found:
            return found[0], found[0].school
    if current and mine.school_keys:
        key = school_key(current)
        if key in mine.school_keys:
            name = next(e["school"] for e in mine.education if school_key(e["school"]) == key)
            return SharedSchool(key, name, None, None, None, f"they work at {name}, where you studied"), name
    return None, None


def compare(
    mine: MyBackground,
    *,
    location: Any = None,
    company: str | None = None,
    employers: Iterable[Any] = (),
    education: Iterable[Mapping[str, Any]] = (),
    year: int | None = None,
) -> Affinity:
    """What one person shares with me: their ``location``, current ``company``, other
    ``employers`` ((name, start, end) or names) and ``education`` entries."""
    label, mode, reason = meeting_for(mine, location)
    employer, employer_reason = _employer(mine, employers, _text(company))
    shared, school = _school(mine, list(education), _text(company), year)
    return Affinity(
        place=label, meeting=mode, meeting_reason=reason, shared_employer=employer,
        employer_reason=employer_reason, shared_school=school,
        school_reason=shared.reason if shared else None, school_strength=shared.strength if shared else 0,
    )


def my_background(ws: Any) -> MyBackground:
    """My background read from a workspace (my row, my archive, my saved profile, my word)."""
    from netanalytics.workspace.profiles import background

    me = ws.me_id()
    if me is None:
        return MyBackground()
    mine = background(ws.conn, me)
    jobs = list(mine["employers"]) + ([(mine["company"], None, None)] if mine["company"] else [])
    return MyBackground.of(location=mine["location"], employers=jobs, education=mine["education"])


def affinity_with(ws: Any, person_id: str, *, mine: MyBackground | None = None, year: int | None = None) -> Affinity:
    """What ``person_id`` shares with me, read from a workspace: the one answer the drafts,
    the prep sheet and the person card give (the ranking computes the same in bulk)."""
    from netanalytics.workspace.profiles import background

    return compare(mine if mine is not None else my_background(ws), **background(ws.conn, person_id), year=year)


# --------------------------------------------------------------------------- everyone


def _grouped(frame: pd.DataFrame | None, ids: set[str], columns: list[str]) -> dict[str, list[tuple]]:
    if frame is None or not len(frame) or not ids:
        return {}
    sub = frame[frame["person_id"].isin(ids)]
    out: dict[str, list[tuple]] = {}
    for row in zip(sub["person_id"], *(sub[c] if c in sub else [None] * len(sub) for c in columns), strict=True):
        out.setdefault(row[0], []).append(row[1:])
    return out


def affinity_table(
    people: pd.DataFrame,
    mine: MyBackground,
    *,
    education: pd.DataFrame | None = None,
    experience: pd.DataFrame | None = None,
    history: pd.DataFrame | None = None,
    weights: Mapping[str, float] | None = None,
    year: int | None = None,
) -> pd.DataFrame:
    """Affinity of each person with me: a frame aligned with ``people`` (columns
    person_id, company, location), with :data:`AFFINITY_COLUMNS`.

    ``education`` and ``experience`` are :mod:`netanalytics.workspace.profiles` frames and
    ``history`` the earlier companies (person_id, field, old_value); each is only read for
    the people given. Places are normalised once per distinct location.
    """
    n = len(people)
    year = year if year is not None else dt.date.today().year
    place = np.full(n, None, dtype=object)
    meeting = np.full(n, "unknown", dtype=object)
    reason = np.full(n, None, dtype=object)
    codes, uniques = pd.factorize(people["location"], use_na_sentinel=True)
    per_unique = [meeting_for(mine, u) for u in np.asarray(uniques, dtype=object)]
    per_unique.append(meeting_for(mine, None))
    picked = np.where(codes >= 0, codes, len(per_unique) - 1)
    for i, (label, mode, why) in enumerate(per_unique):
        rows = picked == i
        place[rows], meeting[rows], reason[rows] = label, mode, why
    employer = np.full(n, None, dtype=object)
    employer_reason = np.full(n, None, dtype=object)
    school = np.full(n, None, dtype=object)
    school_reason = np.full(n, None, dtype=object)
    strength = np.zeros(n, dtype=np.int64)
    ids = people["person_id"].astype(object).to_numpy()
    companies = people["company"].astype(object).to_numpy()
    if mine.employer_keys or mine.education:
        wanted = set(ids.tolist())
        roles = _grouped(experience, wanted, ["company", "started", "ended", "title"]) if mine.employer_keys else {}
        if mine.employer_keys and history is not None and len(history):
            past = history[history["field"] == "company"] if "field" in history else history
            for pid, old in _grouped(past, wanted, ["old_value"]).items():
                roles.setdefault(pid, []).extend((o[0], None, None) for o in old)
        schools = _grouped(education, wanted, ["school", "field", "start_year", "end_year"]) if mine.education else {}
        keys = {k for k, *_ in mine.employer_keys.items()}
        for i, pid in enumerate(ids):
            company = _text(companies[i])
            maybe_employer = bool(keys) and (pid in roles or (company and _employer_key(company) in keys))
            maybe_school = bool(mine.education) and (pid in schools or (company and school_key(company) in mine.school_keys))
            if not (maybe_employer or maybe_school):
                continue
            entries = [dict(zip(("school", "field", "start_year", "end_year"), e, strict=True))
                       for e in schools.get(pid, ())]
            found = compare(mine, location=None, company=company, employers=roles.get(pid, ()),
                            education=entries, year=year)
            employer[i], employer_reason[i] = found.shared_employer, found.employer_reason
            school[i], school_reason[i], strength[i] = found.shared_school, found.school_reason, found.school_strength
    w = {**DEFAULT_AFFINITY_WEIGHTS, **dict(weights or {})}
    school_part = np.where(strength > 0, w["school"] * (0.6 + 0.2 * (strength - 1)), 0.0)
    score = np.minimum(1.0, w["employer"] * pd.notna(employer) + school_part + w["coffee"] * (meeting == "coffee"))
    out = pd.DataFrame(index=people.index)
    for name, values in (("place", place), ("meeting", meeting), ("meeting_reason", reason),
                         ("shared_employer", employer), ("employer_reason", employer_reason),
                         ("shared_school", school), ("school_reason", school_reason)):
        out[name] = pd.Series(values, index=people.index, dtype=object)
    out["affinity"] = score.astype(float)
    return out


def affinity_reasons(row: Mapping[str, Any]) -> list[str]:
    """One row of :func:`affinity_table` in words: what we share, then how to meet.

    >>> affinity_reasons({"employer_reason": "you both worked at Acme", "meeting": "unknown",
    ...                   "meeting_reason": "their location is unknown — ask where they are"})
    ['you both worked at Acme', 'coffee or a call? their location is unknown — ask where they are']
    """
    out = [str(row[k]) for k in ("school_reason", "employer_reason") if _text(row.get(k))]
    why = _text(row.get("meeting_reason"))
    mode = row.get("meeting")
    if mode == "coffee":
        out.append(f"suggest coffee: {why}" if why else "suggest coffee")
    elif mode == "video":
        out.append(f"suggest a video call: {why}" if why else "suggest a video call")
    elif why:
        out.append(f"coffee or a call? {why}")
    return out
