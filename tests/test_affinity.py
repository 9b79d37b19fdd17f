"""Affinity with me: a past employer or a school in common, and coffee, video or unknown."""

from __future__ import annotations

import pandas as pd
import pytest

from netanalytics.graph import NetworkTables
from netanalytics.scoring.affinity import (
    AFFINITY_COLUMNS,
    MyBackground,
    affinity_reasons,
    affinity_table,
    compare,
    meeting_for,
)

ME = MyBackground.of(
    location="Boston, Massachusetts, United States",
    employers=[("Beth Israel Deaconess Medical Center", 2025, None), ("McKinsey & Company", 2019, 2021),
               ("Self-employed", 2018, 2019)],
    education=[{"school": "Northeastern University", "field": "Economics", "start_year": 2016, "end_year": 2020}],
)


def people(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["person_id", "company", "location"], dtype=object)


# --------------------------------------------------------------------------- coffee, video, unknown


@pytest.mark.parametrize(("location", "mode", "words"), [
    ("Cambridge, MA", "coffee", "both in Greater Boston (Boston and Cambridge, 4 km apart)"),
    ("Greater Boston", "coffee", "both in Greater Boston (you are in Boston)"),
    ("Boston, MA", "coffee", "both in Boston"),
    ("Worcester, Massachusetts, United States", "video", "Boston and Worcester are 62 km apart"),
    ("Providence, Rhode Island", "video", "Boston and Providence are 66 km apart"),
    ("London Area, United Kingdom", "video", "Boston and the London Area are 5264 km apart"),
    ("Remote", "unknown", "their location is “Remote”"),
    ("Massachusetts, United States", "unknown", "their location is only Massachusetts, US, too broad"),
    ("somewhere nice", "unknown", "their location is unknown — ask where they are"),
    (None, "unknown", "their location is unknown — ask where they are"),
])
def test_the_meeting_is_coffee_video_or_unknown_and_names_the_places(location, mode, words):
    label, got, reason = meeting_for(ME, location)
    assert got == mode
    assert words in reason


def test_coffee_at_the_40_km_boundary_and_no_silent_video_when_mine_is_unknown():
    near = MyBackground.of(location="Boston, MA")
    assert meeting_for(near, "Framingham, Massachusetts")[1] == "coffee"  # ~30 km, in Greater Boston
    assert meeting_for(near, "Worcester, MA")[1] == "video"  # ~63 km
    nobody = MyBackground.of(location=None)
    label, mode, reason = meeting_for(nobody, "Denver, CO")
    assert (label, mode) == ("Denver, Colorado, US", "unknown")
    assert "your own location is unknown" in reason


def test_the_table_gives_every_row_a_meeting_and_a_place_label():
    frame = people(("a", None, "Cambridge, MA"), ("b", None, None), ("c", None, "Denver, Colorado"),
                   ("d", None, "Cambridge, MA"))
    out = affinity_table(frame, ME, year=2026)
    assert list(out.columns) == AFFINITY_COLUMNS
    assert out["meeting"].tolist() == ["coffee", "unknown", "video", "coffee"]
    assert out["place"].tolist() == ["Cambridge, Massachusetts, US", None, "Denver, Colorado, US",
                                     "Cambridge, Massachusetts, US"]
    assert out["affinity"].tolist() == pytest.approx([0.2, 0.0, 0.0, 0.2])


# --------------------------------------------------------------------------- employers


def test_a_past_employer_from_their_saved_profile_raises_affinity_with_a_reason():
    frame = people(("a", "Stripe", "Denver, CO"), ("b", "Stripe", "Denver, CO"))
    experience = pd.DataFrame([
        ("a", "Stripe", "2022-03", None), ("a", "McKinsey & Co.", "2016-09", "2019-12"),
        ("b", "Stripe", "2020-01", None),
    ], columns=["person_id", "company", "started", "ended"])
    out = affinity_table(frame, ME, experience=experience, year=2026)
    assert out["shared_employer"].tolist() == ["McKinsey & Company", None]
    assert out["employer_reason"].iat[0] == "you both worked at McKinsey & Company (they were there 2016–2019)"
    assert out["affinity"].tolist() == pytest.approx([0.5, 0.0])


def test_a_current_employer_and_one_a_newer_list_replaced_both_count():
    frame = people(("a", "Beth Israel Deaconess Medical Center", None), ("b", "Toast", None))
    history = pd.DataFrame({"person_id": ["b"], "field": ["company"], "old_value": ["McKinsey & Company, Inc."]})
    out = affinity_table(frame, ME, history=history, year=2026)
    assert out["employer_reason"].tolist() == [
        "you both work at Beth Israel Deaconess Medical Center", "you both worked at McKinsey & Company"]


def test_names_that_say_nothing_never_make_a_shared_employer():
    frame = people(("a", "Self-employed", None), ("b", "Freelance", None))
    out = affinity_table(frame, ME, year=2026)
    assert out["shared_employer"].isna().all()


# --------------------------------------------------------------------------- schools


def test_a_shared_school_with_field_and_years_counts_more_than_the_school_alone():
    frame = people(("a", "Stripe", None), ("b", "Ramp", None), ("c", "Brex", None), ("d", "Mercury", None))
    education = pd.DataFrame([
        ("a", "Northeastern University", "Econ", 2015, 2019),
        ("b", "Northeastern University", "Computer Science", 2010, 2014),
        ("c", "Northeastern University", "Computer Science", 2018, 2022),
        ("d", "Boston University", "Economics", 2016, 2020),
    ], columns=["person_id", "school", "field", "start_year", "end_year"])
    out = affinity_table(frame, ME, education=education, year=2026)
    assert out["shared_school"].tolist() == ["Northeastern University"] * 3 + [None]
    assert out["school_reason"].iat[0] == (
        "you both studied economics at Northeastern University, at the same time (2016–2019); they graduated 2019")
    assert out["school_reason"].iat[1] == "you both went to Northeastern University; they graduated 2014"
    assert out["affinity"].tolist() == pytest.approx([0.5, 0.3, 0.4, 0.0])


def test_working_at_my_school_is_a_school_in_common():
    out = affinity_table(people(("a", "Northeastern University", None)), ME, year=2026)
    assert out["school_reason"].iat[0] == "they work at Northeastern University, where you studied"


def test_everything_together_is_capped_at_one():
    found = compare(ME, location="Cambridge, MA", company="McKinsey & Company",
                    education=[{"school": "Northeastern University", "field": "Economics",
                                "start_year": 2017, "end_year": 2021}], year=2026)
    assert found.score() == 1.0
    assert found.employer_reason == "they work at McKinsey & Company, where you worked"


def test_reasons_in_words_shared_things_then_how_to_meet():
    row = {"school_reason": "you both went to Northeastern University", "employer_reason": None,
           "meeting": "video", "meeting_reason": "Boston and Denver are 2841 km apart"}
    assert affinity_reasons(row) == ["you both went to Northeastern University",
                                     "suggest a video call: Boston and Denver are 2841 km apart"]
    assert affinity_reasons({"meeting": "coffee", "meeting_reason": "both in Boston"}) == [
        "suggest coffee: both in Boston"]


# --------------------------------------------------------------------------- my background


def test_my_background_comes_from_my_row_positions_roles_and_schools():
    frame = pd.DataFrame({"person_id": ["me", "a"], "full_name": ["Me", "Ann"],
                          "company": ["Toast", "Stripe"], "location": ["Cambridge, MA", None]})
    ties = pd.DataFrame({"owner_id": ["me"], "person_id": ["a"]})
    tables = NetworkTables.from_frames(
        frame, ties, "me", my_profile={"location": "Seattle, WA"},
        my_positions=pd.DataFrame({"company": ["Flywire"], "title": ["Analyst"], "location": [None],
                                   "started_on": ["2021-01-01"], "finished_on": ["2023-05-01"]}),
        education=pd.DataFrame([("me", "UC Berkeley", "Economics", 2015, 2019)],
                               columns=["person_id", "school", "field", "start_year", "end_year"]),
    )
    mine = MyBackground.from_tables(tables)
    assert mine.location == "Cambridge, MA"  # my row (the user's word or my archive) first
    assert set(mine.employer_keys) == {"toast", "flywire"}
    assert mine.employer_keys["flywire"] == ("Flywire", 2021, 2023)
    assert mine.school_keys == {"university of california berkeley"}


def test_studying_somewhere_is_a_school_not_an_employer():
    me = MyBackground.of(employers=[("Northeastern University", 2023, 2025, "Research Assistant")])
    frame = people(("a", "Flywire", None))
    experience = pd.DataFrame([("a", "Northeastern University", "2021-09", "2025-05", "Student")],
                              columns=["person_id", "company", "started", "ended", "title"])
    assert affinity_table(frame, me, experience=experience)["shared_employer"].isna().all()
    student = MyBackground.of(employers=[("Northeastern University", 2021, 2025, "Student")])
    assert student.employer_keys == {}
