"""Partial dates (a year, a year-month or a full date) as the pages show them."""

from __future__ import annotations

import datetime as dt


def iso_date(partial: str) -> str:
    """`2017` -> `2017-01-01`; `2023-07` -> `2023-07-01`; a full date stays as it is."""
    parts = partial.split("-")
    year, month, day = ([*parts, "01", "01"])[:3]
    return f"{year}-{month}-{day}"


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def human_date(partial: str) -> str:
    """`2017` -> `2017`; `2023-07` -> `July 2023`; `2016-03-31` -> `March 31, 2016`."""
    parts = partial.split("-")
    if len(parts) == 1:
        return partial
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{month} {dt.date.fromisoformat(partial).day}, {parts[0]}"
