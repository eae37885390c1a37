"""The one layout every record is written in, so a web edit changes only the lines it changes.

The web editor (Sveltia CMS) writes a whole record on every save, with the `yaml` library's
rules and these options: keys in the order of the editor's fields (= schema order), plain
scalars where YAML allows them, single quotes where it does not (double quotes when the text
holds a single quote), multi-line text as `|` blocks, lists indented under their key, no line
folding. `leadportal format` and `leadportal new` write records with the same rules, so the
first web edit of a record is already a small diff. Comments cannot survive the editor, so the
layout has none; the help is in the editor's hints and in the JSON Schemas.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from leadportal.records.fieldtypes import is_partial_date
from leadportal.records.models import _inner_model

INDENT = "  "
# Where `yaml` (the editor's library) refuses a plain scalar (its plainString test).
NOT_PLAIN = re.compile(
    r"^[\n\t ,\[\]{}#&*!|>'\"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$"
)
# Text the YAML 1.2 core schema (the editor's) reads as another type: it quotes these.
CORE_NOT_STRING = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$"
)
DOCUMENT_MARKER = re.compile(r"(?:^|\n)(?:---|\.\.\.)(?:[\n\t ]|$)")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
DATE_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _read_as_text(text: str) -> bool:
    """PyYAML (YAML 1.1, the portal's reader) reads `text` back as this same string. Dates
    are the one exception allowed: the validator reads a date and its text alike."""
    if DATE_TEXT.match(text):
        return True
    try:
        return bool(yaml.safe_load(text) == text)
    except yaml.YAMLError:
        return False


def _double_quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    escaped = escaped.replace("\t", "\\t")
    return '"' + CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", escaped) + '"'


def _quoted(text: str) -> str:
    if CONTROL.search(text) or re.search(r"[ \t]\n|\n[ \t]|\n", text):
        return _double_quoted(text)
    if "'" in text and '"' not in text:
        return _double_quoted(text)
    return "'" + text.replace("'", "''") + "'"


def _block(text: str, indent: str) -> str:
    """`|` block, with the chomping indicator the text's end needs (strip, clip or keep)."""
    body = text.rstrip("\n\t ")
    end = text[len(body) :]
    if "\n" not in end:
        chomp = "-"
    elif end.index("\n") != len(end) - 1:
        chomp = "+"
    else:
        chomp = ""
    header = ("2" if body.startswith(" ") else "") + chomp
    lines = [indent + line if line else "" for line in body.split("\n")]
    trailing = [""] * max(0, end.count("\n") - 1) if chomp == "+" else []
    return "|" + header + "\n" + "\n".join(lines + trailing)


def scalar(value: Any, indent: str) -> str:
    """One scalar, as the editor's `yaml` writes it (and as PyYAML reads it back)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return {math.inf: ".inf", -math.inf: "-.inf"}.get(value, ".nan")
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return string(str(value), indent)


def string(text: str, indent: str) -> str:
    multiline = "\n" in text
    if CONTROL.search(text):
        return _double_quoted(text)
    if multiline and not re.search(r"\n[\t ]+$", text):
        return _block(text, indent)
    if not text or NOT_PLAIN.search(text) or DOCUMENT_MARKER.search(text):
        return _quoted(text)
    if CORE_NOT_STRING.match(text) or not _read_as_text(text):
        return _quoted(text)
    return text


def _is_empty_collection(value: Any) -> bool:
    return isinstance(value, (dict, list)) and not value


def _mapping_lines(data: dict[Any, Any], indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        lines += _entry(str(key), value, indent)
    return lines


def _entry(key: str, value: Any, indent: str) -> list[str]:
    head = f"{indent}{string(key, indent)}:"
    if _is_empty_collection(value):
        return [f"{head} {'{}' if isinstance(value, dict) else '[]'}"]
    if isinstance(value, dict):
        return [head, *_mapping_lines(value, indent + INDENT)]
    if isinstance(value, list):
        return [head, *_sequence_lines(value, indent + INDENT)]
    return [f"{head} {scalar(value, indent + INDENT)}"]


def _sequence_lines(items: list[Any], indent: str) -> list[str]:
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict) and item:
            inner = _mapping_lines(item, indent + INDENT)
            lines.append(indent + "- " + inner[0][len(indent + INDENT) :])
            lines += inner[1:]
        elif isinstance(item, list) and item:
            inner = _sequence_lines(item, indent + INDENT)
            lines.append(indent + "- " + inner[0][len(indent + INDENT) :])
            lines += inner[1:]
        elif _is_empty_collection(item):
            lines.append(indent + "- " + ("{}" if isinstance(item, dict) else "[]"))
        else:
            lines.append(indent + "- " + scalar(item, indent + INDENT))
    return lines


def dump(data: dict[Any, Any]) -> str:
    """A record's text in the canonical layout (the data must already be in schema order)."""
    return "\n".join(_mapping_lines(data, "")) + "\n" if data else "{}\n"


def in_schema_order(data: Any, model: Any) -> Any:
    """Keys in the model's field order at every level; keys it does not know follow, as they
    were. A `null` the model reads as absent is left out; a missing switch (`public`,
    `printable`, a form field's `required`) is written out with its default, since the editor
    shows it as off and writes it on the first save."""
    if isinstance(data, list):
        return [in_schema_order(item, model) for item in data]
    if not isinstance(data, dict) or not (isinstance(model, type) and issubclass(model, BaseModel)):
        return data
    known = model.model_fields
    ordered: dict[Any, Any] = {}
    for name, info in known.items():
        if name in data and not (data[name] is None and info.default is None):
            value = as_the_editor_keeps(data[name], info)
            ordered[name] = _ordered_value(value, info)
        elif name not in data and info.annotation is bool:
            ordered[name] = info.default  # the editor shows a missing switch as off
    ordered.update({key: value for key, value in data.items() if key not in known})
    return ordered


def _ordered_value(value: Any, info: FieldInfo) -> Any:
    """A field's value in schema order; a mapping keyed by the record (`translations` by
    language, a form's field words by field name) keeps its keys and orders each value."""
    inner = _inner_model(info.annotation)
    if get_origin(info.annotation) is dict and isinstance(value, dict):
        return {key: in_schema_order(item, inner) for key, item in value.items()}
    return in_schema_order(value, inner)


def as_the_editor_keeps(value: Any, info: FieldInfo) -> Any:
    """A year is text in the editor (a year, a month or a date), and its text boxes drop the
    line breaks at the end of a text."""
    if is_partial_date(info) and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and "\n" in value:
        return value.rstrip("\n")
    return value


def same_values(before: Any, after: Any, model: Any) -> bool:
    """The two parsed records mean the same to the validator (it strips text and reads a
    date and its text alike; a `null` is an absent field; a missing switch has its default)."""
    return bool(_meaning(in_schema_order(before, model)) == _meaning(in_schema_order(after, model)))


def _meaning(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _meaning(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_meaning(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    return value
