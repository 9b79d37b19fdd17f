"""Name, company and URL normalisation: what two spellings of one identity share."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netanalytics.identity.normalize import (
    company_key,
    display_name,
    name_key,
    normalize_email,
    normalize_profile_url,
    short_name,
)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Ada Lovelace", "ada lovelace"),
        ("Lee Park, MBA", "lee park"),
        ("Lee Park, PMP®", "lee park"),
        ("Lee Park, MBA, PMP®, CSM", "lee park"),
        ("Lee Park, Ph.D.", "lee park"),
        ("Lee Park, SHRM-CP", "lee park"),  # an all-caps token after a comma, by pattern
        ("Lee Park MBA", "lee park"),  # a listed credential without the comma
        ("Lee Park (she/her)", "lee park"),
        ("Lee Park she/her", "lee park"),
        ("Lee Park (they/them/theirs)", "lee park"),
        ('Robert "Bob" Park', "robert park"),
        ("Robert “Bob” Park", "robert park"),
        ("Robert (Bob) Park", "robert park"),
        ("Lee Park 🚀✨", "lee park"),
        ("Lee\u200b Park\u200e", "lee park"),  # zero-width space, direction mark
        ("Lee\u00a0Park", "lee park"),  # non-breaking space
        ("  Lee    Park  ", "lee park"),
        ("LEE PARK", "lee park"),
        ("Zoë Müller-Lüdenscheidt", "zoe muller ludenscheidt"),
        ("José Ñúñez", "jose nunez"),
        ("Siobhán O'Brien", "siobhan obrien"),
        ("Siobhán O’Brien", "siobhan obrien"),
        ("Dr. Ana Ruiz", "ana ruiz"),
        ("Sam Lee, Jr.", "sam lee jr"),  # generational suffixes are part of the name
        ("王 小明", "wang xiao ming"),
        ("", ""),
        (None, ""),
    ],
)
def test_name_key(raw, key):
    assert name_key(raw) == key


def test_name_key_same_for_decorated_and_plain_spellings():
    plain = name_key("Priya Natarajan")
    for decorated in ("Priya Natarajan, MBA", "PRIYA NATARAJAN (she/her)", "Priya  Natarajan 🌟",
                      "\u200ePriya Natarajan, CFA®"):
        assert name_key(decorated) == plain


def test_name_key_fast_path_agrees_with_full_path():
    # ASCII names take a shortcut; the same name with a zero-width char takes the full path.
    for name in ("Jane Doe", "Jane Doe MBA", "Dr. Jane Doe", "J.R. Smith-Jones", "Ann O'Neil"):
        assert name_key(name) == name_key(name + "\u200b")


def test_name_key_of_only_emoji_falls_back_to_nothing_rather_than_failing():
    assert name_key("🚀🚀") == ""


@given(st.text(max_size=60))
@settings(max_examples=100, deadline=None)
def test_name_key_is_plain_lower_ascii_words_for_any_text(text):
    key = name_key(text)
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", key)


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.linkedin.com/in/zo%C3%AB-m%C3%BCller",
        "https://www.linkedin.com/in/zo%c3%ab-m%c3%bcller",  # lower-case hex
        "https://www.linkedin.com/in/Zo%C3%AB-M%C3%BCller/",
        "http://linkedin.com/in/zoë-müller",
        "www.linkedin.com/in/zoë-müller",  # no scheme
        "linkedin.com/in/zoë-müller/",
        "https://fr.linkedin.com/in/zoë-müller",  # locale subdomains
        "https://uk.linkedin.com/in/zoë-müller/",
        "https://www.linkedin.com/in/zoë-müller?trk=people-guest",
        "https://www.linkedin.com/in/zoë-müller/#about",
        "  https://www.linkedin.com/in/ZOË-MÜLLER  ",
        "https://www.linkedin.com/in/zoe\u0308-mu\u0308ller",  # decomposed umlauts (NFD)
    ],
)
def test_profile_url_variants_share_one_key(variant):
    assert normalize_profile_url(variant) == "linkedin.com/in/zoë-müller"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-éüß%ABC", min_size=1, max_size=30))
@settings(max_examples=100, deadline=None)
def test_profile_url_fast_path_agrees_with_full_path(slug):
    fast = normalize_profile_url("https://www.linkedin.com/in/" + slug)
    slow = normalize_profile_url("HTTPS://WWW.linkedin.com/in/" + slug)
    assert fast == slow


def test_profile_url_blank_and_urn():
    assert normalize_profile_url(None) is None
    assert normalize_profile_url("  ") is None
    assert normalize_profile_url("urn:li:member:123") == "urn:li:member:123"


def test_email():
    assert normalize_email("Mailto:Ada@Example.com") == "ada@example.com"
    assert normalize_email("not an email") is None


@pytest.mark.parametrize(
    ("a", "b"),
    [("Acme, Inc.", "ACME"), ("The Boston Consulting Group", "Boston Consulting Group LLC"),
     ("Müller GmbH", "muller"), ("AT&T", "AT and T")],
)
def test_company_key_ignores_legal_suffixes_case_and_accents(a, b):
    assert company_key(a) == company_key(b)


def test_company_key_keeps_different_companies_apart():
    assert company_key("Acme") != company_key("Apex")
    assert company_key(None) == ""


def test_display_name_keeps_what_the_person_wrote():
    assert display_name("Zoë", "Müller, MBA 🚀") == "Zoë Müller, MBA 🚀"
    assert display_name("\u200bAda ", " Lovelace\u200e") == "Ada Lovelace"
    assert display_name("Ada", None) == "Ada"
    assert display_name(None, None) == ""


def test_short_name_for_labels():
    assert short_name("Marisol Reyes, CFA") == "Marisol Reyes"
    assert short_name("Sam Kowalczyk (they/them)") == "Sam Kowalczyk"
    assert short_name("Sam Lee, Jr.") == "Sam Lee, Jr."
    assert short_name("") == ""


@given(st.text(max_size=40))
@settings(max_examples=100, deadline=None)
def test_cached_transliteration_equals_unidecode(text):
    # name_key transliterates with a per-character cache; Unidecode is per character too.
    from unidecode import unidecode

    from netanalytics.identity.normalize import _TO_ASCII

    assert text.translate(_TO_ASCII) == unidecode(text)


@given(st.text(alphabet="abcMBAPhD drs .'-09", max_size=30))
@settings(max_examples=100, deadline=None)
def test_name_key_fast_path_equals_full_path_for_any_plain_name(text):
    # A zero-width space in front forces the full path; it must give the same key.
    assert name_key(text) == name_key("\u200b" + text)
