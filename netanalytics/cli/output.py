"""Print listing rows as a table, JSON or CSV (formula-injection-safe).

Tables are for people: they fit a terminal of :data:`WIDTH` columns by wrapping long cells
onto more lines (never cutting a reason short with "…"); chances read as percentages
(``formats={"intro_chance": percent}``) and moments as dates. JSON and CSV keep every
value as it is, for programs.

>>> import io
>>> buf = io.StringIO()
>>> emit([{"name": "Ada", "score": 0.5}], "json", out=buf)
>>> buf.getvalue().strip()
'[\\n  {\\n    "name": "Ada",\\n    "score": 0.5\\n  }\\n]'
>>> buf = io.StringIO()
>>> emit([{"name": "Ada", "chance": 0.456}], "table", formats={"chance": percent}, out=buf)
>>> print(buf.getvalue().rstrip())
name  chance
----  ------
Ada      46%
"""

from __future__ import annotations

import csv
import json
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TextIO

from netanalytics.safety import csv_safe_row

__all__ = ["FORMATS", "WIDTH", "day", "emit", "moment", "percent", "wrap_table"]

FORMATS = ("table", "json", "csv")
#: The width a table must fit: wider cells wrap onto more lines.
WIDTH = 100


def percent(value: Any) -> str:
    """0.456 -> '46%' (a chance or a rate as people read it); '' when missing.

    >>> percent(0.456), percent(1), percent(None), percent(0.004)
    ('46%', '100%', '', '<1%')
    """
    if value is None or value != value:
        return ""
    value = float(value)
    if 0 < value < 0.005:
        return "<1%"
    return f"{value:.0%}"


def day(value: Any) -> str:
    """A date or a moment as 'Mon 2 Mar 2026' (a date a person reads).

    >>> day(date(2026, 3, 2)), day(datetime(2026, 3, 2, 15, 0)), day(None)
    ('Mon 2 Mar 2026', 'Mon 2 Mar 2026', '')
    """
    if value is None or value != value:
        return ""
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    return f"{value:%a} {value.day} {value:%b %Y}"


def moment(value: Any) -> str:
    """A moment as 'Mon 2 Mar 2026 15:00'.

    >>> moment(datetime(2026, 3, 2, 15, 0))
    'Mon 2 Mar 2026 15:00'
    """
    if value is None or value != value:
        return ""
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    return f"{day(value)} {value:%H:%M}"


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return "" if value != value else f"{value:.3f}"
    if isinstance(value, list | tuple):
        return "; ".join(_cell_text(v) for v in value)
    if isinstance(value, datetime):
        return moment(value)
    if isinstance(value, date):
        return day(value)
    return str(value)


def _widths(natural: list[int], minimum: list[int], width: int) -> list[int]:
    """Column widths that fit ``width`` (2 spaces between columns): the widest shrink first."""
    widths = list(natural)
    budget = width - 2 * (len(widths) - 1)
    while sum(widths) > budget:
        i = max(range(len(widths)), key=lambda k: widths[k] - minimum[k])
        if widths[i] <= minimum[i]:
            break
        widths[i] -= 1
    return widths


def wrap_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, width: int = WIDTH,
               right: Sequence[bool] | None = None, nowrap: Sequence[bool] | None = None) -> list[str]:
    """Lines of a text table that fits ``width`` columns: long cells wrap, nothing is cut.

    >>> lines = wrap_table(["who", "why"], [["Ada", "a long reason " * 3]], width=24)
    >>> print("\\n".join(lines))
    who  why
    ---  -------------------
    Ada  a long reason a
         long reason a long
         reason
    """
    head, blocks = _table_blocks(header, rows, width=width, right=right, nowrap=nowrap)
    return head + [line for block in blocks for line in block]


def _table_blocks(header: Sequence[str], rows: Sequence[Sequence[str]], *, width: int,
                  right: Sequence[bool] | None, nowrap: Sequence[bool] | None) -> tuple[list[str], list[list[str]]]:
    """The header lines, and the lines of each row, of a table that fits ``width``."""
    right = list(right or [False] * len(header))
    natural = [max([len(h), 1, *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    longest_word = [max([len(h), *(len(w) for r in rows for w in r[i].split() or [""])])
                    for i, h in enumerate(header)]
    keep = list(nowrap or [False] * len(header))
    minimum = [natural[i] if keep[i] else min(natural[i], max(16, min(longest_word[i], 24)))
               for i in range(len(header))]
    widths = _widths(natural, minimum, width)
    head = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
            "  ".join("-" * w for w in widths)]
    blocks = []
    for row in rows:
        cells = [textwrap.wrap(text, w, break_long_words=True, break_on_hyphens=False) or [""]
                 for text, w in zip(row, widths, strict=True)]
        block = []
        for k in range(max(len(c) for c in cells)):
            parts = []
            for i, cell in enumerate(cells):
                text = cell[k] if k < len(cell) else ""
                parts.append(text.rjust(widths[i]) if right[i] else text.ljust(widths[i]))
            block.append("  ".join(parts).rstrip())
        blocks.append(block)
    return head, blocks


def emit(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    *,
    columns: Sequence[str] | None = None,
    out: TextIO | None = None,
    labels: Mapping[str, str] | None = None,
    formats: Mapping[str, Callable[[Any], str]] | None = None,
    width: int = WIDTH,
    nowrap: Sequence[str] = (),
    below: Sequence[str] = (),
    max_width: int | None = None,
) -> None:
    """Write ``rows`` to ``out`` (stdout) as ``fmt``: 'table', 'json' or 'csv'.

    ``columns`` picks and orders the table and CSV columns (JSON always carries every key).
    In a table, ``labels`` names the columns, ``formats`` turns a column's values into text
    (:func:`percent`, :func:`day`), and long cells wrap to fit ``width`` columns (except
    the ``nowrap`` columns, e.g. a command to copy). The ``below`` columns (long reasons) are
    written under their row as an indented paragraph, across the whole width.
    ``max_width`` is accepted for older callers and ignored: nothing is cut any more.
    """
    out = out or sys.stdout
    rows = list(rows)
    if fmt == "json":
        json.dump(rows, out, indent=2, ensure_ascii=False, default=_json_default)
        out.write("\n")
        return
    cols = list(columns) if columns else (list(rows[0].keys()) if rows else [])
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            flat = {k: (_cell_text(v) if isinstance(v, list | tuple) else v) for k, v in row.items()}
            writer.writerow(csv_safe_row(flat))
        return
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if not rows:
        out.write("(nothing to show)\n")
        return
    labels = labels or {}
    formats = formats or {}
    under = [c for c in below if c in cols]
    cols = [c for c in cols if c not in under]
    texts = [[" ".join((formats[c](row.get(c)) if c in formats else _cell_text(row.get(c))).split())
              for c in cols] for row in rows]
    right = [c in formats and formats[c] is percent
             or all(isinstance(row.get(c), int | float) and not isinstance(row.get(c), bool)
                    for row in rows if row.get(c) is not None) and any(row.get(c) is not None for row in rows)
             for c in cols]
    head, blocks = _table_blocks([labels.get(c, c) for c in cols], texts, width=width, right=right,
                                 nowrap=[c in nowrap for c in cols])
    for line in head:
        out.write(line + "\n")
    for row, block in zip(rows, blocks, strict=True):
        for line in block:
            out.write(line + "\n")
        if not under:
            continue
        for c in under:
            paragraph = " ".join(_cell_text(row.get(c)).split())
            if paragraph:
                out.write(textwrap.fill(f"{labels.get(c, c)}: {paragraph}", width, initial_indent="    ",
                                        subsequent_indent="    ") + "\n")
        out.write("\n")
