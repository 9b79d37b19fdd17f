"""The blind evaluation sets are well-formed, and benchmarks/bench_blind.py scores and hides names."""

from __future__ import annotations

import collections
import doctest
import importlib.util
import io
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO_DIR = Path(__file__).resolve().parent.parent


def _load_bench():
    spec = importlib.util.spec_from_file_location("bench_blind", REPO_DIR / "benchmarks" / "bench_blind.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


bench = _load_bench()
INDUSTRIES = set(tomllib.loads((REPO_DIR / "netanalytics" / "data" / "industries.toml").read_text("utf-8"))["industries"])
COMPANIES = bench.load(bench.COMPANIES, bench.COMPANY_COLUMNS)
TITLES = bench.load(bench.TITLES, bench.TITLE_COLUMNS)


def test_vocabularies_are_linkedins():
    assert len(bench.FUNCTIONS) == len(set(bench.FUNCTIONS)) == 26
    assert bench.SENIORITIES == ("unpaid", "training", "entry", "senior", "manager", "director", "vp",
                                 "cxo", "partner", "owner")


def test_company_rows_use_valid_keys_and_vocabularies():
    for line, row in enumerate(COMPANIES, start=2):
        where = f"companies.csv line {line}: {row}"
        assert row["name"].strip() == row["name"] and row["name"], where
        expected = bench.keys(row["expected"])
        alternatives = bench.keys(row["alternatives"])
        assert len(expected) <= 1, where
        assert set(expected + alternatives) <= INDUSTRIES, where
        assert not (alternatives and not expected), where  # unknowable rows accept nothing
        assert not set(expected) & set(alternatives), where
        assert len(set(alternatives)) == len(alternatives), where
        assert row["kind"] in bench.KINDS, where
        assert row["region"] in bench.REGIONS, where


def test_company_set_is_wide():
    names = [r["name"] for r in COMPANIES]
    assert not [n for n, c in collections.Counter(names).items() if c > 1]
    assert len(COMPANIES) >= 600
    unknowable = [r for r in COMPANIES if not r["expected"]]
    assert len(unknowable) >= 60
    assert {r["expected"] for r in COMPANIES} - {""} == INDUSTRIES  # every industry is expected somewhere
    assert {r["region"] for r in COMPANIES} == set(bench.REGIONS)
    assert {r["kind"] for r in COMPANIES} == set(bench.KINDS)


def test_title_rows_use_valid_keys():
    for line, row in enumerate(TITLES, start=2):
        where = f"titles.csv line {line}: {row}"
        assert row["title"].strip() == row["title"] and row["title"], where
        assert set(bench.keys(row["function"])) <= set(bench.FUNCTIONS), where
        assert set(bench.keys(row["seniority"])) <= set(bench.SENIORITIES), where
        assert row["language"] in bench.LANGUAGES, where


def test_title_set_covers_every_function_level_and_language():
    titles = [r["title"].casefold() for r in TITLES]
    assert not [t for t, c in collections.Counter(titles).items() if c > 1]
    assert len(TITLES) >= 600
    per_language = collections.Counter(r["language"] for r in TITLES)
    assert all(per_language[lang] >= 60 for lang in ("es", "pt", "fr", "de")), per_language
    preferred_functions = {bench.keys(r["function"])[0] for r in TITLES if r["function"]}
    preferred_levels = {bench.keys(r["seniority"])[0] for r in TITLES if r["seniority"]}
    assert preferred_functions == set(bench.FUNCTIONS)
    assert preferred_levels == set(bench.SENIORITIES)


def test_traps_are_labelled_as_the_issue_says():
    by_title = {r["title"]: r for r in TITLES}
    assert by_title["Product Marketing Manager"]["function"] == "marketing"
    assert "partner" not in by_title["HR Business Partner"]["seniority"]
    assert "partner" not in by_title["Talent Acquisition Partner"]["seniority"]
    assert by_title["MD, Internal Medicine"]["function"] == "healthcare_services"
    assert by_title["Head of Product"]["seniority"] == "director"
    assert by_title["Founder"]["seniority"] == "owner"
    assert by_title["AVP"]["seniority"] == "vp"


def test_load_rejects_a_wrong_header(tmp_path):
    from netanalytics.errors import InputError

    path = tmp_path / "companies.csv"
    path.write_text("name,industry\nStripe,fintech\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: expected the header name,expected"):
        bench.load(path, bench.COMPANY_COLUMNS)


def _answer(*industries, source="gazetteer"):
    return SimpleNamespace(industries=industries, industry=industries[0], source=source)


def test_score_companies_counts_accepted_primary_coverage_and_invented():
    rows = [
        {"name": "A", "expected": "fintech", "alternatives": "software", "kind": "startup", "region": "US"},
        {"name": "B", "expected": "banking", "alternatives": "", "kind": "listed", "region": "EU"},
        {"name": "C", "expected": "legal", "alternatives": "", "kind": "law", "region": "UK"},
        {"name": "D", "expected": "", "alternatives": "", "kind": "other", "region": "OTHER"},
        {"name": "E", "expected": "", "alternatives": "", "kind": "private", "region": "US"},
    ]
    answers = {"A": _answer("software", "fintech"), "B": _answer("investment", "banking"),
               "E": _answer("consulting", source="keyword")}
    score = bench.score_companies(rows, answers.get)
    everything = score.tallies[("all", "")]
    assert (everything.known, everything.answered, everything.right_any, everything.right_primary) == (3, 2, 2, 1)
    assert (everything.unknowable, everything.invented) == (2, 1)
    assert score.tallies[("region", "US")].invented == 1
    assert score.tallies[("source", "keyword")].invented == 1
    assert score.tallies[("kind", "law")].answered == 0
    assert sorted(m[1] for m in score.misses) == ["B", "C", "E"]


def test_score_titles_accepts_any_listed_key_and_ignores_blank_cells():
    rows = [
        {"title": "Product Manager", "function": "product_management", "seniority": "entry;manager", "language": "en"},
        {"title": "Socio", "function": "", "seniority": "partner", "language": "es"},
        {"title": "Jefe", "function": "", "seniority": "", "language": "es"},
    ]
    answers = {"Product Manager": SimpleNamespace(function="product_management", seniority="manager"),
               "Socio": SimpleNamespace(function="legal", seniority="owner"),
               "Jefe": None}
    counts, misses = bench.score_titles(rows, answers.get)
    assert (counts[("function", "all")].labelled, counts[("function", "all")].right) == (1, 1)
    assert (counts[("function", "es")].blank, counts[("function", "es")].blank_answered) == (2, 1)
    assert (counts[("seniority", "all")].labelled, counts[("seniority", "all")].right) == (2, 1)
    counts, _ = bench.score_titles(rows[:1], lambda title: SimpleNamespace(function=None, seniority=None))
    assert (counts[("seniority", "en")].right, counts[("seniority", "en")].right_if_none_is_entry) == (0, 1)
    assert misses == [("seniority", "es", "Socio", "partner", "owner")]


def test_printouts_hide_names_unless_asked():
    rows = [{"name": "Zyxwv Holdings", "expected": "energy", "alternatives": "", "kind": "private", "region": "US"}]
    score = bench.score_companies(rows, lambda name: None)
    quiet, loud = io.StringIO(), io.StringIO()
    bench.print_companies(score, show_misses=False, out=quiet)
    bench.print_companies(score, show_misses=True, out=loud)
    assert "Zyxwv" not in quiet.getvalue() and "kind private" in quiet.getvalue()
    assert "Zyxwv Holdings" in loud.getvalue()
    counts, misses = bench.score_titles(
        [{"title": "Qwxz Engineer", "function": "engineering", "seniority": "entry", "language": "en"}],
        lambda title: None)
    quiet, loud = io.StringIO(), io.StringIO()
    bench.print_titles(counts, misses, show_misses=False, out=quiet)
    bench.print_titles(counts, misses, show_misses=True, out=loud)
    assert "Qwxz" not in quiet.getvalue() and "function en" in quiet.getvalue()
    assert "Qwxz Engineer" in loud.getvalue()


def test_main_runs_on_the_real_sets_without_printing_names(capsys):
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert "blind company set" in out and "all rows" in out and "blind title set" in out
    for row in COMPANIES[:200:7] + [r for r in COMPANIES if not r["expected"]][:5]:
        if len(row["name"]) > 4:
            assert row["name"] not in out


def test_title_reader_is_none_until_the_module_exists(monkeypatch):
    def missing(name):
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    monkeypatch.setattr(bench.importlib, "import_module", missing)
    assert bench.title_reader() is None


def test_title_reader_does_not_hide_a_broken_module(monkeypatch):
    def broken(name):
        raise ModuleNotFoundError("No module named 'somedep'", name="somedep")

    monkeypatch.setattr(bench.importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError):
        bench.title_reader()


def test_docstring_examples_run():
    assert doctest.testmod(bench).failed == 0
