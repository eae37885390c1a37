"""Everything in the docs folder that MkDocs would read or copy: only files it can publish.

MkDocs follows links, opens named pipes (and waits forever), fails with a traceback on a page
that is not UTF-8, and shows broken front matter as page text. Here each of those is a problem
line, found before MkDocs starts, so a strict build stops with `site/` untouched.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from leadportal.records.front_matter import MAX_PAGE_BYTES, read_page
from leadportal.records.positions import decode
from leadportal.records.problems import Problem
from leadportal.records.safe_read import NotAFile, file_problem, not_a_file, read_file
from leadportal.records.settings import Settings

PAGE_SUFFIX = ".md"
RECORD_SUFFIXES = (".yml", ".yaml")


def docs_tree_problems(settings: Settings) -> list[Problem]:
    """A problem for each entry of the docs folder that is not an ordinary file or folder,
    and for each Markdown page that cannot be read as a page."""
    docs = settings.docs_dir
    if not docs.is_dir():
        return []
    record_folders = {settings.resources_path, settings.forms_path}
    problems = []
    for entry in sorted(_entries(docs)):
        shown = settings.relative(entry)
        if entry.parent in record_folders and entry.suffix in RECORD_SUFFIXES:
            continue  # a record: the loader reads it and says what is wrong
        if entry.is_dir() and not entry.is_symlink():
            if entry.name.lower().endswith((PAGE_SUFFIX, *RECORD_SUFFIXES)):
                problems.append(_folder_named_like_a_file(shown))
            continue
        if entry.is_symlink() and entry.is_dir():
            problems += _linked_folder_problems(entry, shown, settings.root)
            continue
        why = not_a_file(entry, settings.root)
        if why is not None:
            problems.append(file_problem(shown, why))
        elif entry.suffix == PAGE_SUFFIX:
            problems += page_problems(entry, shown, settings.root)
    return problems


def _entries(folder: Path) -> Iterator[Path]:
    """Every entry below `folder`, without entering linked folders (MkDocs' own walk would,
    but what they hold lives elsewhere in the repository)."""
    for top, folders, files in os.walk(folder):
        for name in [*folders, *files]:
            yield Path(top) / name


def _linked_folder_problems(entry: Path, shown: str, root: Path) -> list[Problem]:
    """A link to a folder must stay inside the repository and not contain itself."""
    target = entry.resolve()
    if not target.is_relative_to(root.resolve()):
        message = "is a link to a folder outside the repository"
        hint = "copy the files themselves into the repository instead of linking to them"
    elif entry.parent.resolve().is_relative_to(target):
        message = "is a link to a folder that holds the link itself (a loop)"
        hint = "remove the link"
    else:
        return []
    return [Problem(shown, message=message, hint=hint)]


def _folder_named_like_a_file(shown: str) -> Problem:
    return Problem(
        shown,
        message="is a folder named like a page or record file",
        hint="a page or record is a file: rename the folder",
    )


def page_problems(file: Path, shown: str, root: Path) -> list[Problem]:
    """Why MkDocs could not read this Markdown page as staff meant it, if it could not."""
    raw = read_file(file, root, MAX_PAGE_BYTES, "a page")
    if isinstance(raw, NotAFile):
        return [file_problem(shown, raw)]
    text, problems = decode(raw, shown)
    if text is None:
        return problems
    return read_page(text, shown).problems
