"""Read a job title as people write it: its function, its seniority, and what it matches.

A title from an export is messy ("Sr. PM | Ex-Google | MBA", "Co-founder & CEO 🚀",
"Softwareentwickler (m/w/d)", "Gerente de Producto"). This module normalises it
(:func:`normalize_title`), reads it in LinkedIn's own vocabularies (:data:`FUNCTIONS`,
:data:`SENIORITIES`; :func:`read_title`, :func:`read_titles` for a whole column) and
scores titles against a user's target title phrase (:func:`match_titles`), each answer
with a reason a user can read.

How a title is read, most trusted first:

1. **Our rules** (:mod:`netanalytics.recognition.titles_rules`): abbreviations,
   decorations, the multilingual role, area and level words, and the traps.
2. **Open occupational data**, bundled in ``netanalytics/data/titles.json`` by
   ``scripts/build_titles.py``: O*NET alternate titles (CC BY 4.0) and ESCO occupation
   labels in English, Spanish, French and Portuguese, mapped to functions through the
   readable SOC and ISCO tables in ``scripts/sources/titles/``. They name the occupation
   and carry the long tail (Phlebotomist, Stevedore) where our rules are silent.

Decisions (see the module docstring of ``titles_rules`` for the full list): Data
Scientist and Data Analyst are research; Managing Director is vp (MD with medicine is a
physician); Head of X is director; a Manager title is manager unless the role is an
individual contributor's (Product, Project, Account Manager…); Team Lead is manager and
Lead X is senior; interns and trainees are training, volunteers and students unpaid;
Founder and Owner are owner in entrepreneurship; "Partner" is a level only when it is not
a kind of work (HR Business Partner is human resources).

>>> r = read_title("Sr. PM, Payments")
>>> r.function, r.seniority
('product_management', 'senior')
>>> r.reason
"'Sr. PM, Payments' reads as senior product management (product manager)"
>>> read_title("Product Marketing Manager").function
'marketing'
"""

from __future__ import annotations

import gc
import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from netanalytics.recognition import titles_rules as rules
from netanalytics.recognition.titles_rules import fold, word_set

__all__ = [
    "FUNCTIONS",
    "FUNCTION_LABELS",
    "SENIORITIES",
    "SENIORITY_LABELS",
    "TitleReading",
    "match_titles",
    "normalize_title",
    "read_title",
    "read_titles",
]

#: LinkedIn's 26 job functions (keys).
FUNCTIONS: tuple[str, ...] = tuple(rules.FUNCTION_LABELS)
#: Human labels of :data:`FUNCTIONS`.
FUNCTION_LABELS: dict[str, str] = dict(rules.FUNCTION_LABELS)
#: LinkedIn's seniority levels, lowest first (keys).
SENIORITIES: tuple[str, ...] = tuple(rules.SENIORITY_LABELS)
#: Human labels of :data:`SENIORITIES`.
SENIORITY_LABELS: dict[str, str] = dict(rules.SENIORITY_LABELS)

_RANK = {level: i for i, level in enumerate(SENIORITIES)}
_MAX_NGRAM = 6
_DATA_FILE = "titles.json"

# ----------------------------------------------------------------------------- normalise

_SEPARATORS = re.compile(r"\s*(?:[|•·▪►●■❖★☆✦➤→;]|\s[-–—~:]+\s|[–—]|\s/\s|//)\s*")
_GENDER = re.compile(
    r"(?i)\(\s*(?:[mwfdhxi]\s*/\s*){1,3}[mwfdhxi]\s*\)|\(\s*(?:all genders?|gn\*?|w/m/d|h/f|f/h|m/f/x|f/m/x|m/w/d)\s*\)"
    r"|\b(?:m/w/d|w/m/d|m/f/d|f/m/d|m/f/x|h/f|f/h|m/w|w/m)\b"
)
_PRONOUNS = re.compile(r"(?i)\(?\b(?:he|she|they|ele|ela|il|elle)\s*/\s*(?:him|her|them|his|hers|their|dele|dela|lui)(?:\s*/\s*\w+)?\b\)?")
_SUFFIX_FORMS = re.compile(
    r"(?i)(?<=[a-zà-ÿ])(?:/|\(|\*|:|_)-?(?:in|innen|a|as|o|os|e|es|ice|rice|trice|euse|ère|ere|ne|le|fe)\)?(?=\W|$)"
)
_AT_COMPANY = re.compile(r"(?i)(?:\s+(?:at|chez|bei|presso)\s+|\s*@\s*).*$")
_EX_COMPANY = re.compile(r"(?i)^(?:ex|former|formerly|previously|prev|antes|ancien|ehemals)\b")
_EX_STARTS = frozenset({"ex", "fo", "pr", "an", "eh"})
_CREDENTIALS = rules.CREDENTIALS
_DECORATION = rules.DECORATION_WORDS
_AT_WORDS = frozenset({"at", "chez", "bei", "presso"})
_EX_WORDS = frozenset({"ex", "former", "formerly", "previously", "prev", "antes", "ancien", "ehemals"})
_LEVEL_TOKEN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x|[lep]\d{1,2}|ic\d{1,2}|ict\d|t\d|\d+(?:st|nd|rd|th)?)$")
_LEVEL_WORDS = {"level", "grade", "band", "tier", "nivel", "niveau", "stufe", "step"}
_MEDICAL = word_set("""
medicine medical physician doctor surgeon surgery pediatrics paediatrics pediatric cardiology oncology
neurology radiology dermatology psychiatry anesthesiology anaesthesiology internal family emergency
hospitalist resident attending clinic clinical hospital obstetrics gynecology orthopedics urology
ophthalmology pathology nephrology gastroenterology endocrinology rheumatology pulmonology
""")


_CONTEXT_WORDS = frozenset({"eng", "engg", "acct", "admin", "ta", "tech", "md"})
_WORD_KINDS: dict[str, object] = {}


def _word_kind(w: str) -> object:
    """1 a level token (II, L5), 2 a level word (Level 2), 3 needs context, else its expansion."""
    kind = _WORD_KINDS.get(w)
    if kind is None:
        if _LEVEL_TOKEN.match(w):
            kind = 1
        elif w in _LEVEL_WORDS:
            kind = 2
        elif w in _CONTEXT_WORDS:
            kind = 3
        else:
            kind = rules.ABBREVIATIONS.get(w) or _masculine(w)
        if len(_WORD_KINDS) > 200_000:
            _WORD_KINDS.clear()
        _WORD_KINDS[w] = kind
    return kind


def _clean_part(words: list[str]) -> list[str]:
    """Expand abbreviations and drop level tokens in one comma-free part of a title."""
    out: list[str] = []
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        kind = _word_kind(w)
        if kind.__class__ is str:
            out.append(kind)
            i += 1
            continue
        nxt = words[i + 1] if i + 1 < n else ""
        if kind == 1:
            if (w == "i" and not out) or (w.isdigit() and out and out[-1] in ("top", "fortune", "web")):  # "I" alone is a word
                out.append(w)
            i += 1
            continue
        if kind == 2:
            if nxt and (_LEVEL_TOKEN.match(nxt) or nxt.isdigit()):
                i += 2
            else:
                out.append(w)
                i += 1
            continue
        if w == "eng" or w == "engg":
            prev = out[-1] if out else ""
            out.append("engineering" if prev in ("president", "vice president", "of", "head", "director", "manager", "vp") or not prev and nxt in ("manager", "lead", "director") else "engineer")
        elif w == "acct":
            out.append("account" if nxt in ("manager", "mgr", "executive", "exec", "director") else "accountant")
        elif w == "admin":
            out.append("administrative" if nxt in ("assistant", "asst", "coordinator", "officer", "support") else "administrator")
        elif w == "ta":
            out.append("talent acquisition" if nxt in ("partner", "lead", "manager", "specialist", "coordinator", "team") else "teaching assistant")
        elif w == "tech":
            out.append("technical" if nxt in ("lead", "leader", "support", "writer") else "tech")
        elif w == "md":
            out.append("managing director")
        i += 1
    return out


_FEMININE = re.compile(r"^(\w{3,}(?:er|ent|ant|and|ist|tor|eur|arzt|ekt|iker|ier))in$")


def _masculine(word: str) -> str:
    """German feminine job nouns to the form our phrases use ('Entwicklerin' -> 'entwickler')."""
    if len(word) >= 7 and word.endswith("in"):
        m = _FEMININE.match(word)
        if m:
            return m.group(1)
        if word.endswith("ogin"):
            return word[:-2] + "e"
    return word


_REWRITE_FIRST = frozenset(w for phrase in rules.PHRASE_REWRITES for w in phrase.split())
_REWRITE_ANY = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(rules.PHRASE_REWRITES, key=len, reverse=True)) + r")\b")


_KEEP_PARTS = re.compile(r"[^a-z0-9,()\[\]]+")
_PART_SPLIT = re.compile(r"[,()\[\]]")
_FOLD_TABLE = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o"})


@lru_cache(maxsize=100_000)
def _normalize_segment(segment: str) -> str:
    if " at " in segment or "@" in segment or " chez " in segment or " bei " in segment or " presso " in segment:
        segment = _AT_COMPANY.sub("", segment)
    text = segment.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE)).encode("ascii", "ignore").decode("ascii")
    text = _KEEP_PARTS.sub(" ", text)
    if "," in text or "(" in text or ")" in text or "[" in text or "]" in text:
        parts = [p for p in (q.split() for q in _PART_SPLIT.split(text)) if p]
    else:
        parts = [text.split()] if not text.isspace() and text else []
    if not parts:
        return ""
    medical = any("md" in p for p in parts) and any(not _MEDICAL.isdisjoint(p) for p in parts)
    if len(parts) == 1:
        words = parts[0]
        if words[0] in _EX_WORDS or _DECORATION.issuperset(words):
            return ""
        kept = ["physician" if w == "md" else w for w in words] if medical else list(words)
    else:
        kept = []
        for index, words in enumerate(parts):
            if index > 0 and _CREDENTIALS.issuperset(words):
                if medical and "md" in words:
                    kept.append("physician")
                continue
            if words[0] in _EX_WORDS or _DECORATION.issuperset(words):
                continue
            kept.extend(["physician" if w == "md" else w for w in words] if medical else words)
    for i, w in enumerate(kept):
        if i > 0 and w in _AT_WORDS:
            del kept[i:]  # "Engineer, at Acme": the company goes, as with " at Acme"
            break
    cleaned = _clean_part(kept)
    if not cleaned or cleaned[0] in _EX_WORDS:
        return ""
    text = " ".join(cleaned)
    if not _REWRITE_FIRST.isdisjoint(cleaned) and _REWRITE_ANY.search(text):
        text = _REWRITE_ANY.sub(lambda m: rules.PHRASE_REWRITES[m.group(0)], text)
    return text


#: A slash between two titles ("Product Manager/Data Analyst"), not inside "UX/UI".
_SLASH_TITLES = re.compile(r"(?<=\w{4})/(?=\w{4})")


@lru_cache(maxsize=200_000)
def _normalize_cached(title: str) -> str:
    text = title
    if "/" in text or "(" in text:
        text = _GENDER.sub(" ", text)
        text = _PRONOUNS.sub(" ", text)
    if "/" in text or "(" in text or "*" in text or ":" in text or "_" in text:
        text = _SUFFIX_FORMS.sub("", text)
    text = text.replace("&", " and ").replace("+", " and ")
    if "/" in text:
        text = _SLASH_TITLES.sub(" / ", text)
    segments = []
    credentials = []
    for raw in _SEPARATORS.split(text):
        if not raw or raw.isspace():
            continue
        raw = raw.strip()
        if raw[:2].lower() in _EX_STARTS and _EX_COMPANY.match(raw):
            continue
        seg = _normalize_segment(raw.replace("/", " "))
        if not seg or seg in segments:
            continue
        seg_words = seg.split()
        if _DECORATION.issuperset(seg_words):
            continue
        if _CREDENTIALS.issuperset(seg_words) or (
            len(raw) <= 24 and _CREDENTIALS.issuperset(raw.lower().replace(".", "").replace(",", " ").split())
        ):
            credentials.append(seg)  # "| MBA": a credential, unless it is all there is ("RN")
            continue
        segments.append(seg)
    if not segments:
        segments = credentials[:1]
    return " / ".join(segments)


def normalize_title(title: object) -> str:
    """A title in plain words: abbreviations expanded, decorations, levels and case gone.

    Several titles in one ("Founder & CEO" stays one; "Product Manager / Data Analyst",
    "Co-founder | CTO" are two) are joined by ``" / "``. Normalising twice changes nothing.

    >>> normalize_title("Sr. PM | Ex-Google | MBA")
    'senior product manager'
    >>> normalize_title("SWE II @ Stripe 🚀")
    'software engineer'
    >>> normalize_title("Co-founder | CTO")
    'cofounder / chief technology officer'
    >>> normalize_title("Softwareentwickler/in (m/w/d)")
    'softwareentwickler'
    >>> normalize_title("Senior Accountant, CPA")
    'senior accountant'
    """
    if title is None or (isinstance(title, float) and title != title):
        return ""
    return _normalize_cached(str(title)[:300])


# ----------------------------------------------------------------------------- bundled data


@dataclass(frozen=True)
class _Entry:
    function: str | None
    role: str | None
    kind: str  # "role", "domain", "data"
    occupation: str | None = None
    industry: str | None = None


class _Data:
    """The phrase dictionaries, built once: our rules first, then the bundled open data."""

    def __init__(self) -> None:
        payload = json.loads(resources.files("netanalytics.data").joinpath(_DATA_FILE).read_text(encoding="utf-8"))
        self.occupations: list[str] = payload["occupations"]
        self.functions: list[str | None] = payload["functions"]
        self.roles: list[str | None] = payload["roles"]
        self.industries: list[str | None] = payload["industries"]
        # phrase -> "occupation,function,role,industry" (indexes), parsed only when matched.
        self.rows: dict[str, str] = dict(zip(payload["phrases"].split("\n"), payload["rows"].split("\n"), strict=True))
        self.sources: list[str] = payload["sources"]
        self.hand: dict[str, _Entry] = {}
        for phrase, function in rules.DOMAINS.items():
            self.hand[phrase] = _Entry(function, None, "domain")
        for phrase, (function, role) in rules.ROLES.items():
            self.hand[phrase] = _Entry(function, role, "weak" if phrase in rules.WEAK_ROLES else "role")
        levels: dict[str, str | None] = {p: None for p in rules.LEVEL_NEUTRAL}
        levels.update(rules.SENIORITY_WORDS)
        self.levels = levels
        self.industry = rules.INDUSTRY_HINTS
        # For each first word, the longest phrase starting with it: most words start none,
        # so most n-grams are never built.
        # One dictionary for every phrase, so a title is scanned once: a data phrase maps
        # to its row string; a phrase of our rules to (entry, level, industry hint, row).
        self.merged: dict[str, object] = dict(self.rows)
        for phrase in {*self.hand, *levels, *self.industry}:
            self.merged[phrase] = (
                self.hand.get(phrase), levels.get(phrase, _NO_LEVEL), self.industry.get(phrase), self.rows.get(phrase)
            )
        self.first_len: dict[str, int] = {}
        for phrase in self.merged:
            head, _, rest = phrase.partition(" ")
            size = rest.count(" ") + 2 if rest else 1
            if size > self.first_len.get(head, 0):
                self.first_len[head] = size


_NO_LEVEL = "-"  # marks a phrase of our rules that is not a level phrase
_LOCK = threading.Lock()
_DATA: _Data | None = None


def _data() -> _Data:
    global _DATA
    if _DATA is None:
        with _LOCK:
            if _DATA is None:
                _DATA = _Data()
    return _DATA


# ----------------------------------------------------------------------------- read


@dataclass(frozen=True)
class TitleReading:
    """What a title says: its function and seniority in LinkedIn's vocabularies.

    ``occupation`` is the open-data occupation the title matched (O*NET or ESCO label),
    ``role`` the family of equivalent titles used for target matching ("product
    manager"), ``industry_hint`` an industry key when the occupation tells the employer's
    industry (Underwriter -> insurance), ``reason`` the reading in words.
    """

    title: str
    normalized: str
    function: str | None
    seniority: str | None
    occupation: str | None
    industry_hint: str | None
    reason: str
    role: str | None = None
    kind: str | None = None


@lru_cache(maxsize=50_000)
def _german_compound(word: str) -> tuple[str | None, str | None] | None:
    """Function and level of a German compound such as 'Vertriebsleiter' (None if not one)."""
    if len(word) < 7:
        return None
    for suffix, (function, level) in rules.GERMAN_SUFFIXES.items():
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            head = word[: -len(suffix)]
            prefix_function = rules.GERMAN_PREFIXES.get(head) or rules.GERMAN_PREFIXES.get(head.rstrip("s"))
            if prefix_function is None and head.endswith("-"):
                prefix_function = rules.GERMAN_PREFIXES.get(head[:-1])
            if prefix_function is None and function is None:
                continue
            return prefix_function or function, level
    return None


def _read_levels(words: list[str], level_at: dict[int, tuple[int, str, str | None]]) -> list[str]:
    """Levels left to right, each position taking its longest level phrase (or none)."""
    levels: list[str] = []
    i, n = 0, len(words)
    while i < n:
        found = level_at.get(i)
        if found is not None:
            size, phrase, level = found
            if level is not None:
                level = _contextual_level(phrase, level, words, i, size)
                if level:
                    levels.append(level)
            i += size
            continue
        compound = _german_compound(words[i])
        if compound and compound[1]:
            levels.append(compound[1])
        i += 1
    return levels


_ASSISTANT_WORDS = word_set("assistant assistente assistante asistente assistent assistenz")
_ROLE_NOUNS_AFTER_LEAD = word_set("""
engineer engineers developer designer analyst scientist researcher architect consultant
accountant auditor recruiter writer editor producer programmer tester technician
""")
_STAFF_SENIOR_NEXT = word_set("""
engineer software scientist designer researcher product data machine site ux user research
technical member applied backend frontend fullstack security infrastructure platform
""")
_PARTNER_AREAS = word_set("""
managing senior equity salaried founding general limited junior associate name venture
operating tax audit advisory assurance consulting deal investment executive avocat avocate
abogado abogada advogado advogada rechtsanwalt lawyer
""")
_PARTNER_WORDS = word_set("partner partners socio socia associe associee partnerin teilhaber")


def _contextual_level(phrase: str, level: str, words: list[str], start: int, size: int) -> str | None:
    prev = words[start - 1] if start > 0 else ""
    nxt = words[start + size] if start + size < len(words) else ""
    if phrase == "lead":
        if prev in ("team", "squad", "group", "equipe", "equipo"):
            return "manager"
        if prev in ("technical", "tech") or nxt:
            return "senior"
        return "manager" if start > 0 else "senior"
    if phrase == "staff":
        return "senior" if nxt in _STAFF_SENIOR_NEXT else None
    if phrase == "principal":
        return "senior" if nxt or prev else "senior"
    if phrase == "head":
        return "director" if (nxt == "of" or nxt == "" or prev) else "manager"
    if phrase == "chef":
        return "manager" if nxt == "de" or nxt == "d" else None
    if phrase in ("leiter", "leiterin"):
        return "director"
    if phrase == "management":
        return "manager" if not nxt and prev else None
    return level


def _partner_level(words: list[str]) -> str | None:
    """'Partner' as a level: the title's head, with only level or practice words before it."""
    if _PARTNER_WORDS.isdisjoint(words):
        return None
    neutral = _data().levels
    for i, w in enumerate(words):
        if w not in _PARTNER_WORDS:
            continue
        around = {" ".join(words[a:b]) for a in range(max(0, i - 3), i + 1) for b in range(i + 1, min(len(words), i + 4) + 1)}
        if any(p in neutral and neutral[p] is None for p in around):
            continue
        before, after = words[:i], words[i + 1 :]
        if (not after or i == 0 or after[0] in ("at", "and", "of", "de", "chez", "bei", "y", "et", "e")) and all(b in _PARTNER_AREAS for b in before):
            return "partner"
    return None


#: On phrases of equal length a role beats an area, and an area beats a weak role:
#: "Marketing Consultant" is marketing, "Consultant" alone is consulting.
_KIND_RANK = {"role": 2, "domain": 1, "weak": 0}


#: Level words that often open a title ("Senior …", "Lead …"). Read once per core, the
#: rest of the title, since "Senior Product Manager, Payments" and "Product Manager,
#: Payments" say the same about function and occupation.
_OPENING_LEVELS = frozenset({"senior", "junior", "lead", "principal", "staff", "associate", "assistant"})
#: Level words read by their neighbours: a core must not start with one.
_CONTEXT_LEVELS = frozenset({"head", "lead", "staff", "principal", "management", "chef", "leiter", "leiterin"})


@lru_cache(maxsize=100_000)
def _read_segment_cached(segment: str):
    """The reading of a segment; an opening level word is read apart from the core after it.

    A word is split off only when no known phrase starts with it there ("Staff Accountant",
    "Associate Professor", "Senior Lecturer" stay whole) and the core does not open with a
    word read by its neighbours ("Head"), so the answer is the one a whole reading gives.
    """
    words = segment.split()
    data = _data()
    i, n = 0, len(words)
    while i < n - 1 and words[i] in _OPENING_LEVELS and words[i + 1] not in _CONTEXT_LEVELS and not _opens_phrase(words, i, data):
        i += 1
    if i == 0:
        return _read_segment(words, data)
    function, role, kind, occupation, industry, levels = _read_core(" ".join(words[i:]))
    opening = []
    for j in range(i):
        level = _contextual_level(words[j], data.levels[words[j]], words, j, 1)
        if level:
            opening.append(level)
    if not _PARTNER_WORDS.isdisjoint(words):
        levels = [lv for lv in levels if lv != "partner"]
        if _partner_level(words):
            levels.append("partner")
    return function, role, kind, occupation, industry, opening + levels


@lru_cache(maxsize=100_000)
def _read_core(core: str):
    return _read_segment(core.split(), _data())


def _opens_phrase(words: list[str], i: int, data: _Data) -> bool:
    """True when a known phrase of two words or more starts at i ("Staff Accountant")."""
    merged = data.merged
    for size in range(2, min(data.first_len.get(words[i], 0), len(words) - i, _MAX_NGRAM) + 1):
        if " ".join(words[i : i + size]) in merged:
            return True
    return False


def _read_segment(words: list[str], data: _Data):
    """(function, role, kind, occupation, industry, levels) of one title segment.

    Our phrases decide the function: the longest match wins, then a role over an area
    over a weak role, then the rightmost (English titles end with their head noun). Open
    data decides only where our phrases are silent, and names the occupation. An industry hint counts only when its phrase covers the matched role.
    """
    best_hand = None  # ((size, kind rank, start), entry, start, size)
    best_data = None  # (row, start, size): the longest data phrase, leftmost on ties
    hints = []
    level_at: dict[int, tuple[int, str, str | None]] = {}
    merged, first_len = data.merged, data.first_len
    n = len(words)
    for start in range(n):
        for size in range(min(first_len.get(words[start], 0), n - start, _MAX_NGRAM), 0, -1):
            phrase = " ".join(words[start : start + size])
            value = merged.get(phrase)
            if value is None:
                continue
            if value.__class__ is str:
                row = value
            else:
                entry, level, hint, row = value
                if entry is not None and entry.function is not None:
                    key = (size, _KIND_RANK[entry.kind], start)
                    if best_hand is None or key > best_hand[0]:
                        best_hand = (key, entry, start, size)
                if level is not _NO_LEVEL and start not in level_at:
                    level_at[start] = (size, phrase, level)  # sizes run longest first
                if hint:
                    hints.append((size, start, hint))
            if row is not None and (best_data is None or size > best_data[2]):
                best_data = (row, start, size)
    function = role = kind = occupation = industry = None
    span = None
    if best_hand is not None:
        entry = best_hand[1]
        function, role, kind = entry.function, entry.role, entry.kind
        span = (best_hand[2], best_hand[3])
    else:
        for w in words:
            compound = _german_compound(w)
            if compound and compound[0]:
                function, kind = compound[0], "role"
                break
    if best_data is not None:
        occ, fn, rl, ind = (int(v) for v in best_data[0].split(","))
        occupation = data.occupations[occ]
        data_function, data_role, data_industry = data.functions[fn], data.roles[rl], data.industries[ind]
        if function is None and data_function is not None:
            function, role, kind = data_function, data_role, "data"
            span = (best_data[1], best_data[2])
        opening = 0
        while opening < n - 1 and words[opening] in _OPENING_LEVELS:
            opening += 1
        if data_industry and kind == "data" and best_data[1] <= opening and best_data[1] + best_data[2] == n:
            industry = data_industry
    if span is not None:
        covering = [h for h in hints if h[1] <= span[0] and h[1] + h[0] >= span[0] + span[1]]
        if covering:
            industry = max(covering)[2]
    levels = _read_levels(words, level_at)
    if "partner" in words or "socio" in words or "socia" in words or "associe" in words or "associee" in words or "teilhaber" in words or "partnerin" in words or "partners" in words:
        partner = _partner_level(words)
        if partner:
            levels.append(partner)
    return function, role, kind, occupation, industry, levels


_GRADE = re.compile(r"(?i)\b(?:(L|E)(\d{1,2})|(IC|ICT)(\d)|(III|IV|V|VI))\b")


def _level_from_grade(title: str) -> str | None:
    """Senior from a company grade written in the title: L5+, E5+, IC4+, III and above."""
    m = _GRADE.search(title)
    if not m:
        return None
    if m.group(1):
        return "senior" if int(m.group(2)) >= 5 else None
    if m.group(3):
        return "senior" if int(m.group(4)) >= 4 else None
    return "senior"


def _pick_level(levels: list[str]) -> str | None:
    if not levels:
        return None
    for special in ("training", "unpaid"):
        if special in levels:
            return special
    return max(levels, key=_RANK.__getitem__)


def _describe(title: str, function: str | None, seniority: str | None, role: str | None) -> str:
    shown = title if len(title) <= 60 else title[:57] + "..."
    if function is None and seniority is None:
        return f"'{shown}' is not a title the recogniser knows"
    level = SENIORITY_LABELS[seniority].lower() if seniority else ""
    if seniority in ("vp", "cxo"):
        level = SENIORITY_LABELS[seniority]
    if function is None:
        return f"'{shown}' reads as {level} level, function unknown"
    text = f"'{shown}' reads as {level + ' ' if level else ''}{FUNCTION_LABELS[function].lower()}"
    return f"{text} ({role})" if role else text


@lru_cache(maxsize=200_000)
def _read_normalized(normalized: str, grade: str | None) -> tuple:
    """(function, seniority, occupation, industry, role, kind) of a normalised title."""
    if not normalized or normalized.replace(" / ", " ") in rules.NO_TITLE:
        return (None, None, None, None, None, None)
    _data()
    readings = []
    for segment in normalized.split(" / "):
        if segment in rules.NO_TITLE:
            continue
        if " to " in segment:
            words = segment.split()
            for i, w in enumerate(words[:-1]):
                if w == "to" and i > 0 and words[i - 1] in _ASSISTANT_WORDS:
                    segment = " ".join(words[:i])
                    break
        readings.append(_read_segment_cached(segment))
    if not readings:
        return (None, None, None, None, None, None)
    if len(readings) == 1:
        function, role, kind, occupation, industry, levels = readings[0]
        seniority = _pick_level(levels) or grade
        return (function, seniority, occupation, industry, role, kind)
    levels_all = [_pick_level(r[5]) for r in readings]
    if not any(levels_all):
        levels_all[0] = grade
    manager = _RANK["manager"]
    with_function = [i for i, r in enumerate(readings) if r[0] is not None]
    primary = None
    if with_function:
        primary = max(with_function, key=lambda i: (_RANK[levels_all[i]] if levels_all[i] and _RANK[levels_all[i]] >= manager else -1, -i))
    high = [lv for lv in levels_all if lv and _RANK[lv] >= manager]
    if high:
        seniority = max(high, key=_RANK.__getitem__)
    elif primary is not None:
        seniority = levels_all[primary]
    else:
        seniority = next((lv for lv in levels_all if lv), None)
    function = role = kind = occupation = industry = None
    if primary is not None:
        function, role, kind, occupation, industry, _ = readings[primary]
    else:
        occupation = next((r[3] for r in readings if r[3]), None)
    if industry is None:
        industry = next((r[4] for r in readings if r[4]), None)
    return (function, seniority, occupation, industry, role, kind)


@lru_cache(maxsize=200_000)
def _title_row(title: str) -> tuple:
    """(normalised, function, seniority, occupation, industry hint, reason, role, kind) of a title."""
    norm = _normalize_cached(title)
    f, sen, occ, ind, role, kind = _read_normalized(norm, _level_from_grade(title))
    return (norm, f, sen, occ, ind, _describe(title, f, sen, role), role, kind)


def _read_cached(title: str) -> TitleReading:
    return TitleReading(title, *_title_row(title))


def read_title(title: object) -> TitleReading:
    """Read one title: function, seniority, occupation, industry hint and a reason.

    >>> r = read_title("Head of Product")
    >>> r.function, r.seniority
    ('product_management', 'director')
    >>> read_title("HR Business Partner").seniority is None
    True
    >>> read_title("Executive Assistant to the CEO").function
    'administrative'
    >>> read_title("Underwriter").industry_hint
    'insurance'
    """
    if title is None or (isinstance(title, float) and title != title):
        title = ""
    return _read_cached(str(title)[:300])


def read_titles(titles: pd.Series) -> pd.DataFrame:
    """Read a whole column of titles, once per distinct value, aligned with the input.

    Columns: ``title_normalized``, ``function``, ``seniority``, ``occupation``,
    ``industry_hint``, ``title_reason``.

    >>> read_titles(pd.Series(["Sr. PM", None, "Sr. PM", "Recruiter"]))[["function", "seniority"]].values.tolist()
    [['product_management', 'senior'], [None, None], ['product_management', 'senior'], ['human_resources', None]]
    """
    series = pd.Series(titles, copy=False)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    _data()
    # Tens of thousands of small tuples: the cyclic collector would walk the caches for
    # nothing, as none of them holds a cycle.
    collecting = gc.isenabled()
    gc.disable()
    try:
        rows = [_title_row(str(value)[:300]) for value in uniques.tolist()]
    finally:
        if collecting:
            gc.enable()
    names = ("title_normalized", "function", "seniority", "occupation", "industry_hint", "title_reason")
    columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    empty = read_title("")
    fills = {
        "title_normalized": "", "function": None, "seniority": None, "occupation": None,
        "industry_hint": None, "title_reason": empty.reason,
    }
    out = {}
    safe = np.maximum(codes, 0)
    missing = codes < 0
    for name, values in columns.items():
        arr = np.empty(len(values) + 1, dtype=object)
        arr[: len(values)] = values
        arr[len(values)] = fills[name]
        picked = arr[np.where(missing, len(values), safe)] if len(values) else np.full(len(codes), fills[name], dtype=object)
        out[name] = picked
    return pd.DataFrame(out, index=series.index, dtype=object)


# ----------------------------------------------------------------------------- match

#: Score of a title in the same function as the target but another role: a neighbour
#: (a Data Engineer for "software engineer", a Product Analyst for "product manager").
NEIGHBOUR_SCORE = 0.4
#: Score of a title that leads the target's area without naming a role ("Head of
#: Product", "VP Product" for "product manager").
AREA_LEAD_SCORE = 0.9


def _phrase_fallback(query: str, titles: pd.Series) -> tuple[np.ndarray, list[str | None]]:
    words = fold(query)
    if not words:
        return np.zeros(len(titles)), [None] * len(titles)
    pattern = re.compile(rf"\b{re.escape(words)}\b")
    codes, uniques = pd.factorize(pd.Series(titles, copy=False), use_na_sentinel=True)
    hits = [bool(pattern.search(fold(str(u)).replace(" / ", " "))) for u in uniques]
    scores = np.array([1.0 if c >= 0 and hits[c] else 0.0 for c in codes])
    reasons = [f"'{uniques[c]}' contains '{query.strip()}'" if c >= 0 and hits[c] else None for c in codes]
    return scores, reasons


def match_titles(query: str, titles: pd.Series) -> tuple[np.ndarray, list[str | None]]:
    """How well each title matches a target title phrase, 0..1, with a reason per match.

    Both sides go through :func:`read_title`. A title of the same role as the query
    scores 1.0 ("product manager" finds "Sr. PM", "APM", "Produktmanager", "Chef de
    produit"); a title that leads the query's area without naming another role scores
    :data:`AREA_LEAD_SCORE` ("Head of Product", "VP Product"); another role in the same
    function is a neighbour and scores :data:`NEIGHBOUR_SCORE` — it shares the work, so a
    user may value it as a lead, but it never ranks with an exact role. Titles in another
    function score 0: "Product Marketing Manager" (marketing), "Project Manager",
    "Product Designer". A query the recogniser cannot read falls back to a whole-word
    phrase match on the normalised title. Reasons are None where the score is 0.

    >>> scores, reasons = match_titles("product manager", pd.Series(["Sr. PM", "Head of Product", "Product Marketing Manager"]))
    >>> scores.tolist()
    [1.0, 0.9, 0.0]
    >>> reasons[1]
    "'Head of Product' is product management at director level"
    """
    series = pd.Series(titles, copy=False)
    target = read_title(query)
    if target.function is None:
        return _phrase_fallback(query, series)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    per_unique = np.zeros(len(uniques))
    reasons_u: list[str | None] = [None] * len(uniques)
    function_label = FUNCTION_LABELS[target.function].lower()
    _data()
    for i, value in enumerate(uniques.tolist()):
        row = _title_row(str(value)[:300])
        if row[1] != target.function:
            continue
        r = TitleReading(str(value), *row)
        shown = str(value) if len(str(value)) <= 60 else str(value)[:57] + "..."
        level = f" at {SENIORITY_LABELS[r.seniority] if r.seniority in ('vp', 'cxo') else SENIORITY_LABELS[r.seniority].lower()} level" if r.seniority else ""
        if target.role is None or r.role == target.role:
            score = 1.0
            what = f"a {r.role}" if r.role else function_label
            reason = f"'{shown}' is {what}{level}" if r.role else f"'{shown}' is {function_label}{level}"
        elif r.kind == "domain":
            score = AREA_LEAD_SCORE
            reason = f"'{shown}' is {function_label}{level}"
        else:
            score = NEIGHBOUR_SCORE
            other = f"{r.role}, " if r.role else ""
            reason = f"'{shown}' is a neighbour in {function_label} ({other}not {target.role})"
        if target.seniority and r.seniority and r.seniority != target.seniority and score == 1.0:
            score = 0.8
            reason += f", not {SENIORITY_LABELS[target.seniority].lower()} level"
        per_unique[i] = score
        reasons_u[i] = reason
    safe = np.maximum(codes, 0)
    scores = np.where(codes >= 0, per_unique[safe] if len(uniques) else 0.0, 0.0)
    reasons = [reasons_u[c] if c >= 0 else None for c in codes]
    return scores.astype(float), reasons
