"""Print listing rows as a table, JSON or CSV (formula-injection-safe).

>>> import io
>>> buf = io.StringIO()
>>> emit([{"name": "Ada", "score": 0.5}], "json", out=buf)
>>> buf.getvalue().strip()
'[\\n  {\\n    "name": "Ada",\\n    "score": 0.5\\n  }\\n]'
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, TextIO

from netanalytics.safety import csv_safe_row

__all__ = ["FORMATS", "emit"]

FORMATS = ("table", "json", "csv")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, list | tuple):
        return "; ".join(_cell_text(v) for v in value)
    return str(value)


def emit(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    *,
    columns: Sequence[str] | None = None,
    out: TextIO | None = None,
    max_width: int = 40,
) -> None:
    """Write ``rows`` to ``out`` (stdout) as ``fmt``: 'table', 'json' or 'csv'.

    ``columns`` picks and orders the table and CSV columns (JSON always carries every key).
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
    texts = [[_cell_text(row.get(c)) for c in cols] for row in rows]
    texts = [[t if len(t) <= max_width else t[: max_width - 1] + "…" for t in r] for r in texts]
    widths = [max(len(c), *(len(r[i]) for r in texts)) for i, c in enumerate(cols)]
    out.write("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in texts:
        out.write("  ".join(t.ljust(w) for t, w in zip(r, widths, strict=True)).rstrip() + "\n")
