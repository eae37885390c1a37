"""The hostile-input corpus: tests/hostile/ laid out like a portal, indexed by cases.yml.

Every case is one record file with one expectation in cases.yml:
- `problems`: the exact lines `leadportal check` prints for a portal holding only that file;
- `renders-inert`: the record builds, and on `page` every string of `text` is shown as text;
- `unlisted`: a `public: false` record whose canary string must appear in no built file.
Cases may ask for a `symlink` (created at run time) or be `generated` (too big to commit).
"""

from __future__ import annotations

import datetime as dt
import resource
import shutil
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from leadportal.records.models import RECORD_KINDS
from leadportal.records.schema import schema_text
from leadportal.records.settings import Settings

CORPUS = Path(__file__).parent / "hostile"
TODAY = dt.date(2026, 11, 26)
MKDOCS_YML = """site_name: Hostile portal
site_url: https://example.org/hostile/
theme:
  name: material
  font: false
plugins:
  - search
  - leadportal:
      tiles: https://tile.example.org/{z}/{x}/{y}.png
      tiles_attribution: Example tiles
      form_email: bureau@example.org
nav:
  - Home: index.md
  - Sites: sites/index.md
  - Resources: resources/index.md
  - Contact: contact/index.md
"""
SUPPORT_FILES = ("docs/resources/files/report #1 (final).pdf",)
T = TypeVar("T")


def huge_record(megabytes: int = 10) -> bytes:
    """A site record of `megabytes` MB: a long summary (too big to commit)."""
    head = b"name: Huge LEAD\nstage: exploring\njurisdiction: {city: Big, state: WA}\nsummary: "
    return head + b"a" * (megabytes * 1_000_000) + b"\n"


GENERATORS: dict[str, Callable[[], bytes]] = {"10 MB record": huge_record}


@dataclass(frozen=True)
class Case:
    path: str
    problems: tuple[str, ...] = ()
    page: str = ""
    text: tuple[str, ...] = ()
    unlisted: str = ""
    symlink: dict[str, str] = field(default_factory=dict)
    generated: str = ""

    @property
    def inert(self) -> bool:
        return bool(self.page or self.unlisted)

    def content(self) -> bytes:
        if self.generated:
            return GENERATORS[self.generated]()
        return (CORPUS / self.path).read_bytes()


def load_cases() -> list[Case]:
    index = yaml.safe_load((CORPUS / "cases.yml").read_text(encoding="utf-8"))
    cases = []
    for path, spec in index.items():
        inert = spec.get("renders-inert") or {}
        cases.append(
            Case(
                path,
                problems=tuple(spec.get("problems") or ()),
                page=inert.get("page", ""),
                text=tuple(inert.get("text") or ()),
                unlisted=spec.get("unlisted", ""),
                symlink=dict(spec.get("symlink") or {}),
                generated=spec.get("generated", ""),
            )
        )
    return cases


def corpus_files() -> set[str]:
    """Every record file of the corpus (support files and the index excluded)."""
    return {
        p.relative_to(CORPUS).as_posix()
        for p in CORPUS.rglob("*.yml")
        if p.name != "cases.yml" and p.is_file()
    }


def empty_portal(root: Path, support: tuple[str, ...] = SUPPORT_FILES) -> Settings:
    for folder in ("sites", "docs/resources/files", "docs/contact"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "docs/index.md").write_text("# Hostile portal\n", encoding="utf-8")
    for name in support:
        shutil.copyfile(CORPUS / name, root / name)
    settings = Settings(
        root=root,
        docs_dir=root / "docs",
        today=TODAY,
        site_url="https://example.org/hostile/",
        tiles="https://tile.example.org/{z}/{x}/{y}.png",
        tiles_attribution="Example tiles",
        form_email="bureau@example.org",
    )
    (root / "docs/schemas").mkdir()
    for kind in RECORD_KINDS:
        schema = schema_text(kind, settings)
        (root / f"docs/schemas/{kind}.schema.json").write_text(schema, encoding="utf-8")
    return settings


def add_case(case: Case, root: Path) -> None:
    (root / case.path).write_bytes(case.content())
    for link, target in case.symlink.items():
        (root / link).symlink_to(target)


def portal_with(cases: list[Case], root: Path) -> Settings:
    # Only the support files a case names: any other file would be an orphan warning.
    named = tuple(
        name
        for name in SUPPORT_FILES
        if any(Path(name).name.encode() in c.content() for c in cases)
    )
    settings = empty_portal(root, named)
    for case in cases:
        add_case(case, root)
    return settings


@dataclass(frozen=True)
class Cost:
    seconds: float
    peak_bytes: int


def measured(run: Callable[[], T]) -> tuple[T, Cost]:
    """`run()` with the processor time it took (not wall time: a blow-up burns processor time,
    while a busy machine only makes the wall clock run on) and the peak of Python memory it
    allocated."""
    tracemalloc.start()
    start = time.process_time()
    try:
        result = run()
        seconds = time.process_time() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, Cost(seconds, peak)


def process_peak_bytes() -> int:
    """The whole test process's peak resident memory (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def spec_of(case: Case) -> dict[str, Any]:
    """The cases.yml entry of a case (for rewriting the index after a reviewed change)."""
    spec: dict[str, Any] = {}
    if case.generated:
        spec["generated"] = case.generated
    if case.symlink:
        spec["symlink"] = case.symlink
    if case.unlisted:
        spec["unlisted"] = case.unlisted
    if case.page:
        spec["renders-inert"] = {"page": case.page, "text": list(case.text)}
    if case.problems or not case.inert:
        spec["problems"] = list(case.problems)
    return spec


def inert_cases() -> list[Case]:
    return [case for case in load_cases() if case.inert]


def build_inert_portal(root: Path) -> Path:
    """One `mkdocs build --strict` of a portal holding every inert case; returns site/."""
    from portal_helpers import run_mkdocs

    portal_with(inert_cases(), root)
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    return root / "site"
