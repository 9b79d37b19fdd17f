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

from netanalytics.errors import InputError, NotFoundError
from netanalytics.safety import read_text_input
from netanalytics.text import keyword_pattern, norm_text

__all__ = ["Industry", "classify_company", "load_taxonomy"]


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
        try:
            data = tomllib.loads(read_text_input(path))
        except NotFoundError:
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
