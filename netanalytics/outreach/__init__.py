"""Outreach: the log of asks and meetings, follow-up cadence, calendar, drafts, prep sheets.

The most used functions are importable from here; each module documents its own.
"""

from netanalytics.outreach.log import (
    Event,
    Referral,
    delete_event,
    edit_event,
    events_frame,
    history,
    log_event,
    pipeline,
    undo_last,
)

__all__ = [
    "Event",
    "Referral",
    "delete_event",
    "edit_event",
    "events_frame",
    "history",
    "log_event",
    "pipeline",
    "undo_last",
]
