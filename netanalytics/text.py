"""Normalise free text (company names, titles, places) once, and search it fast.

Shared by the graph (shared employers) and scoring (industries, fit, affinity): both
compare companies and titles written many ways ("McKinsey & Company, Inc.", "JPMorganChase").

>>> norm_text("Bain & Co.")
'bain and co'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["TextColumn", "keyword_pattern", "norm_series", "norm_text"]


_CAMEL_JOIN = re.compile(r"(?<=[a-z]{3})(?=[A-Z])")  # "JPMorganChase" -> "JPMorgan Chase"
_NON_WORD_RUN = re.compile(r"[^\w]+")


def norm_text(text: object) -> str:
    """Lower-case, '&' -> 'and', punctuation to spaces, single spaces.

    >>> norm_text("  McKinsey & Company, Inc. ")
    'mckinsey and company inc'
    >>> norm_text("JPMorganChase")
    'jpmorgan chase'
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    value = _CAMEL_JOIN.sub(" ", str(text)).lower().replace("&", " and ")
    return " ".join(_NON_WORD_RUN.sub(" ", value).split())


def keyword_pattern(keywords: tuple[str, ...] | list[str], *, capture: bool = True) -> str:
    """A case-insensitive whole-word regex matching any of ``keywords`` (a capture group).

    >>> import re
    >>> bool(re.search(keyword_pattern(["pay"]), "Paymaster"))
    False
    """
    words = sorted({norm_text(k) for k in keywords if norm_text(k)}, key=len, reverse=True)
    if not words:
        return r"(?!x)x"
    body = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in words)
    return rf"(?i)\b({body})\b" if capture else rf"(?i)\b(?:{body})\b"


def norm_series(values: pd.Series) -> pd.Series:
    """:func:`norm_text` over a whole column, vectorised (missing -> '').

    >>> norm_series(pd.Series(["Bain & Co.", None, "JPMorganChase"])).tolist()
    ['bain and co', '', 'jpmorgan chase']
    """
    s = pd.Series(values, copy=False).astype("str")
    s = s.where(s.notna(), "")
    s = s.str.replace(r"([a-z]{3})([A-Z])", r"\1 \2", regex=True).str.lower()
    s = s.str.replace("&", " and ", regex=False)
    return s.str.replace(r"[^\w]+", " ", regex=True).str.strip()


@dataclass(frozen=True)
class TextColumn:
    """A text column stored as codes into its distinct values, normalised once.

    Real columns repeat a lot (a few thousand companies and titles among a million people),
    so keyword searches run over the distinct values only and are spread back by code.

    >>> col = TextColumn.from_values(pd.Series(["Global Payments", None, "Global Payments"]))
    >>> col.contains(keyword_pattern(["payments"], capture=False)).tolist()
    [True, False, True]
    >>> col.full().tolist()
    ['global payments', '', 'global payments']
    """

    codes: np.ndarray
    uniques: pd.Series

    @classmethod
    def from_values(cls, values: pd.Series) -> TextColumn:
        codes, uniques = pd.factorize(pd.Series(values, copy=False), use_na_sentinel=True)
        norm = norm_series(pd.Series(np.asarray(uniques, dtype=object), dtype="str"))
        return cls(np.asarray(codes, dtype=np.int64), norm.reset_index(drop=True))

    def __len__(self) -> int:
        return len(self.codes)

    def _spread(self, per_unique: np.ndarray, fill: object) -> np.ndarray:
        if len(self.uniques) == 0:
            return np.full(len(self.codes), fill, dtype=np.asarray(per_unique).dtype if len(per_unique) else object)
        out = np.asarray(per_unique)[np.maximum(self.codes, 0)]
        return np.where(self.codes >= 0, out, fill)

    def contains(self, pattern: str) -> np.ndarray:
        """Boolean array: the regex matches the normalised text."""
        if len(self.uniques) == 0:
            return np.zeros(len(self.codes), dtype=bool)
        hits = self.uniques.str.contains(pattern, regex=True).to_numpy(dtype=bool)
        return self._spread(hits, False).astype(bool)

    def isin(self, values: set[str]) -> np.ndarray:
        """Boolean array: the normalised text is one of ``values``."""
        if len(self.uniques) == 0:
            return np.zeros(len(self.codes), dtype=bool)
        return self._spread(self.uniques.isin(values).to_numpy(dtype=bool), False).astype(bool)

    def extract(self, pattern: str) -> np.ndarray:
        """Object array: the first capture group of ``pattern`` (None where it does not match)."""
        if len(self.uniques) == 0:
            return np.full(len(self.codes), None, dtype=object)
        found = self.uniques.str.extract(pattern, expand=False).to_numpy(dtype=object)
        found = np.where(pd.isna(found), None, found)
        return self._spread(found, None).astype(object)

    def known(self) -> np.ndarray:
        """Boolean array: a non-empty value is present."""
        if len(self.uniques) == 0:
            return np.zeros(len(self.codes), dtype=bool)
        return self._spread((self.uniques != "").to_numpy(dtype=bool), False).astype(bool)

    def group_codes(self) -> np.ndarray:
        """Codes equal for equal normalised text (-1 for missing or empty)."""
        if len(self.uniques) == 0:
            return np.full(len(self.codes), -1, dtype=np.int64)
        ucodes, _ = pd.factorize(self.uniques.where(self.uniques != "", None), use_na_sentinel=True)
        return self._spread(np.asarray(ucodes, dtype=np.int64), -1).astype(np.int64)

    def full(self) -> pd.Series:
        """The normalised text of every row ('' for missing)."""
        return pd.Series(self._spread(self.uniques.to_numpy(dtype=object), ""), dtype="str")

    def take(self, rows: np.ndarray) -> TextColumn:
        """The column for a subset of rows."""
        return TextColumn(self.codes[rows], self.uniques)
