"""Helpers every command group shares: open the workspace, turn frames into rows, read --today,
and argument types that keep numbers and dates within :mod:`netanalytics.bounds`.

>>> import pandas as pd
>>> frame_records(pd.DataFrame({"n": [1], "x": [float("nan")], "path": [["You", "Ada"]]}))
[{'n': 1, 'x': None, 'path': ['You', 'Ada']}]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from netanalytics.bounds import EVENT_DATES, IntRange
from netanalytics.errors import InputError

__all__ = ["date_from_arg", "frame_records", "number", "open_from_args", "today_from_arg"]


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


def date_from_arg(value: str | None, flag: str = "--today") -> date | None:
    """A date option (``--today``, ``--until``) as a date within the event range, or None.

    >>> date_from_arg("2026-03-02")
    datetime.date(2026, 3, 2)
    """
    if value is None or not str(value).strip():
        return None
    try:
        day = date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(flag, "a date like 2026-03-02", repr(str(value))) from None
    return EVENT_DATES.check(day, flag)


def today_from_arg(value: str | None) -> date:
    """``--today`` as a date (a clear error when malformed or out of range), else today."""
    return date_from_arg(value, "--today") or date.today()


def number(bound: IntRange) -> Callable[[str], int]:
    """An argparse ``type`` reading a whole number within ``bound`` (a usage error otherwise).

    >>> from netanalytics.bounds import HORIZON_DAYS
    >>> number(HORIZON_DAYS)("30")
    30
    """

    def parse(text: str) -> int:
        try:
            return bound.parse(text, "value")
        except InputError as exc:
            raise argparse.ArgumentTypeError(f"expected {exc.expected}, found {exc.found}") from None

    parse.__name__ = bound.what
    return parse
