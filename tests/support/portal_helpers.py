"""Helpers shared by the tests that build a portal (import from here, never from conftest)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FIXTURE_PORTAL = Path(__file__).parent / "fixture_portal"
REPO_ROOT = Path(__file__).parents[2]


def run_mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in `root`, as staff would run it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


VENDOR = REPO_ROOT / "scripts" / "leadportal" / "sites" / "assets" / "vendor"
