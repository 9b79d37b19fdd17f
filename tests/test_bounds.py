"""The valid range of every date, number, text and size the toolkit accepts (netanalytics/bounds.py)."""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from netanalytics import bounds
from netanalytics.errors import InputError, NetanalyticsWarning

TODAY = date(2026, 11, 27)


# ---------------------------------------------------------------- dates


def test_event_dates_run_from_1950_to_five_years_ahead():
    assert bounds.EVENT_DATES.earliest == date(1950, 1, 1)
    assert bounds.EVENT_DATES.latest(TODAY) == date(2031, 11, 27)
    assert bounds.EVENT_DATES.check(date(1950, 1, 1), "at", today=TODAY) == date(1950, 1, 1)
    assert bounds.EVENT_DATES.check(date(2031, 11, 27), "at", today=TODAY) == date(2031, 11, 27)


@pytest.mark.parametrize("value", [date(9999, 12, 31), date(1, 1, 1), date(1949, 12, 31), date(2031, 11, 28)])
def test_event_dates_outside_the_range_are_refused_with_the_range(value):
    with pytest.raises(InputError) as info:
        bounds.EVENT_DATES.check(value, "at", today=TODAY)
    message = str(info.value)
    assert "at" in message and value.isoformat() in message
    assert "1950-01-01" in message and "2031-11-27" in message


def test_a_datetime_is_checked_by_its_day_and_returned_unchanged():
    moment = datetime(2026, 3, 2, 23, 59)
    assert bounds.EVENT_DATES.check(moment, "at", today=TODAY) is moment
    with pytest.raises(InputError):
        bounds.EVENT_DATES.check(datetime(9999, 12, 31, 23, 59), "at", today=TODAY)


def test_a_29_february_today_moves_to_28_february_five_years_on():
    assert bounds.EVENT_DATES.latest(date(2028, 2, 29)) == date(2033, 2, 28)


def test_export_dates_start_when_linkedin_did_and_end_a_year_ahead():
    assert bounds.EXPORT_DATES.earliest == date(2003, 1, 1)
    assert bounds.EXPORT_DATES.latest(TODAY) == date(2027, 11, 27)
    with pytest.raises(InputError, match="9999-12-31"):
        bounds.EXPORT_DATES.check(date(9999, 12, 31), "Connected On", today=TODAY)


def test_career_dates_reach_back_to_1900_and_ten_years_ahead():
    assert bounds.CAREER_DATES.check(date(1962, 9, 1), "Start Date", today=TODAY)
    assert bounds.CAREER_DATES.check(date(2034, 6, 1), "End Date", today=TODAY)
    with pytest.raises(InputError):
        bounds.CAREER_DATES.check(date(1899, 12, 31), "Start Date", today=TODAY)


@given(st.dates())
def test_every_date_is_either_in_range_or_refused(value):
    rng = bounds.EVENT_DATES
    inside = rng.earliest <= value <= rng.latest(TODAY)
    assert rng.contains(value, today=TODAY) is inside
    if inside:
        assert rng.check(value, "at", today=TODAY) == value
    else:
        with pytest.raises(InputError, match=value.isoformat()):
            rng.check(value, "at", today=TODAY)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2031, 11, 27)), st.integers(0, 3660))
def test_arithmetic_inside_the_ranges_never_overflows(day, days):
    # What the readers do with an accepted date and an accepted horizon must not overflow.
    assert bounds.HORIZON_DAYS.check(days, "--within") == days
    assert (day + timedelta(days=days)).year < 9999
    assert pd.Timestamp(day) + pd.Timedelta(days=days) > pd.Timestamp(day) - pd.Timedelta(days=1)


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("bound", "low", "high"),
    [
        (bounds.HORIZON_DAYS, 0, 3660),
        (bounds.INTERVAL_DAYS, 1, 3660),
        (bounds.EVENT_ID, 1, 2**63 - 1),
        (bounds.COUNT, 0, 10_000_000),
        (bounds.MONTHS, 1, 120),
    ],
)
def test_number_bounds(bound, low, high):
    assert bound.check(low, "n") == low and bound.check(high, "n") == high
    for bad in (low - 1, high + 1, 10**30):
        with pytest.raises(InputError) as info:
            bound.check(bad, "--n")
        assert "--n" in str(info.value) and f"{low:,}" in str(info.value)


@pytest.mark.parametrize("bad", [True, 1.5, "7", None])
def test_a_number_must_be_a_whole_number(bad):
    with pytest.raises(InputError, match="whole number"):
        bounds.INTERVAL_DAYS.check(bad, "days")


@given(st.integers())
def test_every_integer_is_either_in_range_or_refused(n):
    rng = bounds.INTERVAL_DAYS
    if rng.low <= n <= rng.high:
        assert rng.check(n, "days") == n
    else:
        with pytest.raises(InputError):
            rng.check(n, "days")


def test_parse_int_reads_text_and_refuses_junk():
    assert bounds.HORIZON_DAYS.parse(" 30 ", "--within") == 30
    with pytest.raises(InputError, match="whole number"):
        bounds.HORIZON_DAYS.parse("thirty", "--within")
    with pytest.raises(InputError, match="3,660"):
        bounds.HORIZON_DAYS.parse("99999999999999999999", "--within")


# ---------------------------------------------------------------- text


@pytest.mark.parametrize("blank", ["", "   ", None, "\t\n"])
def test_a_blank_person_reference_is_refused(blank):
    with pytest.raises(InputError, match="person"):
        bounds.check_reference(blank, "person")


def test_a_reference_is_returned_stripped():
    assert bounds.check_reference("  Ada Lee ", "person") == "Ada Lee"


def test_free_text_has_a_generous_limit():
    assert bounds.check_text("x" * bounds.MAX_TEXT_CHARS, "notes")
    with pytest.raises(InputError, match="notes"):
        bounds.check_text("x" * (bounds.MAX_TEXT_CHARS + 1), "notes")
    assert bounds.check_text(None, "notes") is None


def test_check_event_checks_every_field_at_once():
    assert bounds.check_event(person="Ada", at=datetime(2026, 3, 2), texts={"notes": "hi"}, today=TODAY) is None
    with pytest.raises(InputError, match="person"):
        bounds.check_event(person=" ", at=datetime(2026, 3, 2), today=TODAY)
    with pytest.raises(InputError, match="9999"):
        bounds.check_event(person="Ada", at=datetime(9999, 12, 31), today=TODAY)


# ---------------------------------------------------------------- stored values


def _events(*days):
    return pd.DataFrame(
        {
            "event_id": list(range(1, len(days) + 1)),
            "person_id": ["p_1"] * len(days),
            "stage": ["interviewed"] * len(days),
            "at": pd.Series([datetime.fromisoformat(d) for d in days], dtype="datetime64[us]"),
        }
    )


def test_stored_events_out_of_range_are_left_out_with_a_warning_naming_them():
    events = _events("2026-03-02 10:00", "9999-12-31 00:00", "0001-01-01 00:00")
    with pytest.warns(NetanalyticsWarning) as caught:
        kept = bounds.drop_events_out_of_range(events, today=TODAY)
    assert kept["event_id"].tolist() == [1]
    text = " ".join(str(w.message) for w in caught)
    assert "event 2" in text and "9999-12-31" in text and "event 3" in text
    assert "netanalytics edit 2 --at" in text


def test_events_in_range_pass_without_a_warning():
    events = _events("2026-03-02 10:00")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert bounds.drop_events_out_of_range(events, today=TODAY).equals(events)


def test_an_empty_or_text_at_column_is_handled():
    empty = _events().iloc[:0]
    assert bounds.drop_events_out_of_range(empty, today=TODAY).empty
    text = pd.DataFrame({"event_id": [1, 2], "at": ["2026-03-02 10:00:00", "9999-12-31T00:00:00"]})
    with pytest.warns(NetanalyticsWarning):
        assert bounds.drop_events_out_of_range(text, today=TODAY)["event_id"].tolist() == [1]
