"""clean_text: what is removed, what is kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netanalytics.ingest.names import INVISIBLE_CHARS, clean_text, full_name


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Ada   Lee ", "Ada Lee"),
        ("Ada\u00a0Lee", "Ada Lee"),
        ("Ada\u202fLee", "Ada Lee"),
        ("\ufeffAda", "Ada"),
        ("\u200eAda\u200f \u202aLee\u202c", "Ada Lee"),
        ("A\u200bda\u2060", "Ada"),
        ("Lee, MBA, PMP®", "Lee, MBA, PMP®"),
        ("Ada (she/her)", "Ada (she/her)"),
        ("Ada 🚀", "Ada 🚀"),
        ("Ada 👩\u200d💻", "Ada 👩\u200d💻"),  # the joiner inside an emoji stays
        ("Ad\u200da", "Ada"),  # a joiner between letters goes
        ("Ada\nLee\r\n", "Ada Lee"),
        ("Ada\x00\x07Lee", "AdaLee"),
        ("", None),
        ("\u200b \u00a0", None),
        (None, None),
    ],
)
def test_clean_text(raw: str | None, clean: str | None) -> None:
    assert clean_text(raw) == clean


def test_non_strings_are_stringified() -> None:
    assert clean_text(42) == "42"


@given(st.text())
def test_clean_text_properties(raw: str) -> None:
    cleaned = clean_text(raw)
    if cleaned is None:
        return
    assert cleaned == cleaned.strip() and "  " not in cleaned
    assert not any(ch in INVISIBLE_CHARS for ch in cleaned)
    assert not any(ch.isspace() and ch != " " for ch in cleaned)
    assert clean_text(cleaned) == cleaned  # idempotent


def test_full_name() -> None:
    assert full_name("Ada", "Lee") == "Ada Lee"
    assert full_name(None, None) is None
    assert full_name("Ada", None) == "Ada"
