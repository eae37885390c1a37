"""Which file the generator was working on when something unexpected failed.

An unexpected exception (a bug, not a problem in a record) is reported as one line naming the
file being read, with a request for a bug report, instead of a traceback that hides every
other problem of the run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from leadportal.records.problems import Problem


class InternalError(Exception):
    """An unexpected failure while `path` was being read (empty: not inside any one file)."""

    def __init__(self, path: str, error: BaseException) -> None:
        super().__init__(f"{path}: {type(error).__name__}: {error}")
        self.path = path
        self.error = error


@contextmanager
def working_on(path: str) -> Iterator[None]:
    try:
        yield
    except InternalError:
        raise
    except Exception as error:
        raise InternalError(path, error) from error


def internal_error_problem(error: BaseException) -> Problem:
    """The one line shown for an unexpected failure."""
    path = error.path if isinstance(error, InternalError) else ""
    cause = error.error if isinstance(error, InternalError) else error
    detail = f"{type(cause).__name__}: {str(cause)[:200]}"
    where = "while reading this file" if path else "while building the portal"
    return Problem(
        path or "leadportal",
        message=f"internal error {where} ({detail})",
        hint="this is a bug in the generator, not in your files: please report it with this "
        "line; every other line above is a real problem to fix",
    )
