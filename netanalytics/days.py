"""Days: the one reader of a date a person gives ("today", "until", a due date).

Every ``today`` argument — the CLI's ``--today``, a chart's, the cadence's, the ranking's —
goes through :func:`as_day`, so one spelling means one day everywhere and a bad one gets
one message.

>>> parse_day("2026-03-02"), parse_day(None)
(datetime.date(2026, 3, 2), None)
>>> parse_day("soon", "today")
Traceback (most recent call last):
...
netanalytics.errors.InputError: today: expected a date like 2026-03-02, found 'soon'.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from netanalytics.bounds import EVENT_DATES
from netanalytics.errors import InputError

__all__ = ["as_day", "parse_day", "when_text"]


def parse_day(value: Any, param: str = "date") -> dt.date | None:
    """A date from a date, a datetime (pandas Timestamps too) or 'YYYY-MM-DD' text; None stays
    None. Anything else, or a day outside :data:`netanalytics.bounds.EVENT_DATES`, is an
    :class:`InputError` naming ``param``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # includes pd.Timestamp
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        text = str(value).strip()
        try:
            day = dt.date.fromisoformat(text[:10] if len(text) > 10 and text[10] in "T " else text)
        except ValueError:
            raise InputError(param, "a date like 2026-03-02", repr(str(value)), param=param) from None
    return EVENT_DATES.check(day, param, param=param)


def as_day(value: Any = None, param: str = "today") -> dt.date:
    """:func:`parse_day`, with today's date (the local clock) for None.

    >>> as_day(None) == dt.date.today()
    True
    """
    day = parse_day(value, param)
    return day if day is not None else dt.date.today()


def when_text(due_on: dt.date, today: dt.date) -> str:
    """How a due date reads next to today (the notebooks and the CLI say it alike).

    >>> d = dt.date(2026, 3, 10)
    >>> [when_text(dt.date(2026, 3, n), d) for n in (3, 9, 10, 11, 14)]
    ['overdue 7 days', 'overdue 1 day', 'due today', 'due tomorrow', 'due in 4 days']
    """
    days = (due_on - today).days
    if days < 0:
        return f"overdue {-days} day{'s' if days != -1 else ''}"
    return {0: "due today", 1: "due tomorrow"}.get(days, f"due in {days} days")
