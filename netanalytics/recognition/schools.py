"""Schools and fields of study written many ways, and what two people's education shares.

"UC Berkeley", "University of California, Berkeley" and "Berkeley" are one school;
"Stanford University Graduate School of Business" is Stanford University (the business
school kept as detail); "IIT Bombay" is the "Indian Institute of Technology, Bombay";
"Econ" is economics and "CS" computer science. :func:`school_key` gives each school one
comparable key, :func:`field_keys` each field of study, and :func:`shared_schools`
compares two people's education — the same school, years there at the same time, the same
field — with a reason in words ("you both studied economics at Eastbrook University; they
graduated 2019").

Keys are built in this order, with no loose or fuzzy matching:

1. the alias table ``netanalytics/data/schools.toml`` (abbreviations, names in the school's
   own language, its business/law/graduate schools; only aliases that name one school);
2. generic spellings: accents, case, punctuation, a leading "The", "at" and commas
   ("The University of Texas at Austin" = "University of Texas, Austin"), and the usual
   prefixes "UC ", "UT ", "IIT ", "IIM ", "SUNY ", "CUNY ", "U of ";
3. a sub-school after a separator or in the name ("Foo University - School of Law",
   "Foo University Graduate School of Business") is detail; the university is the key.

Learning platforms and placeholders ("Coursera", "Self-taught", "High School") are no
school: their key is None, so they never make two people look like fellow alumni.

>>> same_school("UC Berkeley", "University of California, Berkeley")
True
>>> same_school("University of Washington", "Washington University in St. Louis")
False
>>> parse_school("Stanford University Graduate School of Business")
School(key='stanford university', name='Stanford University', detail='Graduate School of Business')
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import pandas as pd
from unidecode import unidecode

__all__ = [
    "School",
    "SharedSchool",
    "field_keys",
    "parse_school",
    "same_field",
    "same_school",
    "school_key",
    "school_keys",
    "shared_schools",
]


@dataclass(frozen=True)
class School:
    """A recognised school: its comparable ``key``, a display ``name``, and the sub-school."""

    key: str
    name: str
    detail: str | None = None


@dataclass(frozen=True)
class SharedSchool:
    """A school two people share, what else they share there, and the reason in words.

    ``together`` is the span of years both were there (None when the years do not overlap
    or are unknown); ``field`` the field of study both studied there (None if different or
    unknown); ``their_end_year`` when the other person finished.
    """

    key: str
    school: str
    together: tuple[int, int] | None
    field: str | None
    their_end_year: int | None
    reason: str

    @property
    def strength(self) -> int:
        """1 for the school alone, +1 for the same field, +1 for overlapping years."""
        return 1 + (self.field is not None) + (self.together is not None)


def _fold(text: str) -> str:
    """ASCII, lower case, '&' -> 'and', punctuation to single spaces."""
    text = unidecode(text).lower().replace("&", " and ").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


_PREFIXES = [
    (re.compile(r"^uc "), "university of california "),
    (re.compile(r"^ut "), "university of texas "),
    (re.compile(r"^iit "), "indian institute of technology "),
    (re.compile(r"^iim "), "indian institute of management "),
    (re.compile(r"^suny "), "state university of new york "),
    (re.compile(r"^cuny "), "city university of new york "),
    (re.compile(r"^u of "), "university of "),
    (re.compile(r"^univ "), "university "),
]
_INSTITUTION = re.compile(
    r"\b(university|universidad|universite|universitat|universita|universidade|universiteit|uniwersytet|"
    r"college|institute|instituto|institut|istituto|ecole|escuela|hochschule|polytechnic|politecnico|"
    r"polytechnique|academy|akademie|school)\b"
)
_SUB_SCHOOL = re.compile(
    r"^(?P<main>.+?\b(?:university|universidad|universite|universitat|universita|universidade|universiteit|"
    r"institute of technology|college))\s+(?P<detail>(?:graduate\s+)?(?:school|college|faculty|department)\s+of\s+.+|"
    r"(?:business|law|medical|graduate)\s+school(?:\s+of\s+.+)?)$"
)
_ABBREVIATION = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,9}\)")  # "(IIT)", "(LSE)", "(UCL)"
_SEPARATOR = re.compile(r"\s+[-–—|]\s+|\s*[,(]\s*|\)\s*")


def _generic_key(folded: str) -> str:
    key = re.sub(r"^the ", "", folded)
    for pattern, replacement in _PREFIXES:
        key = pattern.sub(replacement, key)
    key = re.sub(r" at ", " ", key)
    return key


@dataclass(frozen=True)
class _Alias:
    key: str
    name: str
    part: bool  # a business/law/graduate school of the university: kept as detail


@cache
def _tables() -> tuple[dict[str, _Alias], frozenset[str], dict[str, str]]:
    """(alias form -> school, not-school forms, field form -> field label)."""
    data = tomllib.loads((resources.files("netanalytics") / "data" / "schools.toml").read_text(encoding="utf-8"))
    aliases: dict[str, _Alias] = {}
    for entry in data["school"]:
        name = entry["name"]
        key = _generic_key(_fold(name))
        forms = [(a, False) for a in [name, *entry.get("aliases", ())]] + [(a, True) for a in entry.get("parts", ())]
        for alias, part in forms:
            for form in {_fold(alias), _generic_key(_fold(alias))}:
                if form in aliases and aliases[form].key != key:
                    raise RuntimeError(f"schools.toml: {alias!r} names both {aliases[form].name!r} and {name!r}")
                aliases[form] = _Alias(key, name, part)
    not_schools = frozenset(_fold(n) for n in data["not_schools"]["names"]) | {""}
    fields: dict[str, str] = {}
    for label, others in data["fields"].items():
        for form in [label, *others]:
            fields[_fold(form)] = label
    return aliases, not_schools, fields


def _alias(folded: str) -> _Alias | None:
    aliases = _tables()[0]
    return aliases.get(folded) or aliases.get(_generic_key(folded))


@lru_cache(maxsize=65536)
def parse_school(name: str | None) -> School | None:
    """The school ``name`` names, or None for no school (blank, a platform, a placeholder).

    >>> parse_school("IIT Bombay").name
    'Indian Institute of Technology, Bombay'
    >>> parse_school("Eastbrook University - School of Engineering")
    School(key='eastbrook university', name='Eastbrook University', detail='School of Engineering')
    >>> parse_school("Coursera") is None
    True
    """
    if name is None or not isinstance(name, str):
        return None
    text = " ".join(name.split())
    not_schools = _tables()[1]
    folded = _fold(text)
    if folded in not_schools:
        return None
    found = _alias(folded) or _alias(_fold(_ABBREVIATION.sub("", text)))
    if found:
        return School(found.key, found.name, _part_detail(text) if found.part else None)
    parts = [p.strip() for p in _SEPARATOR.split(text) if p and p.strip()]
    if len(parts) > 1:
        for i, part in enumerate(parts):
            hit = _alias(_fold(part))
            if hit:
                rest = [p for j, p in enumerate(parts) if j != i]
                return School(hit.key, hit.name, " ".join(rest) or (part if hit.part else None))
        main = next((p for p in parts if _INSTITUTION.search(_fold(p))), None)
        if main is not None and not _is_campus_list(parts):
            sub = parse_school(main)
            if sub is not None:
                rest = " ".join(p for p in parts if p is not main)
                return School(sub.key, sub.name, rest or sub.detail)
    match = _SUB_SCHOOL.match(folded)
    if match and len(match.group("main").split()) >= 2:
        main_key = _generic_key(match.group("main"))
        hit = _alias(main_key)
        detail = _detail_from(text, match.group("detail"))
        if hit:
            return School(hit.key, hit.name, detail)
        return School(main_key, _display(text[: len(text) - len(detail or "")].strip(" -,")), detail)
    key = _generic_key(folded)
    if not key or key in not_schools:
        return None
    return School(key, text)


def _part_detail(text: str) -> str:
    """"Duke University - The Fuqua School of Business" -> "The Fuqua School of Business"."""
    pieces = [p for p in _SEPARATOR.split(text) if p and p.strip()]
    if len(pieces) > 1:
        head = _alias(_fold(pieces[0]))
        if head is not None and not head.part:
            return " ".join(p.strip() for p in pieces[1:])
    return text


def _is_campus_list(parts: list[str]) -> bool:
    """"University of California, Berkeley": the comma separates a campus, not a sub-school."""
    return len(parts) == 2 and _INSTITUTION.search(_fold(parts[1])) is None


def _detail_from(text: str, folded_detail: str) -> str | None:
    words = len(folded_detail.split())
    tail = text.split()[-words:] if words else []
    return " ".join(tail) or None


def _display(text: str) -> str:
    return " ".join(text.split())


def school_key(name: str | None) -> str | None:
    """The comparable key of a school name (None when it names no school).

    >>> school_key("The University of Texas at Austin") == school_key("UT Austin")
    True
    >>> school_key("Universidad Nacional Autónoma de México") == school_key("UNAM")
    True
    """
    school = parse_school(name)
    return school.key if school else None


def same_school(a: str | None, b: str | None) -> bool:
    """True when both names are the same school (never for an unknown or missing one).

    >>> same_school("MIT", "Massachusetts Institute of Technology")
    True
    >>> same_school("École Polytechnique", "EPFL")
    False
    """
    ka, kb = school_key(a), school_key(b)
    return ka is not None and ka == kb


def school_keys(values: Iterable[object] | pd.Series) -> pd.Series:
    """:func:`school_key` over a column, once per distinct value (None where no school).

    >>> school_keys(pd.Series(["MIT", None, "mit"])).tolist()
    ['massachusetts institute of technology', None, 'massachusetts institute of technology']
    """
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    keys = [school_key(u if isinstance(u, str) else None) for u in uniques] + [None]
    return pd.Series([keys[c] for c in codes], index=series.index, dtype=object)


# --------------------------------------------------------------------------- fields of study


@lru_cache(maxsize=16384)
def field_keys(field: str | None) -> frozenset[str]:
    """The fields of study a text names, normalised ("Econ" -> economics).

    A known field name (with LinkedIn's ", General" and such) is one field; otherwise the
    text is split at "and", "&", "/" and commas and each known part counts; an unknown
    field is kept as its folded text, so two identical unknown fields still match.

    >>> sorted(field_keys("Economics and Mathematics"))
    ['economics', 'mathematics']
    >>> field_keys("CS") == field_keys("Computer Science")
    True
    """
    if not field or not isinstance(field, str):
        return frozenset()
    fields = _tables()[2]
    folded = _fold(field)
    if not folded:
        return frozenset()
    if folded in fields:
        return frozenset({fields[folded]})
    stripped = re.sub(r" general$", "", folded)
    if stripped in fields:
        return frozenset({fields[stripped]})
    parts = [p for p in re.split(r"\s+and\s+|\s*[/&,;]\s*", field) if p.strip()]
    found = {fields[_fold(p)] for p in parts if _fold(p) in fields}
    return frozenset(found) if found else frozenset({stripped})


def same_field(a: str | None, b: str | None) -> bool:
    """True when the two fields of study share a field (``'Econ'`` and ``'Economics'``)."""
    return bool(field_keys(a) & field_keys(b))


# --------------------------------------------------------------------------- comparing people


def _get(entry: object, name: str) -> object:
    return entry.get(name) if isinstance(entry, Mapping) else getattr(entry, name, None)


def _year(value: object) -> int | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _span(entry: object) -> tuple[int | None, int | None]:
    start, end = _year(_get(entry, "start_year")), _year(_get(entry, "end_year"))
    return start, end


def _overlap(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> tuple[int, int] | None:
    if None in a or None in b:
        return None
    low, high = max(a[0], b[0]), min(a[1], b[1])  # type: ignore[type-var]
    return (low, high) if low <= high else None  # type: ignore[return-value]


def shared_schools(mine: Iterable[object], theirs: Iterable[object], *, year: int | None = None) -> list[SharedSchool]:
    """The schools two people share, strongest first, each with a reason in words.

    ``mine`` and ``theirs`` are education entries: objects or mappings with ``school`` and
    optionally ``field``, ``start_year`` and ``end_year`` (a ProfileRecord's education, a
    row of Education.csv). ``year`` is "now" for "graduated" vs "finishes" (default: today).

    >>> me = [{"school": "Eastbrook University", "field": "Econ", "start_year": 2016, "end_year": 2020}]
    >>> them = [{"school": "Eastbrook University", "field": "Economics", "start_year": 2015, "end_year": 2019}]
    >>> shared_schools(me, them, year=2025)[0].reason
    'you both studied economics at Eastbrook University, at the same time (2016–2019); they graduated 2019'
    """
    now = year if year is not None else dt.date.today().year
    best: dict[str, SharedSchool] = {}
    mine = list(mine)
    for their in theirs:
        their_school = parse_school(_get(their, "school"))  # type: ignore[arg-type]
        if their_school is None:
            continue
        for own in mine:
            own_school = parse_school(_get(own, "school"))  # type: ignore[arg-type]
            if own_school is None or own_school.key != their_school.key:
                continue
            common = field_keys(_get(own, "field")) & field_keys(_get(their, "field"))  # type: ignore[arg-type]
            field = min(common) if common else None
            together = _overlap(_span(own), _span(their))
            end = _span(their)[1]
            shared = SharedSchool(
                their_school.key, own_school.name if own_school.name else their_school.name, together, field, end,
                _reason(own_school.name, field, together, end, now),
            )
            if their_school.key not in best or shared.strength > best[their_school.key].strength:
                best[their_school.key] = shared
    return sorted(best.values(), key=lambda s: (-s.strength, s.school))


def _reason(school: str, field: str | None, together: tuple[int, int] | None, end: int | None, now: int) -> str:
    text = f"you both studied {field} at {school}" if field else f"you both went to {school}"
    if together is not None:
        low, high = together
        text += f", at the same time ({low}–{high})" if low != high else f", at the same time ({low})"
    if end is not None:
        text += f"; they graduated {end}" if end <= now else f"; they finish in {end}"
    return text
