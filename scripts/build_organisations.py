"""Build the bundled gazetteer of organisations, ``netanalytics/data/organisations.tsv``.

Reproducible: it reads only the pinned extracts under ``scripts/sources/organisations/``
(each checked against the sha256 in ``PINS.toml``) and writes the same bytes every time.

    python scripts/build_organisations.py            # rebuild the TSV
    python scripts/build_organisations.py --check    # exit 1 if the TSV is not up to date
    python scripts/build_organisations.py extract --sp500 constituents.csv \\
        --universities world_universities_and_domains.json --financedatabase database/equities \\
        --cms-hospitals "Hospital General Information.csv" \\
        --sec-tickers company_tickers.parquet --sec-sic distribution_cache.csv.gz
        # refresh the extracts from checkouts of the pinned upstream files (then update PINS)

Sources, most trusted first (a name claimed by two goes to the first):
1. ``curated/*.csv``: our hand-written list (facts: name, aliases, industries, country, kind);
2. ``sp500_constituents.csv``: S&P 500, GICS sub-industry (PDDL);
3. ``financedatabase_equities.csv``: large, mid and mega caps of FinanceDatabase (MIT);
4. ``universities.csv``: universities worldwide, from Hipo's university-domains-list (MIT);
5. ``us_hospitals.csv``: Medicare-registered US hospitals, from CMS's Hospital General
   Information (a US Government work, public domain);
6. ``sec_listed.csv``: companies listed on NYSE and Nasdaq that file annual reports with the
   SEC, with the SIC code the SEC assigned them (names and exchanges from edgartools' bundled
   SEC ticker list, MIT; SIC codes from the SEC's submissions, public domain), ranked after the
   market-data sources because SIC is coarser than GICS.
Between two listed companies with the same name, the larger market-cap class wins, then
the country earlier in ``COUNTRY_ORDER`` (the bigger job market), then the name.

Each organisation is keyed by its normalised name and by its aliases (explicit for the
curated list; for listed companies also the name without a trailing "Group", "Holdings",
"Corporation"... when that is still two letters or more and claimed by nobody else).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import math
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "sources" / "organisations"
OUTPUT = ROOT / "netanalytics" / "data" / "organisations.tsv"
sys.path.insert(0, str(ROOT))

from netanalytics.recognition.companies import (  # noqa: E402
    _clean_words,
    is_unknowable,
    lookup_key,
    normalize_company,
    recognise_pattern,
)
from netanalytics.text import norm_text  # noqa: E402

COLUMNS = ("key", "name", "industries", "sub_industry", "country", "region", "kind", "source")
SOURCE_RANK = {"curated": 0, "sp500": 1, "financedatabase": 2, "sec": 3, "universities": 4, "cms_hospitals": 5}
SIZE_RANK = {"Mega Cap": 0, "Large Cap": 1, "Mid Cap": 2, "": 3}
COUNTRY_ORDER = ("US", "GB", "IN", "DE", "FR", "CA", "AU", "NL", "ES", "IT", "BR", "MX", "SG", "JP", "CH", "SE", "IE")
KINDS = frozenset({"private", "listed", "university", "hospital", "government", "nonprofit"})
# Trailing words dropped to make a listed company's extra alias ("Goldman Sachs Group" -> "Goldman Sachs").
GENERIC_TAIL = re.compile(
    r"\s(?:group|holdings?|corporation|companies|company|incorporated|plc|the|technologies|technology|"
    r"industries|international|worldwide|global|enterprises|brands|systems|solutions)$"
)
FD_EXCHANGE_JUNK = re.compile(
    r"ishares|\bdrn\b|drn$|\badr\b|sp\.adr|\bnvdr\b|\bdl[- ]|\beo[- ]|o\.n\.?$|\binh\b|\bnam\b|"
    r"\bpfd\b|\brp \d|\d/\d|%|\bfrn\b|\bbds\b|\bnts\b|-,|\bperp|\bnotes?\b|\bsub\b|\bgtd\b|"
    r"\betfs?\b|\betc\b|\bfund\b|\bindex\b|\btracker\b|\bwarrants?\b|\bunits?\b",
    re.IGNORECASE,
)
FD_CLASS = re.compile(r"\s+(?:class|cl\.?|series)\s+[a-z]\b.*$", re.IGNORECASE)


# Words too common to stand alone as a derived alias ("ALSO Holding AG" is not "also").
COMMON_WORDS = frozenset({
    "also", "reply", "one", "two", "first", "next", "united", "general", "national", "american",
    "international", "global", "new", "best", "great", "royal", "central", "standard", "pacific",
    "atlantic", "southern", "northern", "eastern", "western", "public", "continental",
    "universal", "capital", "summit", "pioneer", "premier", "alliance", "liberty", "apex",
    "man", "vat", "erg", "key", "art", "sun", "sky", "air", "sea", "gas", "oil", "car", "bus",
    "net", "web", "app", "box", "pay", "data", "tech", "digital", "smart", "green", "blue",
    "red", "star", "home", "life", "care", "health", "energy", "power", "world", "media",
    "advanced", "applied", "integrated", "interactive", "strategic", "modern", "future",
    "crown", "imperial", "supreme", "agile", "prime", "elite", "noble", "regal", "empire",
    # English words that name listed companies once their sector word is gone
    "intuitive", "align", "monster", "discover", "regions", "citizens", "popular", "jazz",
    "arch", "ross", "ball", "target", "gap", "vertex", "matrix", "edge", "insight",
    "vision", "focus", "signature", "heritage", "legacy", "landmark", "frontier", "horizon",
    "keystone", "cornerstone", "patriot", "eagle", "falcon", "phoenix", "titan", "atlas",
    "genesis", "nexus", "vector", "pinnacle", "vanguard", "sterling", "granite", "diamond",
    "marathon", "constellation", "mosaic", "catalyst", "element", "evolution", "harmony",
    "unity", "trinity", "victory", "triumph", "fortune", "bright", "clear", "true", "pure",
    "open", "direct", "simple", "total", "complete", "select", "choice", "quality", "value",
    "service", "system", "network", "group", "holding", "partners", "solutions", "industries",
    "enterprise", "enterprises", "trust", "mutual", "federal", "community",
    "peoples", "merchants", "farmers", "commerce", "security", "guaranty", "fidelity",
    "independence", "freedom", "republic", "union", "state", "city", "county", "valley",
    "river", "lake", "mountain", "ocean", "harbor", "bay", "park", "north", "south", "east",
    "west", "midwest", "coastal", "island", "old", "second", "third",
})


# Trailing sector words people leave out when they write a listed company's name: "Valero"
# for Valero Energy, "Occidental" for Occidental Petroleum, "Fifth Third" for Fifth Third
# Bancorp. Dropped one at a time after the generic tails above.
SECTOR_TAIL = re.compile(
    r"\s(?:energy|energies|petroleum|oil|oil and gas|resources|pharmaceuticals?|pharma|"
    r"therapeutics|biosciences|biotherapeutics|airlines|air lines|airways|motors?|foods?|"
    r"financial|financial services|bancorp|bancorporation|bancshares|bankshares|banc corp|"
    r"semiconductors?|communications|entertainment|railroad|railway|realty|properties|"
    r"laboratories|labs|networks|software|healthcare|health|insurance|chemicals?|steel|"
    r"electric|utilities|petrochemical|mining|minerals|materials|capital)$"
)
# A word found after the first word of at least this many names of the sources ("University of
# Southern California", "Manchester United") is too common to stand alone.
COMMON_IN_NAMES = 3
# Cities of at least this many people are place names, never a company's short form.
PLACE_POPULATION = 100_000


def place_words() -> set[str]:
    """Countries, first-level regions and cities of 100,000 people or more, normalised."""
    data = ROOT / "netanalytics" / "data"
    names: set[str] = set()
    for name in ("places_countries.tsv", "places_admin1.tsv"):
        lines = (data / name).read_text("utf-8").splitlines()
        names.update(line.split("\t")[1] for line in lines[2:] if line)
    with gzip.open(data / "places_cities.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh.read().splitlines()[2:]:
            cells = line.split("\t")
            if len(cells) >= 6 and cells[5].isdigit() and int(cells[5]) >= PLACE_POPULATION:
                names.add(cells[0])
    return {normalize_company(n) for n in names}


def common_words(candidates: list[Candidate]) -> frozenset[str]:
    """Words that cannot stand alone as a short form: the fixed list, place names, and words
    found in COMMON_IN_NAMES or more names of the sources."""
    counts: dict[str, int] = {}
    for norm in {normalize_company(cand.name) for cand in candidates}:
        for word in set(norm.split()[1:]):  # a company's own name starts with its short form
            counts[word] = counts.get(word, 0) + 1
    frequent = {w for w, n in counts.items() if n >= COMMON_IN_NAMES}
    return frozenset(COMMON_WORDS | frequent | place_words())


def short_forms(norm: str) -> list[str]:
    """Shorter forms of a listed company's normalised name, longest first: generic tails
    ("Group", "Holdings") dropped, then sector words ("Energy", "Bancorp") one at a time.

    >>> short_forms("valero energy")
    ['valero']
    >>> short_forms("goldman sachs group")
    ['goldman sachs']
    """
    out: list[str] = []
    current = norm
    while True:
        shorter = GENERIC_TAIL.sub("", current)
        if shorter == current:
            shorter = SECTOR_TAIL.sub("", current)
        if shorter == current or len(shorter) < 2:
            return out
        out.append(shorter)
        current = shorter


def unstripped_key(text: str) -> str:
    """The key of ``text`` with its legal forms kept (a leading "The" dropped)."""
    words = _clean_words(text)
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return lookup_key(" ".join(words))


def derived_alias_is_safe(norm: str, common: frozenset[str] = frozenset()) -> bool:
    """A name shortened by dropping "Group", "Holdings", "Energy"... is an alias only if it
    still names something: not a lone common word or place, not one or two letters."""
    words = norm.split()
    if len(words) != 1:
        return True
    return not (len(words[0]) <= 2 or words[0] in COMMON_WORDS or words[0] in common)


def pattern_disagrees(short: str, industries: tuple[str, ...]) -> bool:
    """True when an institution pattern reads a short form as something else: "Orange County"
    (of Orange County Bancorp) reads as a government body, so it is no alias of the bank."""
    answer = recognise_pattern(short)
    return answer is not None and not set(answer.industries) & set(industries)


@dataclass
class Candidate:
    name: str
    industries: tuple[str, ...]
    source: str
    kind: str
    country: str = ""
    sub_industry: str = ""
    aliases: tuple[str, ...] = ()
    size: str = ""
    derived: list[str] = field(default_factory=list)

    def rank(self, strength: int) -> tuple:
        country = COUNTRY_ORDER.index(self.country) if self.country in COUNTRY_ORDER else len(COUNTRY_ORDER)
        return (strength, SOURCE_RANK[self.source], SIZE_RANK.get(self.size, 3), country, self.name)


class BuildError(Exception):
    """A source extract is missing, changed or malformed."""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_pins() -> list[dict]:
    pins = tomllib.loads((SOURCES / "PINS.toml").read_text("utf-8"))["source"]
    for pin in pins:
        for extract, digest in zip(pin["extracts"], pin["extract_sha256"], strict=True):
            path = SOURCES / extract
            if not path.exists():
                raise BuildError(f"{path}: pinned extract is missing")
            if sha256(path) != digest:
                raise BuildError(f"{path}: sha256 {sha256(path)} differs from the pin {digest} in PINS.toml")
    return pins


def taxonomy_keys() -> set[str]:
    data = tomllib.loads((ROOT / "netanalytics" / "data" / "industries.toml").read_text("utf-8"))
    return set(data["industries"])


def load_industry_map() -> dict[str, dict[str, list[str]]]:
    return tomllib.loads((SOURCES / "industry_map.toml").read_text("utf-8"))


def load_regions() -> dict[str, str]:
    regions = tomllib.loads((SOURCES / "regions.toml").read_text("utf-8"))
    return {code: region for region, codes in regions.items() for code in codes}


def load_countries() -> dict[str, str]:
    with (SOURCES / "countries.csv").open(encoding="utf-8", newline="") as fh:
        return {row["name"]: row["iso2"] for row in csv.DictReader(fh)}


def read_csv(name: str) -> list[dict[str, str]]:
    with (SOURCES / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def curated(valid: set[str]) -> list[Candidate]:
    out = []
    for path in sorted((SOURCES / "curated").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                industries = tuple(i.strip() for i in row["industries"].split(";") if i.strip())
                bad = [i for i in industries if i not in valid]
                if not industries or bad:
                    raise BuildError(f"{path.name}, line {line}: industries {row['industries']!r} are not taxonomy keys")
                if row["kind"] not in KINDS:
                    raise BuildError(f"{path.name}, line {line}: kind {row['kind']!r} is not one of {sorted(KINDS)}")
                aliases = tuple(a.strip() for a in row["aliases"].split(";") if a.strip())
                out.append(Candidate(row["name"].strip(), industries, "curated", row["kind"],
                                     row["country"].strip(), row.get("sub_industry", "").strip(), aliases))
    return out


def sp500(mapping: dict[str, list[str]]) -> list[Candidate]:
    out = []
    for row in read_csv("sp500_constituents.csv"):
        sub = row["GICS Sub-Industry"]
        if sub not in mapping:
            raise BuildError(f"sp500_constituents.csv: GICS sub-industry {sub!r} is not in industry_map.toml")
        out.append(Candidate(row["Security"], tuple(mapping[sub]), "sp500", "listed", "US", sub, size="Large Cap"))
    return out


def placeholder_rows(rows: list[dict[str, str]]) -> set[str]:
    """Symbols of FinanceDatabase rows that carry a placeholder, not facts.

    Some exchanges come with one category, country and size pasted on every company (every
    Bursa Malaysia listing is a "Specialty Retail, United States, Large Cap"): when at least
    PLACEHOLDER_ROWS listings of one exchange share one (sector, group, industry, country,
    size) and they are PLACEHOLDER_SHARE of that exchange, none of them is believed. The same
    shape is then not believed on any other non-US exchange either (a Danish property firm and
    a French mutual bank on Berlin and Paris carry it too); on US exchanges it can be true.
    """
    def shape_of(row: dict[str, str]) -> tuple[str, ...]:
        return tuple(row[c] for c in ("sector", "industry_group", "industry", "country", "market_cap"))

    by_exchange: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_exchange.setdefault(row["symbol"].rpartition(".")[2] if "." in row["symbol"] else "", []).append(row)
    out: set[str] = set()
    placeholders: set[tuple[str, ...]] = set()
    for listings in by_exchange.values():
        shapes: dict[tuple[str, ...], list[str]] = {}
        for row in listings:
            shapes.setdefault(shape_of(row), []).append(row["symbol"])
        shape, symbols = max(shapes.items(), key=lambda item: len(item[1]))
        if len(symbols) >= PLACEHOLDER_ROWS and len(symbols) >= PLACEHOLDER_SHARE * len(listings):
            out.update(symbols)
            placeholders.add(shape)
    out.update(row["symbol"] for row in rows if "." in row["symbol"] and shape_of(row) in placeholders)
    return out


PLACEHOLDER_ROWS = 20
PLACEHOLDER_SHARE = 0.9


def financedatabase(maps: dict[str, dict[str, list[str]]], countries: dict[str, str]) -> list[Candidate]:
    out = []
    rows = read_csv("financedatabase_equities.csv")
    placeholders = placeholder_rows(rows)
    for row in rows:
        if row["symbol"] in placeholders:
            continue
        if row["industry"]:
            table, category = maps["financedatabase_industry"], row["industry"]
        elif not row["industry_group"]:
            continue  # a sector alone is too coarse to name an industry
        else:
            table, category = maps["financedatabase_industry_group"], row["industry_group"]
        if category not in table:
            raise BuildError(f"financedatabase_equities.csv: category {category!r} is not in industry_map.toml")
        country = countries.get(row["country"], "")
        out.append(Candidate(row["name"], tuple(table[category]), "financedatabase", "listed",
                             country, category, size=row["market_cap"]))
    return out


# SEC names carry EDGAR's state or country tags ("BANK OF MONTREAL /CAN/", "Fatpipe Inc/UT").
SEC_TAG = re.compile(r"\s*/\s*[A-Za-z]{2,4}/?\s*$|\s*/\s*$")
# Funds, trusts and blank-check companies filed under an operating SIC code.
SEC_JUNK = re.compile(r"\betfs?\b|\bfund\b|\btrust\b.*\b(?:bitcoin|ether|ethereum|gold|silver|crypto)|"
                      r"\b(?:bitcoin|ethereum|ether|solana|xrp)\b.*\btrust\b|\bacquisition corp|\bspac\b", re.IGNORECASE)


def sec_name(name: str) -> str:
    """An SEC conformed name as people write it: EDGAR tags dropped, capitals turned to words.

    >>> sec_name("BANK OF MONTREAL /CAN/"), sec_name("PATTERSON UTI ENERGY INC"), sec_name("Vertex Inc / Ma")
    ('Bank of Montreal', 'Patterson Uti Energy Inc', 'Vertex Inc')
    """
    name = " ".join(SEC_TAG.sub("", name).split())
    if name.upper() != name:
        return name
    small = {"of", "and", "the", "for", "de", "in", "on", "at"}
    words = display_name(name).split()
    return " ".join(w.lower() if i and w.lower() in small else w for i, w in enumerate(words))


def sec_listed(mapping: dict[str, list[str]], excluded: set[str]) -> list[Candidate]:
    """Listed companies of the SEC extract whose SIC code maps to an industry.

    A SIC code is looked up whole, then by its first three and two digits; codes that name no
    industry (blank checks, funds, "business services, not elsewhere classified") are left out.
    """
    out = []
    for row in read_csv("sec_listed.csv"):
        sic = row["sic"]
        if sic in excluded or sic[:3] in excluded or sic[:2] in excluded:
            continue
        if SEC_JUNK.search(row["name"]):
            continue
        industries = mapping.get(sic) or mapping.get(sic[:3]) or mapping.get(sic[:2])
        if industries is None:
            raise BuildError(f"sec_listed.csv: SIC {sic} ({row['name']}) is not in industry_map.toml")
        out.append(Candidate(sec_name(row["name"]), tuple(industries), "sec", "listed", "",
                             f"SIC {sic}"))
    return out


def universities() -> list[Candidate]:
    return [
        Candidate(row["name"], ("education",), "universities", "university", row["iso2"], "Higher Education")
        for row in read_csv("universities.csv")
    ]


def us_hospitals() -> list[Candidate]:
    return [
        Candidate(row["name"], ("healthcare",), "cms_hospitals", "hospital", "US", row["hospital_type"])
        for row in read_csv("us_hospitals.csv")
    ]


def build_rows() -> tuple[list[tuple[str, ...]], list[tuple[str, str]]]:
    load_pins()
    valid = taxonomy_keys()
    maps = load_industry_map()
    sec_excluded = set(maps.pop("sec_sic_excluded", {}).get("codes", []))
    for section in maps.values():
        for category, keys in section.items():
            bad = [k for k in keys if k not in valid]
            if not keys or bad:
                raise BuildError(f"industry_map.toml: {category!r} maps to {keys}, not taxonomy keys")
    regions = load_regions()
    candidates = (
        curated(valid) + sp500(maps["gics_sub_industry"])
        + financedatabase(maps, load_countries()) + sec_listed(maps["sec_sic"], sec_excluded)
        + universities() + us_hospitals()
    )
    best: dict[str, tuple[tuple, Candidate]] = {}
    conflicts: list[str] = []
    common = common_words(candidates)

    def claim(text: str, cand: Candidate, strength: int) -> None:
        norm = normalize_company(text)
        key = lookup_key(norm)
        if (len(key) < 2 and cand.source != "curated") or is_unknowable(text) or is_unknowable(norm):
            return
        if " " not in norm and norm in common:
            # "Southern Company" normalises to "southern", a lone common word a person may
            # write for anything: the name is keyed with its legal form kept ("southerncompany"),
            # which the recogniser tries when the stripped name is not a key
            full = unstripped_key(text)
            if full == key:
                if cand.source != "curated" or strength:
                    return
            else:
                key = full
        rank = cand.rank(strength)
        if key in best:
            other = best[key][1]
            curated_both = cand.source == other.source == "curated"
            if curated_both and strength == best[key][0][0] == 0 and other is not cand:
                conflicts.append(f"{text!r} names both {other.name!r} and {cand.name!r}")
            if rank >= best[key][0]:
                return
        best[key] = (rank, cand)

    shorts: dict[str, list[tuple[Candidate, str]]] = {}
    for cand in candidates:
        claim(cand.name, cand, 0)
        for alias in cand.aliases:
            claim(alias, cand, 0)
        if cand.kind == "listed":
            for short in short_forms(normalize_company(cand.name)):
                if cand.source == "sec" and " " not in short:
                    continue  # thousands of small caps: "Agree" (Agree Realty), "Chart" (Chart Industries) name nothing
                if derived_alias_is_safe(short, common) and not pattern_disagrees(short, cand.industries):
                    shorts.setdefault(lookup_key(short), []).append((cand, short))
    for owners in shorts.values():
        # a short form two companies share names neither; one company listed by several
        # sources (or on several exchanges) under one name is one owner
        if len({normalize_company(c.name) for c, _ in owners}) == 1:
            for cand, short in owners:
                claim(short, cand, 1)
    if conflicts:
        raise BuildError("the curated list is ambiguous: " + "; ".join(conflicts))
    organisations = sorted({id(c): c for _, c in best.values()}.values(),
                           key=lambda c: (SOURCE_RANK[c.source], c.name, c.country, c.industries))
    index = {id(c): i for i, c in enumerate(organisations)}
    records = [
        (c.name, ",".join(c.industries), c.sub_industry, c.country,
         regions.get(c.country, "Other") if c.country else "", c.kind, c.source)
        for c in organisations
    ]
    keys = [(key, str(index[id(best[key][1])])) for key in sorted(best)]
    return records, keys


def render(records: list[tuple[str, ...]], keys: list[tuple[str, str]]) -> str:
    out = io.StringIO()
    out.write("# Organisations and their industries: generated by scripts/build_organisations.py from the\n")
    out.write("# pinned sources in scripts/sources/organisations/ (see netanalytics/data/SOURCES.md). Do not edit.\n")
    out.write("# One organisation a line: " + "\t".join(COLUMNS[1:]) + "\n")
    out.write("# then, after '#keys', each lookup key (normalised name or alias) and its organisation's\n")
    out.write("# number (0 = the first organisation line).\n")
    for row in [*records, *keys]:
        if any("\t" in cell or "\n" in cell for cell in row):
            raise BuildError(f"a tab or newline in {row!r}")
    out.writelines("\t".join(row) + "\n" for row in records)
    out.write("#keys\n")
    out.writelines("\t".join(row) + "\n" for row in keys)
    return out.getvalue()


# ----------------------------------------------------------------------------- keywords

# A company keyword of industries.toml ("therapeutics" -> biotech) is the last layer of the
# recogniser: it answers for names nothing else knows. It earns its place only if, among the
# gazetteer's own names that reach that layer (no institution pattern reads them) and contain
# it as whole word(s), enough carry its industry: the lower end of the 95% Wilson interval of
# that share must reach MIN_PRECISION, which asks for more names the less precise a word is
# (18 of 18 pass, 5 of 6 do not). The SEC extract is left out of the measurement: SIC files every
# AI, fintech and health-software firm under generic codes. Candidates measured besides the shipped keywords (to show
# why each is in or out): words people put in small firms' names.
MIN_PRECISION = 0.7
Z95 = 1.96
CANDIDATE_KEYWORDS = {
    "fintech": ["payments", "pay", "lending", "wallet", "crypto", "remittance", "payroll"],
    "banking": ["bank", "bancorp", "bancshares", "bankshares", "banc", "savings", "financial",
                "credit union", "trust company"],
    "investment": ["capital", "capital partners", "asset management", "investments", "equity",
                   "fund", "advisors", "ventures", "securities", "wealth management", "holdings"],
    "insurance": ["insurance", "assurance", "mutual", "reinsurance", "underwriters"],
    "software": ["software", "labs", "cloud", "systems", "apps", "saas", "platform", "tech",
                 "digital", "technologies", "solutions"],
    "ai": ["ai", "intelligence", "learning", "robotics", "vision"],
    "data": ["data", "analytics", "insights"],
    "cybersecurity": ["security", "cyber", "secure", "defense"],
    "hardware": ["semiconductor", "semiconductors", "devices", "electronics", "micro", "silicon"],
    "telecom": ["telecom", "telecommunications", "wireless", "mobile", "communications",
                "networks", "broadband", "telekom", "cellular"],
    "ecommerce": ["shop", "store", "market", "marketplace", "commerce"],
    "retail": ["retail", "stores", "outfitters", "goods", "apparel", "mart", "foods", "brands",
               "supermarkets", "department store"],
    "healthcare": ["health", "medical", "care", "healthcare", "physicians"],
    "healthtech": ["health", "medtech", "care", "medical", "diagnostics"],
    "biotech": ["bio", "biotech", "pharma", "pharmaceuticals", "pharmaceutical", "therapeutics",
                "biotherapeutics", "genomics", "biosciences", "biopharma", "life sciences",
                "biologics", "oncology"],
    "consulting": ["consulting", "consultants", "advisory", "partners", "group", "strategy"],
    "media": ["media", "news", "press", "publishing", "times", "post", "journal", "magazine"],
    "entertainment": ["games", "gaming", "entertainment", "pictures", "studios", "interactive", "music"],
    "marketing": ["marketing", "advertising", "agency", "creative", "communications"],
    "design": ["design", "studio", "creative"],
    "manufacturing": ["manufacturing", "industries", "industrial", "works", "machinery", "steel",
                      "chemicals", "chemical", "metals", "materials", "paper", "cement", "mining"],
    "automotive": ["motors", "motor", "automotive", "auto", "mobility", "cars"],
    "aerospace": ["aerospace", "aviation", "space", "airlines", "airways", "air lines", "aero",
                  "defense", "defence"],
    "energy": ["energy", "power", "oil", "gas", "utilities", "electric", "petroleum",
               "oil and gas", "electric power", "petrochemical"],
    "climate": ["solar", "wind", "renewables", "renewable", "climate", "clean", "green", "carbon"],
    "real_estate": ["realty", "real estate", "properties", "property", "homes", "reit", "land"],
    "construction": ["construction", "engineering", "building", "builders", "infrastructure"],
    "logistics": ["logistics", "freight", "shipping", "transport", "express", "delivery",
                  "railway", "railroad", "trucking", "lines"],
    "hospitality": ["hotel", "hotels", "resorts", "restaurant", "restaurants", "hospitality",
                    "travel", "tourism", "leisure", "entertainment"],
    "staffing": ["staffing", "recruiting", "recruitment", "talent", "careers"],
    "agriculture": ["farms", "agri", "agriculture", "agro", "seeds", "foods", "food", "sugar",
                    "dairy", "plantations"],
}


@dataclass(frozen=True)
class KeywordScore:
    industry: str
    keyword: str
    support: int  # gazetteer names reaching the keyword layer that contain the keyword
    right: int  # of those, the names whose industries include the keyword's industry

    @property
    def precision(self) -> float:
        return self.right / self.support if self.support else 0.0

    @property
    def lower_bound(self) -> float:
        """The lower end of the 95% Wilson score interval of :attr:`precision`."""
        n, p = self.support, self.precision
        if not n:
            return 0.0
        centre = p + Z95 * Z95 / (2 * n)
        spread = Z95 * math.sqrt(p * (1 - p) / n + Z95 * Z95 / (4 * n * n))
        return (centre - spread) / (1 + Z95 * Z95 / n)

    @property
    def kept(self) -> bool:
        return self.lower_bound >= MIN_PRECISION


def keyword_scores(records: list[tuple[str, ...]], keywords: dict[str, list[str]]) -> list[KeywordScore]:
    """Each (industry, keyword) measured on the names of ``records`` (rows of :func:`build_rows`)."""
    longest = max(len(norm_text(k).split()) for words in keywords.values() for k in words)
    grams: dict[str, list[tuple[str, ...]]] = {}
    for record in records:
        name, industries = record[0], tuple(record[1].split(","))
        if record[-1] == "sec":
            continue  # SIC has no AI, fintech or healthtech codes: its categories would measure the scheme
        if recognise_pattern(name) is not None:
            continue  # the keyword layer never sees it
        words = norm_text(name).split()
        seen = {" ".join(words[i:i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1)}
        for gram in seen:
            grams.setdefault(gram, []).append(industries)
    scores = []
    for industry, words in keywords.items():
        for word in dict.fromkeys(words):
            hits = grams.get(norm_text(word), [])
            scores.append(KeywordScore(industry, word, len(hits), sum(industry in h for h in hits)))
    return scores


def keyword_report(records: list[tuple[str, ...]]) -> list[KeywordScore]:
    """The shipped keywords and the candidates, measured; printed by ``keywords``."""
    data = tomllib.loads((ROOT / "netanalytics" / "data" / "industries.toml").read_text("utf-8"))
    keywords = {key: list(entry.get("company_keywords", [])) for key, entry in data["industries"].items()}
    for industry, words in CANDIDATE_KEYWORDS.items():
        keywords.setdefault(industry, []).extend(words)
    return keyword_scores(records, keywords)


def print_keywords(scores: list[KeywordScore], shipped: dict[str, tuple[str, ...]]) -> None:
    print(f"company keywords: kept when the 95% lower bound of the share of gazetteer names with the "
          f"keyword that carry its industry is >= {MIN_PRECISION:.0%} (names an institution pattern reads are left out)")
    print(f"{'industry':<14} {'keyword':<20} {'names':>6} {'right':>6} {'precision':>9} {'lower':>6}  verdict   shipped")
    for s in sorted(scores, key=lambda s: (not s.kept, -s.lower_bound, -s.support, s.industry, s.keyword)):
        verdict = "keep" if s.kept else ("imprecise" if s.precision < MIN_PRECISION else "few names")
        ships = "yes" if s.keyword in shipped.get(s.industry, ()) else ""
        print(f"{s.industry:<14} {s.keyword:<20} {s.support:>6} {s.right:>6} {s.precision:>9.0%} "
              f"{s.lower_bound:>6.0%}  {verdict:<9} {ships}")


# ----------------------------------------------------------------------------- extracts

FD_COLUMNS = ("symbol", "name", "sector", "industry_group", "industry", "country", "market_cap")
SEC_COLUMNS = ("cik", "ticker", "exchange", "name", "sic")
SEC_EXCHANGES = ("NYSE", "Nasdaq")
HOSPITAL_COLUMNS = ("provider_id", "name", "city", "state", "hospital_type", "ownership")
KEEP_UPPER = re.compile(r"^[^aeiouy]{2,}$|^[^aeiouy]*'?s$")


def display_name(shouted: str) -> str:
    """CMS writes names in capitals: "ST VINCENT'S EAST" -> "St Vincent's East", "UPMC EAST" -> "UPMC East"."""
    def one(word: str) -> str:
        low = word.lower()
        if KEEP_UPPER.match(low) and low not in ("st", "mt", "ft", "dr", "st.", "mt.", "ft.", "dr."):
            return word
        return low[:1].upper() + low[1:]

    return " ".join("-".join(one(part) for part in word.split("-")) for word in shouted.split())


def extract(args: argparse.Namespace) -> None:
    """Write the small extracts from checkouts of the upstream files."""
    if args.sp500:
        (SOURCES / "sp500_constituents.csv").write_bytes(Path(args.sp500).read_bytes())
    if args.universities:
        data = json.loads(Path(args.universities).read_text("utf-8"))
        rows = sorted({(u["name"].strip(), u["alpha_two_code"], u["country"]) for u in data})
        with (SOURCES / "universities.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["name", "iso2", "country"])
            writer.writerows(rows)
    if args.financedatabase:
        kept = {}
        for path in sorted(Path(args.financedatabase).glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    if row["market_cap"] not in ("Mega Cap", "Large Cap", "Mid Cap") or row["delisted"] == "True":
                        continue
                    name = FD_CLASS.sub("", " ".join(row["name"].split()))
                    if not row["sector"] or not name or FD_EXCHANGE_JUNK.search(name):
                        continue
                    if name.upper() == name and re.search(r"[0-9./+\-]|  ", name):
                        continue  # abbreviated exchange listing ("SIENNA SENIOR LIV.")
                    row = {**row, "name": name}
                    key = (name.casefold(), row["country"])
                    if key not in kept or SIZE_RANK[row["market_cap"]] < SIZE_RANK[kept[key]["market_cap"]]:
                        kept[key] = row
        with (SOURCES / "financedatabase_equities.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(FD_COLUMNS)
            for key in sorted(kept):
                writer.writerow([kept[key][c] for c in FD_COLUMNS])
    if args.cms_hospitals:
        with Path(args.cms_hospitals).open(encoding="cp1252", newline="") as fh:
            rows = sorted(
                (row["Provider ID"], display_name(row["Hospital Name"]), display_name(row["City"]),
                 row["State"], row["Hospital Type"], row["Hospital Ownership"])
                for row in csv.DictReader(fh)
            )
        with (SOURCES / "us_hospitals.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(HOSPITAL_COLUMNS)
            writer.writerows(rows)
    if args.sec_tickers and args.sec_sic:
        import pandas as pd

        tickers = pd.read_parquet(args.sec_tickers)
        tickers = tickers[tickers["exchange"].isin(SEC_EXCHANGES)]
        sic = pd.read_csv(args.sec_sic, usecols=["cik_str", "sic"], dtype={"sic": "string"}).dropna()
        sic = {int(c): str(int(float(s))).zfill(4) for c, s in zip(sic["cik_str"], sic["sic"], strict=True)}
        rows = {}
        for cik, ticker, exchange, name in tickers[["cik", "ticker", "exchange", "name"]].itertuples(index=False):
            code = sic.get(int(cik))
            if code and int(cik) not in rows:  # a company's first ticker in the list is its main one
                rows[int(cik)] = (str(int(cik)), ticker, exchange, " ".join(name.split()), code)
        with (SOURCES / "sec_listed.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(SEC_COLUMNS)
            writer.writerows(sorted(rows.values(), key=lambda r: int(r[0])))
    for name in ("sp500_constituents.csv", "universities.csv", "financedatabase_equities.csv", "us_hospitals.csv",
                 "sec_listed.csv"):
        print(name, sha256(SOURCES / name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the bundled TSV is out of date")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    sub = parser.add_subparsers(dest="command")
    ext = sub.add_parser("extract", help="refresh the extracts from upstream checkouts")
    ext.add_argument("--sp500")
    ext.add_argument("--universities")
    ext.add_argument("--financedatabase")
    ext.add_argument("--cms-hospitals")
    ext.add_argument("--sec-tickers", help="edgar/reference/data/company_tickers.parquet of the edgartools wheel")
    ext.add_argument("--sec-sic", help="a CIK -> SIC table from the SEC's submissions (cik_str and sic columns)")
    sub.add_parser("keywords", help="print the precision of each company keyword on the gazetteer")
    args = parser.parse_args(argv)
    if args.command == "extract":
        extract(args)
        return 0
    if args.command == "keywords":
        from netanalytics.recognition.taxonomy import load_taxonomy

        shipped = {key: ind.company_keywords for key, ind in load_taxonomy().items()}
        print_keywords(keyword_report(build_rows()[0]), shipped)
        return 0
    try:
        text = render(*build_rows())
    except BuildError as exc:
        print(f"build_organisations: {exc}", file=sys.stderr)
        return 2
    if args.check:
        same = args.output.exists() and args.output.read_text("utf-8") == text
        print("up to date" if same else f"{args.output} is out of date: run scripts/build_organisations.py")
        return 0 if same else 1
    args.output.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {args.output}: {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
