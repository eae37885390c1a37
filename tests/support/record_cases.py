"""Golden cases for the loader: tests/records/cases/<folder>/<name>.yml, with <name>.expected
beside it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from leadportal.records.loader import load_records
from leadportal.records.settings import Settings

CASES = Path(__file__).parents[1] / "records" / "cases"
FOLDERS = {"sites": "sites", "resources": "docs/resources", "contact": "docs/contact"}
TODAY = dt.date(2026, 11, 26)


def case_files() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (CASES / folder).glob("*.yml"))


def portal_with(case: Path, root: Path) -> Settings:
    """A portal tree holding only `case`, plus the files that document cases refer to."""
    for folder in FOLDERS.values():
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "docs/resources/files").mkdir()
    (root / "docs/resources/files/toolkit.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "docs/resources/files/notes.txt").write_text("A type of file that is not allowed.\n")
    (root / "docs/resources/files/outside-link.pdf").symlink_to(root / "mkdocs.yml")
    (root / "mkdocs.yml").write_text("site_name: Test\n")
    shutil.copyfile(case, root / FOLDERS[case.parent.name] / case.name)
    return Settings(root=root, docs_dir=root / "docs", today=TODAY, form_email="bureau@example.org")


def problem_lines(case: Path, root: Path) -> list[str]:
    return [str(p) for p in load_records(portal_with(case, root)).problems]
