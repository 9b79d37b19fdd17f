"""Which logged outreach events still count: one rule, in SQL and over a frame.

The log never removes a row. An edit appends a row that ``supersedes`` the old one, a
delete sets ``deleted_at``, and an undo sets ``reverted_at`` on the row it takes back. So:

- an event is **current** when it was not reverted and no edit that was not itself
  reverted supersedes it (an undone edit brings the original back);
- an event is **live** when it is current and not deleted.

The log reads with :data:`CURRENT_SQL` / :data:`LIVE_SQL`; anything that works on a frame
of raw ``outreach_events`` rows (learning from outcomes, the ranking) uses
:func:`live_mask` — the same rule, so the two can never disagree.

>>> import pandas as pd
>>> raw = pd.DataFrame({"event_id": [1, 2], "person_id": ["p", "p"],
...     "stage": ["interviewed", "scheduled"], "at": ["2026-03-02", "2026-03-02"],
...     "supersedes": [None, 1], "reverted_at": [None, "2026-03-03"], "deleted_at": [None, None]})
>>> live_events(raw)["event_id"].tolist()  # the edit (2) was undone: the interview counts
[1]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy and pandas load with the first frame: the SQL conditions need neither
    import numpy as np
    import pandas as pd

__all__ = ["CURRENT_SQL", "EVENT_KEY_COLUMNS", "LIVE_SQL", "current_mask", "live_events", "live_mask"]

#: SQL condition on ``outreach_events e``: the row is current (see the module docstring).
CURRENT_SQL = (
    "e.reverted_at IS NULL AND NOT EXISTS (SELECT 1 FROM outreach_events s"
    " WHERE s.supersedes = e.event_id AND s.reverted_at IS NULL)"
)
#: SQL condition on ``outreach_events e``: the row is live (current and not deleted).
LIVE_SQL = f"{CURRENT_SQL} AND e.deleted_at IS NULL"
#: The columns every events frame has, even an empty one.
EVENT_KEY_COLUMNS = ("event_id", "person_id", "stage", "at", "via_person_id")


def _missing(frame: pd.DataFrame, column: str) -> np.ndarray:
    """True where ``column`` is missing (every row when the frame has no such column)."""
    import numpy as np

    if column not in frame:
        return np.ones(len(frame), dtype=bool)
    return frame[column].isna().to_numpy()


def current_mask(events: pd.DataFrame) -> np.ndarray:
    """Rows of ``events`` that are current: not reverted, not superseded by a kept edit.

    A frame without ``reverted_at`` / ``supersedes`` (e.g. from ``events_frame``, which
    holds only current rows already) keeps every row.
    """
    import numpy as np

    kept = _missing(events, "reverted_at")
    if "supersedes" in events and "event_id" in events:
        by_kept_edits = events.loc[kept, "supersedes"].dropna().astype(np.int64)
        kept = kept & ~events["event_id"].isin(set(by_kept_edits)).to_numpy()
    return kept


def live_mask(events: pd.DataFrame) -> np.ndarray:
    """Rows of ``events`` that are live: current and not deleted."""
    return current_mask(events) & _missing(events, "deleted_at")


def live_events(events: pd.DataFrame | None) -> pd.DataFrame:
    """The live rows of ``events``, in time order (then by id)."""
    import pandas as pd

    if events is None or len(events) == 0:
        return pd.DataFrame(columns=list(EVENT_KEY_COLUMNS))
    ev = events[live_mask(events)]
    return ev.sort_values(["at", "event_id"] if "event_id" in ev else ["at"], kind="stable")
