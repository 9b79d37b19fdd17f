"""The valid range of every date, number, text and size the toolkit accepts: one home.

Every boundary — the export parsers, the CLI's argument types, the library calls that
log or edit events, the readers that do date arithmetic — asks this module, so a value
is refused where it enters with one message template (exit code 2 in the CLI) instead of
overflowing three commands later. The ranges, and why:

- **Event dates** (``log --at``, ``edit --at``, an imported log, ``--today``, ``snooze
  --until``): 1950-01-01 to today + 5 years. Older is a typo; later is a typo too, and
  every reader adds horizons of up to 10 years to them without leaving pandas' range.
- **Export dates** (Connected On, message and invitation times): 2003-01-01 (LinkedIn
  opened in May 2003) to today + 1 year (an exporter's clock a little ahead; a
  spreadsheet that read ``05 Nov 26`` as 2126 is caught).
- **Career dates** (positions, education): 1900-01-01 to today + 10 years (a degree's
  expected end date lies ahead).
- **Numbers**: horizons (``due --within``, ``calendar --days``) 0 to 3,660 days and
  intervals (``keep-in-touch --every``, ``cadence.toml``) 1 to 3,660 days — ten years;
  event ids 1 to 2**63 − 1 (SQLite's integer); counts (``--limit``, ``--top``) up to
  10 million; ``sample-log --months`` 1 to 120.
- **Text**: a person reference must not be blank; a free-text field holds at most
  100,000 characters (a long meeting note is a few thousand).
- **Sizes** of what is read (:data:`SIZES`): each limit fits the largest real export
  many times over, and together they keep an import's memory within a fixed multiple of
  the largest legitimate export (see ``benchmarks/bench_hostile.py``).

>>> EVENT_DATES.check(date(2026, 3, 2), "at", today=date(2026, 11, 27))
datetime.date(2026, 3, 2)
>>> EVENT_DATES.check(date(9999, 12, 31), "at", today=date(2026, 11, 27))
Traceback (most recent call last):
...
netanalytics.errors.InputError: at: expected an event date from 1950-01-01 to 2031-11-27 (today + 5 years), found 9999-12-31.
>>> HORIZON_DAYS.parse("30", "--within")
30
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from netanalytics.errors import InputError, NetanalyticsWarning

__all__ = [
    "CAREER_DATES",
    "COUNT",
    "EVENT_DATES",
    "EVENT_ID",
    "EXPORT_DATES",
    "HORIZON_DAYS",
    "HOURS",
    "INTERVAL_DAYS",
    "MAX_TEXT_CHARS",
    "MONTHS",
    "SIZES",
    "DateRange",
    "IntRange",
    "Sizes",
    "check_event",
    "check_reference",
    "check_text",
    "drop_events_out_of_range",
]


def _years_later(day: date, years: int) -> date:
    """``day`` moved ``years`` years on (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class DateRange:
    """Dates from ``earliest`` to today + ``years_ahead`` years, both included."""

    what: str
    earliest: date
    years_ahead: int

    def latest(self, today: date | None = None) -> date:
        """The last accepted date, counted from ``today`` (default: the local date)."""
        return _years_later(today or date.today(), self.years_ahead)

    def contains(self, value: date | datetime, *, today: date | None = None) -> bool:
        """Whether ``value`` (a date, or a datetime's day) lies in the range."""
        day = value.date() if isinstance(value, datetime) else value
        return self.earliest <= day <= self.latest(today)

    def describe(self, today: date | None = None) -> str:
        """'an event date from 1950-01-01 to 2031-11-27 (today + 5 years)'."""
        return (
            f"{self.what} from {self.earliest.isoformat()} to {self.latest(today).isoformat()} "
            f"(today + {self.years_ahead} year{'s' if self.years_ahead != 1 else ''})"
        )

    def check(
        self, value: Any, where: str, *, today: date | None = None, line: int | None = None,
        field: str | None = None, param: str | None = None,
    ) -> Any:
        """``value`` unchanged when in range, else :class:`InputError` naming ``where``
        (and the ``line`` and ``field`` of a file, or the library argument ``param``)."""
        if not self.contains(value, today=today):
            shown = value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
            raise InputError(where, self.describe(today), shown, line=line, field=field, param=param)
        return value


EVENT_DATES = DateRange("an event date", date(1950, 1, 1), 5)
EXPORT_DATES = DateRange("a date in a LinkedIn export", date(2003, 1, 1), 1)
CAREER_DATES = DateRange("a career date (positions, education)", date(1900, 1, 1), 10)


@dataclass(frozen=True)
class IntRange:
    """Whole numbers from ``low`` to ``high``, both included."""

    what: str
    low: int
    high: int

    def describe(self) -> str:
        """'a number of days from 0 to 3,660'."""
        return f"{self.what} from {self.low:,} to {self.high:,}"

    def check(self, value: Any, where: str, *, param: str | None = None) -> int:
        """``value`` when it is a whole number in range, else :class:`InputError` (naming the
        library argument ``param``, when given)."""
        if isinstance(value, bool) or not isinstance(value, int):
            raise InputError(where, f"a whole number ({self.describe()})", repr(value), param=param)
        if not self.low <= value <= self.high:
            shown = f"{value:,}" if abs(value) < 10**30 else f"a number with {len(str(abs(value)))} digits"
            raise InputError(where, self.describe(), shown, param=param)
        return value

    def parse(self, text: str, where: str) -> int:
        """An int from command-line text, checked against the range."""
        try:
            value = int(str(text).strip())
        except ValueError:
            raise InputError(where, f"a whole number ({self.describe()})", repr(text)) from None
        return self.check(value, where)


HORIZON_DAYS = IntRange("a number of days", 0, 3660)
INTERVAL_DAYS = IntRange("a number of days", 1, 3660)
HOURS = IntRange("a number of hours", 1, 24 * 366)
EVENT_ID = IntRange("an event id", 1, 2**63 - 1)
COUNT = IntRange("a count", 0, 10_000_000)
MONTHS = IntRange("a number of months", 1, 120)

#: The longest free-text field (notes, questions, what I learned, next step).
MAX_TEXT_CHARS = 100_000


def check_reference(value: Any, where: str) -> str:
    """A person reference (id, profile URL or name): not blank; returned stripped.

    >>> check_reference("  Ada Lee ", "person")
    'Ada Lee'
    """
    text = "" if value is None else str(value).strip()
    if not text:
        raise InputError(where, "a person id, a profile URL or a name", "nothing (a blank value)")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(where, "a person id, a profile URL or a name", f"{len(text):,} characters")
    return text


def check_text(value: Any, where: str) -> Any:
    """A free-text value, at most :data:`MAX_TEXT_CHARS` characters; None passes."""
    if value is not None and len(str(value)) > MAX_TEXT_CHARS:
        raise InputError(
            where, f"at most {MAX_TEXT_CHARS:,} characters", f"{len(str(value)):,}",
            hint="Keep long documents in a file and note its name.",
        )
    return value


def check_event(
    *,
    person: Any = ...,
    at: date | datetime | None = None,
    texts: Mapping[str, Any] | None = None,
    today: date | None = None,
) -> None:
    """Check what a log entry is made of, as :func:`netanalytics.outreach.log.log_event`
    and ``edit_event`` receive it: the person reference (when given), the time, the texts."""
    if person is not ...:
        check_reference(person, "person")
    if at is not None:
        EVENT_DATES.check(at, "at", today=today)
    for key, value in (texts or {}).items():
        check_text(value, key)


def drop_events_out_of_range(events: Any, *, today: date | None = None, column: str = "at") -> Any:
    """``events`` without the rows whose ``column`` lies outside :data:`EVENT_DATES`.

    For readers of a log written before these bounds existed: a stored 9999-12-31 is left
    out (with a :class:`~netanalytics.errors.NetanalyticsWarning` naming the event and how
    to fix it) instead of overflowing the date arithmetic. Pure; accepts timestamps or
    ISO text.
    """
    import pandas as pd

    if events.empty:
        return events
    lowest = pd.Timestamp(EVENT_DATES.earliest)
    highest = pd.Timestamp(EVENT_DATES.latest(today)) + pd.Timedelta(days=1)
    values = events[column]
    if not pd.api.types.is_datetime64_any_dtype(values):
        days = values.map(_day_of)
        inside = days.map(lambda d: d is not None and EVENT_DATES.contains(d, today=today))
    else:
        inside = (values >= lowest) & (values < highest)
        days = values
    inside = inside.astype(bool)
    if inside.all():
        return events
    ids = events["event_id"] if "event_id" in events.columns else pd.Series(range(1, len(events) + 1))
    for event_id, value in zip(ids[~inside], days[~inside], strict=True):
        shown = value.isoformat()[:10] if hasattr(value, "isoformat") else repr(value)
        warnings.warn(
            NetanalyticsWarning(
                f"event {event_id} is dated {shown}, outside {EVENT_DATES.describe(today)}; it is left "
                f"out. Fix it with: netanalytics edit {event_id} --at YYYY-MM-DD"
            ),
            stacklevel=2,
        )
    return events[inside.to_numpy()]


def _day_of(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(str(value)).date()
    except ValueError:
        return None


# ---------------------------------------------------------------- sizes of what is read

_MiB = 1 << 20


@dataclass(frozen=True)
class Sizes:
    """Limits on what an import (or any file read) may hold; see the module docstring.

    A real Connections.csv holds at most 30,000 rows (LinkedIn's cap), about 5 MB; a
    heavy user's Complete archive about 300,000 messages, about 130 MB.
    """

    #: Bytes of one export file (Connections.csv, Profile.csv, a Google Contacts CSV, an
    #: outreach log, a TOML file …): 13 times the largest real Connections.csv.
    file_bytes: int = 64 * _MiB
    #: Bytes of messages.csv: 4 times a heavy user's Complete archive.
    messages_bytes: int = 512 * _MiB
    #: Bytes of a vCard file (phones export photos inline).
    vcard_bytes: int = 256 * _MiB
    #: Bytes of a zip inside a zip (the export zipped once more), held in memory.
    inner_zip_bytes: int = 256 * _MiB
    #: Expanded bytes read from one archive, every member together.
    archive_bytes: int = 1024 * _MiB
    #: Entries in one zip's directory (a Complete archive holds about a hundred).
    archive_members: int = 10_000
    #: Files in an export folder (someone pointed at their home folder).
    folder_files: int = 10_000
    #: Zips inside zips: the export, zipped once more, in a zip.
    archive_depth: int = 3
    #: Rows of a connections or contacts file: 10 times LinkedIn's cap.
    contact_rows: int = 300_000
    #: Rows of messages.csv or any other archive file: 7 times a heavy user's archive.
    rows: int = 2_000_000
    #: Columns of a CSV (LinkedIn's files have at most 20, Google's and Outlook's about 90).
    columns: int = 1_000
    #: Characters of one CSV field (a long HTML mailing is about 100,000).
    field_chars: int = 1 * _MiB
    #: Characters of one physical line (a field may span lines; a record of many fields
    #: on one line is capped by ``columns`` times ``field_chars`` far sooner).
    line_chars: int = 8 * _MiB
    #: Cards in a vCard file.
    cards: int = 300_000
    #: Seconds to wait for a pipe or FIFO to deliver its first byte, or its next one.
    pipe_wait_seconds: float = 5.0
    #: Bytes of one saved profile PDF (LinkedIn's are 30-300 kB).
    pdf_bytes: int = 20 * _MiB
    #: Profile PDFs in one folder or zip.
    profile_files: int = 1_000
    #: Unpacked bytes of the PDFs in one zip of profiles.
    profile_zip_bytes: int = 512 * _MiB


SIZES = Sizes()
