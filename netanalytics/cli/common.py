"""Helpers every command group shares: open the workspace, turn frames into rows, read --today,
and say the library's errors in command-line words (flags and commands), and argument types
that keep numbers and dates within :mod:`netanalytics.bounds`.

>>> import pandas as pd
>>> frame_records(pd.DataFrame({"n": [1], "x": [float("nan")], "path": [["You", "Ada"]]}))
[{'n': 1, 'x': None, 'path': ['You', 'Ada']}]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from netanalytics.bounds import IntRange
from netanalytics.errors import InputError

__all__ = ["COMMANDS", "FLAGS", "date_from_arg", "error_text", "frame_records", "network_from_args", "number",
           "open_from_args", "today_from_arg"]

#: What the library calls an argument -> the flag a command-line user types for it.
FLAGS = {
    "owner": "--owner",
    "owner_url": "--owner-url",
    "relationship": "--relationship",
    "referral.name": "--referral-name",
    "referral.profile_url": "--referral-url",
    "referral": "--referral-name",
    "at": "--at",
    "channel": "--channel",
    "via": "--via",
    "stage": "STAGE",
    "person": "PERSON",
    "today": "--today",
    "until": "--until",
    "days": "--every",
    "tier": "--tier",
    "horizon_days": "--days",
    "within_days": "--within",
    "limit": "--top",
    "top": "--top",
    "max_hops": "--max-hops",
    "top_paths": "--paths",
    "industries": "--industry",
    "companies": "--company",
    "titles": "--title",
    "functions": "--function",
    "seniority": "--seniority",
    "locations": "--location",
    "schools": "--school",
    "near": "--near",
    "within_km": "--within-km",
    "clear": "--clear",
    "location": "--location",
    "school": "--school",
    "position": "--position",
    "target": "the target flags (--industry, --title, …)",
    "event_id": "EVENT_ID",
    "kind": "KIND",
}
#: A next step the library names -> the command that takes it.
COMMANDS = {
    "import_own_export": "Run: netanalytics import PATH",
    "list_people": "Try: netanalytics people --search NAME",
    "see_event_ids": "Try: netanalytics history PERSON",
    "undo": "`netanalytics undo` takes back the latest change.",
    "list_industries": "Run `netanalytics industries` to list them.",
    "export_log": "Export one with: netanalytics export-log --out FILE.csv",
    "give_via": "Give one with --via PERSON, or write directly with --kind direct.",
}


def error_text(exc: Exception, flags: dict[str, str] | None = None) -> str:
    """The message of a library error with argument names as flags and next steps as commands."""
    from netanalytics.errors import NetanalyticsError

    if isinstance(exc, NetanalyticsError):
        return exc.render({**FLAGS, **(flags or {})}, COMMANDS)
    return str(exc)


def open_from_args(args: argparse.Namespace, *, create: bool = False) -> Any:
    """The workspace named by ``--workspace`` (or the default); an error if it is missing and not ``create``."""
    from netanalytics.workspace import open_workspace

    return open_workspace(args.workspace, create=create)


def network_from_args(args: argparse.Namespace, *, create: bool = False) -> Any:
    """The front door (:class:`netanalytics.api.Network`) of the workspace named by
    ``--workspace`` (or the default): what every command calls."""
    import netanalytics as na

    return na.open(args.workspace, create=create)


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


def date_from_arg(value: str | None, param: str = "today") -> date | None:
    """A date option (``--today``, ``--until``; ``param`` is the library's name for it) as a
    date within the event range, or None when not given.

    >>> date_from_arg("2026-03-02")
    datetime.date(2026, 3, 2)
    """
    from netanalytics.days import parse_day

    if value is None or not str(value).strip():
        return None
    return parse_day(value, param)


def today_from_arg(value: str | None) -> date:
    """``--today`` as a date (a clear error when malformed or out of range), else today."""
    from netanalytics.days import as_day

    return as_day(value, "today")


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
