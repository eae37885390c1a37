"""Read every record folder, validate every file, and collect every problem in one pass."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from leadportal.records.file_checks import document_file_problems
from leadportal.records.form_backend import all_form_problems
from leadportal.records.loaded import Loaded, Records
from leadportal.records.models import Document, Form, Record, Site
from leadportal.records.positions import parse
from leadportal.records.problems import Problem, sort_problems
from leadportal.records.roles import roles_problems
from leadportal.records.settings import Settings
from leadportal.records.steps import load_steps, steps_problems
from leadportal.records.validate import validate

R = TypeVar("R", bound=Record)
SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def record_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in {".yml", ".yaml"} and p.is_file())


def validation_context(settings: Settings) -> dict[str, Any]:
    return {
        "vocabularies": settings.vocabularies,
        "today": settings.today,
        "honeypot": settings.form_honeypot,
    }


# What reading one file gave: its parse, its problems, and the record if it is valid.
FileResult = tuple[Any, list[Problem], Any]


@dataclass
class FileMemo:
    """`mkdocs serve` reads every record on each save; a file whose bytes, name and
    validation settings are those of the previous run is not parsed and validated again.
    Records are frozen models, so sharing them between runs is safe."""

    previous: dict[str, FileResult] = field(default_factory=dict)
    current: dict[str, FileResult] = field(default_factory=dict)
    reused: int = 0

    def next_run(self) -> None:
        self.previous, self.current, self.reused = self.current or self.previous, {}, 0


def _file_key(path: str, model: type[Record], raw: bytes, context: dict[str, Any]) -> str:
    settings = json.dumps(context, sort_keys=True, default=str)
    return hashlib.sha256(f"{path}\0{model.__name__}\0{settings}\0".encode() + raw).hexdigest()


def read_file(raw: bytes, path: str, model: type[R], context: dict[str, Any]) -> FileResult:
    parsed, found = parse(raw, path)
    if parsed is None:
        return None, found, None
    record, invalid = validate(parsed, model, path, context)
    return parsed, found + invalid, record if not found else None


def load_kind(
    files: Iterable[Path], model: type[R], settings: Settings, memo: FileMemo | None = None
) -> tuple[list[Loaded[R]], list[Problem]]:
    loaded: list[Loaded[R]] = []
    problems: list[Problem] = []
    context = validation_context(settings)
    for file in files:
        path = settings.relative(file)
        problems += slug_problems(file, path)
        raw = file.read_bytes()
        key = _file_key(path, model, raw, context) if memo is not None else ""
        result = memo.previous.get(key) if memo is not None else None
        if result is None:
            result = read_file(raw, path, model, context)
        elif memo is not None:
            memo.reused += 1
        if memo is not None:
            memo.current[key] = result
        parsed, found, record = result
        problems += found
        if record is not None:
            loaded.append(Loaded(file.stem, path, record, parsed))
    problems += case_collisions(files, settings)
    return sorted(loaded, key=lambda r: r.slug), problems


def slug_problems(file: Path, path: str) -> list[Problem]:
    if SLUG.match(file.stem):
        return []
    suggestion = re.sub(r"[^a-z0-9]+", "-", file.stem.lower()).strip("-") or "my-record"
    return [
        Problem(
            path,
            0,
            0,
            "",
            f"file name '{file.stem}' cannot be a web address",
            f"rename it to {suggestion}{file.suffix}: letters, digits, - and _ only",
        )
    ]


def case_collisions(files: Iterable[Path], settings: Settings) -> list[Problem]:
    by_lower: dict[str, list[Path]] = {}
    for file in files:
        by_lower.setdefault(file.stem.lower(), []).append(file)
    problems = []
    for clash in by_lower.values():
        if len(clash) > 1:
            names = ", ".join(settings.relative(f) for f in clash)
            for file in clash[1:]:
                problems.append(
                    Problem(
                        settings.relative(file),
                        0,
                        0,
                        "",
                        f"slug differs only by case from another record ({names})",
                        "web addresses ignore case on many hosts; rename one",
                    )
                )
    return problems


def load_records(settings: Settings, memo: FileMemo | None = None) -> Records:
    """Load and validate every record; problems are sorted by file, line and column."""
    sites, site_problems = load_kind(record_files(settings.sites_path), Site, settings, memo)
    documents, doc_problems = load_kind(
        record_files(settings.resources_path), Document, settings, memo
    )
    forms, form_problems = load_kind(record_files(settings.forms_path), Form, settings, memo)
    file_problems = [p for d in documents for p in document_file_problems(d, settings)]
    bad_files = {p.path for p in file_problems if p.is_error}
    documents = [d for d in documents if d.path not in bad_files]
    form_problems += all_form_problems(forms, settings)
    steps, step_problems = load_steps(settings, validation_context(settings))
    if steps is not None:
        step_problems += steps_problems(steps, documents)
    step_problems += roles_problems(settings)
    problems = sort_problems(
        site_problems + doc_problems + form_problems + file_problems + step_problems
    )
    return Records(sites, documents, forms, problems, steps)
