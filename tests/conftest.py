from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from portal_build import FIXTURE_PORTAL, run_mkdocs


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
