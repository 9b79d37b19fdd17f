"""The industry taxonomy: title keywords, company keywords and example employers per industry.

The shipped taxonomy is ``netanalytics/data/industries.toml`` (at least 30 industries);
:func:`load_taxonomy` merges a user TOML file of the same shape on top of it, so a user can
add an industry or replace one.

>>> tax = load_taxonomy()
>>> len(tax) >= 30
True
>>> classify_company("Vantage Therapeutics", "Product Manager", tax)
('biotech', "company name contains 'therapeutics'")
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from netanalytics.errors import InputError
from netanalytics.safety import read_toml_input
from netanalytics.text import keyword_pattern, norm_text

__all__ = ["Industry", "classify_company", "company_keyword_match", "keyword_matcher", "load_taxonomy"]


@dataclass(frozen=True)
class Industry:
    """One industry of the taxonomy."""

    key: str
    label: str
    title_keywords: tuple[str, ...] = field(default_factory=tuple)
    company_keywords: tuple[str, ...] = field(default_factory=tuple)
    example_employers: tuple[str, ...] = field(default_factory=tuple)


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
        data = read_toml_input(path, "taxonomy file")
        taxonomy.update(_parse(data, str(path)))
    return taxonomy


@lru_cache(maxsize=8)
def _keyword_owners(
    spec: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[dict[tuple[str, ...], int], int]:
    """Each keyword (as a tuple of words) and the first industry (by order) that lists it."""
    owner: dict[tuple[str, ...], int] = {}
    for rank, (_key, keywords) in enumerate(spec):
        for word in keywords:
            words = tuple(norm_text(word).split())
            if words:
                owner.setdefault(words, rank)
    return owner, max((len(w) for w in owner), default=0)


def keyword_matcher(taxonomy: dict[str, Industry]) -> Callable[[str], tuple[str, str] | None]:
    """A function from a normalised name to (industry, keyword) by the company-keyword rule.

    The rule: the longest company keyword found as whole word(s) wins; ties go to the
    industry listed first in the taxonomy. Keywords are looked up by word n-grams, built once
    per taxonomy: this runs on every distinct company of a pooled network.
    """
    spec = tuple((ind.key, ind.company_keywords) for ind in taxonomy.values())
    owner, longest = _keyword_owners(spec)

    # A keyword can only start at a word that starts one: most names hold none and are
    # answered by one set test.
    first_words = frozenset(words[0] for words in owner)

    def match(normalized_name: str) -> tuple[str, str] | None:
        words = normalized_name.split()
        if first_words.isdisjoint(words):
            return None
        n = len(words)
        best: tuple[int, int, str] | None = None
        for start in range(n):
            if words[start] not in first_words:
                continue
            for size in range(min(longest, n - start), 0, -1):
                gram = tuple(words[start:start + size])
                rank = owner.get(gram)
                if rank is not None:
                    text = " ".join(gram)
                    candidate = (-len(text), rank, text)
                    if best is None or candidate < best:
                        best = candidate
        return (spec[best[1]][0], best[2]) if best else None

    return match


def company_keyword_match(
    normalized_name: str, taxonomy: dict[str, Industry]
) -> tuple[str, str] | None:
    """The industry whose company keyword is the longest whole word(s) in the name, and the keyword.

    ``normalized_name`` is :func:`netanalytics.text.norm_text` of the name (see
    :func:`keyword_matcher` for the rule).

    >>> company_keyword_match("vantage therapeutics", load_taxonomy())
    ('biotech', 'therapeutics')
    >>> company_keyword_match("acme", load_taxonomy()) is None
    True
    """
    return keyword_matcher(taxonomy)(normalized_name)


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
        found = company_keyword_match(comp, tax)
        if found:
            return found[0], f"company name contains '{found[1]}'"
    if pos:
        best = None
        for ind in tax.values():
            m = re.search(keyword_pattern(ind.title_keywords), pos)
            if m and (best is None or len(m.group(1)) > best[0]):
                best = (len(m.group(1)), ind.key, m.group(1))
        if best:
            return best[1], f"title contains '{best[2]}'"
    return None, "no industry keyword matched"
