"""Parse every date format LinkedIn exports (and spreadsheets re-saving them) produce.

A column is parsed at once: its distinct values are tried against a list of explicit
formats with ``pd.to_datetime(format=..., errors="coerce")`` (vectorised, so a
30,000-row file costs milliseconds), and whatever no format accepts is reported as an
:class:`InputError` naming the file, line, field, value and the accepted formats — a
date is never guessed. Times carry no zone or ``UTC``; they are returned as naive UTC.

Slash dates are month-first (``1/8/18`` is 8 January, LinkedIn's US style) unless the
column only makes sense day-first (a value like ``23/04/2023``); a column is never mixed.

>>> parse_dates(["05 Nov 2023", "1/8/18, 6:14 AM", "", "Sept 2019"], where="x.csv", field="d")
[datetime.date(2023, 11, 5), datetime.date(2018, 1, 8), None, datetime.date(2019, 9, 1)]
>>> parse_timestamps(["2023-11-05 15:04:05 UTC"], where="m.csv", field="DATE")
[datetime.datetime(2023, 11, 5, 15, 4, 5)]
>>> parse_month_day("Oct 7")
(10, 7)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from netanalytics.bounds import DateRange
from netanalytics.errors import InputError
from netanalytics.ingest.names import clean_text

__all__ = ["ACCEPTED_FORMATS", "parse_dates", "parse_month_day", "parse_timestamps"]

#: Shown to the user when a date cannot be read.
ACCEPTED_FORMATS = (
    "05 Nov 2023, 1/8/18 6:14 AM, 07/21/09 02:05 PM, 2023-11-05 15:04:05 UTC, "
    "2023/11/05 15:04:05 UTC, 2019-11-06T02:08:20, 2023-11-05, Mar 2021, 03/2021, 2018, "
    "5-Jan-26, 23-Apr-2023, 16.09.2021, 11/5/2023, Nov 5 2023"
)

# Formats applied to cleaned values (commas removed, 'Sept' -> 'Sep', ' UTC' dropped).
_FORMATS = (
    "%d %b %Y",
    "%d %B %Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%b %Y",
    "%B %Y",
    "%Y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%d-%B-%Y",
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%y",
    "%b %d %Y",
    "%B %d %Y",
    "%b %d %Y %I:%M %p",
    "%m/%Y",
    "%m-%Y",
)
# Slash dates, month-first; the day-first twins are derived.
_SLASH_FORMATS = (
    "%m/%d/%y %I:%M %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%y %I:%M:%S %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%y %H:%M",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%y",
    "%m/%d/%Y",
)

_SEPT = re.compile(r"\bsept\b", re.IGNORECASE)
_ZONE = re.compile(r"\s*(?:UTC|GMT)$", re.IGNORECASE)
_MONTH_DAY = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})$")
_SLASHY = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}\b")
_MERIDIEM = re.compile(r"\b([ap])\.?m\.?$", re.IGNORECASE)
_SHAPE = str.maketrans(
    {**dict.fromkeys("0123456789", "9"), **dict.fromkeys("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "a")}
)


def _prepare(value: str) -> str:
    """Commas out, 'Sept' -> 'Sep', a trailing UTC/GMT dropped, am/pm as strptime wants."""
    text = value.replace(",", " ") if "," in value else value
    if "  " in text:
        text = " ".join(text.split())
    lower = text.lower()
    if "sept" in lower:
        text = _SEPT.sub("Sep", text)
    if lower.endswith((" utc", " gmt")):
        text = text[:-4].rstrip()
    elif lower.endswith(("utc", "gmt")):
        text = _ZONE.sub("", text)
    if lower.endswith(("m", ".")):
        text = _MERIDIEM.sub(lambda m: m.group(1).upper() + "M", text)
    return text


def _try(values: np.ndarray, fmt: str) -> pd.Series:
    series = pd.Series(values, dtype=object)
    if fmt == "ISO8601":
        parsed = pd.to_datetime(series, format="ISO8601", errors="coerce", utc=True)
        return parsed.dt.tz_localize(None)
    return pd.to_datetime(series, format=fmt, errors="coerce")


def _shape(value: str) -> str:
    return value.translate(_SHAPE)


def _parse_group(values: np.ndarray, formats: Sequence[str], found: dict[str, dt.datetime]) -> np.ndarray:
    """Parse values that share one shape; returns the values no format accepted.

    A format is tried on the whole group only when it accepts the group's first value,
    so a uniform column costs one vectorised call; leftovers get every format.
    """
    rest = values
    for probe_first in (True, False):
        for fmt in formats:
            if len(rest) == 0:
                return rest
            if probe_first and pd.isna(_try(rest[:1], fmt).iloc[0]):
                continue
            parsed = _try(rest, fmt)
            ok = parsed.notna().to_numpy()
            stamps = parsed[ok].to_numpy().astype("datetime64[us]").astype(object)
            found.update(zip(rest[ok], stamps, strict=True))
            rest = rest[~ok]
    return rest


def _parse_unique(prepared: np.ndarray) -> dict[str, dt.datetime]:
    """Map each prepared distinct value to a naive datetime; unparseable ones are absent."""
    found: dict[str, dt.datetime] = {}
    groups: dict[str, list[str]] = {}
    slash: list[str] = []
    for value in prepared:
        if _SLASHY.match(value):
            slash.append(value)
        else:
            groups.setdefault(_shape(value), []).append(value)
    formats = (*_FORMATS, "ISO8601")
    for values in groups.values():
        _parse_group(np.array(values, dtype=object), formats, found)
    if slash:
        # Month-first (LinkedIn's US style) unless day-first reads more of the column.
        best: dict[str, dt.datetime] = {}
        for order in ("month", "day"):
            got: dict[str, dt.datetime] = {}
            fmts = [f if order == "month" else f.replace("%m/%d", "%d/%m") for f in _SLASH_FORMATS]
            by_shape: dict[str, list[str]] = {}
            for value in slash:
                by_shape.setdefault(_shape(value), []).append(value)
            for values in by_shape.values():
                _parse_group(np.array(values, dtype=object), fmts, got)
            if len(got) > len(best):
                best = got
        found.update(best)
    return found


def _parse(
    values: Sequence[object],
    where: str,
    field: str,
    lines: Sequence[int] | None,
    convert: Callable[[dt.datetime], object],
    valid: DateRange | None = None,
) -> list:
    """Parse a column: converted value per cell (None for blanks), or InputError.

    With ``valid``, a date outside that range is an InputError naming its line too.
    """
    converted: dict[object, object] = {}
    prepared: dict[object, str] = {}
    for value in dict.fromkeys(values):
        text = clean_text(value)
        if text is None:
            converted[value] = None
        else:
            prepared[value] = _prepare(text)
    stamps = _parse_unique(np.array(sorted(set(prepared.values())), dtype=object))
    bad = None
    for value, key in prepared.items():
        stamp = stamps.get(key)
        if stamp is None:
            bad = value if bad is None else bad
            continue
        converted[value] = convert(stamp)
    if bad is None and valid is not None:
        outside = {v for v, s in converted.items() if s is not None and not valid.contains(s)}
        if outside:
            i = next(i for i, v in enumerate(values) if v in outside)
            stamp = converted[values[i]]
            valid.check(stamp, where, line=lines[i] if lines is not None else None, field=field)
    if bad is not None:
        i = next(i for i, v in enumerate(values) if v not in converted)
        raise InputError(
            where,
            "a date in a format LinkedIn uses",
            repr(clean_text(values[i])),
            line=lines[i] if lines is not None else None,
            field=field,
            hint=f"Accepted formats look like: {ACCEPTED_FORMATS}. Fix or clear that cell.",
        )
    return [converted[v] for v in values]


def parse_dates(
    values: Sequence[object],
    *,
    where: str,
    field: str,
    lines: Sequence[int] | None = None,
    valid: DateRange | None = None,
) -> list[dt.date | None]:
    """Parse a column to ``datetime.date`` (or None for blank cells).

    ``Mar 2021`` becomes the first of the month, ``2018`` the first of January.
    Raises :class:`InputError` (file ``where``, the value's line, ``field``) otherwise,
    and for a date outside ``valid`` (e.g. :data:`netanalytics.bounds.EXPORT_DATES`).
    """
    return _parse(values, where, field, lines, lambda stamp: stamp.date(), valid)


def parse_timestamps(
    values: Sequence[object],
    *,
    where: str,
    field: str,
    lines: Sequence[int] | None = None,
    valid: DateRange | None = None,
) -> list[dt.datetime | None]:
    """Parse a column to naive (UTC) ``datetime.datetime`` values, None for blank cells;
    ``valid`` as for :func:`parse_dates`."""
    return _parse(values, where, field, lines, lambda stamp: stamp, valid)


def parse_month_day(value: str | None) -> tuple[int, int] | None:
    """``'Oct 7'`` (a birth date without year) as ``(month, day)``; None when blank.

    Raises :class:`ValueError` when the value is not a month name and a day.
    """
    text = clean_text(value)
    if text is None:
        return None
    match = _MONTH_DAY.match(_SEPT.sub("Sep", text))
    if match:
        for fmt in ("%b %d %Y", "%B %d %Y"):
            try:
                # 2000 is a leap year, so Feb 29 is accepted.
                day = dt.datetime.strptime(f"{match.group(1)} {match.group(2)} 2000", fmt)
            except ValueError:
                continue
            return day.month, day.day
    raise ValueError(f"not a month and day: {value!r}")
