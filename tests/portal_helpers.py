"""Helpers shared by the tests that build a portal (import from here, never from conftest)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FIXTURE_PORTAL = Path(__file__).parent / "fixtures" / "portal"
REPO_ROOT = Path(__file__).parent.parent
# What a build of the real portal needs (mkdocs.yml and the folders it reads).
PORTAL_PARTS = ("mkdocs.yml", "docs", "sites", "overrides")


def run_mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in `root`, as staff would run it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_real_portal(target: Path) -> Path:
    """A copy of the repository's own portal (the LEAD Bureau's) below `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PORTAL_PARTS:
        source = REPO_ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copy2(source, target / part)
    return target
