"""The log's vocabulary as a person types it: stages, channels, dates and times.

Friendly spellings are accepted ('Thank you sent', 'LinkedIn message', '2026-03-02 14:30');
anything else is an :class:`~netanalytics.errors.InputError` naming the argument.

>>> normalize_stage("Intro requested"), normalize_channel("video call")
('intro_requested', 'video')
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from typing import Any

from netanalytics.errors import InputError
from netanalytics.workspace.stages import ALL_STAGES, CHANNELS

__all__ = ["clean_text", "iso_moment", "normalize_channel", "normalize_stage", "parse_datetime"]

_CHANNEL_ALIASES = {
    "e mail": "email",
    "mail": "email",
    "linkedin": "linkedin",
    "linked in": "linkedin",
    "inmail": "linkedin",
    "phone": "phone",
    "telephone": "phone",
    "call": "phone",
    "video": "video",
    "zoom": "video",
    "teams": "video",
    "meet": "video",
    "coffee": "coffee",
    "in person": "in_person",
    "inperson": "in_person",
    "face to face": "in_person",
    "meeting": "in_person",
}
_CHANNEL_FILLER = re.compile(r"\b(?:message|messages|msg|call|chat|dm)\b")


def normalize_stage(stage: str) -> str:
    """'Thank you sent', 'thank-you-sent' and 'THANK_YOU_SENT' all mean 'thank_you_sent'.

    >>> normalize_stage("Intro requested")
    'intro_requested'
    """
    key = "_".join(str(stage or "").strip().lower().replace("-", " ").replace("_", " ").split())
    if key in ALL_STAGES:
        return key
    close = difflib.get_close_matches(key, ALL_STAGES, n=1)
    hint = f"Did you mean '{close[0]}'?" if close else None
    raise InputError("stage", f"one of {', '.join(ALL_STAGES)}", repr(stage), hint=hint, param="stage")


def normalize_channel(channel: str | None) -> str | None:
    """A channel in :data:`CHANNELS` from what a person would type, or None for blank.

    >>> normalize_channel("LinkedIn message"), normalize_channel("In person")
    ('linkedin', 'in_person')
    >>> normalize_channel("video call"), normalize_channel("e-mail")
    ('video', 'email')
    """
    if channel is None or not str(channel).strip():
        return None
    raw = str(channel).strip().lower().replace("-", " ").replace("_", " ")
    key = " ".join(raw.split())
    if key.replace(" ", "_") in CHANNELS:
        return key.replace(" ", "_")
    if key in _CHANNEL_ALIASES:
        return _CHANNEL_ALIASES[key]
    stripped = " ".join(_CHANNEL_FILLER.sub(" ", key).split())
    if stripped.replace(" ", "_") in CHANNELS:
        return stripped.replace(" ", "_")
    if stripped in _CHANNEL_ALIASES:
        return _CHANNEL_ALIASES[stripped]
    raise InputError(
        "channel",
        f"one of {', '.join(CHANNELS)} (or e.g. 'LinkedIn message', 'in person')",
        repr(channel),
        param="channel",
    )


def parse_datetime(value: datetime | date | str | None, field: str = "at") -> datetime | None:
    """A naive local datetime (seconds) from a datetime, a date or ISO text.

    Accepts 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM', 'YYYY-MM-DDTHH:MM:SS' and offsets; a time
    with an offset is converted to local time. None stays None.

    >>> parse_datetime("2026-03-02 09:30")
    datetime.datetime(2026, 3, 2, 9, 30)
    >>> parse_datetime("yesterday")
    Traceback (most recent call last):
    ...
    netanalytics.errors.InputError: at: expected a date and time like 2026-03-02 14:30 (or 2026-03-02), found 'yesterday'.
    """
    if value is None:
        return None
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp (pandas itself is not needed here)
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        try:
            parsed = datetime.fromisoformat(text.replace("/", "-"))
        except ValueError:
            parsed = None
        if parsed is None or not re.match(r"^\d{4}-\d{2}-\d{2}", text.replace("/", "-")):
            raise InputError(
                field,
                "a date and time like 2026-03-02 14:30 (or 2026-03-02)",
                repr(str(value)),
                param=field,
            ) from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone().replace(tzinfo=None)
    return parsed.replace(microsecond=0)


def clean_text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def iso_moment(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


