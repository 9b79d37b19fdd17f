"""The industry taxonomy: shipped size, user extension, classification."""

from __future__ import annotations

import pytest

from netanalytics.errors import InputError
from netanalytics.recognition.taxonomy import classify_company, load_taxonomy


def test_shipped_taxonomy_is_complete():
    tax = load_taxonomy()
    assert len(tax) >= 30
    for ind in tax.values():
        # company keywords may be empty: only words precise on the gazetteer are kept
        # (tests/test_build_organisations.py checks each against the measurement)
        assert ind.title_keywords and ind.example_employers, ind.key


def test_user_file_extends_and_overrides(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[industries.space_law]\nlabel = "Space law"\ncompany_keywords = ["orbital"]\n'
                    '[industries.fintech]\nlabel = "Mine"\ncompany_keywords = ["coin"]\n')
    tax = load_taxonomy(path)
    assert tax["space_law"].company_keywords == ("orbital",)
    assert tax["fintech"].label == "Mine"
    assert classify_company("Orbital Counsel LLC", None, tax)[0] == "space_law"


@pytest.mark.parametrize("text,message", [
    ("not toml [", "invalid TOML"),
    ("[industries.x]\ncompany_keywords = 3\n", "a list of strings"),
    ("[industries.x]\nlabel = 'X'\n", "none of them"),
    ("title = 'x'\n", "no [industries] table"),
])
def test_bad_user_files_are_input_errors(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(InputError, match=message.replace("[", r"\[")):
        load_taxonomy(path)


def test_missing_user_file():
    with pytest.raises(InputError, match="does not exist"):
        load_taxonomy("/nonexistent/industries.toml")


def test_classification_prefers_employers_then_company_then_title():
    assert classify_company("Stripe", "Engineer")[0] == "fintech"
    assert classify_company("Keystone Therapeutics", None) == ("biotech", "company name contains 'therapeutics'")
    assert classify_company("Keystone Consulting Group", None)[0] is None  # "Group" is no keyword
    assert classify_company("Northwind Steel", None)[0] == "manufacturing"
    assert classify_company("Acme", "Registered Nurse")[0] == "healthcare"
    assert classify_company(None, None) == (None, "no industry keyword matched")


def test_company_keyword_rule_longest_whole_word_first_industry_on_ties():
    from dataclasses import replace

    from netanalytics.recognition.taxonomy import company_keyword_match, keyword_matcher

    tax = load_taxonomy()
    assert company_keyword_match("bluefin pharmaceuticals", tax) == ("biotech", "pharmaceuticals")
    assert company_keyword_match("pharmakon", tax) is None  # whole words only
    assert company_keyword_match("harbor electric power", tax) == ("energy", "electric power")
    # "health" is a keyword of healthcare and of healthtech: the industry listed first wins
    assert company_keyword_match("harbor health", tax)[0] == "healthcare"
    mine = {"a": replace(tax["fintech"], key="a", company_keywords=("blue sky",)),
            "b": replace(tax["banking"], key="b", company_keywords=("sky",))}
    match = keyword_matcher(mine)
    assert match("blue sky lending") == ("a", "blue sky")
    assert match("sky") == ("b", "sky")
    assert match("") is None
