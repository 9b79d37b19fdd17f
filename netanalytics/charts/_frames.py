"""Checks and clean-ups for the frames the charts are computed from.

>>> import pandas as pd
>>> require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], "events")
Traceback (most recent call last):
...
netanalytics.errors.InputError: events: expected columns a, b, found a (missing: b).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from netanalytics.bounds import drop_events_out_of_range
from netanalytics.errors import InputError

__all__ = ["EVENT_COLUMNS", "naive_timestamps", "prepare_events", "require_columns"]

#: The columns of ``events_frame`` the charts use.
EVENT_COLUMNS = ("event_id", "person_id", "name", "stage", "at", "via_person_id", "via_name")


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Raise :class:`InputError` naming the missing columns of ``frame``."""
    wanted = list(columns)
    missing = [c for c in wanted if c not in frame.columns]
    if missing:
        raise InputError(
            what,
            f"columns {', '.join(wanted)}",
            f"{', '.join(map(str, frame.columns)) or 'no columns'} (missing: {', '.join(missing)})",
        )


def naive_timestamps(values: pd.Series) -> pd.Series:
    """Timestamps without a time zone (wall-clock kept), so they compare with plain dates."""
    ts = pd.to_datetime(values)
    if getattr(ts.dt, "tz", None) is not None:
        ts = ts.dt.tz_localize(None)
    return ts


def prepare_events(events: pd.DataFrame, what: str = "events") -> pd.DataFrame:
    """The event columns the charts need, ``at`` tz-naive, sorted by time then id.

    ``via_person_id``/``via_name`` are optional (None when absent); ids become ``object``
    so a missing value is ``None`` whatever dtype the source frame had.
    """
    require_columns(events, ("person_id", "name", "stage", "at"), what)
    frame = events.copy()
    for column in ("event_id", "via_person_id", "via_name", "company"):
        if column not in frame.columns:
            frame[column] = None
    if frame["event_id"].isna().all():
        frame["event_id"] = range(1, len(frame) + 1)
    for column in ("person_id", "name", "stage", "via_person_id", "via_name", "company"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    frame["at"] = naive_timestamps(frame["at"])
    frame = drop_events_out_of_range(frame[frame["at"].notna()])
    return frame.sort_values(["at", "event_id"], kind="stable").reset_index(drop=True)
