"""A problem found in a record: where it is, what is wrong, how to fix it."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Record values are quoted in messages: never let one move the cursor or recolour a terminal.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`text` with control and bidirectional-override characters written as escapes."""
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


# A reminder is printed as a warning but never stops a build: e.g. a site not verified for a
# year should not hold back an unrelated, urgent correction.
REMINDER = "reminder"
WARNINGS = ("warning", REMINDER)


@dataclass(frozen=True, order=True)
class Problem:
    """One line of `leadportal check` output: `file:line:col: field: message (hint)`."""

    path: str
    line: int = 0
    column: int = 0
    field: str = ""
    message: str = ""
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{self.field}: {self.message}" if self.field else self.message
        if self.hint:
            text += f" ({self.hint})"
        prefix = "warning: " if self.severity in WARNINGS else ""
        return visible(f"{where}: {prefix}{text}")

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def stops_publishing(self) -> bool:
        """Errors and warnings stop a publishing (strict) build; reminders are only printed."""
        return self.severity != REMINDER


def sort_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.column, p.field, p.message))
