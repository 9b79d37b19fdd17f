"""Affinity with me: shared employer/school and coffee vs video."""

from __future__ import annotations

import pandas as pd
import pytest

from netanalytics.scoring.affinity import (
    affinity_reasons,
    affinity_table,
    meeting_kind,
    metro_key,
    same_metro,
)


def test_metro_keys_and_aliases():
    assert metro_key("Boston, Massachusetts, United States") == "boston"
    assert metro_key("Greater New York City Area") == "new york"
    assert metro_key("  ") is None
    assert same_metro("Brooklyn, NY", "New York, New York") is True
    assert same_metro("Chicago, IL", "Boston") is False
    assert meeting_kind(None) == "video" and meeting_kind(True) == "coffee"


def test_affinity_table():
    people = pd.DataFrame({
        "person_id": ["a", "b", "c"],
        "company": ["Harborview Health", "Eastbrook University", "Other"],
        "position": ["Analyst", "Lecturer", "Chef"],
        "location": ["Boston, MA", None, "Chicago"],
    })
    history = pd.DataFrame({"person_id": ["c"], "field": ["company"], "old_value": ["Lumen Learning Labs"]})
    out = affinity_table(people, my_location="Boston, Massachusetts", my_employers=["Harborview Health", "Lumen Learning Labs"],
                         my_schools=["Eastbrook University"], history=history)
    assert out["shared_employer"].tolist() == ["Harborview Health", None, "Lumen Learning Labs"]
    assert out["shared_school"].tolist() == [None, "Eastbrook University", None]
    assert out["same_metro"].tolist() == [True, None, False]
    assert out["meeting"].tolist() == ["coffee", "video", "video"]
    assert out["affinity"].tolist() == pytest.approx([0.7, 0.5, 0.5])


def test_reasons_words():
    reasons = affinity_reasons({"shared_employer": None, "shared_school": "Eastbrook University", "same_metro": False},
                               "Sam Ortiz", location="Chicago")
    assert reasons == ["Sam is connected to your school, Eastbrook University",
                       "Sam is in another city (Chicago) — suggest a video call"]
    assert affinity_reasons({"shared_employer": float("nan")}, "Sam")[0] == "Sam's location is unknown — suggest a video call"
