"""Normalise the keys that identify a person across exports.

>>> normalize_profile_url("https://www.linkedin.com/in/Zo%C3%AB-M%C3%BCller/?trk=x")
'linkedin.com/in/zoë-müller'
>>> normalize_profile_url("fr.linkedin.com/in/jdoe/")
'linkedin.com/in/jdoe'
>>> normalize_email("  Ada@Example.COM ")
'ada@example.com'
>>> name_key('Zoë "Zo" Müller-Lee, MBA, PMP® (she/her) 🚀')
'zoe muller lee'
>>> company_key("Acme, Inc.")
'acme'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

from netanalytics.urls import profile_url_key

__all__ = [
    "CREDENTIALS",
    "company_key",
    "display_name",
    "name_key",
    "normalize_email",
    "short_name",
    "normalize_profile_url",
]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


#: A comparable key for a profile URL, or None: the one rule, :func:`netanalytics.urls.profile_url_key`.
normalize_profile_url = profile_url_key


def normalize_email(email: str | None) -> str | None:
    """Lower-cased, trimmed email, or None when blank or not an address."""
    if email is None:
        return None
    text = str(email).strip().lower().removeprefix("mailto:")
    return text if _EMAIL.match(text) else None


#: Post-nominal letters people put after their name. Compared upper-cased without dots,
#: so "Ph.D." and "PhD" are the same. All-caps tokens after a comma ("SHRM-CP") are
#: treated as credentials too, by pattern.
CREDENTIALS = frozenset(
    ["MBA", "EMBA", "MBA-HC", "PHD", "DPHIL", "EDD", "DBA", "JD", "LLM", "LLB", "MD", "DO", "DDS", "DMD", "DVM", "PHARMD", "RN", "BSN", "MSN", "NP", "PA", "PA-C", "CPA", "CFA", "CFP", "CMA", "CIA", "CISA", "CISSP", "CISM", "CRISC", "PMP", "PGMP", "CAPM", "CSM", "CSPO", "PSM", "SAFE", "ACP", "ITIL", "SHRM-CP", "SHRM-SCP", "PHR", "SPHR", "GPHR", "CHRP", "FRM", "CAIA", "CSCP", "CPIM", "CPSM", "LEED", "AP", "PE", "PENG", "EIT", "RA", "AIA", "FCA", "ACA", "CA", "CPCU", "CLU", "CHFC", "MA", "MS", "MSC", "MENG", "MFA", "MPH", "MPA", "MPP", "MSW", "MED", "MS-HCI", "BA", "BS", "BSC", "BENG", "BFA", "BBA", "MBBS", "FACS", "FRCS", "ESQ", "FAICP", "PMI-ACP", "PMI-RMP", "SSGB", "SSBB", "LSSGB", "LSSBB", "CSSGB", "CSSBB", "AWS", "GCP", "CCNA", "CCNP", "CCIE", "MCSE", "OSCP", "CEH", "CPHIMS", "CPHQ", "CCRN", "CNA", "LPN", "LCSW", "LMFT", "LPC", "BCBA", "OTR", "DPT", "CSCS", "PMP-ACP"]
)
_HONORIFICS = frozenset({"dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame"})
_GENERATIONAL = frozenset({"JR", "SR", "II", "III", "IV", "V"})
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"})
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|‘[^’]*’|(?<!\w)\'[^\']+\'(?!\w)')
_PRONOUNS = re.compile(
    r"(?<![\w/])(?:she|he|they|ze|xe|her|him|them)\s*/\s*(?:her|hers|him|his|they|them|theirs|ze|zir|xe|xem)"
    r"(?:\s*/\s*(?:her|hers|him|his|they|them|theirs))?(?![\w/])",
    re.IGNORECASE,
)
_ALL_CAPS_TOKEN = re.compile(r"^[A-Z][A-Z0-9&+\-]{1,9}$")
_CREDENTIAL_MARKS = str.maketrans("", "", ".®™©")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_PLAIN_ASCII_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .'-]*$")
_COMPANY_SUFFIXES = frozenset(
    ["inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "plc", "corp", "corporation", "co", "company", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "oy", "ab", "as", "spa", "srl", "pty", "pvt", "pte", "kk", "group", "holdings", "the"]
)


class _CharTable(dict):
    """A ``str.translate`` table that classifies each code point once, on first sight.

    ``visible`` keeps symbols; otherwise symbols and emoji (Unicode category S*) become
    spaces. Control, format (zero-width, direction marks), private and unassigned
    characters are deleted; tabs and newlines become spaces.
    """

    def __init__(self, keep_symbols: bool) -> None:
        super().__init__()
        self.keep_symbols = keep_symbols

    def __missing__(self, code: int) -> int | str | None:
        ch = chr(code)
        category = unicodedata.category(ch)
        if ch in "\n\r\t\x0b\x0c":
            out: int | str | None = " "
        elif category in _INVISIBLE_CATEGORIES:
            out = None
        elif category.startswith("S") and not self.keep_symbols:
            out = " "
        else:
            out = code
        self[code] = out
        return out


_VISIBLE = _CharTable(keep_symbols=True)
_LETTERS = _CharTable(keep_symbols=False)


class _AsciiTable(dict):
    """A ``str.translate`` table: each non-ASCII character to its Unidecode spelling, cached
    (Unidecode works character by character, so this equals ``unidecode(text)``)."""

    def __missing__(self, code: int) -> int | str:
        out: int | str = code if code < 128 else unidecode(chr(code))
        self[code] = out
        return out


_TO_ASCII = _AsciiTable()
_QUOTE_CHARS = frozenset("\"“”„«»‘’'")


def _strip_invisible(text: str) -> str:
    """NFKC-fold and drop control, format (zero-width, direction marks) and unassigned chars."""
    return unicodedata.normalize("NFKC", text).translate(_VISIBLE)


def _is_credential(token: str) -> bool:
    bare = token.translate(_CREDENTIAL_MARKS).strip()
    if not bare:
        return True
    upper = bare.upper()
    if upper in _GENERATIONAL:
        return False
    return upper in CREDENTIALS or bool(_ALL_CAPS_TOKEN.match(bare))


def _is_credential_segment(segment: str) -> bool:
    tokens = re.split(r"[\s/]+", segment.strip())
    tokens = [t for t in tokens if t]
    return bool(tokens) and all(_is_credential(t) for t in tokens)


def _fold(text: str, *, cleaned: bool = False) -> str:
    """Drop symbols and emoji, transliterate to ASCII, case-fold, keep letters and digits.

    ``cleaned`` says the text already went through the ``_LETTERS`` table.
    """
    kept = text if cleaned else text.translate(_LETTERS)
    if not kept.isascii():
        kept = kept.translate(_TO_ASCII)
    folded = kept.casefold().replace("'", "")
    return " ".join(_NOT_ALNUM.sub(" ", folded).split())


@lru_cache(maxsize=200_000)
def name_key(full_name: str | None) -> str:
    """A comparable key for a person's name: what two spellings of one name share.

    Unicode is folded to lower-case ASCII; credentials after a comma ("MBA", "PMP®",
    "Ph.D.", any all-caps token), pronouns ("(she/her)"), nicknames in quotes or
    parentheses, emoji and symbols are dropped; hyphens and dots become spaces.
    Returns '' when nothing name-like is left.

    >>> name_key("José  Ortega, Ph.D.")
    'jose ortega'
    >>> name_key("Ann O'Neil, CFA, SHRM-CP")
    'ann oneil'
    >>> name_key("Kim (Kimmy) Park he/him")
    'kim park'
    >>> name_key("Dr. Ana Ruiz")
    'ana ruiz'
    >>> name_key("王 小明")
    'wang xiao ming'
    """
    if full_name is None:
        return ""
    text = str(full_name)
    if _PLAIN_ASCII_NAME.match(text) and text.count("'") < 2:
        # The common case, fast (30 000 times per import); gives what the full path gives.
        tokens = text.split()
        while len(tokens) > 2 and tokens[-1].translate(_CREDENTIAL_MARKS).upper() in CREDENTIALS:
            tokens.pop()
        words = _NOT_ALNUM.sub(" ", " ".join(tokens).replace("'", "").lower()).split()
        while len(words) > 2 and words[0] in _HONORIFICS:
            words.pop(0)
        return " ".join(words)
    if not text.isascii():  # ASCII is already in NFKC form
        text = unicodedata.normalize("NFKC", text)
    text = text.translate(_LETTERS)
    if "(" in text or "[" in text or "{" in text:
        text = _PARENS.sub(" ", text)
    if not _QUOTE_CHARS.isdisjoint(text):
        text = _QUOTED.sub(" ", text)
    if "/" in text:
        text = _PRONOUNS.sub(" ", text)
    segments = text.split(",")
    kept = [segments[0]] + [seg for seg in segments[1:] if not _is_credential_segment(seg)]
    tokens = " ".join(kept).split()
    # Credentials written without a comma, at the end: "Jane Doe MBA".
    while len(tokens) > 2 and tokens[-1].translate(_CREDENTIAL_MARKS).upper() in CREDENTIALS:
        tokens.pop()
    key = _fold(" ".join(tokens), cleaned=True)
    words = key.split()
    while len(words) > 2 and words[0] in _HONORIFICS:  # "Dr. Ana Ruiz" is Ana Ruiz
        words.pop(0)
    key = " ".join(words)
    if not key:  # e.g. a name that is only emoji or only a credential: fall back
        key = _fold(_strip_invisible(str(full_name)))
    return key


def display_name(first: str | None, last: str | None) -> str:
    """A person's name for display, from first and last name: trimmed, one space between.

    Invisible characters (zero-width joiners, direction marks, control characters) are
    dropped and runs of whitespace collapsed; everything else — credentials, accents,
    emoji — is kept as the person wrote it.

    >>> display_name(" Zoë\u200b ", "Müller,  MBA")
    'Zoë Müller, MBA'
    >>> display_name(None, "")
    ''
    """
    parts = [_strip_invisible(str(p)) for p in (first, last) if p is not None]
    return " ".join(" ".join(parts).split())


@lru_cache(maxsize=100_000)
def company_key(company: str | None) -> str:
    """A comparable key for a company name: folded like :func:`name_key`, legal suffixes
    ("Inc.", "LLC", "GmbH") and a leading "The" dropped.

    >>> company_key("The Boston Consulting Group, Inc.")
    'boston consulting'
    >>> company_key("  ") == ""
    True
    """
    if company is None:
        return ""
    folded = _fold(_strip_invisible(str(company)).replace("&", " and "))
    tokens = folded.split()
    while len(tokens) > 1 and tokens[-1] in _COMPANY_SUFFIXES:
        tokens.pop()
    while len(tokens) > 1 and tokens[0] == "the":
        tokens.pop(0)
    return " ".join(tokens)


def short_name(full_name: str | None) -> str:
    """A name as written, without pronouns, nicknames in brackets or credentials after a comma.

    For labels such as "Marisol Reyes's connections"; accents and case are kept.

    >>> short_name("Marisol Reyes, CFA")
    'Marisol Reyes'
    >>> short_name("Sam Kowalczyk (they/them)")
    'Sam Kowalczyk'
    >>> short_name("Zoë Ng")
    'Zoë Ng'
    """
    if not full_name:
        return ""
    text = _PARENS.sub(" ", str(full_name))
    text = _PRONOUNS.sub(" ", text)
    segments = text.split(",")
    kept = [segments[0]] + [seg for seg in segments[1:] if not _is_credential_segment(seg)]
    short = " ".join(", ".join(s.strip() for s in kept if s.strip()).split())
    return short or " ".join(str(full_name).split())
