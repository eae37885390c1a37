"""Partial dates (a year, a year-month or a full date) as the pages show them."""

from __future__ import annotations

import datetime as dt

from leadportal.render.i18n import language


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


MONTHS_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]


def human_date(partial: str) -> str:
    """`2017` -> `2017`; `2023-07` -> `July 2023`; `2016-03-31` -> `March 31, 2016`; in
    Spanish `julio de 2023`, `31 de marzo de 2016`."""
    parts = partial.split("-")
    if len(parts) == 1:
        return partial
    if language() == "es":
        month = MONTHS_ES[int(parts[1]) - 1]
        day = f"{dt.date.fromisoformat(partial).day} de " if len(parts) == 3 else ""
        return f"{day}{month} de {parts[0]}"
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{month} {dt.date.fromisoformat(partial).day}, {parts[0]}"
