"""Clean the strings an export holds, without changing what the person wrote.

Cleaning is the same for every cell and is *only* this (the round-trip tests state it
as a property):

1. remove invisible format characters: zero-width space/non-joiner, word joiner,
   direction marks and embeddings/isolates, the BOM, soft hyphen, Arabic letter mark,
   Mongolian vowel separator, and the zero-width joiner **unless** it glues two emoji
   (``👩‍💻`` stays one glyph);
2. remove control characters other than whitespace;
3. turn every run of whitespace (``str.split()``'s definition: spaces, tabs, newlines,
   NBSP, narrow NBSP, ideographic space …) into one ASCII space and strip both ends;
4. an empty result becomes ``None``.

Credentials, pronouns, nicknames, emoji and case are kept: identity strips them for
matching; the display name keeps what the person wrote.

>>> clean_text("\\u200eAda\\u00a0 Lovelace, PhD (she/her) \\u200b")
'Ada Lovelace, PhD (she/her)'
>>> clean_text(" \\u200b ") is None
True
>>> clean_text("Dev 👩\\u200d💻")
'Dev 👩\\u200d💻'
"""

from __future__ import annotations

import unicodedata

__all__ = ["INVISIBLE_CHARS", "clean_text", "full_name"]

ZWJ = "\u200d"

#: Characters removed outright (ZWJ is handled separately, see :func:`clean_text`).
INVISIBLE_CHARS = frozenset(
    "\u00ad\u061c\u180e\u200b\u200c\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
)

# Control characters that are not whitespace (whitespace ones are collapsed by split()).
_CONTROLS = frozenset(
    chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if not chr(c).isspace()
)
_DELETE = str.maketrans(dict.fromkeys(INVISIBLE_CHARS | _CONTROLS))


def _emoji_side(ch: str) -> bool:
    """Whether ``ch`` can sit next to a joiner inside an emoji sequence."""
    return unicodedata.category(ch) in ("So", "Sk") or ch == "\ufe0f"


def _keep_emoji_joiners(text: str) -> str:
    out = []
    for i, ch in enumerate(text):
        if ch == ZWJ and not (
            0 < i < len(text) - 1 and _emoji_side(text[i - 1]) and unicodedata.category(text[i + 1]) == "So"
        ):
            continue
        out.append(ch)
    return "".join(out)


def clean_text(value: object) -> str | None:
    """The cleaned string (see the module docstring), or None for blank/missing values."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    if not text:
        return None
    if text.isascii() and text.isprintable():
        # Fast path: only plain spaces can need collapsing.
        text = text.strip()
        if "  " in text:
            text = " ".join(text.split())
        return text or None
    text = text.translate(_DELETE)
    if ZWJ in text:
        text = _keep_emoji_joiners(text)
    text = " ".join(text.split())
    return text or None


def full_name(first: str | None, last: str | None) -> str | None:
    """First and last name joined by one space, skipping blanks.

    >>> full_name("Ada", "Lee, MBA")
    'Ada Lee, MBA'
    >>> full_name(None, "Lee")
    'Lee'
    """
    parts = [p for p in (first, last) if p]
    return " ".join(parts) if parts else None
