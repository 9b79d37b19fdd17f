"""The industry taxonomy: title keywords, company keywords and example employers per industry.

The shipped taxonomy is ``netanalytics/data/industries.toml`` (at least 30 industries);
:func:`load_taxonomy` merges a user TOML file of the same shape on top of it, so a user can
add an industry or replace one.

>>> tax = load_taxonomy()
>>> len(tax) >= 30
True
>>> classify_company("Bluefin Payments", "Product Manager", tax)
('fintech', "company name contains 'payments'")
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from netanalytics.errors import InputError

__all__ = ["Industry", "classify_company", "keyword_pattern", "load_taxonomy", "TextColumn", "norm_series", "norm_text"]


@dataclass(frozen=True)
class Industry:
    """One industry of the taxonomy."""

    key: str
    label: str
    title_keywords: tuple[str, ...] = field(default_factory=tuple)
    company_keywords: tuple[str, ...] = field(default_factory=tuple)
    example_employers: tuple[str, ...] = field(default_factory=tuple)


def norm_text(text: object) -> str:
    """Lower-case, '&' -> 'and', punctuation to spaces, single spaces.

    >>> norm_text("  McKinsey & Company, Inc. ")
    'mckinsey and company inc'
    >>> norm_text("LedgerlyPay")
    'ledgerly pay'
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    value = re.sub(r"(?<=[a-z]{3})(?=[A-Z])", " ", str(text)).lower().replace("&", " and ")
    value = re.sub(r"[^\w]+", " ", value)
    return " ".join(value.split())


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


def _parse(data: dict, where: str) -> dict[str, Industry]:
    table = data.get("industries")
    if not isinstance(table, dict):
        raise InputError(where, "an [industries.<name>] table", "no [industries] table")
    out: dict[str, Industry] = {}
    for key, entry in table.items():
        if not isinstance(entry, dict):
            raise InputError(where, f"a table for industry '{key}'", type(entry).__name__)
        lists = {}
        for name in ("title_keywords", "company_keywords", "example_employers"):
            value = entry.get(name, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InputError(where, "a list of strings", repr(value), field=f"industries.{key}.{name}")
            lists[name] = tuple(value)
        if not any(lists.values()):
            raise InputError(
                where, "title_keywords, company_keywords or example_employers", "none of them",
                field=f"industries.{key}",
            )
        out[key.lower()] = Industry(key=key.lower(), label=str(entry.get("label", key)), **lists)
    return out


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Industry]:
    text = resources.files("netanalytics").joinpath("data/industries.toml").read_text("utf-8")
    return _parse(tomllib.loads(text), "industries.toml")


def load_taxonomy(extra_path: str | Path | None = None) -> dict[str, Industry]:
    """The shipped taxonomy, with the user's TOML file (if given) merged over it.

    >>> load_taxonomy()["fintech"].label
    'Financial technology'
    """
    taxonomy = dict(_shipped())
    if extra_path is not None:
        path = Path(extra_path)
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise InputError(f"Taxonomy file {path} does not exist.") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(str(path), "a TOML file", f"invalid TOML ({exc})") from None
        taxonomy.update(_parse(data, str(path)))
    return taxonomy


def classify_company(
    company: str | None, position: str | None = None, taxonomy: dict[str, Industry] | None = None
) -> tuple[str | None, str]:
    """The most likely industry of a company (and job title), with the reason in words.

    Example employers beat company keywords, which beat title keywords; returns
    ``(None, "no industry keyword matched")`` when nothing matches.

    >>> classify_company("Harborview Health", None)
    ('healthcare', "company name contains 'health'")
    >>> classify_company("Acme", "Senior Underwriter")
    ('insurance', "title contains 'underwriter'")
    """
    tax = taxonomy if taxonomy is not None else load_taxonomy()
    comp = norm_text(company)
    pos = norm_text(position)
    if comp:
        for ind in tax.values():
            for employer in ind.example_employers:
                if norm_text(employer) == comp:
                    return ind.key, f"{company} is a {ind.label.lower()} employer"
        best: tuple[int, str, str] | None = None
        for ind in tax.values():
            m = re.search(keyword_pattern(ind.company_keywords), comp)
            if m and (best is None or len(m.group(1)) > best[0]):
                best = (len(m.group(1)), ind.key, m.group(1))
        if best:
            return best[1], f"company name contains '{best[2]}'"
    if pos:
        best = None
        for ind in tax.values():
            m = re.search(keyword_pattern(ind.title_keywords), pos)
            if m and (best is None or len(m.group(1)) > best[0]):
                best = (len(m.group(1)), ind.key, m.group(1))
        if best:
            return best[1], f"title contains '{best[2]}'"
    return None, "no industry keyword matched"


def norm_series(values: pd.Series) -> pd.Series:
    """:func:`norm_text` over a whole column, vectorised (missing -> '').

    >>> norm_series(pd.Series(["Bain & Co.", None, "LedgerlyPay"])).tolist()
    ['bain and co', '', 'ledgerly pay']
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

    >>> col = TextColumn.from_values(pd.Series(["Bluefin Payments", None, "Bluefin Payments"]))
    >>> col.contains(keyword_pattern(["payments"], capture=False)).tolist()
    [True, False, True]
    >>> col.full().tolist()
    ['bluefin payments', '', 'bluefin payments']
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
