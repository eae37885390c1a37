"""Read every record folder, validate every file, and collect every problem in one pass."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from leadportal.records.document_sites import document_site_problems
from leadportal.records.file_checks import document_file_problems
from leadportal.records.form_backend import all_form_problems
from leadportal.records.loaded import Loaded, Records
from leadportal.records.models import Document, Form, Record, Site
from leadportal.records.positions import MAX_RECORD_BYTES, Parsed, parse
from leadportal.records.problems import Problem, sort_problems
from leadportal.records.roles import roles_problems
from leadportal.records.safe_read import NotAFile, file_problem, read_file
from leadportal.records.settings import Settings
from leadportal.records.steps import load_steps, steps_problems
from leadportal.records.validate import validate
from leadportal.records.working_on import working_on

R = TypeVar("R", bound=Record)
SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


RECORD_SUFFIXES = (".yml", ".yaml")
# Slugs whose page would take the address of the folder's own index page.
RESERVED_RECORD_SLUGS = ("index",)


def record_files(folder: Path) -> list[Path]:
    """Every entry of `folder` named like a record (whatever its kind: see load_kind)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in RECORD_SUFFIXES)


def misnamed_records(folder: Path, settings: Settings) -> list[Problem]:
    """Entries that look like records but would be skipped: `x.YML`, `x.yml ` and the like."""
    if not folder.is_dir():
        return []
    problems = []
    for entry in sorted(folder.iterdir()):
        name = entry.name
        tidy = name.strip()
        if entry.suffix in RECORD_SUFFIXES or not tidy.lower().endswith(RECORD_SUFFIXES):
            continue
        stem, _, suffix = tidy.rpartition(".")
        problems.append(
            Problem(
                settings.relative(entry),
                message=f"'{name}' is named like a record but is not read as one",
                hint=f"rename it to '{stem.strip()}.{suffix.lower()}': "
                "no spaces around the name, and .yml in lower case",
            )
        )
    return problems


def validation_context(settings: Settings) -> dict[str, Any]:
    return {
        "vocabularies": settings.vocabularies,
        "today": settings.today,
        "honeypot": settings.form_honeypot,
        "languages": tuple(settings.translations),
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


def parse_and_validate(
    raw: bytes, path: str, model: type[R], context: dict[str, Any]
) -> FileResult:
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
        with working_on(path):
            record, parsed, found = load_one(file, path, model, settings, context, memo)
        problems += found
        if record is not None and parsed is not None:
            loaded.append(Loaded(file.stem, path, record, parsed))
    problems += case_collisions(files, settings)
    return sorted(loaded, key=lambda r: r.slug), problems


def load_one(
    file: Path,
    path: str,
    model: type[R],
    settings: Settings,
    context: dict[str, Any],
    memo: FileMemo | None = None,
) -> tuple[R | None, Parsed | None, list[Problem]]:
    """One record file: its model when it is valid (and read without problems), and problems.
    With a memo (`mkdocs serve`), a file unchanged since the previous run is not parsed again."""
    problems = slug_problems(file, path)
    raw = read_file(file, settings.root, MAX_RECORD_BYTES, "a record")
    if isinstance(raw, NotAFile):
        return None, None, [*problems, file_problem(path, raw)]
    key = _file_key(path, model, raw, context) if memo is not None else ""
    result = memo.previous.get(key) if memo is not None else None
    if result is None:
        result = parse_and_validate(raw, path, model, context)
    elif memo is not None:
        memo.reused += 1
    if memo is not None:
        memo.current[key] = result
    parsed, found, record = result
    return record, parsed, problems + found


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


def reserved_names(files: Iterable[Path], settings: Settings) -> list[Problem]:
    """Documents and forms named `index` would take the address of their folder's list page
    (sites have their own list of reserved slugs, see portal/site_checks.py)."""
    return [
        Problem(
            settings.relative(file),
            message=f"the name '{file.stem}' is kept for the page that lists this folder",
            hint=f"rename the file, e.g. to {file.parent.name}-{file.stem}{file.suffix}",
        )
        for file in files
        if file.stem in RESERVED_RECORD_SLUGS
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
    folder_problems = [
        problem
        for folder in (settings.sites_path, settings.resources_path, settings.forms_path)
        for problem in misnamed_records(folder, settings)
    ]
    for folder in (settings.resources_path, settings.forms_path):
        folder_problems += reserved_names(record_files(folder), settings)
    refused = {p.path for p in folder_problems}
    documents = [d for d in documents if d.path not in refused]
    forms = [f for f in forms if f.path not in refused]
    file_problems = []
    for document in documents:
        with working_on(document.path):
            file_problems += document_file_problems(document, settings)
    bad_files = {p.path for p in file_problems if p.is_error}
    documents = [d for d in documents if d.path not in bad_files]
    file_problems += document_site_problems(documents, sites)
    form_problems += all_form_problems(forms, settings)
    steps, step_problems = load_steps(settings, validation_context(settings))
    if steps is not None:
        step_problems += steps_problems(steps, documents)
    step_problems += roles_problems(settings)
    problems = site_problems + doc_problems + form_problems + file_problems + folder_problems
    return Records(sites, documents, forms, sort_problems(problems + step_problems), steps)
