"""What the loader hands on: each valid record with its file, and the problems of the run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from leadportal.records.models import Document, Form, Record, Site, StartSteps
from leadportal.records.positions import Parsed
from leadportal.records.problems import Problem

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Loaded(Generic[R]):
    """A valid record with its slug and the file it came from."""

    slug: str
    path: str
    record: R
    parsed: Parsed = field(compare=False, repr=False)


@dataclass
class Records:
    sites: list[Loaded[Site]] = field(default_factory=list)
    documents: list[Loaded[Document]] = field(default_factory=list)
    forms: list[Loaded[Form]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    steps: Loaded[StartSteps] | None = None  # docs/start/steps.yml, when the portal has it

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def counts(self) -> dict[str, int]:
        return {
            "sites": len(self.sites),
            "documents": len(self.documents),
            "forms": len(self.forms),
        }
