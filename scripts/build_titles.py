"""Build ``netanalytics/data/titles.json`` from the pinned open-data extracts.

Run ``python scripts/build_titles.py`` (``--check`` exits 1 when the bundled file differs
from a fresh build). The output is the same byte for byte on every run.

Inputs, all in ``scripts/sources/titles/`` (see ``PINS.md`` there for where each came
from, its sha256 and its licence):

- ``onet_*.tsv``: O*NET 27.0 alternate titles, reported titles and occupation titles
  (CC BY 4.0), extracted from the O*NET text files by ``--extract``;
- ``esco_occupations_{en,es,fr,pt,de}.tsv``: ESCO occupation labels (reuse under
  Commission Decision 2011/833/EU), extracted from ESCO CSV exports (the German one from
  a SKOS Turtle export) by ``--extract``;
- ``soc_functions.tsv``, ``isco_functions.tsv``, ``code_roles.tsv``,
  ``code_industries.tsv``, ``code_levels.tsv``: our tables from occupation codes to LinkedIn
  job functions, role families, industry keys and the level an occupation has by its
  nature (physicians are senior, first-line supervisors manager, principals director).

Every label goes through :func:`netanalytics.recognition.titles.normalize_title`, so the
bundled phrases are exactly what the reader looks up. A phrase found under several
occupations takes the function most of them agree on (ties: none) and the occupation met
first in sorted order; an industry or a level counts only when every occupation of the phrase
agrees on it. Single generic words (Manager, Director, Associate …) are left to
our rules.
"""

from __future__ import annotations

import argparse
import array
import base64
import csv
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SOURCES = ROOT / "scripts" / "sources" / "titles"
OUTPUT = ROOT / "netanalytics" / "data" / "titles.json"
ESCO_LANGUAGES = ("en", "es", "fr", "pt", "de")
MAX_WORDS = 6
SOURCE_NAMES = (
    "O*NET 27.0 Database, U.S. Department of Labor, Employment and Training Administration (CC BY 4.0)",
    "ESCO occupations in English, Spanish and French, European Commission (Decision 2011/833/EU)",
    "ESCO v1.2 occupations in Portuguese, European Commission (Decision 2011/833/EU)",
    "ESCO v1.2.0 occupations in German, European Commission (Decision 2011/833/EU)",
)

GENERIC = {
    "manager", "director", "associate", "assistant", "analyst", "specialist", "consultant",
    "officer", "executive", "president", "partner", "owner", "founder", "intern", "volunteer",
    "lead", "head", "supervisor", "coordinator", "administrator", "agent", "representative",
    "advisor", "adviser", "technician", "worker", "operator", "clerk", "chief", "principal",
    "senior", "junior", "staff", "member", "employee", "professional", "expert", "leader",
    "helper", "aide", "trainee", "apprentice", "student", "fellow", "contractor", "inspector",
    "gerente", "directeur", "directora", "diretor", "responsable", "tecnico",
    "tecnica", "auxiliar", "asistente", "assistente", "analista", "especialista", "consultor",
    "consultora", "jefe", "chef", "agente", "operador", "operadora", "empleado", "trabajador",
    "trabalhador", "coordinador", "coordenador", "supervisora", "ajudante", "ayudante",
    "mitarbeiter", "mitarbeiterin", "angestellte", "angestellter", "fachkraft", "helfer", "helferin",
    "aushilfe", "referent", "referentin", "leiter", "leiterin", "leitung", "direktor", "direktorin",
    "sachbearbeiter", "sachbearbeiterin", "spezialist", "spezialistin", "experte", "expertin",
    "koordinator", "koordinatorin", "assistent", "assistentin", "employe", "charge", "chargee",
    "conseiller", "conseillere", "assistante", "directrice", "empleada", "funcionario", "funcionaria",
}


def _read_tsv(name: str) -> list[dict[str, str]]:
    with (SOURCES / name).open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _prefix_table(name: str, key: str, value: str) -> list[tuple[str, str | None]]:
    rows = [(r[key], None if r[value] == "-" else r[value]) for r in _read_tsv(name)]
    return sorted(rows, key=lambda kv: len(kv[0]), reverse=True)


def _lookup(table: list[tuple[str, str | None]], code: str) -> str | None:
    for prefix, value in table:
        if code.startswith(prefix):
            return value
    return None


def _function_of(code: str, soc, isco) -> str | None:
    scheme, number = code.split(":", 1)
    return _lookup(soc if scheme == "soc" else isco, number)


def _labels(text: str) -> list[str]:
    """A source label and its gendered halves ("director técnico/directora técnica")."""
    text = re.sub(r"\s*\([^)]*\)", "", text).strip()
    out = [text] if text else []
    if "/" in text:
        out += [p.strip() for p in text.split("/") if p.strip()]
    return out


def build() -> str:
    from netanalytics.recognition.titles import FUNCTIONS, SENIORITIES, normalize_title
    from netanalytics.recognition.titles_rules import ABBREVIATIONS, fold

    soc = _prefix_table("soc_functions.tsv", "prefix", "function")
    isco = _prefix_table("isco_functions.tsv", "prefix", "function")
    roles = _prefix_table("code_roles.tsv", "code", "role")
    industries = _prefix_table("code_industries.tsv", "code", "industry")
    natural_levels = _prefix_table("code_levels.tsv", "code", "level")
    for table in (soc, isco):
        bad = {fn for _, fn in table if fn is not None and fn not in FUNCTIONS}
        assert not bad, f"unknown functions in the code tables: {bad}"
    bad_levels = {lv for _, lv in natural_levels if lv is not None and lv not in SENIORITIES}
    assert not bad_levels, f"unknown levels in code_levels.tsv: {bad_levels}"

    labels: list[tuple[str, str, str]] = []  # (code, occupation label, title as written)
    onet_titles = {r["O*NET-SOC Code"]: r["Title"] for r in _read_tsv("onet_occupations.tsv")}
    for row in _read_tsv("onet_alternate_titles.tsv"):
        code = row["O*NET-SOC Code"]
        for text in (row["Alternate Title"], row["Short Title"]):
            if text and text != "n/a":
                labels.append((f"soc:{code}", onet_titles[code], text))
    for row in _read_tsv("onet_reported_titles.tsv"):
        code = row["O*NET-SOC Code"]
        labels.append((f"soc:{code}", onet_titles[code], row["Reported Job Title"]))
    english = {r["uri"]: r["preferredLabel"] for r in _read_tsv("esco_occupations_en.tsv")}
    for lang in ESCO_LANGUAGES:
        for row in _read_tsv(f"esco_occupations_{lang}.tsv"):
            occupation = english.get(row["uri"], row["preferredLabel"].split("/")[0])
            texts = [row["preferredLabel"], *(row["altLabels"].split(" | ") if row["altLabels"] else [])]
            for text in texts:
                labels.append((f"isco:{row['iscoGroup']}", occupation, text))

    votes: dict[str, Counter] = defaultdict(Counter)
    occupation_of: dict[str, Counter] = defaultdict(Counter)
    for code, occupation, text in labels:
        scheme, number = code.split(":", 1)
        function = _lookup(soc if scheme == "soc" else isco, number)
        for label in _labels(text):
            if fold(label) in ABBREVIATIONS:
                continue  # "MD", "PM": abbreviations are our rules' to expand, not a source's
            for phrase in normalize_title(label).split(" / "):
                words = phrase.split()
                if not words or len(words) > MAX_WORDS or (len(words) == 1 and words[0] in GENERIC):
                    continue
                votes[phrase][function] += 1
                occupation_of[phrase][(code, occupation)] += 1

    occupations: list[str] = []
    occupation_index: dict[str, int] = {}
    value_lists: dict[str, list] = {"functions": [None], "roles": [None], "industries": [None], "levels": [None]}
    phrases, codes = [], []
    for phrase in sorted(votes):
        counts = votes[phrase].most_common()
        function = counts[0][0]
        if len(counts) > 1 and counts[1][1] == counts[0][1]:
            function = None
        # The occupation: the one met most often with the winning function (ties: sorted first).
        ranked = sorted(occupation_of[phrase].items(), key=lambda kv: (-kv[1], kv[0]))
        agreeing = [kv for kv in ranked if _function_of(kv[0][0], soc, isco) == function]
        (code, occupation), _ = (agreeing or ranked)[0]
        role = _lookup(roles, code)
        industry = _lookup(industries, code) if len({_lookup(industries, c) for c, _ in occupation_of[phrase]}) == 1 else None
        level = _lookup(natural_levels, code) if len({_lookup(natural_levels, c) for c, _ in occupation_of[phrase]}) == 1 else None
        if occupation not in occupation_index:
            occupation_index[occupation] = len(occupations)
            occupations.append(occupation)
        row = [occupation_index[occupation]]
        for name, value in (("functions", function), ("roles", role), ("industries", industry), ("levels", level)):
            values = value_lists[name]
            if value not in values:
                values.append(value)
            row.append(values.index(value))
        phrases.append(phrase)
        codes.append(row)

    # For each first word, the lengths (in words) of the phrases it starts, longest first,
    # so a reader builds only the n-grams that can be phrases.
    lengths: dict[str, set[int]] = defaultdict(set)
    for phrase in phrases:
        words = phrase.split()
        lengths[words[0]].add(len(words))
    sizes = {word: sorted(found, reverse=True) for word, found in sorted(lengths.items())}

    # Few distinct rows serve many phrases: each phrase points into the table of rows with a
    # little-endian 16-bit index, which loads in one piece.
    table: list[list[int]] = []
    table_index: dict[tuple[int, ...], int] = {}
    row_of = array.array("H")
    for row in codes:
        key = tuple(row)
        if key not in table_index:
            table_index[key] = len(table)
            table.append(row)
        row_of.append(table_index[key])
    assert len(table) < 2**16, "too many distinct rows for 16-bit indexes"
    if sys.byteorder != "little":
        row_of.byteswap()

    payload = {
        "about": "Job-title phrases for netanalytics.recognition.titles, built by scripts/build_titles.py from O*NET 27.0 (CC BY 4.0) and ESCO (Commission Decision 2011/833/EU); see netanalytics/data/SOURCES.md.",
        "sources": list(SOURCE_NAMES),
        "occupations": occupations,
        "functions": value_lists["functions"],
        "roles": value_lists["roles"],
        "industries": value_lists["industries"],
        "levels": value_lists["levels"],
        # One phrase a line; "rows" holds [occupation, function, role, industry, level] as indexes
        # into the lists above, "row_of" the row of each phrase (base64 of 16-bit indexes).
        "phrases": "\n".join(phrases),
        "rows": table,
        "row_of": base64.b64encode(row_of.tobytes()).decode("ascii"),
        "sizes": sizes,
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


# ----------------------------------------------------------------------------- extract


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def extract(onet_dir: Path | None, esco_files: dict[str, Path]) -> None:
    """Filter the original O*NET text files and ESCO exports (CSV, or SKOS Turtle) down to
    what the build uses."""
    def write(name: str, header: list[str], rows: list[list[str]]) -> None:
        with (SOURCES / name).open("w", encoding="utf-8", newline="") as fh:
            fh.write("\t".join(header) + "\n")
            for row in rows:
                fh.write("\t".join(" ".join(c.split()) for c in row) + "\n")

    def tsv(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))

    if onet_dir is not None:
        _extract_onet(onet_dir, write, tsv)
    for lang, path in esco_files.items():
        rows = _esco_ttl_rows(path) if path.suffix == ".ttl" else _esco_csv_rows(path)
        rows.sort()
        write(f"esco_occupations_{lang}.tsv", ["uri", "iscoGroup", "preferredLabel", "altLabels"], rows)


def _extract_onet(onet_dir: Path, write, tsv) -> None:
    alt = tsv(onet_dir / "Alternate Titles.txt")
    write("onet_alternate_titles.tsv", ["O*NET-SOC Code", "Alternate Title", "Short Title"],
          [[r["O*NET-SOC Code"], r["Alternate Title"], r["Short Title"]] for r in alt])
    occ = tsv(onet_dir / "Occupation Data.txt")
    write("onet_occupations.tsv", ["O*NET-SOC Code", "Title"], [[r["O*NET-SOC Code"], r["Title"]] for r in occ])
    rep = tsv(onet_dir / "Sample of Reported Titles.txt")
    write("onet_reported_titles.tsv", ["O*NET-SOC Code", "Reported Job Title"],
          [[r["O*NET-SOC Code"], r["Reported Job Title"]] for r in rep])


def _esco_csv_rows(path: Path) -> list[list[str]]:
    """Occupations of an ESCO CSV export: uri, ISCO group, preferred label, alternative labels."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = []
        for r in csv.DictReader(fh):
            if r.get("conceptType", "Occupation") != "Occupation":
                continue
            alts = [a.strip() for a in (r.get("altLabels") or "").splitlines() if a.strip()]
            rows.append([r["conceptUri"].rsplit("/", 1)[-1], r["iscoGroup"], r["preferredLabel"], " | ".join(alts)])
    return rows


_TTL_CONCEPT = re.compile(r"^<([^>]+)> a skos:Concept ;$")
_TTL_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"@\w+')
_TTL_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}


def _ttl_string(line: str) -> str:
    m = _TTL_STRING.search(line)
    return re.sub(r"\\(.)", lambda e: _TTL_ESCAPES.get(e.group(1), e.group(1)), m.group(1)) if m else ""


def _esco_ttl_rows(path: Path) -> list[list[str]]:
    """Occupations of an ESCO SKOS export in Turtle, one concept a block: the same columns.

    Each occupation names its ESCO URI with ``skos:exactMatch``; its ISCO group is the
    first ``skos:broader`` concept, up the chain, that matches an ISCO unit group.
    """
    concepts: dict[str, dict] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _TTL_CONCEPT.match(line)
        if m:
            current = concepts.setdefault(m.group(1), {"alts": [], "match": "", "broader": None})
            continue
        if current is None:
            continue
        text = line.strip()
        if text.startswith("skos:prefLabel "):
            current["pref"] = _ttl_string(text)
        elif text.startswith("skos:altLabel "):
            current["alts"].append(_ttl_string(text))
        elif text.startswith("skos:exactMatch <"):
            current["match"] = text.split("<", 1)[1].split(">", 1)[0]
        elif text.startswith("skos:broader <") and current["broader"] is None:
            current["broader"] = text.split("<", 1)[1].split(">", 1)[0]
        if text.endswith(" ."):
            current = None

    def isco_group(key: str) -> str:
        seen = set()
        while key in concepts and key not in seen:
            seen.add(key)
            found = re.search(r"/esco/isco/C(\d{4})$", concepts[key]["match"])
            if found:
                return found.group(1)
            key = concepts[key]["broader"]
        return ""

    rows = []
    for concept in concepts.values():
        if "/esco/occupation/" not in concept["match"]:
            continue
        group = isco_group(concept["broader"])
        if group and concept.get("pref"):
            alts = [a.strip() for a in concept["alts"] if a.strip()]
            rows.append([concept["match"].rsplit("/", 1)[-1], group, concept["pref"], " | ".join(alts)])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the bundled file is not a fresh build")
    parser.add_argument("--extract", nargs="+", metavar="LANG=PATH",
                        help="re-extract the sources: onet=DIR_WITH_ONET_TEXT_FILES and en=…/occupations_en.csv, …")
    args = parser.parse_args(argv)
    if args.extract:
        given = dict(item.split("=", 1) for item in args.extract)
        onet = Path(given.pop("onet")) if "onet" in given else None
        extract(onet, {lang: Path(p) for lang, p in given.items()})
        for path in sorted(SOURCES.glob("*.tsv")):
            print(f"{path.name}\t{_sha256(path)}")
        return 0
    text = build()
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print("titles.json is up to date" if same else "titles.json differs from a fresh build")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
