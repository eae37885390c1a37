"""`leadportal format`: put every record into the canonical layout (records/layout.py).

A record is rewritten only when the new text reads back to the same values (compared as the
validator reads them); otherwise it is left as it is and named. A record that does not parse
is named and left alone, for `leadportal check` to explain. `--check` writes nothing.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from leadportal.records.layout import dump, in_schema_order, same_values
from leadportal.records.loader import record_files
from leadportal.records.models import RECORD_KINDS
from leadportal.records.problems import Problem
from leadportal.records.scaffold import record_folder
from leadportal.records.settings import Settings


@dataclass
class Formatted:
    changed: list[str] = field(default_factory=list)  # rewritten (or, with --check, to rewrite)
    unchanged: int = 0
    comments_dropped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def formatted_text(text: str, kind: str) -> str | None:
    """The record in the canonical layout, or None when that would change a value."""
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        return None
    model = RECORD_KINDS[kind]
    result = dump(in_schema_order(data, model))
    return result if same_values(data, yaml.safe_load(result), model) else None


def has_comments(text: str) -> bool:
    """A comment token anywhere (PyYAML's scanner skips them, so look at the lines)."""
    return any(line.lstrip().startswith("#") for line in text.splitlines())


def _write(target: Path, text: str) -> None:
    """Replace the file in one step, so an interrupted run never leaves half a record."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)
    os.replace(temporary, target)


def format_file(path: Path, kind: str, settings: Settings, write: bool, result: Formatted) -> None:
    shown = settings.relative(path)
    text = path.read_text(encoding="utf-8")
    try:
        new = formatted_text(text, kind)
    except (yaml.YAMLError, RecursionError):
        result.problems.append(
            Problem(shown, message="not valid YAML; left as it is", hint="run `leadportal check`")
        )
        return
    if new is None:
        result.problems.append(
            Problem(
                shown,
                message="the canonical layout would change a value; left as it is",
                hint="run `leadportal check`, fix what it names, then format again",
            )
        )
        return
    if new == text:
        result.unchanged += 1
        return
    result.changed.append(shown)
    if has_comments(text):
        result.comments_dropped.append(shown)
    if write:
        _write(path, new)


def format_records(settings: Settings, write: bool = True) -> Formatted:
    result = Formatted()
    for kind in RECORD_KINDS:
        for path in record_files(record_folder(kind, settings)):
            format_file(path, kind, settings, write, result)
    return result
