from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE_PORTAL = Path(__file__).parent / "fixtures" / "portal"
REPO_ROOT = Path(__file__).parent.parent
# What a build of the real portal needs (mkdocs.yml and the folders it reads).
PORTAL_PARTS = ("mkdocs.yml", "docs", "sites", "overrides")
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def run_mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def fixture_portal(tmp_path: Path) -> Path:
    """A copy of the fixture portal that a test may change."""
    root = tmp_path / "portal"
    shutil.copytree(FIXTURE_PORTAL, root)
    return root


@pytest.fixture(scope="session")
def built_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture portal built once with `mkdocs build --strict`; returns its site/ folder."""
    root = tmp_path_factory.mktemp("built") / "portal"
    shutil.copytree(FIXTURE_PORTAL, root)
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


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


@pytest.fixture(scope="session")
def built_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real portal built once with `mkdocs build --strict`; returns its site/ folder."""
    root = copy_real_portal(tmp_path_factory.mktemp("real") / "portal")
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    return root / "site"
