"""Helpers every command group shares: open the workspace, turn frames into rows, read --today.

>>> import pandas as pd
>>> frame_records(pd.DataFrame({"n": [1], "x": [float("nan")], "path": [["You", "Ada"]]}))
[{'n': 1, 'x': None, 'path': ['You', 'Ada']}]
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

__all__ = ["frame_records", "open_from_args", "today_from_arg"]


def open_from_args(args: argparse.Namespace, *, create: bool = False) -> Any:
    """The workspace named by ``--workspace`` (or the default); an error if it is missing and not ``create``."""
    from netanalytics.workspace import open_workspace

    return open_workspace(args.workspace, create=create)


def frame_records(frame: Any) -> list[dict[str, Any]]:
    """Frame rows as plain dicts: NA -> None, numpy scalars -> Python values, lists kept."""
    import pandas as pd

    rows = []
    for row in frame.to_dict(orient="records"):
        clean = {}
        for key, value in row.items():
            if isinstance(value, list):
                clean[key] = value
            elif value is None or (not isinstance(value, str) and pd.isna(value)):
                clean[key] = None
            elif hasattr(value, "item"):
                clean[key] = value.item()
            else:
                clean[key] = value
        rows.append(clean)
    return rows


def today_from_arg(value: str | None) -> date:
    """``--today`` as a date (a clear error when malformed), else today."""
    from netanalytics.outreach.cadence import parse_date

    return parse_date(value, "--today") or date.today()
