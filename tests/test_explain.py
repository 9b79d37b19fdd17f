"""Reasons in words."""

from __future__ import annotations

from netanalytics.ranking.explain import (
    chance_sentence,
    first_name,
    hop_sentence,
    novelty_sentence,
    path_sentence,
)


def test_path_sentences():
    assert path_sentence(["You", "Sam Ortiz"], [None], [None]) == "You know Sam Ortiz directly"
    text = path_sentence(["You", "Maya Chen", "Sam Ortiz"], ["close friend, 14 messages, last in October 2026"],
                         [{}, {"shared_employer": True, "_company": "Bluefin Payments"}])
    assert text == "Maya Chen (close friend, 14 messages, last in October 2026) works with Sam Ortiz at Bluefin Payments"
    three = path_sentence(["You", "Ann", "Bo", "Cy"], ["friend", "in Ann's connections", None], [{}, {}, {}])
    assert three == "Ann (friend) knows Bo (in Ann's connections), who knows Cy"


def test_small_phrases():
    assert hop_sentence("A", "B", None, None) == "knows B"
    assert chance_sentence(0.004, 1) == "about 1% chance of a warm introduction"
    assert chance_sentence(0.0, 1) == "about 0% chance of a warm introduction"
    assert novelty_sentence(0, 0.1) is None
    assert "Rajkumar" in novelty_sentence(1, 0.6)
    assert first_name("") == "them"
