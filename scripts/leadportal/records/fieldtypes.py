"""Field types shared by the record schemas, each with an error message staff can act on."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Annotated, Any, get_args
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from leadportal.records.suggest import did_you_mean

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
EMAIL = re.compile(
    r"^[^@\s<>\"'(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
PHONE = re.compile(r"^\+?[0-9][0-9 ().\-]{5,}[0-9](?: ?(?:x|ext\.?) ?[0-9]{1,6})?$")

USPS_CODES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "DC",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "PR",
    "GU",
    "VI",
    "AS",
    "MP",
]


def fail(message: str, hint: str = "") -> PydanticCustomError:
    return PydanticCustomError("lead", "{message}", {"message": message, "hint": hint})


def _check_one_of(value: str, choices: tuple[str, ...] | list[str]) -> str:
    if value in choices:
        return value
    raise fail(f"'{value}' is not one of {', '.join(choices)}", did_you_mean(value, choices))


def in_vocabulary(name: str) -> AfterValidator:
    """Accept only values of the portal's configured vocabulary `name` (from the context)."""

    def check(value: str, info: ValidationInfo) -> str:
        vocab = (info.context or {}).get("vocabularies", {}).get(name)
        return value if vocab is None else _check_one_of(value, vocab)

    return AfterValidator(check)


def vocabulary_schema(name: str) -> WithJsonSchema:
    """Filled with the configured values when the JSON Schema is written (see schema.py)."""
    return WithJsonSchema({"type": "string", "x-vocabulary": name})


def one_of(*choices: str) -> AfterValidator:
    return AfterValidator(lambda v: _check_one_of(v, list(choices)))


FIRST_YEAR, LAST_YEAR = 1900, 2100


def _calendar_problem(year: int, month: int | None, day: int | None) -> str | None:
    """Why a year, year-month or date cannot be on the calendar, or None when it can."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return f"the year is outside {FIRST_YEAR} to {LAST_YEAR}"
    if month is not None and not 1 <= month <= 12:
        return f"there is no month {month:02d}"
    if month is not None and day is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            return f"{calendar.month_name[month]} {year} has {days} days"
    return None


def calendar_date(value: Any, *, partial: bool) -> str:
    """A date as `YYYY-MM-DD` (or, when `partial`, `YYYY` or `YYYY-MM`) that exists on the
    calendar and that every page can show; anything else is a problem with an example."""
    example = (
        "write 2016, '2016-05' or 2016-05-01" if partial else "write YYYY-MM-DD, e.g. 2026-03-01"
    )
    if isinstance(value, bool) or not isinstance(value, int | str | dt.date):
        raise fail(
            f"expected {'a year or ' if partial else ''}a date, got {_shown(value)}", example
        )
    if isinstance(value, dt.datetime):
        value = value.date()
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    match = PARTIAL_DATE.match(text)
    if not match or (not partial and not match.group(3)):
        what = "a year, year-month or date" if partial else "a date"
        raise fail(f"'{text}' is not {what}", example)
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None  # the pattern always has one
    problem = _calendar_problem(year, month, day)
    if problem:
        raise fail(f"'{text}' is not a real date: {problem}", example)
    return text


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    return (
        "a list"
        if isinstance(value, list)
        else "a mapping"
        if isinstance(value, dict)
        else f"{value!r}"
    )


def _partial_date(value: Any) -> str:
    return calendar_date(value, partial=True)


PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                {"type": "string", "pattern": PARTIAL_DATE.pattern},
            ],
            "description": "a year (2016), a year and month ('2016-05') or a date (2016-05-01)",
        }
    ),
]


def is_partial_date(info: Any) -> bool:
    """The field (a pydantic FieldInfo) holds a PartialDate, optional or not."""

    def found(annotation: Any) -> bool:
        metadata = getattr(annotation, "__metadata__", ())
        if any(getattr(m, "func", None) is _partial_date for m in metadata):
            return True
        return any(found(arg) for arg in get_args(annotation))

    metadata = getattr(info, "metadata", [])
    if any(getattr(m, "func", None) is _partial_date for m in metadata):
        return True
    return found(getattr(info, "annotation", None))


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(calendar_date(value, partial=False))


Date = Annotated[
    dt.date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})
]


URL_UNFIT = set('"<>`\\')


def _url(value: str, schemes: tuple[str, ...]) -> str:
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. an opening [ with no closing ] in the host
        raise fail(
            f"'{value}' is not a web address that can be read",
            "copy the full address from the browser, e.g. https://example.org/",
        ) from None
    if parts.scheme.lower() not in schemes:
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        raise fail(
            f"'{value}' has {shown}; expected a link starting with "
            + " or ".join(f"{s}:" for s in schemes),
            "copy the full address from the browser, e.g. https://example.org/",
        )
    if parts.scheme in {"http", "https"} and not parts.netloc:
        raise fail(f"'{value}' has no host name", "write it as https://example.org/...")
    if any(c.isspace() for c in value):
        raise fail(f"'{value}' contains spaces", "remove them or write %20")
    unfit = sorted({c for c in value if c in URL_UNFIT or not c.isprintable()})
    if unfit:
        raise fail(
            f"'{value}' contains {' '.join(unfit)}, which a web address cannot hold",
            "copy the address from the browser's address bar, which encodes them",
        )
    return value


def url_with(*schemes: str) -> AfterValidator:
    return AfterValidator(lambda v: _url(v, schemes))


def url_schema(*schemes: str) -> WithJsonSchema:
    return WithJsonSchema(
        {"type": "string", "format": "uri", "pattern": "^(" + "|".join(schemes) + "):"}
    )


WebUrl = Annotated[str, url_with("http", "https"), url_schema("http", "https")]


def _email(value: str) -> str:
    if EMAIL.match(value):
        return value
    raise fail(f"'{value}' is not an e-mail address", "write it as name@example.org")


def _phone(value: Any) -> str:
    text = str(value).strip()
    if PHONE.match(text):
        return text
    raise fail(
        f"'{text}' is not a phone number", "write digits with spaces or dashes, e.g. 206-555-0100"
    )


Email = Annotated[
    str,
    AfterValidator(_email),
    WithJsonSchema({"type": "string", "format": "email", "pattern": EMAIL.pattern}),
]
Phone = Annotated[
    str,
    BeforeValidator(_phone),
    WithJsonSchema({"type": "string", "pattern": PHONE.pattern, "x-pattern-kind": "phone"}),
]


def _state(value: str) -> str:
    if value in USPS_CODES:
        return value
    raise fail(
        f"'{value}' is not a two-letter USPS state code",
        did_you_mean(value, USPS_CODES) or "for example WA, NM or NY",
    )


UsState = Annotated[
    str, AfterValidator(_state), WithJsonSchema({"type": "string", "enum": USPS_CODES})
]


def between(low: float, high: float, what: str) -> Callable[[float], float]:
    def check(value: float) -> float:
        if not math.isfinite(value):
            raise fail(f"'{value}' is not a coordinate", f"write a number: {what}")
        if low <= value <= high:
            return value
        raise fail(
            f"{value} is outside {low:g}..{high:g}", f"{what}; are latitude and longitude swapped?"
        )

    return check
