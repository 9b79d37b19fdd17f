"""The layered recogniser: user label > gazetteer > pattern > colleagues > keyword."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netanalytics.recognition.companies import company_key
from netanalytics.recognition.recognise import (
    INDUSTRY_SOURCES,
    RECOGNITION_COLUMNS,
    ColleagueRule,
    recognise_people,
    source_words,
)


def _run(rows, **kwargs):
    companies = pd.Series([c for c, _ in rows], dtype=object)
    titles = pd.Series([t for _, t in rows], dtype=object)
    return recognise_people(companies, titles, **kwargs)


def test_columns_and_alignment_follow_the_input_index():
    companies = pd.Series(["Stripe", None, "Goldman Sachs"], index=[10, 20, 30], dtype=object)
    titles = pd.Series(["PM", "Teacher", None], index=[10, 20, 30], dtype=object)
    out = recognise_people(companies, titles)
    assert list(out.columns) == list(RECOGNITION_COLUMNS)
    assert list(out.index) == [10, 20, 30]
    assert out.loc[10, "industry"] == "fintech"
    assert out.loc[20, "industry"] is None
    assert out.loc[30, "industry"] in ("banking", "investment")
    assert out.loc[20, "industries"] == ()
    assert out.loc[20, "function"] == "education"


def test_length_mismatch_is_refused():
    with pytest.raises(ValueError, match="differ in length"):
        recognise_people(pd.Series(["Stripe"]), pd.Series(["PM", "PM"]))


def test_user_label_wins_over_the_gazetteer_and_matches_other_spellings():
    labels = {company_key("Stripe"): ("banking", "software")}
    out = _run([("Stripe, Inc.", "Engineer"), ("STRIPE", "PM"), ("Plaid", "PM")], labels=labels)
    assert out["industry"].tolist() == ["banking", "banking", "fintech"]
    assert out["industry_source"].tolist() == ["user", "user", "gazetteer"]
    assert out.loc[0, "industries"] == ("banking", "software")
    assert out.loc[0, "industry_reason"] == "Stripe, Inc.: banking, software, from your own label"
    assert out.loc[0, "organisation"] is None


def test_user_label_names_an_unknowable_company_too():
    out = _run([("Self-employed", "Consultant")], labels={company_key("Self-employed"): "consulting"})
    assert out.loc[0, "industry"] == "consulting"


@pytest.mark.parametrize(
    ("company", "industry", "source"),
    [
        ("Stripe", "fintech", "gazetteer"),
        ("Universidad Tecnológica del Valle Norte", "education", "pattern"),
    ],
)
def test_trusted_layers_are_not_overruled_by_colleagues(company, industry, source):
    nurses = [(company, "Registered Nurse")] * 4
    out = _run(nurses)
    assert set(out["industry"]) == {industry}
    assert set(out["industry_source"]) == {source}


def test_colleagues_tell_an_unknown_company_with_evidence():
    rows = [("Harbor & Stone LLC", t) for t in ("Underwriter", "Senior Underwriter", "Actuary", "Office Manager")]
    out = _run(rows)
    assert set(out["industry"]) == {"insurance"}
    assert set(out["industry_source"]) == {"colleagues"}
    reason = out.loc[0, "industry_reason"]
    assert "3 people" in reason and "insurance" in reason
    assert "Underwriter" in reason and "Actuary" in reason


def test_colleagues_overrule_a_name_keyword():
    rows = [("Bluefin Therapeutics", "Registered Nurse"), ("Bluefin Therapeutics", "Nurse Practitioner"),
            ("Bluefin Therapeutics", "Charge Nurse")]
    out = _run(rows)
    assert set(out["industry_source"]) == {"colleagues"}
    assert set(out["industry"]) == {"healthcare"}
    alone = _run([("Bluefin Therapeutics", "Product Manager")])
    assert alone.loc[0, "industry_source"] == "keyword"


def test_one_telling_colleague_is_not_enough():
    out = _run([("Harbor & Stone LLC", "Registered Nurse"), ("Harbor & Stone LLC", "Analyst")])
    assert out["industry"].isna().all()


def test_colleagues_who_disagree_tell_nothing():
    rows = [("Harbor & Stone LLC", "Registered Nurse")] * 2 + [("Harbor & Stone LLC", "Teacher")] * 2
    out = _run(rows)
    assert out["industry"].isna().all()


def test_the_rule_is_adjustable():
    rows = [("Harbor & Stone LLC", "Registered Nurse"), ("Harbor & Stone LLC", "Analyst")]
    out = _run(rows, colleagues=ColleagueRule(min_support=1, min_share=1.0))
    assert set(out["industry"]) == {"healthcare"}
    assert out.loc[0, "industry_reason"] == (
        "the one person there with a telling title works in healthcare (Registered Nurse)")


@pytest.mark.parametrize("company", ["Self-employed", "Freelance", "Stealth Startup", "Confidential", "Retired", ""])
def test_unknowable_companies_get_no_industry_even_from_colleagues(company):
    out = _run([(company, "Registered Nurse")] * 5)
    assert out["industry"].isna().all()
    assert out["industry_source"].isna().all()


def test_blank_companies_are_not_pooled_together():
    out = _run([(None, "Registered Nurse")] * 3 + [("  ", "Registered Nurse")] * 3)
    assert out["industry"].isna().all()


def test_different_spellings_are_one_company_for_colleagues():
    rows = [("Harbor & Stone, LLC", "Underwriter"), ("Harbor and Stone", "Actuary")]
    out = _run(rows)
    assert set(out["industry"]) == {"insurance"}


def test_source_words_cover_every_source():
    assert all(source_words(s) != "unknown" for s in INDUSTRY_SOURCES)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.text(max_size=40)), st.one_of(st.none(), st.text(max_size=40))),
                max_size=12))
def test_any_text_gives_consistent_answers(rows):
    out = _run(rows)
    assert len(out) == len(rows)
    for rec in out.to_dict("records"):
        if rec["industry"] is None:
            assert rec["industry_source"] is None and rec["industries"] == ()
        else:
            assert rec["industry_source"] in INDUSTRY_SOURCES
            assert rec["industries"][0] == rec["industry"]
            assert rec["industry_reason"]


def test_coverage_counts_known_unknown_and_unknowable_and_names_the_biggest_unknowns():
    from netanalytics.recognition.recognise import industry_coverage

    companies = pd.Series(["Stripe", "Stripe, Inc.", "Universidad Tecnológica del Valle Norte", "Harlow & Finch",
                           "Harlow and Finch", "HARLOW & FINCH", "Quillfeather LLC", "Self-employed",
                           None, "Bluefin Therapeutics"])
    rec = recognise_people(companies, pd.Series([None] * len(companies)))
    cov = industry_coverage(companies, rec, top=1)
    assert cov["people"] == 10
    assert cov["known"] == 4 and cov["known_share"] == pytest.approx(0.4)
    assert cov["by_source"] == {"user": 0, "gazetteer": 2, "pattern": 1, "colleagues": 0, "keyword": 1}
    assert cov["unknown"] == 4 and cov["unknowable"] == 2
    assert cov["top_unknown"] == [("Harlow & Finch", 3)]


def test_coverage_of_an_empty_network():
    from netanalytics.recognition.recognise import industry_coverage

    empty = pd.Series([], dtype=object)
    cov = industry_coverage(empty, recognise_people(empty, empty))
    assert cov["people"] == 0 and cov["known_share"] == 0.0 and cov["top_unknown"] == []


MIXED = pd.DataFrame({
    "company": ["Stripe", "Stripe, Inc.", "PwC India", "Harlow & Finch", "Freelance", None, "University of Oslo",
                "Latham & Watkins LLP", "Vantage Therapeutics", "北京大学", "Acme Zed", "Acme Zed", "Acme Zed", 42],
    "title": ["Sr. PM", "APM", "Senior Associate", "Analyst", "Consultant", None, "Professor", "Associate Attorney",
              "Scientist", "教授", "Underwriter", "Underwriter", "Actuary", "Engineer"],
})


def test_a_column_reads_as_its_names_one_by_one_and_caches_change_no_answer():
    """The column path (stages, gazetteer answers built once per organisation, caches) gives
    what each name alone gives, before and after the caches are emptied."""
    from netanalytics.recognition import companies, titles
    from netanalytics.recognition.companies import recognise_company
    from netanalytics.recognition.titles import read_title

    first = recognise_people(MIXED["company"], MIXED["title"])
    companies._clear_caches()
    titles._clear_caches()
    again = recognise_people(MIXED["company"], MIXED["title"])
    pd.testing.assert_frame_equal(first, again)
    for i, (company, title) in enumerate(zip(MIXED["company"], MIXED["title"], strict=True)):
        alone = recognise_company(company)
        if first.loc[i, "industry_source"] != "colleagues":
            assert first.loc[i, "industry"] == (alone.industry if alone else None)
            assert first.loc[i, "industry_reason"] == (alone.reason if alone else None)
        reading = read_title(title)
        assert (first.loc[i, "function"], first.loc[i, "seniority"]) == (reading.function, reading.seniority)
    assert first.loc[10, "industry_source"] == "colleagues" and first.loc[13, "unknowable"]
