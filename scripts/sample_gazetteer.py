"""Read the bundled gazetteer for sense: a few organisations of every industry, and its biggest blocks.

A mapping mistake shows as a group of names that plainly are not what their industry says
(every Bursa Malaysia listing once came as "Specialty Retail"). This prints, for each primary
industry, how many organisations carry it and a seeded random sample with where each came
from (source, source category, country); then the largest (source, category, country) blocks,
where a placeholder pasted on a whole exchange stands out.

    .venv/bin/python scripts/sample_gazetteer.py                   # 6 names per industry, then blocks
    .venv/bin/python scripts/sample_gazetteer.py --per 15 --industry telecom --source financedatabase
    .venv/bin/python scripts/sample_gazetteer.py --blocks 40 --per 0

Fix what reads wrong in ``scripts/sources/organisations/industry_map.toml`` (a whole category)
or the curated list (one company), never by loosening matching.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netanalytics.recognition.companies import Organisation, gazetteer  # noqa: E402


def sample_by_industry(
    organisations: list[Organisation], per: int, seed: int = 1
) -> dict[str, tuple[int, list[Organisation]]]:
    """Each primary industry's count and up to ``per`` organisations drawn at random (seeded).

    >>> orgs = [Organisation("A", ("media",), None, "US", "US", "listed", "sec")] * 3
    >>> count, drawn = sample_by_industry(orgs, 2)["media"]
    >>> count, len(drawn)
    (3, 2)
    """
    by_industry: dict[str, list[Organisation]] = collections.defaultdict(list)
    for org in organisations:
        by_industry[org.industries[0]].append(org)
    rng = random.Random(seed)
    return {
        industry: (len(orgs), rng.sample(orgs, min(per, len(orgs))))
        for industry, orgs in sorted(by_industry.items(), key=lambda item: -len(item[1]))
    }


def largest_blocks(organisations: list[Organisation], top: int) -> list[tuple[tuple[str, str, str, str], int]]:
    """The ``top`` biggest groups sharing source, source category, country and primary industry.

    >>> orgs = [Organisation("A", ("retail",), "Specialty Retail", "MY", "APAC", "listed", "financedatabase")] * 2
    >>> largest_blocks(orgs, 1)
    [(('financedatabase', 'Specialty Retail', 'MY', 'retail'), 2)]
    """
    counts = collections.Counter(
        (org.source, org.sub_industry or "", org.country or "", org.industries[0]) for org in organisations
    )
    return counts.most_common(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per", type=int, default=6, help="names shown per industry")
    parser.add_argument("--industry", action="append", help="only these primary industries (repeatable)")
    parser.add_argument("--source", action="append", help="only these sources: curated, sp500, financedatabase, sec, "
                        "universities, cms_hospitals (repeatable)")
    parser.add_argument("--blocks", type=int, default=25, help="largest (source, category, country) blocks shown")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    organisations = [
        org for org in gazetteer().organisations()
        if (not args.source or org.source in args.source)
        and (not args.industry or org.industries[0] in args.industry)
    ]
    print(f"{len(organisations):,} organisations")
    if args.per:
        for industry, (count, drawn) in sample_by_industry(organisations, args.per, args.seed).items():
            print(f"\n{industry} ({count:,})")
            for org in drawn:
                extra = ",".join(org.industries[1:])
                print(f"  {org.name[:48]:<48} {('+' + extra) if extra else '':<22} {org.source:<15} "
                      f"{(org.sub_industry or '')[:38]:<38} {org.country or ''}")
    if args.blocks:
        print("\nlargest blocks (source, category, country, primary industry):")
        for (source, category, country, industry), count in largest_blocks(organisations, args.blocks):
            print(f"  {count:>5}  {source:<15} {category[:44]:<44} {country:<3} {industry}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
