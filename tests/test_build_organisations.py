"""scripts/build_organisations.py: pinned sources, the readable industry mapping, byte-for-byte
reproduction of the bundled gazetteer, and the wheel that ships it with its licences."""

from __future__ import annotations

import csv
import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from netanalytics.recognition.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "sources" / "organisations"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_organisations", ROOT / "scripts" / "build_organisations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.fixture
def sources_copy(build, tmp_path, monkeypatch):
    """A scratch copy of the sources folder the build reads instead of the real one."""
    copy = tmp_path / "organisations"
    shutil.copytree(SOURCES, copy)
    monkeypatch.setattr(build, "SOURCES", copy)
    return copy


def test_bundled_gazetteer_is_reproduced_byte_for_byte(build):
    text = build.render(*build.build_rows())
    assert text == (ROOT / "netanalytics" / "data" / "organisations.tsv").read_text("utf-8")


def test_check_mode_says_up_to_date(build, capsys):
    assert build.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_a_changed_extract_is_refused(build, sources_copy):
    path = sources_copy / "sp500_constituents.csv"
    path.write_text(path.read_text("utf-8") + "ZZZ,Invented Corp,Industrials,Steel,X,2020-01-01,1,1900\n", "utf-8")
    with pytest.raises(build.BuildError, match="sha256"):
        build.build_rows()


def _append_curated(folder: Path, line: str) -> None:
    with (folder / "curated" / "zz_test.csv").open("w", encoding="utf-8") as fh:
        fh.write("name,aliases,industries,country,kind\n" + line + "\n")


def test_two_curated_entries_may_not_claim_one_name(build, sources_copy):
    _append_curated(sources_copy, "Stripe Labs Ltd,Stripe,software,GB,private")
    with pytest.raises(build.BuildError, match="ambiguous.*Stripe"):
        build.build_rows()


@pytest.mark.parametrize("line,message", [
    ("Acme Widgets,,fintec,US,private", "not taxonomy keys"),
    ("Acme Widgets,,,US,private", "not taxonomy keys"),
    ("Acme Widgets,,fintech,US,startup", "kind"),
])
def test_bad_curated_rows_are_refused(build, sources_copy, line, message):
    _append_curated(sources_copy, line)
    with pytest.raises(build.BuildError, match=message):
        build.build_rows()


def test_main_reports_a_build_error_without_a_traceback(build, sources_copy, capsys):
    _append_curated(sources_copy, "Acme Widgets,,fintec,US,private")
    assert build.main(["--output", str(sources_copy / "out.tsv")]) == 2
    assert "not taxonomy keys" in capsys.readouterr().err
    assert not (sources_copy / "out.tsv").exists()


# --------------------------------------------------------------------------- mapping table


@pytest.fixture(scope="module")
def industry_map():
    return tomllib.loads((SOURCES / "industry_map.toml").read_text("utf-8"))


def _column(name: str, column: str) -> set[str]:
    with (SOURCES / name).open(encoding="utf-8", newline="") as fh:
        return {row[column] for row in csv.DictReader(fh)}


def test_every_mapped_value_is_a_taxonomy_key(industry_map):
    keys = set(load_taxonomy())
    assert set(industry_map) == {"gics_sub_industry", "financedatabase_industry", "financedatabase_industry_group",
                                 "sec_sic", "sec_sic_excluded"}
    for section, table in industry_map.items():
        if section == "sec_sic_excluded":
            assert all(re.fullmatch(r"\d{2,4}", code) for code in table["codes"])
            continue
        for category, industries in table.items():
            assert industries and set(industries) <= keys, (section, category, industries)
            assert len(set(industries)) == len(industries)


def test_every_source_category_is_mapped(industry_map):
    assert _column("sp500_constituents.csv", "GICS Sub-Industry") <= set(industry_map["gics_sub_industry"])
    assert _column("financedatabase_equities.csv", "industry") - {""} <= set(industry_map["financedatabase_industry"])
    assert (_column("financedatabase_equities.csv", "industry_group") - {""}
            <= set(industry_map["financedatabase_industry_group"]))


@pytest.mark.parametrize("section,category,primary", [
    ("gics_sub_industry", "Transaction & Payment Processing Services", "fintech"),
    ("gics_sub_industry", "Application Software", "software"),
    ("gics_sub_industry", "Diversified Banks", "banking"),
    ("gics_sub_industry", "Asset Management & Custody Banks", "investment"),
    ("gics_sub_industry", "Property & Casualty Insurance", "insurance"),
    ("gics_sub_industry", "Managed Health Care", "insurance"),
    ("gics_sub_industry", "Health Care Facilities", "healthcare"),
    ("gics_sub_industry", "Semiconductors", "hardware"),
    ("gics_sub_industry", "Human Resource & Employment Services", "staffing"),
    ("gics_sub_industry", "Passenger Airlines", "hospitality"),
    ("financedatabase_industry", "Biotechnology", "biotech"),
    ("financedatabase_industry", "Banks", "banking"),
    ("financedatabase_industry", "Software", "software"),
    ("financedatabase_industry", "Aerospace & Defense", "aerospace"),
    ("financedatabase_industry_group", "Real Estate", "real_estate"),
    ("sec_sic", "283", "biotech"),
    ("sec_sic", "60", "banking"),
    ("sec_sic", "737", "software"),
    ("sec_sic", "736", "staffing"),
    ("sec_sic", "4512", "hospitality"),
    ("sec_sic", "6798", "real_estate"),
    ("sec_sic", "384", "healthtech"),
    ("sec_sic", "58", "hospitality"),
])
def test_mapping_spot_checks(industry_map, section, category, primary):
    assert industry_map[section][category][0] == primary


def test_every_sec_sic_code_is_mapped_or_excluded(build, industry_map):
    """Each SIC code of the SEC extract maps (whole, by three or by two digits) or is excluded on purpose."""
    table, excluded = industry_map["sec_sic"], set(industry_map["sec_sic_excluded"]["codes"])
    for sic in _column("sec_listed.csv", "sic"):
        assert any(sic[:n] in table or sic[:n] in excluded for n in (4, 3, 2)), sic


@pytest.mark.parametrize("sic,industries", [
    ("2834", ("biotech",)),  # pharmaceutical preparations: the major group 28 (chemicals) is overridden
    ("2821", ("manufacturing",)),
    ("3841", ("healthtech", "manufacturing")),
    ("6022", ("banking",)),
    ("7372", ("software",)),
])
def test_sec_codes_resolve_finest_first(build, sic, industries):
    maps = build.load_industry_map()
    excluded = set(maps.pop("sec_sic_excluded")["codes"])
    rows = [{"cik": "1", "ticker": "X", "exchange": "NYSE", "name": "Example Holdings Inc", "sic": sic}]
    original = build.read_csv
    build.read_csv = lambda name: rows
    try:
        (cand,) = build.sec_listed(maps["sec_sic"], excluded)
    finally:
        build.read_csv = original
    assert cand.industries == industries and cand.source == "sec" and cand.kind == "listed"


def test_sec_names_lose_edgar_tags_and_capitals(build):
    assert build.sec_name("BANK OF MONTREAL /CAN/") == "Bank of Montreal"
    assert build.sec_name("TOYOTA MOTOR CORP/") == "Toyota Motor Corp"
    assert build.sec_name("Fatpipe Inc/UT") == "Fatpipe Inc"
    assert build.sec_name("Live Oak Bancshares, Inc.") == "Live Oak Bancshares, Inc."


def test_short_forms_an_institution_pattern_reads_otherwise_are_refused(build):
    assert build.pattern_disagrees("orange county", ("banking",))  # Orange County Bancorp
    assert not build.pattern_disagrees("bank of hawaii", ("banking",))
    assert not build.pattern_disagrees("live oak", ("banking",))


# --------------------------------------------------------------------------- pins and licences


def test_pins_name_repository_commit_licence_and_checksums(build):
    pins = build.load_pins()  # raises if an extract's checksum differs
    assert {p["name"] for p in pins} == {"S&P 500 constituents", "FinanceDatabase equities",
                                         "university-domains-list", "CMS Hospital General Information",
                                         "edgartools SEC company tickers", "SEC SIC codes"}
    for pin in pins:
        if pin["repository"].startswith("pypi.org/project/"):  # a package's data file: version and wheel checksum
            assert pin["version"] and re.fullmatch(r"[0-9a-f]{64}", pin["wheel_sha256"])
        else:
            assert pin["repository"].startswith("github.com/")
            assert re.fullmatch(r"[0-9a-f]{40}", pin["commit"])
        assert pin["licence"]
        for digest in pin["extract_sha256"]:
            assert re.fullmatch(r"[0-9a-f]{64}", digest)


def test_notice_and_sources_name_every_source():
    notice = (ROOT / "NOTICE").read_text("utf-8")
    sources = (ROOT / "netanalytics" / "data" / "SOURCES.md").read_text("utf-8")
    for text in (notice, sources):
        for name in ("s-and-p-500-companies", "FinanceDatabase", "university-domains-list", "PDDL", "MIT",
                     "edgartools", "SEC"):
            assert name in text
    for licence in ("FinanceDatabase-MIT.txt", "university-domains-list-MIT.txt", "s-and-p-500-companies-PDDL.txt",
                    "edgartools-MIT.txt"):
        assert (ROOT / "netanalytics" / "data" / "licenses" / licence).stat().st_size > 100


@pytest.mark.slow
def test_the_wheel_ships_the_data_sources_and_licences(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, text=True, timeout=600,
    )
    (wheel,) = tmp_path.glob("netanalytics-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in ("netanalytics/data/organisations.tsv", "netanalytics/data/industries.toml",
                 "netanalytics/data/SOURCES.md", "netanalytics/data/licenses/FinanceDatabase-MIT.txt",
                 "netanalytics/data/licenses/university-domains-list-MIT.txt",
                 "netanalytics/data/licenses/s-and-p-500-companies-PDDL.txt"):
        assert path in names, path
    assert any(n.endswith(".dist-info/licenses/NOTICE") or n.endswith("/NOTICE") for n in names), sorted(names)[-10:]
    data_size = sum(i.file_size for i in zipfile.ZipFile(wheel).infolist() if "/data/" in i.filename)
    assert data_size < 15_000_000


def test_every_shipped_company_keyword_is_precise_on_the_gazetteer(build):
    """industries.toml keeps only keywords the measurement keeps (``build_organisations.py keywords``)."""
    records = build.build_rows()[0]
    shipped = {key: list(ind.company_keywords) for key, ind in load_taxonomy().items()}
    scores = build.keyword_scores(records, shipped)
    loose = [(s.industry, s.keyword, s.support, f"{s.precision:.0%}") for s in scores if not s.kept]
    assert not loose, f"imprecise company keywords in industries.toml: {loose}"


def test_keyword_measurement_reads_only_names_that_reach_the_keyword_layer(build):
    records = [
        ("Alpha Therapeutics", "biotech"), ("Beta Therapeutics", "biotech"),
        ("Gamma Therapeutics", "software"), ("Delta University Therapeutics", "education"),
    ]
    (score,) = build.keyword_scores(records, {"biotech": ["therapeutics"]})
    assert (score.support, score.right) == (3, 2)  # the university is read by a pattern first
    assert not score.kept
    many = [(f"Name{i} Therapeutics", "biotech") for i in range(20)]
    assert build.keyword_scores(many, {"biotech": ["therapeutics"]})[0].kept
    few = many[:5]
    assert not build.keyword_scores(few, {"biotech": ["therapeutics"]})[0].kept  # too few names


def test_placeholder_blocks_of_an_exchange_are_not_believed(build):
    shape = {"sector": "Consumer Discretionary", "industry_group": "Retailing", "industry": "Specialty Retail",
             "country": "United States", "market_cap": "Large Cap"}
    pasted = [{"symbol": f"{i}.KL", **shape} for i in range(25)]
    real = [{"symbol": f"R{i}.KL", **shape, "industry": f"Industry {i}"} for i in range(2)]
    varied = [{"symbol": f"{i}.T", **shape, "country": "Japan"} for i in range(25)] + [
        {"symbol": f"V{i}.T", **shape, "industry": f"Industry {i}"} for i in range(25)]
    dropped = build.placeholder_rows(pasted + real + varied)
    assert dropped == {f"{i}.KL" for i in range(25)}


def test_a_placeholder_shape_is_not_believed_on_other_non_us_exchanges(build):
    """The shape pasted on one exchange is doubted on Berlin or Paris too, not on a US exchange."""
    shape = {"sector": "Consumer Discretionary", "industry_group": "Retailing", "industry": "Specialty Retail",
             "country": "United States", "market_cap": "Large Cap"}
    pasted = [{"symbol": f"{i}.KL", **shape} for i in range(25)]
    elsewhere = [{"symbol": "BIAEJD.CO", **shape}, {"symbol": "AZO", **shape},
                 {"symbol": "X.PA", **shape, "market_cap": "Mid Cap"}]
    dropped = build.placeholder_rows(pasted + elsewhere)
    assert dropped == {f"{i}.KL" for i in range(25)} | {"BIAEJD.CO"}


def test_short_forms_drop_generic_then_sector_words(build):
    assert build.short_forms("valero energy") == ["valero"]
    assert build.short_forms("goldman sachs group") == ["goldman sachs"]
    assert build.short_forms("fifth third bancorp") == ["fifth third"]
    assert build.short_forms("stripe") == []
    common = frozenset({"southern"})
    assert not build.derived_alias_is_safe("southern", common)
    assert not build.derived_alias_is_safe("american")
    assert build.derived_alias_is_safe("valero", common)
    assert build.derived_alias_is_safe("union pacific", common)  # two words stand


def test_no_financedatabase_organisation_keeps_a_placeholder_category(build):
    """Bursa Malaysia listings came as "Specialty Retail, United States": none is in the gazetteer so."""
    records = build.build_rows()[0]
    berhad = [r for r in records if r[0].endswith("Berhad") and r[6] == "financedatabase"]
    pasted = [r for r in berhad if r[2] == "Specialty Retail" and r[3] == "US"]
    assert len(pasted) <= 2, pasted  # 257 before; a stray copy on another exchange may remain


# --------------------------------------------------------------------------- sampling for sense


def _sample_script():
    spec = importlib.util.spec_from_file_location("sample_gazetteer", ROOT / "scripts" / "sample_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_sampling_script_prints_every_industry_and_the_biggest_blocks(capsys):
    sample = _sample_script()
    assert sample.main(["--per", "2", "--blocks", "3", "--source", "sp500"]) == 0
    out = capsys.readouterr().out
    assert "\nbanking (" in out and "\nsoftware (" in out
    assert "largest blocks" in out and out.count(" sp500 ") >= 3


def test_sampling_is_seeded_and_bounded():
    sample = _sample_script()
    from netanalytics.recognition.companies import Organisation

    orgs = [Organisation(f"Org {i}", ("media",), None, "US", "US", "listed", "sec") for i in range(20)]
    first = sample.sample_by_industry(orgs, 5, seed=3)["media"]
    assert first == sample.sample_by_industry(orgs, 5, seed=3)["media"]
    assert first[0] == 20 and len(first[1]) == 5
    assert sample.largest_blocks(orgs, 1) == [(("sec", "", "US", "media"), 20)]
