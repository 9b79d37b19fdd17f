"""Every date format of the export-format notes, column-wise, and the errors."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netanalytics.errors import InputError
from netanalytics.ingest.dates import parse_dates, parse_month_day, parse_timestamps


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("05 Nov 2023", dt.datetime(2023, 11, 5)),
        ("5 November 2023", dt.datetime(2023, 11, 5)),
        ("1/8/18, 6:14 AM", dt.datetime(2018, 1, 8, 6, 14)),
        ("1/8/18, 6:14\u202fam", dt.datetime(2018, 1, 8, 6, 14)),
        ("07/21/09, 02:05 PM", dt.datetime(2009, 7, 21, 14, 5)),
        ("2023-11-05 15:04:05 UTC", dt.datetime(2023, 11, 5, 15, 4, 5)),
        ("2023/11/05 15:04:05 UTC", dt.datetime(2023, 11, 5, 15, 4, 5)),
        ("2019-11-06T02:08:20", dt.datetime(2019, 11, 6, 2, 8, 20)),
        ("2019-11-06T02:08:20Z", dt.datetime(2019, 11, 6, 2, 8, 20)),
        ("2019-11-06T04:08:20+02:00", dt.datetime(2019, 11, 6, 2, 8, 20)),
        ("2023-11-05", dt.datetime(2023, 11, 5)),
        ("Mar 2021", dt.datetime(2021, 3, 1)),
        ("Sept 2019", dt.datetime(2019, 9, 1)),
        ("05 Sept 2019", dt.datetime(2019, 9, 5)),
        ("2018", dt.datetime(2018, 1, 1)),
        ("5-Jan-26", dt.datetime(2026, 1, 5)),
        ("23-Apr-23", dt.datetime(2023, 4, 23)),
        ("23-Apr-2023", dt.datetime(2023, 4, 23)),
        ("16.09.2021", dt.datetime(2021, 9, 16)),
        ("11/5/2023", dt.datetime(2023, 11, 5)),
        ("Nov 5, 2023", dt.datetime(2023, 11, 5)),
        ("03/2014", dt.datetime(2014, 3, 1)),
        ("Mon Oct 12 14:03:55 UTC 2026", None),
    ],
)
def test_each_format(value: str, expected: dt.datetime | None) -> None:
    if expected is None:
        with pytest.raises(InputError):
            parse_timestamps([value], where="f.csv", field="d")
    else:
        assert parse_timestamps([value], where="f.csv", field="d") == [expected]
        assert parse_dates([value], where="f.csv", field="d") == [expected.date()]


def test_mixed_column_and_blanks() -> None:
    values = ["2018", "Sep 2019", "", None, "  ", "2018", "Mar 2021"] + [str(y) for y in range(1990, 2020)]
    out = parse_dates(values, where="Education.csv", field="Start Date")
    assert out[:7] == [
        dt.date(2018, 1, 1), dt.date(2019, 9, 1), None, None, None, dt.date(2018, 1, 1), dt.date(2021, 3, 1)
    ]


def test_slash_dates_are_month_first_unless_the_column_says_otherwise() -> None:
    assert parse_dates(["1/8/2018", "2/9/2018"], where="f", field="d") == [dt.date(2018, 1, 8), dt.date(2018, 2, 9)]
    day_first = parse_dates(["1/8/2018", "23/09/2018"], where="f", field="d")
    assert day_first == [dt.date(2018, 8, 1), dt.date(2018, 9, 23)]


def test_unparseable_value_is_reported_with_line_and_field() -> None:
    with pytest.raises(InputError) as info:
        parse_dates(["05 Nov 2023", "31 Feb 2023", "soon"], where="Connections.csv", field="Connected On", lines=[5, 6, 7])
    err = info.value
    assert (err.where, err.line, err.field) == ("Connections.csv", 6, "Connected On")
    assert "'31 Feb 2023'" in str(err) and "Accepted formats" in str(err)


def test_large_column_maps_every_row() -> None:
    values = [f"{d % 28 + 1:02d} Nov {2000 + d % 25}" for d in range(30_000)]
    out = parse_dates(values, where="f", field="d")
    assert len(out) == 30_000
    assert out[0] == dt.date(2000, 11, 1) and out[29_999] == dt.date(2000 + 29_999 % 25, 11, 29_999 % 28 + 1)


def test_month_day() -> None:
    assert parse_month_day("Oct 7") == (10, 7)
    assert parse_month_day("Sept 30") == (9, 30)
    assert parse_month_day("Feb 29") == (2, 29)
    assert parse_month_day("") is None
    with pytest.raises(ValueError):
        parse_month_day("Foo 7")


FORMATS = [
    ("%d %b %Y", False),
    ("%m/%d/%y, %I:%M %p", True),
    ("%Y-%m-%d %H:%M:%S UTC", True),
    ("%Y/%m/%d %H:%M:%S UTC", True),
    ("%Y-%m-%dT%H:%M:%S", True),
    ("%d-%b-%y", False),
    ("%d.%m.%Y", False),
]


@given(
    when=st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2068, 12, 31)),
    fmt=st.sampled_from(FORMATS),
)
@settings(max_examples=100, deadline=None)
def test_formatted_dates_parse_back(when: dt.datetime, fmt: tuple[str, bool]) -> None:
    pattern, has_time = fmt
    when = when.replace(microsecond=0, second=0 if "%S" not in pattern else when.second)
    text = when.strftime(pattern)
    (parsed,) = parse_timestamps([text], where="f", field="d")
    assert parsed == (when if has_time else dt.datetime(when.year, when.month, when.day))
