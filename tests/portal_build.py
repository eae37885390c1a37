"""Build helpers for tests (a plain module: `conftest` is ambiguous with tests/browser/)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FIXTURE_PORTAL = Path(__file__).parent / "fixtures" / "portal"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def run_mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
