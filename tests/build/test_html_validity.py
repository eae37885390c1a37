"""The Nu Html Checker finds no error in the markup we generate or override.

One Java run covers the fixture portal, the real portal, the build of the inert hostile
cases (tests/support/hostile/) and the map document.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from site_files import html_files
from vnu import HtmlError, not_allowed, validate, vnu_jar
from vnu_allowlist import ALLOWED

from leadportal.records.settings import Settings
from leadportal.render.csp import base_policy, with_csp
from leadportal.sites.map_data import MapOptions, MapPoint
from leadportal.sites.map_document import render_map

HOSTILE = "<script>alert('x')</script> O'Hare & \"Sons\""


def map_document(folder: Path) -> Path:
    points = [
        MapPoint("a", HOSTILE, "A, WA", "operating", 47.6, -122.3, "../a/"),
        MapPoint("b", "B", "B, OR", "paused", 45.5, -122.6, "../b/"),
    ]
    options = MapOptions(tiles="https://tile.example.org/{z}/{x}/{y}.png", attribution="© T")
    settings = Settings(root=folder, docs_dir=folder, tiles=options.tiles or "")
    target = folder / "map.html"
    target.write_text(with_csp(render_map(points, options), base_policy(settings, [])))
    return target


@pytest.fixture(scope="session")
def checked(
    built_fixture: Path,
    built_real_portal: Path,
    hostile_site: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, list[HtmlError]]:
    vnu_jar()
    sources = {
        "fixture": html_files(built_fixture),
        "real": html_files(built_real_portal),
        "hostile": html_files(hostile_site),
        "map": [map_document(tmp_path_factory.mktemp("map"))],
    }
    errors = validate([f for files in sources.values() for f in files])
    return {
        name: [e for e in errors if Path(e.file) in set(files)] for name, files in sources.items()
    }


def test_map_document_is_valid_html(checked: dict[str, list[HtmlError]]) -> None:
    assert [str(e) for e in checked["map"]] == []


def test_fixture_portal_has_no_error_outside_the_allowlist(
    checked: dict[str, list[HtmlError]],
) -> None:
    left, _ = not_allowed(checked["fixture"], ALLOWED)
    assert [str(e) for e in left] == []


def test_hostile_records_render_valid_html(checked: dict[str, list[HtmlError]]) -> None:
    left, _ = not_allowed(checked["hostile"], ALLOWED)
    assert [str(e) for e in left] == []


def test_real_portal_has_no_error_outside_the_allowlist(
    checked: dict[str, list[HtmlError]],
) -> None:
    left, used = not_allowed(checked["real"], ALLOWED)
    assert [str(e) for e in left] == []
    assert set(ALLOWED) - used == set(), "allowlist entries that match nothing: remove them"


@pytest.mark.slow
def test_checker_reports_errors_in_our_markup(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en"><title>t</title><p><div id=a id=a></div>')
    errors = validate([bad])
    assert errors and not not_allowed(errors, ALLOWED)[1]


def test_missing_checker_is_a_skip_locally_and_a_failure_in_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VNU_JAR", str(tmp_path / "absent.jar"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"npm install --prefix \.tools"):
        vnu_jar()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"npm install --prefix \.tools"):
        vnu_jar()
