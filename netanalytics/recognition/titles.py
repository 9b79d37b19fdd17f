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
   labels in English, Spanish, French, Portuguese and German, mapped to functions through
   the readable SOC and ISCO tables in ``scripts/sources/titles/``. They name the
   occupation and carry the long tail (Phlebotomist, Stevedore) where our rules are silent,
   and the level some occupations have by nature (``code_levels.tsv``: an Allergist is
   senior, a Postmaster a manager) when the title says none.

The level is settled in this order: the title's level words ("Senior", "Head of",
"Werkstudent"), a company grade in it ("L5", "III"), the occupation's natural level, and
last **entry** for any title whose function is known: LinkedIn reads an individual
contributor without a level word as entry, and so does this reader ("'Software Engineer'
is engineering (software engineer), an individual contributor (entry level)"). Roles that
are not entry by nature carry their level as a word of the rules instead: physicians,
surgeons, dentists and professors are senior, residents and postdocs training, a school's
principal director, an editor-in-chief or general counsel CXO, founders, freelancers and
the self-employed owner. A title whose function is unknown gets no default.

Spanish and Portuguese "en", "em", "na", "no" announce an employer only when what follows
reads as one ("Analista en Universidad de Chile", "Engenheiro no Itaú Unibanco"), not a
field ("Ingeniero en Sistemas", "Especialista en Marketing Digital").

A column is read once per distinct value and in stages (all titles normalised, then all
normalised titles read, then the rows written), over caches at each level: raw segment,
normalised title, segment. Titles share work where it provably changes no answer: an
opening level word is read apart from the rest ("Senior Product Manager" shares "Product
Manager"), a company is cut before the rest is read ("… @ Acme"); the tests check both
against a whole reading. ``benchmarks/bench_titles.py`` measures it.

Decisions (see the module docstring of ``titles_rules`` for the full list): Data
Scientist and Data Analyst are research; Managing Director is vp (MD with medicine is a
physician); Head of X (Head de X) is director; a Manager title is manager unless the role
is an individual contributor's (Product, Project, Account Manager…), which reads entry
without another level word; Team Lead is manager and Lead X is senior; interns and
trainees are training, volunteers and students unpaid; Founder and Owner are owner in
entrepreneurship, and a founder who names another role ("Co-Founder & COO") is owner in
that role's function; "Partner" is a level only when it is not a kind of work (HR Business
Partner is human resources).

Every reason is one sentence of one grammar: "'<title>' is <function> (<role>) at <level>
level", "… , an individual contributor (entry level)" when no word gave the level, "… is at
<level> level, function unknown", "… is <function>, level unknown", or "… is not a title
the recogniser knows".

>>> r = read_title("Sr. PM, Payments")
>>> r.function, r.seniority
('product_management', 'senior')
>>> r.reason
"'Sr. PM, Payments' is product management (product manager) at senior level"
>>> read_title("Software Engineer").reason
"'Software Engineer' is engineering (software engineer), an individual contributor (entry level)"
>>> read_title("Product Marketing Manager").function
'marketing'
"""

from __future__ import annotations

import array
import base64
import bisect
import json
import re
import sys
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain

import numpy as np
import pandas as pd

from netanalytics.batch import gc_paused
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

# A lookahead on the characters a match can open with, where a pattern would otherwise
# try its branches at every position, lets the search skip most positions at once; it
# matches exactly what the pattern without it matches.
_SEPARATORS = re.compile(r"(?=[\s|•·▪►●■❖★☆✦➤→;–—/])\s*(?:[|•·▪►●■❖★☆✦➤→;]|\s[-–—~:]+\s|[–—]|\s/\s|//)\s*")
_GENDER = re.compile(
    r"(?i)\(\s*(?:[mwfdhxi]\s*/\s*){1,3}[mwfdhxi]\s*\)|\(\s*(?:all genders?|gn\*?|w/m/d|h/f|f/h|m/f/x|f/m/x|m/w/d)\s*\)"
    r"|\b(?:m/w/d|w/m/d|m/f/d|f/m/d|m/f/x|h/f|f/h|m/w|w/m)\b"
)
_PRONOUNS = re.compile(r"(?i)(?=[(hstei])\(?\b(?:he|she|they|ele|ela|il|elle)\s*/\s*(?:him|her|them|his|hers|their|dele|dela|lui)(?:\s*/\s*\w+)?\b\)?")
_SUFFIX_FORMS = re.compile(
    r"(?i)(?=[/(*:_])(?<=[a-zà-ÿ])(?:/|\(|\*|:|_)-?(?:in|innen|a|as|o|os|e|es|ice|rice|trice|euse|ère|ere|ne|le|fe|frau|mann)\)?(?=\W|$)"
)
_AT_COMPANY = re.compile(r"(?i)(?=[\s@])(?:\s+(?:at|chez|bei|presso)\s+|\s*@\s*).*$")
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


_CONTEXT_WORDS = frozenset({"eng", "engg", "acct", "admin", "ta", "tech", "md", "em"})
#: word -> its expansion (often itself), or 1 a level token (II, L5), 2 a level word
#: (Level 2), 3 a word read by its neighbours (Eng, Acct, TA).
_WORD_KINDS: dict[str, object] = {}


def _word_kind(w: str) -> object:
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


_SPECIAL_KINDS = frozenset({1, 2, 3})


def _clean_part(words: list[str]) -> list[str]:
    """Expand abbreviations and drop level tokens in one comma-free part of a title."""
    kinds = _WORD_KINDS
    mapped = list(map(kinds.get, words))
    if None in mapped:
        mapped = [_word_kind(w) for w in words]
    if _SPECIAL_KINDS.isdisjoint(mapped):
        return mapped  # no level token and no word read by its neighbours: the common case
    out: list[str] = []
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        kind = kinds.get(w) or _word_kind(w)
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
        elif w == "em":
            # "EM", "Sr EM": an engineering manager; Portuguese "Analista em Dados": "in".
            out.append("em" if out and nxt else "engineering manager")
        i += 1
    return out


_FEMININE = re.compile(r"^(\w{3,}(?:er|ent|ant|and|ist|tor|sor|eur|arzt|ekt|iker|ier|eut|alt))in$")


def _masculine(word: str) -> str:
    """German feminine job nouns to the form our phrases use.

    'Entwicklerin' -> 'entwickler', 'Lehrerinnen' -> 'lehrer', 'Therapeutin' ->
    'therapeut', 'Psychologin' -> 'psychologe', 'Logopädin' -> 'logopade'.
    """
    if len(word) >= 7 and word.endswith("in"):
        m = _FEMININE.match(word)
        if m:
            return m.group(1)
        if word.endswith("ogin") or word.endswith("adin"):
            return word[:-2] + "e"
    elif len(word) >= 10 and word.endswith("innen"):
        return _masculine(word[:-3])
    return word


#: German adjectives opening a phrase, in the form after "der" or "ein": "-er" ("Wissenschaftlicher
#: Mitarbeiter"); their "-e" form ("Wissenschaftliche Mitarbeiterin") reads the same.
_ADJECTIVE_ER = ("licher", "ischer", "ender", "iver", "aler")


def _german_forms(phrase: str) -> list[str]:
    """The forms a phrase of our rules takes once a title is normalised: German feminine
    nouns folded ("Duale Studentin" -> "duale student"), and the "-e" form of an opening
    adjective ("kaufmannischer leiter" -> "kaufmannische leiter").

    >>> _german_forms("kaufmannischer geschaftsfuhrerin")
    ['kaufmannischer geschaftsfuhrer', 'kaufmannische geschaftsfuhrer']
    """
    if not (phrase.endswith("in") or "in " in phrase or "innen" in phrase
            or phrase.partition(" ")[0].endswith(_ADJECTIVE_ER)):
        return []  # most phrases: no feminine noun, no adjective (a quick test first)
    words = phrase.split()
    folded = [_masculine(w) for w in words]
    forms = [" ".join(folded)] if folded != words else []
    if len(folded) > 1 and folded[0].endswith(_ADJECTIVE_ER):
        forms.append(" ".join([folded[0][:-1], *folded[1:]]))
    return forms


def _rewrites() -> dict[str, tuple[tuple[int, list[str], list[str]], ...]]:
    """First word -> (length, words, replacement words) of the phrases it starts, longest first."""
    found: dict[str, list] = {}
    for phrase, replacement in rules.PHRASE_REWRITES.items():
        words = phrase.split()
        found.setdefault(words[0], []).append((len(words), words, replacement.split()))
    return {w: tuple(sorted(options, key=lambda o: (-o[0], -len(" ".join(o[1]))))) for w, options in found.items()}


#: Phrases rewritten word by word ("co founder" -> "cofounder"), by their first word: a
#: title holding none of these words has nothing to rewrite.
_REWRITES = _rewrites()
_REWRITE_FIRST = frozenset(_REWRITES)


def _rewrite(words: list[str]) -> list[str]:
    """Rewrite the phrases of ``rules.PHRASE_REWRITES`` in one left-to-right pass, longest first."""
    out: list[str] = []
    i, n = 0, len(words)
    while i < n:
        for size, phrase, replacement in _REWRITES.get(words[i], ()):
            if words[i : i + size] == phrase:
                out.extend(replacement)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out
_FOLD_TABLE = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o"})
#: Folded ASCII text to words and part breaks: letters and digits stay, a comma or a
#: bracket becomes a comma, anything else a space.
_PART_BYTES = bytes(
    b if (48 <= b <= 57 or 97 <= b <= 122) else 44 if b in b",()[]" else 32 for b in range(256)
)
#: What announces a company in a segment ("at Acme", "en Mercado Libre", "na Ambev"), as
#: a quick test, with ``"@" in segment`` ("@ Acme") beside it: a substring test is cheaper
#: than one more branch of the pattern tried at every position.
_AT_HINT = re.compile(r" (?:(?:at|chez|bei|presso) |(?:en|em|na|no|nas|nos) [A-ZÀ-Ý])")
#: Spanish and Portuguese "in/at": an employer follows only when it reads as one (see
#: :func:`_names_an_employer`); "Ingeniero en Sistemas" names a field. The employer must
#: open with a capital letter, which a normalised title never has (normalising twice
#: changes nothing).
_LOCAL_AT = re.compile(r"\s(?:en|em|na|no|nas|nos)(?:\s+(?:la|el|los|las|o|a|os|as))?\s+(?=[A-ZÀ-Ý])")
#: First words that make what follows an organisation ("en Universidad de Chile").
_ORG_WORDS = word_set("""
universidad universidade universite university banco bank hospital hospitais clinica clinic grupo group
empresa empresas ministerio instituto institut institute colegio escuela escola fundacion fundacao
gobierno governo prefeitura municipalidad municipio ayuntamiento alcaldia gobernacion consultora
agencia startup cooperativa asociacion associacao compania companhia corporacion corporacao
laboratorio laboratorios tribunal caja caixa sociedad industrias
""")
#: Field words that the rule tables do not hold, so "Técnico en Electrónica" keeps its field.
_FIELD_EXTRA = word_set("""
quimica fisica biologia matematicas matematica electronica eletronica electronique electricidad eletricidade
mecanica mecanique alimentos seguros computacion computacao telecomunicaciones telecomunicacoes
telecommunications agronomia economia economie gestion gestao patrimoine alternance ciencias ciencia
energia energias comercio exterior turismo hoteleria gastronomia construccion construcao obras mineria
mineracao petroleo automatizacion automacao control procesos processos tributacion banca mercados
artes musica deportes formacao servicio servicios campo obra proyecto terreno remoto practicas pratica
estagio tiempo completo medio periodo integral idiomas ingles traduccion traducao redes
""")
_STOP_WORDS = word_set("de del la el los las y e o a da do das dos em en na no of and the et du des le les d l")


def _rule_words() -> frozenset[str]:
    words: set[str] = set()
    for table in (rules.ROLES, rules.DOMAINS, rules.SENIORITY_WORDS, rules.INDUSTRY_HINTS):
        for phrase in table:
            words.update(phrase.split())
    words.update(w for phrase in rules.LEVEL_NEUTRAL for w in fold(phrase).split())
    return frozenset(words - _STOP_WORDS) | _FIELD_EXTRA


_FIELD_WORDS = _rule_words()


def _names_an_employer(rest: str) -> bool:
    """True when the words after "en", "na", "no" … read as an organisation, not a field.

    An organisation opens with an organisation word (Universidad, Banco, Grupo …) or holds
    no word of a field or a role ("Mercado Libre", "Itaú Unibanco"); "Sistemas", "Marketing
    Digital", "Recursos Humanos" are fields.
    """
    words = fold(rest).split()
    if not words:
        return False
    if words[0] in _ORG_WORDS:
        return True
    return _FIELD_WORDS.isdisjoint(words)


def _cut_company(segment: str) -> str:
    """A segment without the company it names ("… at Acme", "… @ Acme", "… en Mercado Libre")."""
    cut = _AT_COMPANY.sub("", segment)
    found = _LOCAL_AT.search(cut)
    if found is not None and _names_an_employer(cut[found.end():]):
        cut = cut[: found.start()]
    return cut


def _segment_words(segment: str, at_free: bool = False) -> list[list[str]]:
    """The comma- and bracket-separated parts of one segment, each as folded words."""
    if not at_free and ("@" in segment or _AT_HINT.search(segment) is not None):
        segment = _cut_company(segment)
    text = segment.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE)).encode("ascii", "ignore").decode("ascii")
    text = text.encode("ascii").translate(_PART_BYTES).decode("ascii")
    if "," in text:
        return [p for p in (q.split() for q in text.split(",")) if p]
    words = text.split()
    return [words] if words else []


def _normalize_segment(segment: str, at_free: bool = False) -> tuple[str, bool]:
    """A segment in plain words, and whether a level word may be put before it as is.

    The second answer is true when "Senior " + the segment normalises to "senior " + this
    answer: its first part is kept, and its first word is kept as it is and read without
    its neighbours (not "Ex", "at", "Eng", "I", a level token).
    """
    parts = _segment_words(segment, at_free)
    if not parts:
        return "", False
    if len(parts) == 1:
        words = parts[0]
        if words[0] in _EX_WORDS or _DECORATION.issuperset(words):
            return "", False
        if "md" in words and not _MEDICAL.isdisjoint(words):
            words = ["physician" if w == "md" else w for w in words]
        kept = words
        first_kept = True
    else:
        medical = any("md" in p for p in parts) and any(not _MEDICAL.isdisjoint(p) for p in parts)
        kept = []
        first_kept = False
        for index, words in enumerate(parts):
            if index > 0 and _CREDENTIALS.issuperset(words):
                if medical and "md" in words:
                    kept.append("physician")
                continue
            if words[0] in _EX_WORDS or _DECORATION.issuperset(words):
                continue
            first_kept = first_kept or index == 0
            kept.extend(["physician" if w == "md" else w for w in words] if medical else words)
    if not _AT_WORDS.isdisjoint(kept):
        for i in range(1, len(kept)):
            if kept[i] in _AT_WORDS:
                kept = kept[:i]  # "Engineer, at Acme": the company goes, as with " at Acme"
                break
    cleaned = _clean_part(kept)
    if not cleaned or cleaned[0] in _EX_WORDS:
        return "", False
    text = " ".join(cleaned)
    if not _REWRITE_FIRST.isdisjoint(cleaned):
        text = " ".join(_rewrite(text.split()))
    head = kept[0]
    prefixable = first_kept and head not in _AT_WORDS and _WORD_KINDS.get(head).__class__ is str
    return text, prefixable


#: A slash between two titles ("Product Manager/Data Analyst"), not inside "UX/UI".
_SLASH_TITLES = re.compile(r"(?<=\w{4})/(?=\w{4})")
#: Every separator holds one of these characters: without them a title is one segment.
_SEPARATOR_HINT = re.compile(r"[|•·▪►●■❖★☆✦➤→;\-–—~:/]")
_SKIP, _CREDENTIAL, _TITLE = 0, 1, 2
#: stripped raw segment -> (normalised, kind, kind by its words alone, prefixable).
_SEGMENTS: dict[str, tuple[str, int, int, bool]] = {}
_EMPTY_SEGMENT = ("", _SKIP, _SKIP, False)


def _raw_openers() -> dict[str, str]:
    """Opening level words as people type them ("Sr.") -> the word they normalise to.

    A raw segment opening with one is normalised as that word and the rest, which many
    titles share ("Senior Product Manager @ Acme", "Sr. Product Manager"). Only words
    that normalise to one plain level word qualify: no credential, decoration, rewrite or
    company word, so the split changes no answer.
    """
    rewrite_heads = {phrase.split()[0] for phrase in rules.PHRASE_REWRITES}
    out = {}
    for raw in ("senior", "sr", "sr.", "snr", "snr.", "lead", "junior", "jr", "jr.", "jnr", "jnr.", "principal",
                "staff", "associate", "assoc", "assoc.", "assistant", "asst", "asst."):
        word = raw.rstrip(".")
        norm = rules.ABBREVIATIONS.get(word, word)
        if (" " in norm or norm in rewrite_heads or word in _CREDENTIALS or norm in _CREDENTIALS
                or norm in _DECORATION or norm in _EX_WORDS or norm in _AT_WORDS or word in _CONTEXT_WORDS
                or _LEVEL_TOKEN.match(word) or word in _LEVEL_WORDS):
            continue
        out[raw] = norm
    return out


_RAW_OPENERS = _raw_openers()
_OPENER_INITIALS = frozenset(c for raw in _RAW_OPENERS for c in (raw[0], raw[0].upper()))


def _segment(raw: str, at_free: bool = False) -> tuple[str, int, int, bool]:
    """One stripped segment of a title: normalised, what it is (skip, credential, title).

    Callers look in ``_SEGMENTS`` first; this fills it, except for a segment opening with
    a level word ("Senior X"): that one is rebuilt from its kept rest in a few steps, and
    keeping it too would leave one more long-lived tuple per title for the garbage
    collector to walk. ``at_free`` says the segment is known to hold no company ("at
    Acme"), which saves looking again.
    """
    found = None
    if "/" not in raw and "\n" not in raw:
        # Shared work: "Senior X @ Acme" is read as "Senior X", then as "senior" + "X".
        # (Cutting the company twice changes nothing, unless a line break hides its end.)
        cut = raw
        if not at_free and ("@" in raw or _AT_HINT.search(raw) is not None):
            cut = _cut_company(raw)
        if cut != raw:
            inner = (_SEGMENTS.get(cut) or _segment(cut, True)) if cut else _EMPTY_SEGMENT
            # The company's words are not credentials: only the words decide.
            found = (inner[0], inner[2], inner[2], inner[3])
        elif raw[0] in _OPENER_INITIALS:
            head, space, rest = raw.partition(" ")
            opener = _RAW_OPENERS.get(head.lower()) if space else None
            if opener is not None:
                rest = rest.lstrip(" ")
                # The rest must open with a word, not with a comma or a bracket.
                if rest[:1].isascii() and rest[:1].isalnum():
                    inner = _SEGMENTS.get(rest) or _segment(rest, True)
                    if inner[3]:
                        return (opener + " " + inner[0], _TITLE, _TITLE, True)
        if found is None:
            found = _segment_uncached(raw, True)
    else:
        found = _segment_uncached(raw, False)
    if len(_SEGMENTS) > 200_000:
        _SEGMENTS.clear()
    _SEGMENTS[raw] = found
    return found


def _segment_uncached(raw: str, at_free: bool) -> tuple[str, int, int, bool]:
    if raw[:2].lower() in _EX_STARTS and _EX_COMPANY.match(raw):
        return _EMPTY_SEGMENT
    seg, prefixable = _normalize_segment(raw.replace("/", " ") if "/" in raw else raw, at_free)
    if not seg:
        return _EMPTY_SEGMENT
    seg_words = seg.split()
    if _DECORATION.issuperset(seg_words):
        return (seg, _SKIP, _SKIP, prefixable)
    if _CREDENTIALS.issuperset(seg_words):
        return (seg, _CREDENTIAL, _CREDENTIAL, prefixable)
    if len(raw) <= 24 and _CREDENTIALS.issuperset(raw.lower().replace(".", "").replace(",", " ").split()):
        return (seg, _CREDENTIAL, _TITLE, prefixable)  # "| MBA": a credential, unless it is all there is ("RN")
    return (seg, _TITLE, _TITLE, prefixable)


#: Characters that call for more than one plain segment: gender forms, joiners, separators.
_SPECIAL_CHARS = re.compile(r"[/(*:_&+|•·▪►●■❖★☆✦➤→;\-–—~]")


def _normalize(title: str) -> str:
    if _SPECIAL_CHARS.search(title) is None:
        raw = title.strip()
        if not raw:
            return ""
        found = _SEGMENTS.get(raw) or _segment(raw)
        return found[0] if found[1] else ""
    text = title
    if "/" in text or "(" in text:
        text = _GENDER.sub(" ", text)
        text = _PRONOUNS.sub(" ", text)
    if "/" in text or "(" in text or "*" in text or ":" in text or "_" in text:
        text = _SUFFIX_FORMS.sub("", text)
    if "&" in text:
        text = text.replace("&", " and ")
    if "+" in text:
        text = text.replace("+", " and ")
    if "/" in text:
        text = _SLASH_TITLES.sub(" / ", text)
    if _SEPARATOR_HINT.search(text) is None:
        raw = text.strip()
        if not raw:
            return ""
        found = _SEGMENTS.get(raw) or _segment(raw)
        return found[0] if found[1] else ""
    segments: list[str] = []
    credentials: list[str] = []
    for raw in _SEPARATORS.split(text):
        if not raw or raw.isspace():
            continue
        seg, kind, _, _ = _SEGMENTS.get(raw) or _segment(raw.strip())
        if kind == _TITLE:
            if seg not in segments:
                segments.append(seg)
        elif kind == _CREDENTIAL and seg not in segments:
            credentials.append(seg)
    if not segments:
        return credentials[0] if credentials else ""
    return " / ".join(segments)


_normalize_cached = lru_cache(maxsize=200_000)(_normalize)

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


class _Rule(tuple):
    """What a phrase of our rules says: (kind rank, function, role, kind, level, industry
    hint, data row or None). A data row alone is a plain tuple (occupation, function,
    role, industry, the occupation's natural level)."""

    __slots__ = ()


class _Data:
    """The phrase dictionary, built once: our rules first, then the bundled open data.

    ``merged`` maps every phrase to what it says: a phrase only the open data knows maps
    to its row, a phrase of our rules to a :class:`_Rule`. ``heads`` maps each word that
    starts a phrase to the phrase lengths in words, longest first, and what the word alone
    says: most words start none, so most n-grams of a title are never built. ``openers``
    maps each opening level word that says nothing but a level ("Senior") to the second
    words of the longer phrases it starts ("Senior Vice President").
    """

    def __init__(self) -> None:
        payload = json.loads(resources.files("netanalytics.data").joinpath(_DATA_FILE).read_text(encoding="utf-8"))
        self.occupations: list[str] = payload["occupations"]
        self.functions: list[str | None] = payload["functions"]
        self.roles: list[str | None] = payload["roles"]
        self.industries: list[str | None] = payload["industries"]
        self.natural_levels: list[str | None] = payload["levels"]
        self.sources: list[str] = payload["sources"]
        occupations, functions, roles, industries = self.occupations, self.functions, self.roles, self.industries
        natural = self.natural_levels
        table = [(occupations[o], functions[f], roles[r], industries[i], natural[lv]) for o, f, r, i, lv in payload["rows"]]
        row_of = array.array("H")
        row_of.frombytes(base64.b64decode(payload["row_of"]))
        if sys.byteorder != "little":
            row_of.byteswap()
        phrases = payload["phrases"].split("\n")
        self._phrases = phrases
        merged: dict[str, object] = dict(zip(phrases, map(table.__getitem__, row_of), strict=True))
        sizes: dict[str, list[int]] = payload["sizes"]
        hand: dict[str, tuple[str, str | None, str]] = {}
        for phrase, function in rules.DOMAINS.items():
            hand[phrase] = (function, None, "domain")
        for phrase, (function, role) in rules.ROLES.items():
            hand[phrase] = (function, role, "weak" if phrase in rules.WEAK_ROLES else "role")
        levels: dict[str, str | None] = {p: None for p in rules.LEVEL_NEUTRAL}
        levels.update(rules.SENIORITY_WORDS)
        for table in (hand, levels):
            for phrase, value in list(table.items()):
                for form in _german_forms(phrase):
                    table.setdefault(form, value)
        self.levels = levels
        industry = rules.INDUSTRY_HINTS
        seconds: dict[str, set[str]] = {word: set() for word in _OPENING_LEVELS}
        rule_sizes: dict[str, set[int]] = {}
        for phrase in {*hand, *levels, *industry}:
            function, role, kind = hand.get(phrase, (None, None, None))
            merged[phrase] = _Rule((
                _KIND_RANK[kind] if kind else -1, function, role, kind,
                levels.get(phrase, _NO_LEVEL), industry.get(phrase), merged.get(phrase),
            ))
            head, _, rest = phrase.partition(" ")
            size = rest.count(" ") + 2 if rest else 1
            if size <= _MAX_NGRAM:
                known = rule_sizes.get(head)
                if known is None:
                    rule_sizes[head] = {size}
                else:
                    known.add(size)
            if rest and head in seconds:
                seconds[head].add(rest.partition(" ")[0])
        self.merged = merged
        self._sizes = sizes
        self._rule_sizes = rule_sizes
        #: word -> (phrase lengths it starts, longest first; what the word alone says),
        #: filled as words are met (see :meth:`head`).
        self.heads: dict[str, tuple[tuple[int, ...], object]] = {}
        self._lengths: dict[tuple[int, ...], tuple[int, ...]] = {}
        # Opening level words whose only meaning is their level: a title such as "Senior
        # Product Manager" is read as the level and the rest, which it shares with others.
        self.openers: dict[str, frozenset[str]] = {}
        for word, found in seconds.items():
            value = merged.get(word)
            if value.__class__ is _Rule and value[1] is None and value[5] is None and value[6] is None:
                start = bisect.bisect_left(phrases, word + " ")
                while start < len(phrases) and phrases[start].startswith(word + " "):
                    found.add(phrases[start].split(" ", 2)[1])
                    start += 1
                self.openers[word] = frozenset(found)

    def head(self, word: str) -> tuple[tuple[int, ...], object]:
        """The entry of ``heads`` for a word, made on first use.

        A word that starts no phrase (most do not) shares one entry, and equal length
        tuples are shared: fewer long-lived objects for the garbage collector to walk.
        """
        lengths = set(self._sizes.get(word, ()))
        lengths.update(self._rule_sizes.get(word, ()))
        if len(word) >= 8 and word[-3:] in _GERMAN_AREA_TAILS and 1 not in lengths:
            area = _german_area(word)
            if area is not None:  # "Kreditorenbuchhaltung" reads as the area word "Buchhaltung"
                self.merged[word] = _Rule((_KIND_RANK["domain"], area, None, "domain", _NO_LEVEL, None, None))
                lengths.add(1)
        if not lengths:
            found = self.heads[word] = _NO_HEAD
            return found
        key = tuple(sorted(lengths, reverse=True))
        key = self._lengths.setdefault(key, key)
        found = self.heads[word] = (key, self.merged.get(word) if 1 in lengths else None)
        return found

    def data_phrases(self) -> list[str]:
        """The phrases of the bundled open data, in their file's order."""
        return list(self._phrases)

    def is_data_phrase(self, phrase: str) -> bool:
        value = self.merged.get(phrase)
        return value is not None and (value.__class__ is not _Rule or value[6] is not None)


_NO_LEVEL = "-"  # marks a phrase of our rules that is not a level phrase
_NO_HEAD: tuple[tuple[int, ...], object] = ((), None)  # the ``heads`` entry of a word that starts no phrase
#: On phrases of equal length a role beats an area, and an area beats a weak role:
#: "Marketing Consultant" is marketing, "Consultant" alone is consulting.
_KIND_RANK = {"role": 2, "domain": 1, "weak": 0}
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


#: German compound heads by their last three letters, longest first: "Sozialpädagoge" is
#: not read as "Pädagoge".
def _german_heads() -> dict[str, tuple[tuple[str, tuple[str | None, str | None]], ...]]:
    heads: dict[str, tuple] = {}
    for head in sorted(rules.GERMAN_SUFFIXES, key=len, reverse=True):
        heads[head[-3:]] = (*heads.get(head[-3:], ()), (head, rules.GERMAN_SUFFIXES[head]))
    return heads


_GERMAN_HEADS = _german_heads()


def _german_area_tails() -> dict[str, tuple[tuple[str, str | None, bool], ...]]:
    tails: dict[str, tuple] = {}
    for tail in sorted(rules.GERMAN_AREA_TAILS, key=len, reverse=True):
        tails[tail[-3:]] = (*tails.get(tail[-3:], ()), (tail, *rules.GERMAN_AREA_TAILS[tail]))
    return tails


_GERMAN_AREA_TAILS = _german_area_tails()


@lru_cache(maxsize=20_000)
def _german_prefix(head: str, any_area: bool = False) -> str | None:
    """The function of the first part of a German compound ("Vertriebs", "Gebietsverkaufs").

    The part itself (with or without its joining s or hyphen), else, when ``any_area``
    (the head after it names no work), an area word of the domain table ("Redaktions",
    "Qualitätsmanagement"), else the longest known part it ends with ("Gebiets|verkaufs").
    """
    prefixes = rules.GERMAN_PREFIXES
    head = head.rstrip("-")
    found = prefixes.get(head) or prefixes.get(head.rstrip("s"))
    if found is None and any_area:
        found = rules.DOMAINS.get(head) or (rules.DOMAINS.get(head[:-1]) if head.endswith("s") else None)
    if found is None:
        for start in range(1, len(head) - 4):
            found = prefixes.get(head[start:])
            if found is not None:
                break
    return found


@lru_cache(maxsize=50_000)
def _german_compound(word: str) -> tuple[str | None, str | None] | None:
    """Function and level of a German compound such as 'Vertriebsleiter' (None if not one).

    A head that names no work takes it from the part before it ("Redaktionsleiter"); one
    that says only a level keeps it when the part before is unknown ("Standortleiter").
    """
    if len(word) < 7:
        return None
    for suffix, (function, level) in _GERMAN_HEADS.get(word[-3:], ()):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            prefix_function = _german_prefix(word[: -len(suffix)], function is None)
            if prefix_function is None and function is None and level is None:
                continue
            return prefix_function or function, level
    return None


def _german_area(word: str) -> str | None:
    """The function of a German area compound ("Kreditorenbuchhaltung", "Rechtsabteilung")."""
    for tail, function, prefix_first in _GERMAN_AREA_TAILS.get(word[-3:], ()):
        if word.endswith(tail) and len(word) > len(tail) + 2:
            if prefix_first:
                return _german_prefix(word[: -len(tail)], True) or function
            return function
    return None


def _read_levels(words: list[str], level_at: dict[int, tuple[int, str, str | None]] | None) -> list[str]:
    """Levels left to right, each position taking its longest level phrase (or none)."""
    levels: list[str] = []
    if level_at is None:
        for w in words:
            if len(w) >= 7:
                compound = _german_compound(w)
                if compound and compound[1]:
                    levels.append(compound[1])
        return levels
    i, n = 0, len(words)
    while i < n:
        found = level_at.get(i)
        if found is not None:
            size, phrase, level = found
            if level is not None:
                if phrase in _CONTEXT_LEVELS:
                    level = _contextual_level(phrase, level, words, i, size)
                if level:
                    levels.append(level)
            i += size
            continue
        if len(words[i]) >= 7:
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
managing senior equity salaried salary founding general limited junior associate name venture
operating tax audit advisory assurance consulting deal investment executive avocat avocate
abogado abogada advogado advogada rechtsanwalt lawyer directeur directrice
""")
_JOINERS = word_set("and und y e et")
_PARTNER_WORDS = word_set("partner partners socio socia associe associee partnerin teilhaber")
#: Words after "Head" that make it "Head of" (Portuguese and Spanish titles say "Head de").
_HEAD_OF = frozenset({"of", "de", "do", "da", "dos", "das", "del"})
#: School words: a Principal among them leads a school (education, director).
_SCHOOL_WORDS = word_set("""
school schools elementary primary secondary middle high academy preschool kindergarten escuela escuelas
colegio escola escolar ecole college lycee schule grundschule gymnasium realschule gesamtschule
""")
#: Words that may open "Leiter X" without making it a compound's "X Leiter" (the opening
#: level words among them, so that reading them apart changes nothing).
_LEITER_OPENERS = word_set("""
senior junior lead principal staff associate assistant stellvertretender stellvertretende stv
stellv kommissarischer kommissarische interim deputy kaufmannischer kaufmannische technischer technische
""")
_FIRM_WORDS = word_set("societe sarl sas sasu eurl entreprise societes")
_RESIDENT_NEXT = frozenset({"", "physician", "physicians", "doctor", "surgeon", "in", "medical", "dentist"})
#: Words that name no occupation of their own inside a longer title: "Deputy Director" is not
#: a sheriff's deputy, "General Partner" not an army general.
_MODIFIERS = word_set("deputy general acting interim chief co vice")
#: "Chief … Officer" is C-level whatever lies between, but not these ranks.
_NOT_CHIEF_OFFICERS = word_set("petty warrant")
_CHIEF_OR_PRINCIPAL = frozenset({"chief", "principal"})
#: Words before a closing "Principal" that leave it the one who leads ("Acting Principal").
_PRINCIPAL_LEADS = word_set("acting interim deputy vice assistant co managing")


def _contextual_level(phrase: str, level: str, words: list[str], start: int, size: int) -> str | None:
    """The level of a level word that its neighbours decide (one of ``_CONTEXT_LEVELS``)."""
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
        # A school's principal (or "Principal" alone) leads it; a Principal Engineer is senior.
        # After a role noun it is the Spanish, Portuguese or French order of a senior title
        # ("Investigador Principal", "Ingénieur principal").
        if (not nxt and (not prev or prev in _PRINCIPAL_LEADS)) or nxt == "of" or prev in _SCHOOL_WORDS or not _SCHOOL_WORDS.isdisjoint(words):
            return "director"
        return "senior"
    if phrase == "head":
        return "director" if (nxt in _HEAD_OF or nxt == "" or prev) else "manager"
    if phrase in ("gerant", "gerante"):
        # "Gérant" runs their own firm; "Gérant de magasin" runs a shop for someone else.
        after = words[start + size + 1] if start + size + 1 < len(words) else ""
        return "manager" if nxt in ("de", "d", "du", "des") and after not in _FIRM_WORDS else level
    if phrase == "resident":
        # A resident doctor trains; a Resident Engineer or Resident Manager does not.
        return level if nxt in _RESIDENT_NEXT else None
    if phrase == "interne":
        # French "Interne" (en médecine) trains; "Auditeur interne", "Interne Revision" do not.
        return level if start == 0 and nxt in ("", "en", "des", "de", "d") else None
    if phrase == "chef":
        return "manager" if nxt == "de" or nxt == "d" else None
    if phrase in ("leiter", "leiterin", "leitung"):
        # "Leiter Vertrieb" is Head of Sales (director); "IT-Leiter", like "Vertriebsleiter",
        # is a manager of the area before it.
        return "director" if _LEITER_OPENERS.issuperset(words[:start]) else "manager"
    if phrase in ("rektor", "rector"):
        # A school's Rektor leads it (director); a university's is its chief executive.
        return "director" if not _SCHOOL_WORDS.isdisjoint(words) else level
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
        for j in range(i - 1, -1, -1):
            if words[j] in _JOINERS:  # "Rechtsanwältin und Partnerin": a second role
                before = words[j + 1 : i]
                break
        if (not after or i == 0 or after[0] in ("at", "and", "of", "de", "chez", "bei", "y", "et", "e")) and all(b in _PARTNER_AREAS for b in before):
            return "partner"
    return None


#: Founders and owners: their level says it (owner), so a title naming another role as
#: well ("Co-Founder & COO", "Co-founder | CTO") takes that role's function.
_FOUNDING = "entrepreneurship"
#: Roles people hold beside their work, which do not say what a founder does: "Founder |
#: Investor | Advisor" stays entrepreneurship.
_SIDE_ROLES = frozenset(fold(p) for p in (
    "investor", "angel investor", "advisor", "adviser", "board advisor", "strategic advisor", "board member",
    "mentor", "speaker", "keynote speaker", "author", "podcaster", "writer", "blogger", "startup advisor",
    "investidor", "inversor", "inversionista", "asesor", "mentora", "investisseur", "business angel",
))
#: Level words that open a title ("Senior …", "Lead …"): an occupation's industry hint
#: counts when its phrase covers the rest.
_OPENING_LEVELS = frozenset({"senior", "junior", "lead", "principal", "staff", "associate", "assistant"})
#: Level words read by their neighbours: the rest of a title must not start with one.
_CONTEXT_LEVELS = frozenset({"head", "lead", "staff", "principal", "management", "chef", "leiter", "leiterin", "leitung",
                             "gerant", "gerante", "resident", "interne", "rektor", "rector"})
#: segment of a normalised title -> its reading.
_SEGMENT_READINGS: dict[str, tuple] = {}


def _read_segment_cached(segment: str) -> tuple:
    """The reading of one segment of a normalised title, cached.

    Opening level words that say nothing but their level ("Senior", "Lead") are read
    apart from the rest, whose reading "Senior Product Manager, Payments" and "Product
    Manager, Payments" then share. A word is split off only when no longer phrase starts
    with it there ("Staff Accountant", "Senior Vice President" stay whole) and the rest
    does not open with a word read by its neighbours ("Head"), so the answer is the one a
    whole reading gives. Only the rest's reading is kept: the whole one is rebuilt from it
    in a few steps, and keeping it too would leave one more long-lived tuple per title for
    the garbage collector to walk (``_READINGS`` keeps the title's reading anyway).
    """
    found = _SEGMENT_READINGS.get(segment)
    if found is not None:
        return found
    data = _DATA or _data()
    words = segment.split()
    openers = data.openers
    i, n = 0, len(words)
    while i < n - 1:
        seconds = openers.get(words[i])
        if seconds is None or words[i + 1] in _CONTEXT_LEVELS or (words[i + 1] in seconds and _opens_phrase(words, i, data)):
            break
        if words[i] == "principal" and not _SCHOOL_WORDS.isdisjoint(words):
            break  # a school's principal: read whole
        i += 1
    junior = "junior" in words
    if junior and "junior" in words[i:]:
        i = 0  # a junior caps the levels of the whole title: read whole unless it opens it
    if i == 0:
        found = _read_segment(words, data)
        if len(_SEGMENT_READINGS) > 200_000:
            _SEGMENT_READINGS.clear()
        _SEGMENT_READINGS[segment] = found
        return found
    core = " ".join(words[i:])
    function, role, kind, occupation, industry, levels, natural = _SEGMENT_READINGS.get(core) or _read_segment_cached(core)
    opening = []
    for j in range(i):
        level = data.levels[words[j]]
        if words[j] in _CONTEXT_LEVELS:
            level = _contextual_level(words[j], level, words, j, 1)
        if level:
            opening.append(level)
    if not _PARTNER_WORDS.isdisjoint(words):
        levels = tuple(lv for lv in levels if lv != "partner")
        if _partner_level(words):
            levels += ("partner",)
    levels = (*opening, *levels) if opening else levels
    if junior:
        levels = _junior_levels(levels)
    return (function, role, kind, occupation, industry, levels, natural)


def _junior_levels(levels) -> tuple[str, ...]:
    """A junior's levels: "Junior" caps a manager or senior word at entry ("Junior Sales
    Manager", "Junior Manager Marketing"); a level above (Junior Partner) stands."""
    if levels and _JUNIOR_CAPPED.issuperset(levels):
        return _ONE_LEVEL["entry"]
    return tuple(levels)


_JUNIOR_CAPPED = frozenset({"entry", "senior", "manager"})


def _opens_phrase(words: list[str], i: int, data: _Data) -> bool:
    """True when a known phrase of two words or more starts at i ("Staff Accountant")."""
    room = len(words) - i
    merged = data.merged
    for size in (data.heads.get(words[i]) or data.head(words[i]))[0]:
        if 1 < size <= room and " ".join(words[i : i + size]) in merged:
            return True
    return False


def _read_segment(words: list[str], data: _Data) -> tuple:
    """(function, role, kind, occupation, industry, levels, natural level) of one title segment.

    Our phrases decide the function: the longest match wins, then a role over an area
    over a weak role, then the rightmost (English titles end with their head noun). Open
    data decides only where our phrases are silent, and names the occupation. An
    industry hint counts only when its phrase covers the matched role; the occupation's
    natural level (a cardiologist is senior, a crew chief a manager) only when the open
    data named the work, with the phrase that names it or the whole title.
    """
    merged, heads = data.merged, data.heads
    hand = None  # the best phrase of our rules, and its key (size, kind rank, start)
    hand_key = None
    work = work_key = None  # the best one that is not founding a business
    row = None  # the longest data phrase, leftmost on ties
    row_start = row_size = 0
    hints = None
    level_at = None
    n = len(words)
    for start in range(n):
        head = heads.get(words[start]) or data.head(words[start])
        if not head[0]:
            continue
        room = n - start
        for size in head[0]:
            if size > room:
                continue
            if size == 1:
                phrase = words[start]
                value = head[1]
            else:
                phrase = " ".join(words[start : start + size])
                value = merged.get(phrase)
                if value is None:
                    continue
            if value.__class__ is not _Rule:
                if size > row_size and not (size == 1 and n > 1 and phrase in _MODIFIERS):
                    row, row_start, row_size = value, start, size
                continue
            if value[1] is not None:
                key = (size, value[0], start)
                if hand_key is None or key > hand_key:
                    hand_key, hand = key, value
                if value[1] != _FOUNDING and (work_key is None or key > work_key):
                    work_key, work = key, value
            if value[4] is not _NO_LEVEL:
                if level_at is None:
                    level_at = {start: (size, phrase, value[4])}
                elif start not in level_at:
                    level_at[start] = (size, phrase, value[4])  # sizes run longest first
            if value[5]:
                if hints is None:
                    hints = []
                hints.append((size, start, value[5]))
            if value[6] is not None and size > row_size and not (size == 1 and n > 1 and phrase in _MODIFIERS):
                row, row_start, row_size = value[6], start, size
    function = role = kind = occupation = industry = natural = None
    if work is not None and hand[1] == _FOUNDING and not (
        hand_key[2] <= work_key[2] and work_key[2] + work_key[0] <= hand_key[2] + hand_key[0]
    ):  # (a role inside the founder's own phrase, "Sócio-administrador", is not another role)
        hand, hand_key = work, work_key  # "Co-Founder & COO": operations (the level says founder)
    if hand is not None:
        function, role, kind = hand[1], hand[2], hand[3]
        span_start, span_size = hand_key[2], hand_key[0]
    else:
        span_start = -1
        for w in words:
            if len(w) >= 7:
                compound = _german_compound(w)
                if compound and compound[0]:
                    function, kind = compound[0], "role"
                    break
    if row is not None:
        occupation, data_function, data_role, data_industry, natural = row
        if function is None and data_function is not None:
            function, role, kind = data_function, data_role, "data"
            span_start, span_size = row_start, row_size
        if (data_industry and kind == "data") or natural:
            opening = 0
            while opening < n - 1 and words[opening] in _OPENING_LEVELS:
                opening += 1
            whole = row_start <= opening and row_start + row_size == n
            if data_industry and kind == "data" and whole:
                industry = data_industry
            if natural and (kind not in (None, "data") or not (whole or (row_start == span_start and row_size == span_size))):
                natural = None  # our rules named the work: their words decide the level
    if hints is not None and span_start >= 0:
        covering = [h for h in hints if h[1] <= span_start and h[1] + h[0] >= span_start + span_size]
        if covering:
            industry = max(covering)[2]
    levels = _read_levels(words, level_at)
    if not _PARTNER_WORDS.isdisjoint(words):
        partner = _partner_level(words)
        if partner:
            levels.append(partner)
    if _CHIEF_OR_PRINCIPAL.isdisjoint(words):
        if "junior" in words:
            levels = _junior_levels(levels)
        return function, role, kind, occupation, industry, _frozen_levels(levels), natural
    if "chief" in words and "cxo" not in levels:
        at = words.index("chief")
        tail = words[at + 2 : at + 6]
        if "officer" in tail and _NOT_CHIEF_OFFICERS.isdisjoint(words[at + 1 : at + 2 + tail.index("officer")]):
            levels.append("cxo")  # Chief Accounting Officer, Chief Sustainability Officer …
    if function is None and "principal" in words and not _SCHOOL_WORDS.isdisjoint(words):
        function, kind = "education", "role"  # "Principal, Lincoln Elementary School"
    if "junior" in words:
        levels = _junior_levels(levels)
    return function, role, kind, occupation, industry, _frozen_levels(levels), natural


#: One shared tuple per single level: most segments say one level, and a tuple of their
#: own would be one more long-lived object per segment for the garbage collector to walk.
_ONE_LEVEL: dict[str, tuple[str]] = {level: (level,) for level in SENIORITIES}


def _frozen_levels(levels: list[str]) -> tuple[str, ...]:
    """A segment's levels as kept in its reading (``()`` is shared as well)."""
    if len(levels) == 1:
        return _ONE_LEVEL.get(levels[0]) or (levels[0],)
    return tuple(levels)


#: (The lookahead on a grade's first letter only lets the search skip other positions at once.)
#: A letter of a dotted acronym ("V.I.E", "I.T.") is no grade.
_GRADE = re.compile(r"(?=[LlEeIiİıVv])(?<!\w\.)\b(?:([LlEe])(\d{1,2})|([Iiİı][Cc][Tt]?)(\d)|[Iiİı]{3}|[Iiİı][Vv]|[Vv][Iiİı]?)\b(?!\.\w)")


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


def _pick_level(levels: tuple[str, ...]) -> str | None:
    if not levels:
        return None
    if len(levels) == 1:
        return levels[0]
    for special in ("training", "unpaid"):
        if special in levels:
            return special
    return max(levels, key=_RANK.__getitem__)


def _level_words(seniority: str) -> str:
    """A level as a reason writes it: 'senior', 'VP', 'CXO'."""
    return SENIORITY_LABELS[seniority] if seniority in ("vp", "cxo") else SENIORITY_LABELS[seniority].lower()


def _reason_tail(function: str | None, seniority: str | None, role: str | None, default: bool = False) -> str:
    """What a reason says after the quoted title, in one grammar.

    "is product management (product manager) at senior level"; "is engineering (software
    engineer), an individual contributor (entry level)" when no word gave the level; "is at
    partner level, function unknown"; "is marketing, level unknown".
    """
    if function is None and seniority is None:
        return "is not a title the recogniser knows"
    if function is None:
        return f"is at {_level_words(seniority)} level, function unknown"
    area = FUNCTION_LABELS[function].lower()
    if role and role != area:
        area = f"{area} ({role})"
    if seniority is None:
        return f"is {area}, level unknown"
    if default:
        return f"is {area}, an individual contributor (entry level)"
    return f"is {area} at {_level_words(seniority)} level"


#: normalised title -> (function, seniority, occupation, industry, role, kind, reason
#: tail, levelless, level source): its reading when the title shows no grade ("L5");
#: levelless says whether a grade would give the level; the level source is "word" (a
#: level word or grade), "natural" (the occupation's own level), "default" (an individual
#: contributor, entry) or None. (normalised, grade) -> the reading with the grade.
_READINGS: dict[str, tuple] = {}
_GRADED: dict[tuple[str, str], tuple] = {}
#: raw title -> its row (see :func:`_title_row`).
_ROWS: dict[str, tuple] = {}
_NOTHING = (None, None, None, None, None, None, _reason_tail(None, None, None), False, None)


def _read_normalized(normalized: str, grade: str | None = None) -> tuple:
    """(function, seniority, occupation, industry, role, kind, reason tail, levelless, level source)."""
    found = _READINGS.get(normalized)
    if found is None:
        found = _read_normalized_uncached(normalized, None)
        if len(_READINGS) > 200_000:
            _READINGS.clear()
        _READINGS[normalized] = found
    if grade is None or not found[7]:
        return found
    key = (normalized, grade)
    graded = _GRADED.get(key)
    if graded is None:
        graded = _read_normalized_uncached(normalized, grade)
        if len(_GRADED) > 100_000:
            _GRADED.clear()
        _GRADED[key] = graded
    return graded


_TAILS: dict[tuple, str] = {}


def _reading(function, seniority, occupation, industry, role, kind, levelless, natural=None) -> tuple:
    """A reading, its level settled: the title's words (or grade), else the occupation's
    natural level, else entry for a title whose function is known (LinkedIn's level for an
    individual contributor without a level word)."""
    source = "word"
    if seniority is None:
        if natural is not None:
            seniority, source = natural, "natural"
        elif function is not None:
            seniority, source = "entry", "default"
        else:
            source = None
    key = (function, seniority, role, source == "default")
    tail = _TAILS.get(key)
    if tail is None:
        tail = _TAILS[key] = _reason_tail(function, seniority, role, source == "default")
    return (function, seniority, occupation, industry, role, kind, tail, levelless, source)


def _without_addressee(segment: str) -> str:
    """'Executive Assistant to the CEO' is read as 'Executive Assistant'."""
    words = segment.split()
    for i, w in enumerate(words[:-1]):
        if w == "to" and i > 0 and words[i - 1] in _ASSISTANT_WORDS:
            return " ".join(words[:i])
    return segment


def _read_normalized_uncached(normalized: str, grade: str | None) -> tuple:
    if " / " not in normalized:  # one segment: the common case
        if not normalized or normalized in rules.NO_TITLE:
            return _NOTHING
        segment = _without_addressee(normalized) if " to " in normalized else normalized
        function, role, kind, occupation, industry, levels, natural = _SEGMENT_READINGS.get(segment) or _read_segment_cached(segment)
        if not levels:
            return _reading(function, grade, occupation, industry, role, kind, True, natural)
        return _reading(function, levels[0] if len(levels) == 1 else _pick_level(levels), occupation, industry, role, kind, False)
    if normalized.replace(" / ", " ") in rules.NO_TITLE:
        return _NOTHING
    readings = []
    side = []  # segments that are a side role beside a founder's ("Founder | Investor | Advisor")
    for segment in normalized.split(" / "):
        if segment in rules.NO_TITLE:
            continue
        if " to " in segment:
            segment = _without_addressee(segment)
        side.append(segment in _SIDE_ROLES)
        readings.append(_read_segment_cached(segment))
    if not readings:
        return _NOTHING
    if len(readings) == 1:
        function, role, kind, occupation, industry, levels, natural = readings[0]
        seniority = _pick_level(levels) or grade
        return _reading(function, seniority, occupation, industry, role, kind, not levels, natural)
    levels_all = [_pick_level(r[5]) for r in readings]
    levelless = not any(levels_all)
    if levelless:
        levels_all[0] = grade
    manager = _RANK["manager"]
    with_function = [i for i, r in enumerate(readings) if r[0] is not None]
    working = [i for i in with_function if readings[i][0] != _FOUNDING and not side[i]]
    if working:
        with_function = working  # "Co-founder | CTO": engineering (the level says founder)
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
        function, role, kind, occupation, industry, _, natural = readings[primary]
    else:
        occupation = next((r[3] for r in readings if r[3]), None)
        natural = next((r[6] for r in readings if r[6]), None)
    if industry is None:
        industry = next((r[4] for r in readings if r[4]), None)
    return _reading(function, seniority, occupation, industry, role, kind, levelless, natural)


def _row(title: str, norm: str, reading: tuple) -> tuple:
    shown = title if len(title) <= 60 else title[:57] + "..."
    f, sen, occ, ind, role, kind, tail, _, source = reading
    return (norm, f, sen, occ, ind, f"'{shown}' {tail}", role, kind, source)


def _title_row(title: str) -> tuple:
    """(normalised, function, seniority, occupation, industry hint, reason, role, kind,
    level source) of a title: a :class:`TitleReading`'s fields after the title, then where
    the level came from (see ``_READINGS``)."""
    row = _ROWS.get(title)
    if row is None:
        norm = _normalize(title)
        reading = _read_normalized(norm)
        if reading[7]:
            reading = _read_normalized(norm, _level_from_grade(title))
        row = _row(title, norm, reading)
        if len(_ROWS) > 200_000:
            _ROWS.clear()
        _ROWS[title] = row
    return row


def _title_rows(titles: list[str]) -> list[tuple]:
    """:func:`_title_row` of many distinct titles, in stages.

    All titles are normalised, then all normalised forms read, then the rows written:
    each stage keeps its own tables warm in the processor's caches, which makes a column
    a quarter faster to read than one title after another.
    """
    cache = _ROWS
    rows = [cache.get(title) for title in titles]
    todo = [i for i, row in enumerate(rows) if row is None]
    if not todo:
        return rows
    _data()
    # Tens of thousands of small tuples: the cyclic collector would walk the caches for
    # nothing, as none of them holds a cycle.
    with gc_paused():
        fresh = [titles[i] for i in todo]
        norms = [_normalize(title) for title in fresh]
        known = _READINGS
        readings = []
        for norm in norms:
            reading = known.get(norm)
            if reading is None:
                reading = known[norm] = _read_normalized_uncached(norm, None)
            readings.append(reading)
        if len(known) > 200_000:
            known.clear()
        if len(cache) + len(fresh) > 200_000:
            cache.clear()
        for i, title, norm, reading in zip(todo, fresh, norms, readings, strict=True):
            if reading[7]:  # no level word: a grade in the title ("L5") may give one
                grade = _level_from_grade(title)
                if grade is not None:
                    reading = _read_normalized(norm, grade)
            rows[i] = cache[title] = _row(title, norm, reading)
    return rows


def _clear_caches() -> None:
    """Forget every reading (the benchmark measures cold reads; tests compare paths)."""
    for cache in (_WORD_KINDS, _SEGMENTS, _SEGMENT_READINGS, _READINGS, _GRADED, _ROWS):
        cache.clear()
    _normalize_cached.cache_clear()
    _german_compound.cache_clear()
    _german_prefix.cache_clear()
    if _DATA is not None:
        _DATA.heads.clear()  # the index of first words is built as titles are read


def _read_cached(title: str) -> TitleReading:
    return TitleReading(title, *_title_row(title)[:8])


def read_title(title: object) -> TitleReading:
    """Read one title: function, seniority, occupation, industry hint and a reason.

    >>> r = read_title("Head of Product")
    >>> r.function, r.seniority
    ('product_management', 'director')
    >>> read_title("HR Business Partner").seniority  # a kind of work, not a partner
    'entry'
    >>> read_title("Oberärztin").seniority
    'senior'
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
    [['product_management', 'senior'], [None, None], ['product_management', 'senior'], ['human_resources', 'entry']]
    """
    series = pd.Series(titles, copy=False)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    rows = _title_rows([str(value)[:300] for value in uniques.tolist()])
    rows.append(_title_row(""))  # what a missing title reads as, picked by code -1
    # One table of the distinct rows, filled in one pass over their fields (cheaper than
    # column by column over rows just built and spread through memory), then one take of
    # it for every input row: the frame holds that single block of objects as it is
    # (copy=False: nothing else refers to it).
    width = len(rows[0])
    table = np.fromiter(chain.from_iterable(rows), dtype=object, count=len(rows) * width).reshape(len(rows), width)
    picks = np.where(codes < 0, len(rows) - 1, codes)
    return pd.DataFrame(table[:, : len(_COLUMNS)].take(picks, axis=0), index=series.index, columns=list(_COLUMNS),
                        dtype=object, copy=False)


#: The columns of :func:`read_titles`: the first fields of a title's row.
_COLUMNS = ("title_normalized", "function", "seniority", "occupation", "industry_hint", "title_reason")


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
    # Only a level the query says counts ("senior product manager"), not the entry level a
    # plain role reads as.
    wanted_level = target.seniority if _title_row(str(query)[:300])[8] != "default" else None
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    per_unique = np.zeros(len(uniques))
    reasons_u: list[str | None] = [None] * len(uniques)
    function_label = FUNCTION_LABELS[target.function].lower()
    values = [str(value)[:300] for value in uniques.tolist()]
    founders = target.function == _FOUNDING
    for i, row in enumerate(_title_rows(values)):
        # A founder who names another role ("Co-founder | CTO") reads as that role's
        # function at owner level: still a founder for a founder query.
        founder = founders and row[2] == "owner"
        if row[1] != target.function and not founder:
            continue
        r = TitleReading(values[i], *row[:8])
        shown = r.title if len(r.title) <= 60 else r.title[:57] + "..."
        level = f" at {_level_words(r.seniority)} level" if r.seniority else ""
        if founder and r.function != target.function:
            score = 1.0
            reason = f"'{shown}' is a founder{level}"
        elif target.role is None or r.role == target.role:
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
        if wanted_level and r.seniority and r.seniority != wanted_level and score == 1.0:
            score = 0.8
            reason += f", not {_level_words(wanted_level)} level"
        per_unique[i] = score
        reasons_u[i] = reason
    safe = np.maximum(codes, 0)
    scores = np.where(codes >= 0, per_unique[safe] if len(uniques) else 0.0, 0.0)
    reasons = [reasons_u[c] if c >= 0 else None for c in codes]
    return scores.astype(float), reasons
