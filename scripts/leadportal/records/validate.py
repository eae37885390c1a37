"""Turn one parsed record into a model, or into problem lines that point into the file."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from leadportal.records.models import model_fields_at
from leadportal.records.positions import Parsed, dotted
from leadportal.records.problems import Problem
from leadportal.records.suggest import did_you_mean

M = TypeVar("M", bound=BaseModel)

EXPECTED = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list (one item per line, each starting with '- ')",
    "dict_type": "expected a mapping of keys and values",
    "model_type": "expected a mapping of keys and values",
    "model_attributes_type": "expected a mapping of keys and values",
}


HINTS = {
    "bool_type": "write true or false, without quotes",
    "float_type": "write a number such as 47.61, without quotes",
    "int_type": "write the number without quotes",
    "string_type": "put the text in quotes if it looks like a number or a date",
}
LONGEST_SHOWN = 80


def _type_hint(kind: str, value: Any) -> str:
    """How to write the value, for a single value of the wrong type (not a list or mapping)."""
    return "" if isinstance(value, list | dict) or value is None else HINTS.get(kind, "")


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    text = str(value)
    return f"'{text[:LONGEST_SHOWN]}…'" if len(text) > LONGEST_SHOWN else f"'{text}'"


def validate(
    parsed: Parsed, model: type[M], path: str, context: Mapping[str, Any]
) -> tuple[M | None, list[Problem]]:
    if not isinstance(parsed.data, dict):
        return None, [
            Problem(
                path,
                1,
                1,
                "",
                f"expected a mapping of keys and values, got {describe(parsed.data)}",
                "a record starts with `key: value` lines",
            )
        ]
    try:
        return model.model_validate(parsed.data, context=dict(context)), []
    except ValidationError as err:
        problems = [problem_for(e, parsed, path, model) for e in err.errors()]
        return None, [p for p in problems if p is not None]


def problem_for(
    error: ErrorDetails, parsed: Parsed, path: str, model: type[BaseModel]
) -> Problem | None:
    loc = tuple(error["loc"])
    if _already_reported(loc, parsed.broken):
        return None
    kind = error["type"]
    field = dotted(loc)
    if kind == "missing":
        line, col = parsed.where(loc[:-1])
        return Problem(path, line, col, field, "is required", _required_hint(loc))
    if kind == "extra_forbidden":
        line, col = parsed.key_or_value(loc)
        hint = did_you_mean(str(loc[-1]), model_fields_at(model, loc[:-1]))
        allowed = ", ".join(model_fields_at(model, loc[:-1]))
        return Problem(path, line, col, field, "unknown key", hint or f"allowed keys: {allowed}")
    line, col = parsed.where(loc)
    ctx = error.get("ctx") or {}
    if kind == "lead":
        return Problem(path, line, col, field, str(ctx["message"]), str(ctx.get("hint", "")))
    if kind in EXPECTED:
        got = f"{EXPECTED[kind]}, got {describe(error['input'])}"
        return Problem(path, line, col, field, got, _type_hint(kind, error["input"]))
    if kind == "string_too_short":
        return Problem(path, line, col, field, "is empty", "write a value or remove the line")
    if kind == "too_short":
        return Problem(path, line, col, field, "is an empty list", "add at least one item")
    if kind == "string_pattern_mismatch":
        return Problem(
            path,
            line,
            col,
            field,
            f"{describe(error['input'])} does not have the expected form",
            f"expected to match {ctx.get('pattern')}",
        )
    return Problem(path, line, col, field, error["msg"])


def _already_reported(loc: tuple[Any, ...], broken: set[tuple[Any, ...]]) -> bool:
    """A value that could not be read (or its container's check that tripped over it)."""
    inside_broken = any(loc[:n] in broken for n in range(len(loc) + 1))
    holds_broken = bool(loc) and any(b[: len(loc)] == loc for b in broken)
    return inside_broken or holds_broken


REQUIRED_HINTS = {
    "name": "the public name, e.g. 'Santa Fe LEAD'",
    "stage": "one of the stages, e.g. operating",
    "jurisdiction": "with `state:` and `city:` or `county:` below it",
    "state": "the two-letter USPS code, e.g. NM",
    "title": "the title as it should appear in the portal",
    "kind": "e.g. toolkit, guide, evaluation",
    "summary": "a few sentences in our own words",
    "published": "the year, e.g. 2019",
    "fields": "a list of fields, each with name, label and type",
    "label": "the text shown next to the field",
    "role": "what this entry is, e.g. 'Program coordination'",
    "partners.role": "what the partner does, e.g. law enforcement or housing",
    "history.stage": "the stage it moved to, e.g. launching",
    "history.since": "when, e.g. 2019 or '2019-05'",
    "location.lat": "the latitude, e.g. 47.61",
    "location.lon": "the longitude, e.g. -122.33",
}


def _required_hint(loc: tuple[Any, ...]) -> str:
    """`add `key:`` with an example, the one for the key's place (partners.role) first."""
    key = str(loc[-1])
    parents = [str(part) for part in loc[:-1] if not isinstance(part, int)]
    place = f"{parents[-1]}.{key}" if parents else key
    example = REQUIRED_HINTS.get(place) or REQUIRED_HINTS.get(key)
    return f"add `{key}:`" + (f" — {example}" if example else "")
