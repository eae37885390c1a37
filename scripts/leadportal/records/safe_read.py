"""The one way the generator reads a file that staff put in the repository.

Only a regular file is read: after following symbolic links, inside the repository, and no
bigger than a cap. Anything else (a folder, a named pipe, a dangling or looping link, a link
to a file outside the repository, a name the file system refuses) is a problem naming it. The
kind is looked up with `os.stat` before anything is opened, so a named pipe is never opened
and no read can block.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from leadportal.records.problems import Problem


@dataclass(frozen=True)
class NotAFile:
    """Why a path cannot be read as a file, in words staff can act on."""

    message: str
    hint: str
    about_content: bool = False  # e.g. too big: shown at line 1 like a problem in the text


MISSING = NotAFile("does not exist", "check the name")


def _link_problem(path: Path, root: Path) -> NotAFile | None:
    """A problem when `path` is a symbolic link that leads nowhere usable."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        return _loop()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return _loop()
        if error.errno == errno.ENAMETOOLONG:
            return _too_long()
        return NotAFile(
            f"is a link to '{_link_text(path)}', which does not exist",
            "point the link at an existing file, or replace it with the file itself",
        )
    if not target.is_relative_to(root.resolve()):
        return NotAFile(
            "is a link to a file outside the repository",
            "copy the file itself into the repository instead of linking to it",
        )
    return None


def _link_text(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _loop() -> NotAFile:
    return NotAFile(
        "is a link that leads back to itself (a loop of links)",
        "replace the link with the file itself",
    )


def _too_long() -> NotAFile:
    return NotAFile(
        "has a name too long for the file system", "shorten the file or folder names on its path"
    )


def _kind_problem(mode: int) -> NotAFile | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return NotAFile("is a folder, not a file", "rename the folder or move it elsewhere")
    if stat.S_ISFIFO(mode):
        return NotAFile(
            "is a named pipe, not a file", "remove it: only ordinary files are read here"
        )
    return NotAFile(
        "is a device or socket, not a file", "remove it: only ordinary files are read here"
    )


def not_a_file(path: Path, root: Path) -> NotAFile | None:
    """None when `path` is a regular file inside `root` (links followed); else why not."""
    try:
        if path.is_symlink():
            problem = _link_problem(path, root)
            if problem is not None:
                return problem
        return _kind_problem(os.stat(path).st_mode)
    except ValueError:  # a NUL character in the name
        return NotAFile("has a NUL character in its name", "write the name without it")
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            return _too_long()
        if error.errno == errno.ELOOP:
            return _loop()
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            return MISSING
        return NotAFile(f"cannot be read ({os.strerror(error.errno or 0)})", "check its rights")


def _too_big(size: int, max_bytes: int, what: str) -> NotAFile:
    return NotAFile(
        f"file is {size / 1_000_000:.1f} MB; {what} may be at most {max_bytes / 1_000_000:g} MB",
        "long texts belong in a Markdown page or a document file",
        about_content=True,
    )


def read_file(path: Path, root: Path, max_bytes: int, what: str = "a file") -> bytes | NotAFile:
    """The bytes of a regular file inside `root`, at most `max_bytes` of them, or why not."""
    problem = not_a_file(path, root)
    if problem is not None:
        return problem
    try:
        # O_NONBLOCK: should the file be swapped for a named pipe after the check, no wait.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        return NotAFile(f"cannot be read ({os.strerror(error.errno or 0)})", "check its rights")
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        problem = _kind_problem(info.st_mode)
        if problem is not None:
            return problem
        if info.st_size > max_bytes:
            return _too_big(info.st_size, max_bytes, what)
        data = handle.read(max_bytes + 1)
    return _too_big(len(data), max_bytes, what) if len(data) > max_bytes else data


def file_problem(shown_as: str, why: NotAFile) -> Problem:
    """The problem line of a file that could not be read."""
    at = 1 if why.about_content else 0
    return Problem(shown_as, at, at, "", why.message, why.hint)
