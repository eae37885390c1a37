"""Entries that are not ordinary readable files where records, pages or documents are expected:
each is one problem line naming it, never a traceback or a wait (a named pipe is not opened)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_cases import empty_portal

from leadportal.build.generate import check
from leadportal.records.safe_read import read_file

SITE = "name: X\nstage: operating\njurisdiction: {city: Seattle, state: WA}\n"
DOC = "title: T\nkind: guide\nsummary: S.\npublished: 2019\n"
Setup = Callable[[Path], object]


def write(relative: str, content: str | bytes) -> Setup:
    def setup(root: Path) -> None:
        data = content.encode() if isinstance(content, str) else content
        (root / relative).write_bytes(data)

    return setup


def link(relative: str, target: str) -> Setup:
    return lambda root: (root / relative).symlink_to(target)


def loop(first: str, second: str) -> Setup:
    def setup(root: Path) -> None:
        (root / first).symlink_to(root / second)
        (root / second).symlink_to(root / first)

    return setup


def fifo(relative: str) -> Setup:
    return lambda root: os.mkfifo(root / relative)


def folder(relative: str) -> Setup:
    return lambda root: (root / relative).mkdir()


def both(*steps: Setup) -> Setup:
    return lambda root: [step(root) for step in steps]


PIPE = "is a named pipe, not a file (remove it: only ordinary files are read here)"
FOLDER = "is a folder, not a file (rename the folder or move it elsewhere)"
OUTSIDE = (
    "is a link to a file outside the repository "
    "(copy the file itself into the repository instead of linking to it)"
)
LOOP = (
    "is a link that leads back to itself (a loop of links) (replace the link with the file itself)"
)
NOT_READ = "is named like a record but is not read as one"
CASES: dict[str, tuple[Setup, list[str]]] = {
    "record folder": (folder("sites/x.yml"), [f"sites/x.yml: {FOLDER}"]),
    "record pipe": (fifo("sites/x.yml"), [f"sites/x.yml: {PIPE}"]),
    "document record pipe": (
        fifo("docs/resources/x.yml"),
        [f"docs/resources/x.yml: {PIPE}"],
    ),
    "dangling record link": (
        link("sites/x.yml", "/nonexistent/x.yml"),
        [
            "sites/x.yml: is a link to '/nonexistent/x.yml', which does not exist "
            "(point the link at an existing file, or replace it with the file itself)"
        ],
    ),
    "record link loop": (
        loop("sites/x.yml", "sites/y.yml"),
        [f"sites/x.yml: {LOOP}", f"sites/y.yml: {LOOP}"],
    ),
    "record linked from outside": (
        link("sites/x.yml", "/etc/passwd"),
        [f"sites/x.yml: {OUTSIDE}"],
    ),
    "upper-case suffix": (
        write("sites/x.YML", SITE),
        [
            f"sites/x.YML: 'x.YML' {NOT_READ} "
            "(rename it to 'x.yml': no spaces around the name, and .yml in lower case)"
        ],
    ),
    "trailing space": (
        write("docs/contact/x.yml ", SITE),
        [
            f"docs/contact/x.yml : 'x.yml ' {NOT_READ} "
            "(rename it to 'x.yml': no spaces around the name, and .yml in lower case)"
        ],
    ),
    "document named index": (
        write("docs/resources/index.yml", DOC + "url: https://example.org/\n"),
        [
            "docs/resources/index.yml: the name 'index' is kept for the page that lists this "
            "folder (rename the file, e.g. to resources-index.yml)"
        ],
    ),
    "document file is a folder": (
        both(folder("docs/resources/d"), write("docs/resources/x.yml", DOC + "file: d\n")),
        [f"docs/resources/x.yml:5:1: file: 'd' {FOLDER}"],
    ),
    "document file is a pipe": (
        both(fifo("docs/resources/f.pdf"), write("docs/resources/x.yml", DOC + "file: f.pdf\n")),
        [f"docs/resources/f.pdf: {PIPE}", f"docs/resources/x.yml:5:1: file: 'f.pdf' {PIPE}"],
    ),
    "document file name with NUL": (
        write("docs/resources/x.yml", DOC + 'file: "a\\0b.pdf"\n'),
        [
            "docs/resources/x.yml:5:1: file: 'a\\x00b.pdf' has a NUL character in its name "
            "(write the name without it)"
        ],
    ),
    "document file name too long": (
        write("docs/resources/x.yml", DOC + f"file: {'a' * 300}.pdf\n"),
        [
            f"docs/resources/x.yml:5:1: file: '{'a' * 300}.pdf' has a name too long for the "
            "file system (shorten the file or folder names on its path)"
        ],
    ),
    "unloadable document does not stop the orphan scan": (
        write("docs/resources/x.yml", "title: " + "[" * 1000 + "]" * 1000 + "\n"),
        [
            "docs/resources/x.yml:1:40: nested deeper than 32 levels "
            "(a record needs only a few levels)"
        ],
    ),
    "page pipe": (fifo("docs/p.md"), [f"docs/p.md: {PIPE}"]),
    "page folder": (
        folder("docs/p.md"),
        [
            "docs/p.md: is a folder named like a page or record file "
            "(a page or record is a file: rename the folder)"
        ],
    ),
    "page linked from outside": (link("docs/p.md", "/etc/hostname"), [f"docs/p.md: {OUTSIDE}"]),
    "page not UTF-8": (
        write("docs/p.md", b"# Caf\xe9\n"),
        ["docs/p.md:1:6: byte 0xe9 is not UTF-8 text (save the file with UTF-8 encoding)"],
    ),
    "linked folder loop": (
        lambda root: (root / "docs/again").symlink_to(root / "docs"),
        ["docs/again: is a link to a folder that holds the link itself (a loop) (remove the link)"],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_unreadable_entry_is_one_problem_line(name: str, tmp_path: Path) -> None:
    setup, expected = CASES[name]
    settings = empty_portal(tmp_path, ())
    setup(tmp_path)
    assert [str(p) for p in check(settings).problems] == expected


def test_a_named_pipe_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yml")
    # Opening a pipe for reading waits for a writer: returning at all shows it was not opened.
    assert "named pipe" in str(read_file(tmp_path / "pipe.yml", tmp_path, 100))


def test_a_file_is_read_only_up_to_its_cap(tmp_path: Path) -> None:
    (tmp_path / "big.yml").write_bytes(b"a" * 101)
    (tmp_path / "small.yml").write_bytes(b"a" * 100)
    assert read_file(tmp_path / "small.yml", tmp_path, 100) == b"a" * 100
    assert "at most" in str(read_file(tmp_path / "big.yml", tmp_path, 100))
