"""Untrusted strings: CSV formula injection, HTML escaping, file names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from netanalytics.safety import csv_safe_cell, csv_safe_row, html_text, safe_filename


def test_risky_cells_get_an_apostrophe_and_the_rest_pass_through():
    for risky in ("=1+1", "+44 20", "-5", "@SUM(A1)", "\tx", "\rx", "＝1+1"):
        assert csv_safe_cell(risky) == "'" + risky
    for fine in ("Ada", "", "5-a-side", 3, 2.5, None):
        assert csv_safe_cell(fine) == fine
    assert csv_safe_row({"a": "=x", "b": 1}) == {"a": "'=x", "b": 1}


def test_html_text_escapes_markup_and_quotes():
    assert html_text('<img src=x onerror=alert(1)> "q" \'s\'') == (
        "&lt;img src=x onerror=alert(1)&gt; &quot;q&quot; &#x27;s&#x27;"
    )
    assert html_text(None) == ""


@given(st.text())
def test_safe_filename_never_escapes_its_folder(value):
    name = safe_filename(value)
    assert name and "/" not in name and "\\" not in name and not name.startswith(".")
    assert name.isascii() and len(name) <= 80
