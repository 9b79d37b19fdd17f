"""Treat every string from an export as untrusted: helpers for CSV, HTML and file names.

>>> csv_safe_cell("=SUM(A1)")
"'=SUM(A1)"
>>> html_text("<img src=x onerror=alert(1)>")
'&lt;img src=x onerror=alert(1)&gt;'
>>> safe_filename("../../etc/passwd")
'etc_passwd'
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

__all__ = ["csv_safe_cell", "csv_safe_row", "html_text", "safe_filename"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formula injection: prefix risky text with a quote.

    Numbers pass through unchanged; text starting with ``= + - @``, a tab or a carriage
    return gets a leading apostrophe, so a spreadsheet shows it as text.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_safe_row(row: dict[str, Any]) -> dict[str, Any]:
    """:func:`csv_safe_cell` applied to every value of a row."""
    return {key: csv_safe_cell(value) for key, value in row.items()}


def html_text(value: Any) -> str:
    """Escape any value for use as text inside HTML (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_filename(value: str, *, default: str = "file", max_length: int = 80) -> str:
    """A file-name-safe slug of ``value``: no separators, no dots at the start, ASCII only."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", folded).strip("._-")
    slug = re.sub(r"_+", "_", slug)[:max_length].strip("._-")
    return slug or default
