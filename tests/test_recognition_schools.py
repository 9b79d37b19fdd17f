"""Schools: one key per school however it is written; shared schools with a reason."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netanalytics.ingest.profile_pdf import Education
from netanalytics.recognition.schools import (
    field_keys,
    parse_school,
    same_field,
    same_school,
    school_key,
    school_keys,
    shared_schools,
)

SAME = [
    ("UC Berkeley", "University of California, Berkeley"),
    ("Berkeley", "University of California at Berkeley"),
    ("U.C. Berkeley", "University of California Berkeley"),
    ("MIT", "Massachusetts Institute of Technology"),
    ("M.I.T.", "MIT Sloan School of Management"),
    ("Stanford University Graduate School of Business", "Stanford University"),
    ("Stanford GSB", "Stanford"),
    ("LSE", "The London School of Economics and Political Science (LSE)"),
    ("London School of Economics", "London School of Economics and Political Science"),
    ("The University of Texas at Austin", "UT Austin"),
    ("University of Texas, Austin", "UT-Austin"),
    ("University of Texas at Austin - Red McCombs School of Business", "The University of Texas at Austin"),
    ("Universidad Nacional Autónoma de México", "UNAM"),
    ("Universidad Nacional Autonoma de Mexico", "National Autonomous University of Mexico"),
    ("IIT Bombay", "Indian Institute of Technology, Bombay"),
    ("Indian Institute of Technology Bombay", "IIT-B"),
    ("IIT Delhi", "Indian Institute of Technology (IIT), Delhi"),
    ("École Polytechnique", "Ecole polytechnique"),
    ("Harvard Business School", "Harvard University"),
    ("The Wharton School", "University of Pennsylvania"),
    ("Kellogg School of Management", "Northwestern University"),
    ("清华大学", "Tsinghua University"),
    ("ETH Zürich", "Swiss Federal Institute of Technology Zurich"),
    ("Technische Universität München", "Technical University of Munich"),
    ("Eastbrook University", "eastbrook  university"),
    ("Eastbrook University - School of Engineering", "Eastbrook University"),
    ("Eastbrook University School of Law", "Eastbrook University"),
    ("The Eastbrook University", "Eastbrook University"),
    ("SUNY Buffalo", "State University of New York at Buffalo"),
    ("University of Illinois at Urbana-Champaign", "UIUC"),
    ("Universidade de São Paulo", "USP"),
]

DIFFERENT = [
    ("University of Washington", "Washington University in St. Louis"),
    ("École Polytechnique", "École Polytechnique Fédérale de Lausanne"),
    ("University of California, Berkeley", "University of California, Los Angeles"),
    ("UC Berkeley", "Berklee College of Music"),
    ("University of Michigan", "Michigan State University"),
    ("Penn State", "University of Pennsylvania"),
    ("IIT Bombay", "IIT Delhi"),
    ("Columbia University", "Columbia College Chicago"),
    ("University of Oxford", "Oxford Brookes University"),
    ("Boston University", "Boston College"),
    ("University College London", "Imperial College London"),
    ("Eastbrook University", "Eastbrook Community College"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_the_same_school_written_differently(a, b):
    assert same_school(a, b), (school_key(a), school_key(b))


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_schools_stay_different(a, b):
    assert not same_school(a, b)


@pytest.mark.parametrize("name", ["Coursera", "Udemy", "LinkedIn Learning", "Self-taught", "High School", "-", "", "   ", None, 42])
def test_platforms_and_placeholders_are_no_school(name):
    assert school_key(name) is None
    assert not same_school(name, name)


def test_sub_schools_are_kept_as_detail():
    assert parse_school("Stanford University Graduate School of Business").detail == "Graduate School of Business"
    assert parse_school("Harvard Business School").detail == "Harvard Business School"
    assert parse_school("Northwestern University - Kellogg School of Management").detail == "Kellogg School of Management"
    assert parse_school("Eastbrook University - School of Engineering").detail == "School of Engineering"
    assert parse_school("UC Berkeley").detail is None
    assert parse_school("University of California, Berkeley").detail is None  # a campus, not a sub-school
    assert parse_school("MIT").name == "Massachusetts Institute of Technology"
    assert parse_school("Some Unlisted Polytechnic").name == "Some Unlisted Polytechnic"


def test_ambiguous_abbreviations_are_not_guessed():
    # "UCB", "USC", "UW", "NTU" name several schools: they stay as written, matching only themselves.
    assert school_key("UCB") == "ucb" and not same_school("UCB", "UC Berkeley")
    assert not same_school("USC", "University of Southern California")
    assert not same_school("UW", "University of Washington")


def test_school_keys_over_a_column():
    keys = school_keys(pd.Series(["MIT", None, "Coursera", "mit"], index=[5, 6, 7, 8]))
    assert keys.index.tolist() == [5, 6, 7, 8]
    assert keys.tolist() == ["massachusetts institute of technology", None, None, "massachusetts institute of technology"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Economics", "Econ"),
        ("Economics, General", "Economía"),
        ("Computer Science", "CS"),
        ("Computer Science and Engineering", "Computer Science"),
        ("Business Administration and Management, General", "Business Administration"),
        ("Mathematics", "Applied Mathematics"),
        ("Economics and Mathematics", "Maths"),
        ("Underwater Basket Weaving", "underwater basket weaving"),
    ],
)
def test_the_same_field_of_study(a, b):
    assert same_field(a, b)


@pytest.mark.parametrize(("a", "b"), [("Economics", "Finance"), ("Computer Science", "Computer Engineering"), ("", ""), (None, "Economics")])
def test_different_fields(a, b):
    assert not same_field(a, b)


def test_field_keys():
    assert field_keys("Economics & Finance") == {"economics", "finance"}
    assert field_keys(None) == frozenset()


# --------------------------------------------------------------------------- comparing two people


def test_same_school_same_field_says_so_and_when_they_graduated():
    me = [Education("Eastbrook University", "BA", "Econ", 2010, 2014)]
    them = [Education("Eastbrook University", "BA", "Economics", 2015, 2019)]
    [shared] = shared_schools(me, them, year=2025)
    assert shared.reason == "you both studied economics at Eastbrook University; they graduated 2019"
    assert (shared.field, shared.together, shared.their_end_year, shared.strength) == ("economics", None, 2019, 2)


def test_overlapping_years_are_named():
    me = [{"school": "UC Berkeley", "field": "Computer Science", "start_year": 2016, "end_year": 2020}]
    them = [{"school": "University of California, Berkeley", "field": "History", "start_year": 2018, "end_year": 2022}]
    [shared] = shared_schools(me, them, year=2025)
    assert shared.reason == "you both went to University of California, Berkeley, at the same time (2018–2020); they graduated 2022"
    assert shared.together == (2018, 2020) and shared.field is None


def test_a_school_they_still_attend():
    [shared] = shared_schools([{"school": "MIT"}], [{"school": "Massachusetts Institute of Technology", "end_year": 2027}], year=2025)
    assert shared.reason == "you both went to Massachusetts Institute of Technology; they finish in 2027"


def test_strongest_shared_school_first_and_one_entry_per_school():
    me = [
        {"school": "Stanford University", "field": "MBA", "start_year": 2018, "end_year": 2020},
        {"school": "IIT Bombay", "field": "Computer Science", "start_year": 2010, "end_year": 2014},
    ]
    them = [
        {"school": "Stanford GSB", "field": "Business", "start_year": 2021, "end_year": 2023},
        {"school": "Indian Institute of Technology, Bombay", "field": "CS", "start_year": 2011, "end_year": 2015},
        {"school": "Coursera", "field": "Machine Learning"},
    ]
    shared = shared_schools(me, them, year=2025)
    assert [s.school for s in shared] == ["Indian Institute of Technology, Bombay", "Stanford University"]
    assert shared[0].strength == 3 and "studied computer science" in shared[0].reason and "(2011–2014)" in shared[0].reason


def test_no_shared_school():
    assert shared_schools([{"school": "MIT"}], [{"school": "Caltech"}]) == []
    assert shared_schools([], [{"school": "MIT"}]) == []
    assert shared_schools([{"school": None}], [{"school": None}]) == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_school_functions_never_raise_and_same_school_is_symmetric(a, b):
    assert same_school(a, b) == same_school(b, a)
    if school_key(a) is not None:
        assert same_school(a, a)
    field_keys(a)
