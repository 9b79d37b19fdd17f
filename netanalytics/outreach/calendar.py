"""Export upcoming follow-ups as an iCalendar file any calendar application can import.

One all-day event per follow-up on its due date (an overdue one lands on ``today``), with
the reason in the description. UIDs are stable, so importing a newer export updates the
events instead of duplicating them: a keep-in-touch reminder has one UID per person, the
other kinds one per triggering log event.

>>> import io, pandas as pd
>>> from datetime import date
>>> items = pd.DataFrame([{"person_id": "p_1", "name": "Ada", "kind": "thank_you",
...     "due": date(2026, 3, 3), "overdue": False, "days_overdue": 0,
...     "reason": "Send a thank-you.", "trigger_event_id": 7}])
>>> cal = build_calendar(items, today=date(2026, 3, 1))
>>> [str(e["summary"]) for e in cal.walk("VEVENT")]
['Thank-you note: Ada']
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

import pandas as pd
from icalendar import Alarm, Calendar, Event

from netanalytics import __version__
from netanalytics.bounds import HORIZON_DAYS
from netanalytics.days import as_day, parse_day
from netanalytics.outreach.cadence import due
from netanalytics.safety import write_private
from netanalytics.workspace.db import Workspace

__all__ = ["build_calendar", "event_uid", "write_calendar"]

_TITLES = {
    "thank_you": "Thank-you note",
    "nudge": "Polite nudge",
    "no_response": "Still no reply? Mark it as no response",
    "keep_in_touch": "Keep in touch",
    "referral": "Reach out to referral",
}
_UID_DOMAIN = "netanalytics.local"


def event_uid(item: dict | pd.Series) -> str:
    """The stable UID of a follow-up's calendar event.

    >>> event_uid({"kind": "keep_in_touch", "person_id": "p_1", "trigger_event_id": 3})
    'keep_in_touch-p_1@netanalytics.local'
    """
    if item["kind"] == "keep_in_touch":
        return f"keep_in_touch-{item['person_id']}@{_UID_DOMAIN}"
    return f"{item['kind']}-{item['person_id']}-{int(item['trigger_event_id'])}@{_UID_DOMAIN}"


def build_calendar(
    items: pd.DataFrame,
    *,
    today: date | datetime | str,
    horizon_days: int = 60,
    alarm_hour: int | None = 9,
    now: datetime | None = None,
) -> Calendar:
    """A :class:`icalendar.Calendar` of the follow-ups in ``items`` (a due frame) due by
    ``today + horizon_days``. ``alarm_hour`` adds a reminder at that hour of the day
    (None: no alarm)."""
    today = as_day(today)
    HORIZON_DAYS.check(horizon_days, "horizon_days", param="horizon_days")
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    last = today + timedelta(days=horizon_days)
    cal = Calendar()
    cal.add("prodid", f"-//netanalytics {__version__}//follow-ups//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Informational interview follow-ups")
    for item in items.to_dict("records"):
        due_on = parse_day(item["due"], "due")
        if due_on > last:
            continue
        day = max(due_on, today)
        description = str(item["reason"])
        if due_on < today:
            description += f"\nOverdue since {due_on:%Y-%m-%d}."
        event = Event()
        event.add("uid", event_uid(item))
        event.add("dtstamp", stamp)
        event.add("sequence", max(0, today.toordinal() - date(2026, 1, 1).toordinal()))
        name = " ".join(str(item["name"]).split())  # one line, whatever the export held
        event.add("summary", f"{_TITLES.get(item['kind'], item['kind'])}: {name}")
        event.add("description", description)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["netanalytics", item["kind"]])
        if alarm_hour is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", event["summary"])
            alarm.add("trigger", timedelta(hours=alarm_hour))
            event.add_component(alarm)
        cal.add_component(event)
    return cal


def write_calendar(
    source: Workspace | pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    today: date | datetime | str | None = None,
    horizon_days: int = 60,
    alarm_hour: int | None = 9,
    now: datetime | None = None,
) -> int:
    """Write the follow-ups due within ``horizon_days`` of ``today`` to an ``.ics`` file.

    ``source`` is a workspace (its log and cadence settings are read) or a due frame from
    :func:`netanalytics.outreach.cadence.due_items`. The file is replaced atomically.
    Returns the number of events written.
    """
    today_date = as_day(today)
    HORIZON_DAYS.check(horizon_days, "horizon_days", param="horizon_days")
    if isinstance(source, Workspace):
        items = due(source, today_date, within_days=horizon_days)
    else:
        items = source
    cal = build_calendar(items, today=today_date, horizon_days=horizon_days, alarm_hour=alarm_hour, now=now)
    write_private(path, cal.to_ical(), what="the calendar")
    return len(cal.walk("VEVENT"))
