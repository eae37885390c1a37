"""The roles "Start here" asks about (`roles` under leadportal in mkdocs.yml), checked.

Each role maps to the documents' `audience` values, so a role's path lists the documents
written for it; the optional `sector` is the technical-assistance form's answer for it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from leadportal.records.problems import Problem
from leadportal.records.settings import Settings
from leadportal.records.suggest import did_you_mean

MKDOCS_YML = "mkdocs.yml"
ROLE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ROLE_KEYS = ("label", "audiences", "sector")


@dataclass(frozen=True)
class Role:
    slug: str
    label: str
    audiences: tuple[str, ...]
    sector: str = ""


def roles_of(settings: Settings) -> tuple[Role, ...]:
    """The configured roles in mkdocs.yml order; entries with problems are left out."""
    return tuple(
        Role(
            slug,
            str(entry["label"]).strip(),
            tuple(str(a) for a in entry["audiences"]),
            str(entry.get("sector") or "").strip(),
        )
        for slug, entry in settings.roles.items()
        if not entry_problems(slug, entry, settings)
    )


def roles_problems(settings: Settings) -> list[Problem]:
    """Every problem of every role, each naming `leadportal.roles.<slug>` in mkdocs.yml."""
    return [
        p for slug, entry in settings.roles.items() for p in entry_problems(slug, entry, settings)
    ]


def entry_problems(slug: str, entry: Any, settings: Settings) -> list[Problem]:
    field = f"leadportal.roles.{slug}"
    if not ROLE_SLUG.match(str(slug)):
        return [
            _problem(
                field,
                f"'{slug}' cannot be part of a web address",
                "use lower-case letters, digits and -, e.g. public-defender",
            )
        ]
    if not isinstance(entry, Mapping):
        return [_problem(field, "expected `label:` and `audiences:` below it", _EXAMPLE)]
    problems = [
        _problem(f"{field}.{key}", "unknown key", did_you_mean(str(key), ROLE_KEYS))
        for key in entry
        if key not in ROLE_KEYS
    ]
    if not str(entry.get("label") or "").strip():
        problems.append(_problem(f"{field}.label", "is required", _EXAMPLE))
    audiences = entry.get("audiences")
    if not isinstance(audiences, list) or not audiences:
        problems.append(_problem(f"{field}.audiences", "expected a list of audiences", _EXAMPLE))
        return problems
    known = settings.vocabulary("audiences")
    for value in audiences:
        if value not in known:
            hint = did_you_mean(str(value), known) or "one of " + ", ".join(known)
            problems.append(_problem(f"{field}.audiences", f"'{value}' is not an audience", hint))
    return problems


_EXAMPLE = "e.g. prosecutor: {label: Prosecutor, audiences: [prosecutors], sector: Prosecution}"


def _problem(field: str, message: str, hint: str) -> Problem:
    return Problem(MKDOCS_YML, field=field, message=message, hint=hint)
