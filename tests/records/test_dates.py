"""One date rule for every date field: what the calendar has, within the schema's years, or a
problem that shows how to write it."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic_core import PydanticCustomError

from leadportal.records.fieldtypes import calendar_date
from leadportal.render.dates import human_date


@pytest.mark.parametrize(
    "value",
    ["2016", 2016, "2016-05", "2016-05-31", "2024-02-29", dt.date(2016, 5, 1), "1900", "2100"],
)
def test_every_accepted_partial_date_can_be_shown(value: object) -> None:
    text = calendar_date(value, partial=True)
    assert human_date(text)  # the pages can show every value the check accepts


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2019-00", "there is no month 00"),
        ("2025-00-00", "there is no month 00"),
        ("2019-13", "there is no month 13"),
        ("2025-02-30", "February 2025 has 28 days"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("2025-04-00", "April 2025 has 30 days"),
        (1800, "the year is outside 1900 to 2100"),
        ("0000", "the year is outside 1900 to 2100"),
        (dt.date(1066, 10, 14), "the year is outside 1900 to 2100"),
        ("2016/05/01", "is not a year, year-month or date"),
        (True, "expected a year or a date, got 'true'"),
        (20.16, "expected a year or a date, got 20.16"),
    ],
)
def test_dates_that_cannot_exist_are_refused_with_the_reason(value: object, why: str) -> None:
    with pytest.raises(PydanticCustomError) as refused:
        calendar_date(value, partial=True)
    assert why in str(refused.value)


def test_a_full_date_field_wants_the_day() -> None:
    with pytest.raises(PydanticCustomError, match="is not a date"):
        calendar_date("2016-05", partial=False)
    assert calendar_date("2016-05-01", partial=False) == "2016-05-01"
