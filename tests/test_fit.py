"""Fit to the target: per criterion, weighted, vectorised, with reasons — on real names."""

from __future__ import annotations

import pandas as pd
import pytest

from netanalytics.recognition.companies import company_key
from netanalytics.recognition.recognise import recognise_people
from netanalytics.scoring.fit import INDUSTRY_TRUST, OWN_TITLE_TRUST, fit, fit_reasons, fit_table
from netanalytics.scoring.target import TargetSpec

PM = TargetSpec.from_mapping({"titles": ["product manager"]})


def _people(*rows):
    return pd.DataFrame(rows, columns=["company", "position", "location"])


def test_industry_and_title_combine_as_weighted_mean():
    spec = TargetSpec.from_mapping({"industries": ["fintech"], "titles": ["product manager"]})
    table = fit_table(_people(("Stripe", "Product Manager", None), ("Kaiser Permanente", "Product Manager", None),
                              ("Plaid", "Software Engineer", None), ("Acme Widgets", "Product Analyst", None),
                              (None, None, None)), spec)
    # (1 + 1) / 2, (0 + 1) / 2, (1 + 0) / 2, (0 + 0.4 neighbour) / 2, 0
    assert table["fit"].tolist() == pytest.approx([1.0, 0.5, 0.5, 0.2, 0.0])
    assert table["industry_how"].tolist()[:3] == ["gazetteer", None, "gazetteer"]


@pytest.mark.parametrize("title", ["Sr. PM", "APM", "PM, Payments", "Produktmanager", "Chef de produit",
                                   "Senior Product Manager", "Gerente de Producto"])
def test_product_manager_finds_its_abbreviations_and_languages(title):
    table = fit_table(_people(("Stripe", title, None)), PM)
    assert table["title_score"].iloc[0] == 1.0
    assert title in table["title_kw"].iloc[0]


@pytest.mark.parametrize("title", ["Head of Product", "VP Product", "Director of Product Management"])
def test_product_leaders_match_product_manager_nearly_fully(title):
    assert fit_table(_people(("Stripe", title, None)), PM)["title_score"].iloc[0] >= 0.9


@pytest.mark.parametrize("title", ["Product Marketing Manager", "Project Manager", "Operations Manager"])
def test_other_jobs_do_not_match_product_manager(title):
    assert fit_table(_people(("Stripe", title, None)), PM)["title_score"].iloc[0] < 0.5


def test_reasons_name_what_matched_and_where_it_came_from():
    spec = TargetSpec.from_mapping({"industries": ["fintech"], "titles": ["product manager"]})
    score, reasons = fit({"company": "Stripe", "position": "Sr. PM"}, spec)
    assert score == 1.0
    assert reasons == ["'Sr. PM' is a product manager at senior level",
                       "Stripe: fintech, software, from the bundled company list"]
    _, reasons = fit({"company": "Stripe", "position": "Risk Analyst"}, spec)
    assert reasons == ["Stripe: fintech, software, from the bundled company list"]


def test_a_secondary_industry_matches_too():
    spec = TargetSpec.from_mapping({"industries": ["software"]})
    assert fit({"company": "Stripe", "position": "Engineer"}, spec)[0] == 1.0


def test_industry_credit_follows_the_trust_of_its_source():
    spec = TargetSpec.from_mapping({"industries": ["biotech"]})
    table = fit_table(_people(("Bluefin Therapeutics", "Analyst", None)), spec)
    assert table["industry_score"].iloc[0] == pytest.approx(INDUSTRY_TRUST["keyword"])
    assert table["industry_how"].iloc[0] == "keyword"
    assert "a guess from a word in its name" in fit_reasons(table.iloc[0].to_dict(), spec)[0]


def test_colleagues_tell_the_industry_with_their_evidence():
    people = _people(*[("Harbor & Stone LLC", t, None) for t in ("Underwriter", "Senior Underwriter", "Actuary")])
    spec = TargetSpec.from_mapping({"industries": ["insurance"]})
    table = fit_table(people, spec)
    assert table["industry_score"].tolist() == pytest.approx([INDUSTRY_TRUST["colleagues"]] * 3)
    assert fit_reasons(table.iloc[0].to_dict(), spec)[0].startswith("Harbor & Stone LLC: insurance, because 3 people")


def test_own_telling_title_gives_partial_industry_credit_when_the_company_is_unknown():
    spec = TargetSpec.from_mapping({"industries": ["insurance"]})
    table = fit_table(_people(("Harbor & Stone LLC", "Claims Adjuster", None)), spec)
    assert table["fit"].iloc[0] == pytest.approx(OWN_TITLE_TRUST)
    assert fit_reasons(table.iloc[0].to_dict(), spec) == [
        "'Claims Adjuster' suggests insurance (their company's industry is unknown)"]
    # A known company's industry is not overruled by the title.
    assert fit_table(_people(("Stripe", "Claims Adjuster", None)), spec)["fit"].iloc[0] == 0.0


def test_a_user_label_in_the_recognition_wins():
    people = _people(("Harbor & Stone LLC", "Analyst", None))
    rec = recognise_people(people["company"], people["position"], labels={company_key("Harbor and Stone"): "fintech"})
    spec = TargetSpec.from_mapping({"industries": ["fintech"]})
    table = fit_table(people, spec, recognition=rec)
    assert table["fit"].iloc[0] == 1.0
    assert fit_reasons(table.iloc[0].to_dict(), spec) == ["Harbor & Stone LLC: fintech, from your own label"]


@pytest.mark.parametrize("company", ["Self-employed", "Stealth Startup", "Confidential", "Freelance", None])
def test_unknowable_companies_never_fit_an_industry(company):
    spec = TargetSpec.from_mapping({"industries": ["fintech", "consulting", "software"]})
    assert fit_table(_people((company, "Consultant", None)), spec)["fit"].iloc[0] == 0.0


def test_functions_and_seniority_come_from_the_title():
    spec = TargetSpec.from_mapping({"functions": ["Product Management"], "seniority": ["director", "vp"]})
    table = fit_table(_people(("Stripe", "Head of Product", None), ("Stripe", "Product Marketing Manager", None),
                              ("Stripe", "VP Eng", None)), spec)
    # weights functions 1, seniority 0.5
    assert table["fit"].tolist() == pytest.approx([1.0, 0.0, 0.5 / 1.5])
    [reason] = fit_reasons(table.iloc[0].to_dict(), spec)
    assert "'Head of Product'" in reason and "director" in reason and "product management" in reason


@pytest.mark.parametrize(("title", "level"), [("Talent Acquisition Partner", "partner"),
                                              ("HR Business Partner", "partner"),
                                              ("MD, Internal Medicine", "director")])
def test_seniority_traps(title, level):
    spec = TargetSpec.from_mapping({"seniority": [level]})
    assert fit_table(_people(("Kaiser Permanente", title, None)), spec)["fit"].iloc[0] == 0.0


def test_founder_is_owner_and_old_level_words_still_work():
    spec = TargetSpec.from_mapping({"seniority": ["founder"]})
    assert spec.seniority == ("owner",)
    assert fit_table(_people(("Acme", "Co-Founder", None)), spec)["fit"].iloc[0] == 1.0
    assert TargetSpec.from_mapping({"seniority": ["intern", "executive"]}).seniority == ("training", "cxo")


def test_companies_match_the_same_organisation_not_a_namesake_inside_a_word():
    spec = TargetSpec.from_mapping({"companies": ["Facebook", "Ramp"]})
    table = fit_table(_people(("Meta", "Engineer", None), ("LiveRamp", "Engineer", None),
                              ("Ramp", "Engineer", None), ("Ramp Network", "Engineer", None)), spec)
    assert table["company_score"].tolist() == pytest.approx([1.0, 0.0, 1.0, 0.6])
    assert fit_reasons(table.iloc[0].to_dict(), spec) == ["works at Meta, a company you listed"]


def test_location_and_weights():
    spec = TargetSpec.from_mapping({"companies": ["Stripe"], "locations": ["Boston"], "weights": {"locations": 1.0}})
    table = fit_table(_people(("Stripe, Inc.", "PM", "Boston, MA"), ("Other", "PM", "Chicago"),
                              ("Other", "Intern", None)), spec)
    assert table["fit"].tolist() == pytest.approx([1.0, 0.0, 0.25])
    assert "located in boston" in fit_reasons(table.iloc[0].to_dict(), spec)
    assert "location unknown" in fit_reasons(table.iloc[2].to_dict(), spec)


def test_schools_match_the_schools_people_studied_at_however_written():
    people = pd.DataFrame({"person_id": ["a", "b", "c", "d"],
                           "company": ["Stripe", "Northeastern University", "Ramp", "Brex"],
                           "position": ["PM", "Professor", "PM", "PM"], "location": [None] * 4})
    education = pd.DataFrame({"person_id": ["a", "c", "d"],
                              "school": ["UC Berkeley", "Coursera", "Washington University in St. Louis"]})
    spec = TargetSpec(schools=("University of California, Berkeley", "Northeastern University", "University of Washington"))
    out = fit_table(people, spec, education=education)
    assert out["school_score"].tolist() == [1.0, 1.0, 0.0, 0.0]
    assert out["school_kw"].tolist() == ["studied at University of California, Berkeley, a school you listed",
                                         "works at Northeastern University, a school you listed", None, None]


def test_near_works_on_places_with_a_radius_and_says_which_places():
    people = pd.DataFrame({"person_id": list("abcdefg"), "company": ["Stripe"] * 7, "position": ["PM"] * 7,
                           "location": ["Cambridge, MA", "Greater Boston", "Worcester, MA", "Denver, CO",
                                        "Massachusetts, United States", None, "London, United Kingdom"]})
    out = fit_table(people, TargetSpec(near=("Boston, MA",)))
    assert out["near_score"].tolist() == [1.0, 1.0, 0.0, 0.0, 0.5, 0.5, 0.0]
    assert out["near_kw"].tolist()[:4] == ["Cambridge is 4 km from Boston", "in Greater Boston, like Boston",
                                           "Worcester is 62 km from Boston", "Denver is 2841 km from Boston"]
    assert out["near_kw"].iat[5] == "location unknown"
    wider = fit_table(people, TargetSpec(near=("Boston, MA",), within_km=70))
    assert wider["near_score"].tolist()[:3] == [1.0, 1.0, 1.0]
    several = fit_table(people, TargetSpec(near=("Boston, MA", "Denver, Colorado")))
    assert several["near_score"].iat[3] == 1.0 and several["near_kw"].iat[3] == "in Denver"
