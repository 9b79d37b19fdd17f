"""Benchmark: company -> industry and title -> function/seniority on the *blind* sets.

``benchmarks/devsets/blind/`` holds two sets written from knowledge of the real world by
someone who did not look at the bundled organisation list or title data (see the README
there), so the figures say how recognition does on names and titles nobody tuned for:

- ``companies.csv`` (name, expected, alternatives, kind, region): real organisations in the
  forms people write them on LinkedIn, plus unknowable rows (blank ``expected``);
- ``titles.csv`` (title, function, seniority, language): real titles in English, Spanish,
  Portuguese, French and German; a cell may accept several keys (``entry;manager``), a
  blank cell means nobody could tell.

Printed, never the names themselves (so nobody tunes the data to this set):

- companies: accuracy (an accepted key among the answer's industries; and the primary
  industry accepted), coverage (share answered), the share of answers that are wrong, and
  the false-industry rate on unknowable rows, overall and by kind, region and source;
- titles, once ``netanalytics.recognition.titles.read_title`` exists: function and
  seniority accuracy and coverage, overall and by language; seniority also as if "no level
  found" meant entry (LinkedIn's level for individual contributors without a marker).

``--show-misses`` prints the failing rows too, for a deliberate post-mortem only.

    .venv/bin/python benchmarks/bench_blind.py [--show-misses]
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

BLIND = Path(__file__).parent / "devsets" / "blind"
COMPANIES = BLIND / "companies.csv"
TITLES = BLIND / "titles.csv"
COMPANY_COLUMNS = ("name", "expected", "alternatives", "kind", "region")
TITLE_COLUMNS = ("title", "function", "seniority", "language")
KINDS = ("listed", "private", "startup", "university", "school", "hospital", "government",
         "nonprofit", "agency", "law", "accounting", "consulting", "other")
REGIONS = ("US", "UK", "EU", "IN", "LATAM", "APAC", "OTHER")
LANGUAGES = ("en", "es", "pt", "fr", "de")
# LinkedIn's 26 job functions and 10 seniority levels, as keys (issue 8).
FUNCTIONS = (
    "accounting", "administrative", "arts_and_design", "business_development",
    "community_and_social_services", "consulting", "customer_success_and_support", "education",
    "engineering", "entrepreneurship", "finance", "healthcare_services", "human_resources",
    "information_technology", "legal", "marketing", "media_and_communication",
    "military_and_protective_services", "operations", "product_management",
    "program_and_project_management", "purchasing", "quality_assurance", "real_estate",
    "research", "sales",
)
SENIORITIES = ("unpaid", "training", "entry", "senior", "manager", "director", "vp", "cxo",
               "partner", "owner")
TITLES_MODULE = "netanalytics.recognition.titles"


def keys(cell: str | None) -> tuple[str, ...]:
    """The keys in a cell: ``"fintech;software"`` -> ``("fintech", "software")``; blank -> ``()``.

    >>> keys(" entry ; manager "), keys("")
    (('entry', 'manager'), ())
    """
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def load(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a blind set, after checking its header is exactly ``columns``."""
    from netanalytics.errors import InputError

    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != columns:
            raise InputError(str(path), f"the header {','.join(columns)}",
                             ",".join(reader.fieldnames or ()) or "no header", line=1)
        return [dict(row) for row in reader]


@dataclass
class Tally:
    """Counts for one group of company rows."""

    known: int = 0  # rows with an expected industry
    answered: int = 0  # ... of which got an answer
    right_any: int = 0  # ... an accepted key among the answer's industries
    right_primary: int = 0  # ... the answer's primary industry accepted
    unknowable: int = 0  # rows nobody could label
    invented: int = 0  # ... of which got an industry anyway

    def add(self, accepted: tuple[str, ...], got: tuple[str, ...]) -> None:
        if not accepted:
            self.unknowable += 1
            self.invented += bool(got)
            return
        self.known += 1
        self.answered += bool(got)
        self.right_any += any(k in accepted for k in got)
        self.right_primary += bool(got) and got[0] in accepted


@dataclass
class CompanyScore:
    """Company-set figures by group (``("all", "")``, ``("kind", "law")``...) and the misses."""

    tallies: dict[tuple[str, str], Tally] = field(default_factory=lambda: collections.defaultdict(Tally))
    misses: list[tuple[str, str, str, tuple[str, ...], str]] = field(default_factory=list)


def score_companies(
    rows: Iterable[dict[str, str]], recognise: Callable[[str], Any]
) -> CompanyScore:
    """Score ``recognise(name)`` (an answer with ``.industries`` and ``.source``, or None).

    >>> class A:
    ...     industries, source = ("fintech", "software"), "gazetteer"
    >>> rows = [{"name": "Stripe", "expected": "fintech", "alternatives": "", "kind": "startup",
    ...          "region": "US"}, {"name": "Freelance", "expected": "", "alternatives": "",
    ...          "kind": "other", "region": "OTHER"}]
    >>> score = score_companies(rows, lambda name: A() if name == "Stripe" else None)
    >>> t = score.tallies[("all", "")]
    >>> (t.known, t.right_any, t.unknowable, t.invented)
    (1, 1, 1, 0)
    """
    score = CompanyScore()
    for row in rows:
        accepted = keys(row["expected"]) + keys(row["alternatives"])
        answer = recognise(row["name"])
        got = tuple(answer.industries) if answer is not None else ()
        source = answer.source if answer is not None else "none"
        for group in (("all", ""), ("kind", row["kind"]), ("region", row["region"]),
                      ("source", source)):
            score.tallies[group].add(accepted, got)
        wrong = any(k not in accepted for k in got[:1]) if accepted else bool(got)
        if wrong or (accepted and not got):
            score.misses.append((row["kind"], row["name"], ";".join(accepted) or "-", got, source))
    return score


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "     -"


def print_companies(score: CompanyScore, show_misses: bool, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    print(f"{'company -> industry':<26}{'known':>6}{'right':>8}{'primary':>8}{'answered':>9}"
          f"{'wrong*':>8}{'unknowable':>11}{'invented':>9}", file=out)
    order = {"all": 0, "kind": 1, "region": 2, "source": 3}
    for (dim, value), t in sorted(score.tallies.items(), key=lambda kv: (order[kv[0][0]], -kv[1].known - kv[1].unknowable)):
        label = "all rows" if dim == "all" else f"{dim} {value}"
        wrong = t.answered - t.right_any
        print(f"{label:<26}{t.known:>6}{_pct(t.right_any, t.known):>8}{_pct(t.right_primary, t.known):>8}"
              f"{_pct(t.answered, t.known):>9}{_pct(wrong, t.answered):>8}"
              f"{t.unknowable:>11}{_pct(t.invented, t.unknowable):>9}", file=out)
    print("right: an accepted industry among the answer's; primary: the answer's first one accepted;"
          " answered: coverage; wrong*: share of answers with no accepted industry;"
          " invented: unknowable rows given an industry (target 0)", file=out)
    if show_misses:
        print("\ncompany misses (kind, name, accepted, answer, source):", file=out)
        for miss in sorted(score.misses):
            print("   ", miss, file=out)


def title_reader() -> Callable[[str], Any] | None:
    """``read_title`` from the titles recogniser, or None while it does not exist yet."""
    try:
        module = importlib.import_module(TITLES_MODULE)
    except ModuleNotFoundError as err:
        if err.name != TITLES_MODULE:
            raise
        return None
    return getattr(module, "read_title", None)


@dataclass
class Axis:
    """Counts for one axis (function or seniority) of one group of titles."""

    labelled: int = 0
    answered: int = 0
    right: int = 0
    right_if_none_is_entry: int = 0  # the same, reading "no level found" as entry (LinkedIn's default)
    blank_answered: int = 0  # answers given where the set says nobody could tell (not an error)
    blank: int = 0


def score_titles(
    rows: Iterable[dict[str, str]], read: Callable[[str], Any]
) -> tuple[dict[tuple[str, str], Axis], list[tuple[str, str, str, str, Any]]]:
    """Score ``read(title)`` (an answer with ``.function`` and ``.seniority``, or None).

    Returns the counts by (axis, language or "all") and the misses.

    >>> class A:
    ...     function, seniority = "product_management", "senior"
    >>> rows = [{"title": "Sr. PM", "function": "product_management", "seniority": "senior",
    ...          "language": "en"}]
    >>> counts, misses = score_titles(rows, lambda t: A())
    >>> counts[("function", "all")].right, counts[("seniority", "en")].right, misses
    (1, 1, [])
    """
    counts: dict[tuple[str, str], Axis] = collections.defaultdict(Axis)
    misses = []
    for row in rows:
        answer = read(row["title"])
        for axis in ("function", "seniority"):
            accepted = keys(row[axis])
            got = getattr(answer, axis, None) if answer is not None else None
            for group in ("all", row["language"]):
                cell = counts[(axis, group)]
                if not accepted:
                    cell.blank += 1
                    cell.blank_answered += got is not None
                    continue
                cell.labelled += 1
                cell.answered += got is not None
                cell.right += got in accepted
                cell.right_if_none_is_entry += (got or "entry") in accepted
            if accepted and got not in accepted:
                misses.append((axis, row["language"], row["title"], row[axis], got))
    return counts, misses


def print_titles(
    counts: dict[tuple[str, str], Axis], misses: list, show_misses: bool, out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    print(f"{'title -> function/seniority':<30}{'labelled':>9}{'right':>8}{'answered':>9}"
          f"{'blank, answered':>17}{'none=entry':>11}", file=out)
    for axis in ("function", "seniority"):
        for group in ("all", *LANGUAGES):
            c = counts.get((axis, group))
            if c is None:
                continue
            print(f"{axis + ' ' + group:<30}{c.labelled:>9}{_pct(c.right, c.labelled):>8}"
                  f"{_pct(c.answered, c.labelled):>9}{c.blank_answered:>8}/{c.blank:<8}"
                  f"{_pct(c.right_if_none_is_entry, c.labelled) if axis == 'seniority' else '':>11}", file=out)
    print("right: the answer is one of the accepted keys (unanswered counts as wrong);"
          " blank, answered: rows nobody could label that got an answer anyway (not scored);"
          " none=entry: seniority right if 'no level found' is read as entry", file=out)
    if show_misses:
        print("\ntitle misses (axis, language, title, accepted, answer):", file=out)
        for miss in sorted(misses, key=str):
            print("   ", miss, file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true",
                        help="also print the failing names and titles (post-mortem only)")
    args = parser.parse_args(argv)

    from netanalytics.recognition.companies import recognise_company

    companies = load(COMPANIES, COMPANY_COLUMNS)
    known = sum(bool(keys(r["expected"])) for r in companies)
    print(f"blind company set: {len(companies)} names ({known} known organisations, "
          f"{len(companies) - known} unknowable)")
    started = time.perf_counter()
    score = score_companies(companies, recognise_company)
    elapsed = time.perf_counter() - started
    print_companies(score, args.show_misses)
    print(f"({elapsed * 1000:.0f} ms for {len(companies)} names, cold caches)")

    titles = load(TITLES, TITLE_COLUMNS)
    print(f"\nblind title set: {len(titles)} titles "
          f"({dict(collections.Counter(r['language'] for r in titles))})")
    read = title_reader()
    if read is None:
        print(f"title recognition not available yet ({TITLES_MODULE}.read_title does not exist)")
        return 0
    counts, misses = score_titles(titles, read)
    print_titles(counts, misses, args.show_misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
