"""workspace/search.py: the instant people search index (words, prefixes, real names)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from netanalytics.workspace.search import SearchIndex, query_words

PEOPLE = [
    ("p1", "Ebony Zhao (she/her)", "Stripe, Inc.", "Senior Product Manager"),
    ("p2", "Marisol Lindqvist, CFA", "J.P. Morgan", "Vice President"),
    ("p3", "José-Luis Ortega", "Banco Santander", "Analista de riesgos"),
    ("p4", "Sam Pearson", "Stripes Group", "Engineer"),
    ("p5", "Maya Chen", "Mayo Clinic", "Nurse"),
]


def test_words_match_the_start_of_words_in_name_company_or_title():
    index = SearchIndex.build(PEOPLE)
    assert [p for p, _ in index.find("ebony zhao")] == ["p1"]  # pronouns are not part of the name
    assert [p for p, _ in index.find("jose luis")] == ["p3"]  # accents and hyphens folded
    assert [p for p, _ in index.find("santander analista")] == ["p3"]  # company and title together
    assert {p for p, _ in index.find("stripe")} == {"p1", "p4"}
    assert index.find("tripe") == []  # a word's start, never the middle of one
    assert index.find("") == [] and index.find("  ,; ") == []


def test_a_whole_word_and_a_name_rank_above_a_prefix_and_a_title():
    index = SearchIndex.build(PEOPLE)
    # "maya" is Maya Chen's whole first name and only the start of "Mayo" for the clinic
    assert [p for p, _ in index.find("maya")] == ["p5"]
    hits = index.find("may")
    assert [p for p, _ in hits] == ["p5"] and hits[0][1] >= 3
    stripe = dict(index.find("stripe"))
    assert stripe["p1"] >= stripe["p4"]  # Stripe, Inc. is the word 'stripe'; Stripes only starts with it


def test_query_words_fold_like_the_index():
    assert query_words("Ortega, José") == ["ortega", "jose"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1, max_size=20), st.text(max_size=20), st.text(max_size=20)),
                min_size=1, max_size=8), st.text(max_size=12))
def test_every_hit_matches_every_query_word(rows, text):
    people = [(f"p{i}", n, c, t) for i, (n, c, t) in enumerate(rows)]
    index = SearchIndex.build(people)
    for pid, _ in index.find(text):
        name, company, title = next((n, c, t) for p, n, c, t in people if p == pid)
        from netanalytics.identity.normalize import company_key, name_key

        words = (name_key(name) + " " + company_key(company) + " " + company_key(title)).split()
        assert all(any(w.startswith(q) for w in words) for q in query_words(text))
