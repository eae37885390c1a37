from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from portal_helpers import FIXTURE_PORTAL, REPO_ROOT, run_mkdocs

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The place-table cache of this test run, never the user's (builds in subprocesses share it).
_OWN_CACHE = "" if "LEADPORTAL_CACHE_DIR" in os.environ else tempfile.mkdtemp(prefix="lp-cache-")
if _OWN_CACHE:
    os.environ["LEADPORTAL_CACHE_DIR"] = _OWN_CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    if _OWN_CACHE:
        shutil.rmtree(_OWN_CACHE, ignore_errors=True)


# A test that reads one of these shares a whole-portal build: it belongs to the slow tier.
BUILT_PORTALS = {"built_fixture", "built_real_portal", "hostile_site", "built_map_portal"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `slow` every test that starts a browser or reads a built portal; the tests that
    build a portal of their own say `@pytest.mark.slow` themselves."""
    for item in items:
        uses = set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("browser") or uses & BUILT_PORTALS:
            item.add_marker(pytest.mark.slow)


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


@pytest.fixture(scope="session")
def built_real_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The LEAD portal of this repository built once with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = run_mkdocs(REPO_ROOT, "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def built_map_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The map test portal (tests/support/map_portal.py) with `tiles: none`, built once; its
    site/ folder. Read it, never change it: copy it first."""
    from map_portal import map_portal

    root = map_portal(tmp_path_factory.mktemp("map") / "portal", tiles="none")
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A portal of every inert hostile case (tests/support/hostile/), built once --strict;
    returns its site/."""
    from hostile_cases import build_inert_portal

    return build_inert_portal(tmp_path_factory.mktemp("hostile") / "portal")
