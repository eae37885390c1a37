"""The front matter of a hand-written Markdown page, read as MkDocs reads it, with problems.

MkDocs takes a first line `---`, YAML, and a closing `---` or `...` line as front matter, and
silently shows broken YAML as page text. Here broken YAML, and front matter that is never
closed, are problem lines; a page that merely starts with a `---` horizontal rule is a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from leadportal.records.positions import parse
from leadportal.records.problems import Problem

MAX_PAGE_BYTES = 5_000_000
OPENING = re.compile(r"---[ \t]*")
CLOSING = re.compile(r"(?:---|\.\.\.)[ \t]*")
KEY_LINE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*[ \t]*:(?:[ \t]|$)")


@dataclass(frozen=True)
class Page:
    """A page split into its front matter (empty when it has none) and its Markdown body."""

    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    problems: list[Problem] = field(default_factory=list)
    closed_at_end: bool = False  # the closing line is the file's last, with no newline


def normalised(text: str) -> str:
    """The text as MkDocs reads it: without a BOM, every line ending a plain newline."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_page(text: str, path: str) -> Page:
    text = normalised(text)
    lines = text.split("\n")
    if not OPENING.fullmatch(lines[0]) or len(lines) < 2:
        return Page(body=text)
    end = next((n for n in range(1, len(lines)) if CLOSING.fullmatch(lines[n])), None)
    if end is None:
        if KEY_LINE.match(lines[1]):
            return Page(body=text, problems=[_never_closed(path)])
        return Page(body=text)  # a horizontal rule, then Markdown
    # A blank first line in place of the opening dashes: YAML then counts lines as the page.
    yaml_text = "\n" + "\n".join(lines[1:end]) + "\n"
    body = "\n".join(lines[end + 1 :]).lstrip("\n")
    closed_at_end = end == len(lines) - 1
    if not yaml_text.strip():
        return Page({}, body, closed_at_end=closed_at_end)
    parsed, problems = parse(yaml_text.encode("utf-8"), path)
    if problems:
        return Page(body=body, problems=[_in_front_matter(p) for p in problems])
    if parsed is None or not isinstance(parsed.data, dict):
        return Page(body=text)  # `---`, a paragraph, `---`: Markdown, as MkDocs reads it
    return Page(parsed.data, body, closed_at_end=closed_at_end)


def _never_closed(path: str) -> Problem:
    return Problem(
        path,
        1,
        1,
        "",
        "the front matter that starts here is never closed",
        "end it with a line of three dashes (---); or, for a horizontal rule at the top, "
        "leave the line after it empty",
    )


def _in_front_matter(problem: Problem) -> Problem:
    return Problem(
        problem.path,
        problem.line or 2,
        problem.column or 1,
        problem.field,
        "front matter: " + problem.message,
        problem.hint,
        problem.severity,
    )


def mkdocs_source(text: str) -> str | None:
    """The text MkDocs should read when it would misread the page, else None: front matter
    closed on the last line without a newline is front matter, not a heading."""
    page = read_page(text, "")
    return normalised(text) + "\n" if page.closed_at_end and not page.problems else None
