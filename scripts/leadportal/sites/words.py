"""The sites pages' words that depend on a number or a date, in the language being built.

Each English sentence is a key of render/strings (Spanish in strings/es/sites.yml); a count
picks the singular or the plural sentence (Spanish and English agree on which: 1 is
singular, every other number plural).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from leadportal.render.dates import human_date
from leadportal.render.i18n import ENGLISH, language, t


def counted(count: int, one: str, many: str, **values: Any) -> str:
    """`one` (for a count of 1) or `many`, with `{count}` and `values` filled in."""
    return t(one if count == 1 else many, count=number(count), **values)


def number(value: int) -> str:
    """`1,234` in English; in Spanish as browsers write it (`1234`, `12.345`)."""
    if language() == ENGLISH:
        return f"{value:,}"
    return f"{value:,}".replace(",", ".") if abs(value) >= 10_000 else str(value)


def distance_words(miles: float, km: float) -> str:
    """`25 miles (40 km)`; two sites in one city are `under 1 mile (under 2 km)` apart."""
    if miles < 1:
        return t("under 1 mile (under 2 km)")
    whole = round(miles)
    return counted(whole, "{count} mile ({km} km)", "{count} miles ({km} km)", km=number(round(km)))


def distance_away(miles: float, km: float) -> str:
    """`25 miles (40 km) away` (Spanish: `a 25 millas (40 km)`)."""
    if miles < 1:
        return t("under 1 mile (under 2 km) away")
    whole = round(miles)
    return counted(
        whole, "{count} mile ({km} km) away", "{count} miles ({km} km) away", km=number(round(km))
    )


def launched_words(since: str) -> str:
    """`launched October 3, 2011`. A whole date is `{day}`, a month or a year `{date}`: the
    same English, and in Spanish `lanzado el 3 de octubre…` but `lanzado en octubre…`."""
    if len(since) == len("2011-10-03"):
        return t("launched {day}", day=human_date(since))
    return t("launched {date}", date=human_date(since))


def verified_age(months: int) -> str:
    """`less than a month ago`, `1 month ago`, `14 months ago`."""
    if months < 1:
        return t("less than a month ago")
    return counted(months, "{count} month ago", "{count} months ago")


def as_html(words: str) -> Markup:
    """Text for an element's content, escaped but with its apostrophes as they are (`state's`,
    as the pages have always written them; harmless outside attributes)."""
    return Markup(str(escape(words)).replace("&#39;", "'"))


def t_text(text: str, **values: Any) -> Markup:
    """`t` for element content in templates (apostrophes kept, see `as_html`)."""
    return as_html(t(text, **{k: str(v) for k, v in values.items()}))
