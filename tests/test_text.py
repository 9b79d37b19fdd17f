"""Text normalisation for companies and titles, and the coded column that searches it fast."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from netanalytics.text import TextColumn, keyword_pattern, norm_series, norm_text


def test_keywords_match_whole_words_only():
    assert re.search(keyword_pattern(["ai"]), "ai labs") and not re.search(keyword_pattern(["ai"]), "mail")
    assert norm_text("Pine&Pebble") == "pine and pebble"
    assert re.search(keyword_pattern([]), "anything") is None


@given(st.lists(st.one_of(st.none(), st.text(max_size=20)), max_size=20))
def test_vectorised_normalisation_equals_the_scalar_one(values):
    assert norm_series(pd.Series(values, dtype=object)).tolist() == [norm_text(v) for v in values]


def test_text_column_searches_distinct_values_and_spreads_back():
    col = TextColumn.from_values(pd.Series(["Bluefin Payments", None, "BLUEFIN payments", "Acme"]))
    assert col.contains(keyword_pattern(["payments"], capture=False)).tolist() == [True, False, True, False]
    assert col.group_codes()[0] == col.group_codes()[2] != col.group_codes()[3]
    assert col.group_codes()[1] == -1
    assert col.known().tolist() == [True, False, True, True]
    assert col.take([3, 0]).full().tolist() == ["acme", "bluefin payments"]
