"""Fit to the target: per criterion, weighted, vectorised, with reasons."""

from __future__ import annotations

import pandas as pd
import pytest

from netanalytics.scoring.fit import fit, fit_reasons, fit_table
from netanalytics.scoring.target import TargetSpec


def _people(*rows):
    return pd.DataFrame(rows, columns=["company", "position", "location"])


def test_industry_and_title_combine_as_weighted_mean():
    spec = TargetSpec.from_mapping({"industries": ["fintech"], "titles": ["product manager"]})
    table = fit_table(_people(("Bluefin Payments", "Product Manager", None), ("Harborview Health", "Product Manager", None),
                              ("Stripe", "Engineer", None), ("Acme", "Product Lead", None), (None, None, None)), spec)
    # (1 + 1) / 2, (0 + 1) / 2, (1 + 0) / 2, (0 + 0.5 * 1/2) / 2, 0
    assert table["fit"].tolist() == pytest.approx([1.0, 0.5, 0.5, 0.125, 0.0])
    assert table["industry_how"].tolist()[:3] == ["company", None, "employer"]


def test_reasons_name_what_matched():
    spec = TargetSpec.from_mapping({"industries": ["fintech"], "titles": ["product manager"]})
    score, reasons = fit({"company": "Bluefin Payments", "position": "Senior Product Manager"}, spec)
    assert score == 1.0
    assert reasons == ["title matches 'product manager'", "company is in the fintech list (name contains 'payments')"]
    _, reasons = fit({"company": "Stripe", "position": "Risk Analyst"}, spec)
    assert reasons == ["company is a known fintech employer"]


def test_companies_seniority_location_and_weights():
    spec = TargetSpec.from_mapping({"companies": ["Bluefin Payments"], "seniority": ["director"],
                                    "locations": ["Boston"], "weights": {"locations": 1.0}})
    table = fit_table(_people(("Bluefin Payments Inc", "Director of Product", "Boston, MA"),
                              ("Other", "Director", "Chicago"), ("Other", "Intern", None)), spec)
    # weights companies 1, seniority 0.5, locations 1: (1 + 0.5 + 1) / 2.5; (0 + 0.5 + 0) / 2.5; (0 + 0 + 0.5) / 2.5
    assert table["fit"].tolist() == pytest.approx([1.0, 0.2, 0.2])
    reasons = fit_reasons(table.iloc[0].to_dict(), spec)
    assert "works at bluefin payments, a company you listed" in reasons and "located in boston" in reasons
    assert "location unknown" in fit_reasons(table.iloc[2].to_dict(), spec)


def test_title_keyword_of_industry_gives_partial_industry_fit():
    spec = TargetSpec.from_mapping({"industries": ["insurance"]})
    table = fit_table(_people(("Acme", "Claims Adjuster", None)), spec)
    assert table["fit"].iloc[0] == pytest.approx(0.6)
    assert fit_reasons(table.iloc[0].to_dict(), spec) == ["title suggests insurance ('claims')"]


def test_partial_title_credit_needs_the_first_word():
    spec = TargetSpec.from_mapping({"titles": ["product manager"]})
    table = fit_table(_people(("Acme", "Operations Manager", None), ("Acme", "Director of Product", None)), spec)
    assert table["fit"].tolist() == pytest.approx([0.0, 0.25])
