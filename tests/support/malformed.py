"""Hypothesis strategies for malformed input: records and pages that are wrong in one way each
(types, dates, nesting, tags, encodings, file kinds), so every example must give a problem.

Each example is a `Malformed`: where it goes in a portal, how to put it there, and whether the
problem is in its text (then it has a line) or in what the file is (a pipe, a folder...).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

VALID = {
    "sites/malformed.yml": {
        "name": "Malformed LEAD",
        "stage": "operating",
        "jurisdiction": "{city: Seattle, state: WA}",
        "location": "{lat: 47.61, lon: -122.33}",
        "launched": "2016",
        "last_verified": "2026-01-05",
        "public": "true",
    },
    "docs/resources/malformed.yml": {
        "title": "Malformed guide",
        "kind": "guide",
        "summary": "A summary.",
        "published": "2019",
        "url": "https://example.org/guide",
        "printable": "false",
    },
    "docs/contact/malformed.yml": {
        "title": "Malformed form",
        "action": "https://forms.example.org/f",
        "fields": "[{name: message, label: Message, required: true}]",
        "public": "true",
    },
}
DATE_FIELDS = {
    "sites/malformed.yml": {"launched": True, "last_verified": False},
    "docs/resources/malformed.yml": {"published": True},
}
SWITCH_FIELDS = {
    "sites/malformed.yml": "public",
    "docs/resources/malformed.yml": "printable",
    "docs/contact/malformed.yml": "public",
}
NOT_SWITCHES = ['"yes"', '"no"', '"true"', '"false"', "0", "1", "2.5", '"on"', "[]", "{}", "x"]
NOT_COORDINATES = ["true", "false", '"47.6"', ".nan", ".inf", "-.inf", "1000", "-1000", "[1]"]
TAGGED = [
    "!!binary aGVsbG8=",
    "!!python/object/apply:os.system ['true']",
    "!!python/name:os.system ''",
    "!!set {a: null}",
    "!!omap [a: 1]",
    "!custom value",
    '!!int "abc"',
    '!!float "many"',
]
NOT_UTF8 = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80\x80", b"\xf8\x88\x80\x80\x80"]
REFUSED_CHARACTERS = ["\x00", "\x01", "\x1b", "\x7f", "\x9f", "\ufffe", "\uffff", "\ud800"]
BROKEN_FRONT_MATTER = [
    "title: [unclosed",
    "title: 'unclosed",
    "title: a: b",
    "title: x\ntitle: y",
    "\ttitle: tab",
    "title: &a x\nagain: *a",
    "title: !!python/name:os.system ''",
    "title: " + "[" * 40 + "]" * 40,
]


@dataclass(frozen=True)
class Malformed:
    path: str  # relative to the portal root
    family: str
    content: bytes = b""
    kind: str = "file"  # file | folder | pipe | dangling | loop | outside
    has_line: bool = True

    def remove(self, root: Path) -> None:
        target = root / self.path
        if self.kind == "folder":
            target.rmdir()
        else:
            target.unlink()

    def put(self, root: Path) -> None:
        target = root / self.path
        if self.kind == "file":
            target.write_bytes(self.content)
        elif self.kind == "folder":
            target.mkdir()
        elif self.kind == "pipe":
            os.mkfifo(target)
        elif self.kind == "dangling":
            target.symlink_to(root / "no-such-file.yml")
        elif self.kind == "loop":
            target.symlink_to(target)
        elif self.kind == "outside":
            target.symlink_to("/etc/hostname")

    def __repr__(self) -> str:  # Hypothesis prints this for a failing example
        return f"Malformed({self.path!r}, {self.family!r}, {self.content!r}, {self.kind!r})"


def record_text(fields: dict[str, str]) -> str:
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def with_value(path: str, key: str, value: str, family: str) -> Malformed:
    fields = dict(VALID[path])
    fields[key] = value
    return Malformed(path, family, record_text(fields).encode("utf-8"))


record_paths = st.sampled_from(sorted(VALID))


def is_real(year: int, month: int, day: int | None) -> bool:
    if not 1900 <= year <= 2100:
        return False
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return True


@st.composite
def impossible_dates(draw: st.DrawFn) -> Malformed:
    path = draw(st.sampled_from(sorted(DATE_FIELDS)))
    key = draw(st.sampled_from(sorted(DATE_FIELDS[path])))
    partial = DATE_FIELDS[path][key]
    year = draw(st.integers(0, 9999))
    month = draw(st.integers(0, 19))
    day = draw(st.none() if partial and draw(st.booleans()) else st.integers(0, 39))
    if is_real(year, month, day):
        year = draw(st.sampled_from([0, 1066, 1899, 2101, 9999]))
    text = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
    quoted = draw(st.booleans())
    return with_value(path, key, f'"{text}"' if quoted else text, "impossible date")


@st.composite
def lax_switches(draw: st.DrawFn) -> Malformed:
    path = draw(record_paths)
    value = draw(st.sampled_from(NOT_SWITCHES))
    if path == "docs/contact/malformed.yml" and draw(st.booleans()):
        fields = f"[{{name: message, label: Message, required: {value}}}]"
        return with_value(path, "fields", fields, "lax switch")
    return with_value(path, SWITCH_FIELDS[path], value, "lax switch")


@st.composite
def lax_coordinates(draw: st.DrawFn) -> Malformed:
    lat = draw(st.sampled_from(NOT_COORDINATES))
    lon = draw(st.sampled_from(["-122.33", *NOT_COORDINATES]))
    location = f"{{lat: {lat}, lon: {lon}}}"
    return with_value("sites/malformed.yml", "location", location, "lax coordinate")


@st.composite
def tagged_values(draw: st.DrawFn) -> Malformed:
    path = draw(record_paths)
    key = draw(st.sampled_from(sorted(VALID[path])))
    return with_value(path, key, draw(st.sampled_from(TAGGED)), "explicit tag")


@st.composite
def deep_values(draw: st.DrawFn) -> Malformed:
    path = draw(record_paths)
    key = draw(st.sampled_from(sorted(VALID[path])))
    depth = draw(st.integers(33, 1500))
    if draw(st.booleans()):
        value = "[" * depth + "]" * depth
    else:
        value = "\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(min(depth, 100)))
    return with_value(path, key, value, "deep nesting")


@st.composite
def bad_encodings(draw: st.DrawFn) -> Malformed:
    path = draw(record_paths)
    text = record_text(VALID[path])
    if draw(st.integers(0, 5)) == 0:
        return Malformed(path, "UTF-16", text.encode("utf-16"))
    at = draw(st.integers(0, len(text)))
    if draw(st.booleans()):
        inserted = draw(st.sampled_from(NOT_UTF8))
    else:
        inserted = draw(st.sampled_from(REFUSED_CHARACTERS)).encode("utf-8", "surrogatepass")
    raw = text.encode("utf-8")
    return Malformed(path, "encoding", raw[:at] + inserted + raw[at:])


@st.composite
def file_kinds(draw: st.DrawFn) -> Malformed:
    path = draw(st.sampled_from([*sorted(VALID), "docs/malformed.md"]))
    kind = draw(st.sampled_from(["folder", "pipe", "dangling", "loop", "outside"]))
    return Malformed(path, "file kind", kind=kind, has_line=False)


@st.composite
def broken_pages(draw: st.DrawFn) -> Malformed:
    body = draw(st.sampled_from(["# A page\n", "Text.\n", ""]))
    choice = draw(st.integers(0, 2))
    if choice == 0:
        text = f"---\ntitle: Never closed\n{body}"
    elif choice == 1:
        closing = draw(st.sampled_from(["---", "..."]))
        text = f"---\n{draw(st.sampled_from(BROKEN_FRONT_MATTER))}\n{closing}\n{body}"
    else:
        raw = f"---\ntitle: Page\n---\n{body}".encode()
        at = draw(st.integers(0, len(raw)))
        return Malformed("docs/malformed.md", "page encoding", raw[:at] + b"\xff" + raw[at:])
    return Malformed("docs/malformed.md", "page front matter", text.encode("utf-8"))


MALFORMED: Callable[[], st.SearchStrategy[Malformed]] = lambda: st.one_of(  # noqa: E731
    impossible_dates(),
    lax_switches(),
    lax_coordinates(),
    tagged_values(),
    deep_values(),
    bad_encodings(),
    file_kinds(),
    broken_pages(),
)


@st.composite
def mutated_records(draw: st.DrawFn) -> Malformed:
    """A valid record with arbitrary bytes or text spliced in: valid or not, never a crash."""
    path = draw(record_paths)
    raw = record_text(VALID[path]).encode("utf-8")
    at = draw(st.integers(0, len(raw)))
    cut = draw(st.integers(0, 20))
    if draw(st.booleans()):
        inserted = draw(st.binary(max_size=20))
    else:
        inserted = draw(st.text(max_size=20)).encode("utf-8", "surrogatepass")
    return Malformed(path, "mutation", raw[:at] + inserted + raw[at + cut :])
