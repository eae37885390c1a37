"""The build's warning for a public site without coordinates: names the file and the command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from geocode_support import site_text
from portal_helpers import run_mkdocs

from leadportal import cli
from leadportal.build.generate import generate
from leadportal.places.geocache import CachedPlace, cache_text
from leadportal.records.mkdocs_yml import read_settings

UNPLACED = site_text("Olympia", "WA")


def add_unplaced_site(portal: Path) -> None:
    (portal / "sites/olympia.yml").write_text(UNPLACED, encoding="utf-8")


def warnings_of(portal: Path) -> list[str]:
    settings = read_settings(portal / "mkdocs.yml", today=dt.date(2026, 11, 26))
    return [str(p) for p in generate(settings).problems if p.severity == "warning"]


def test_a_public_site_without_coordinates_is_a_warning_naming_file_and_command(
    fixture_portal: Path,
) -> None:
    assert warnings_of(fixture_portal) == []
    add_unplaced_site(fixture_portal)
    assert warnings_of(fixture_portal) == [
        'sites/olympia.yml: warning: no coordinates for "Olympia, WA, US": the site is missing '
        "from the map and from near-me search (run `leadportal geocode` to add it to "
        "sites/geocode-cache.json, or set `location: {lat: …, lon: …}`)"
    ]


def test_a_cache_entry_or_privacy_ends_the_warning(fixture_portal: Path) -> None:
    add_unplaced_site(fixture_portal)
    cache = {"Olympia, WA, US": CachedPlace(47.04, -122.9, "offline", "Olympia, WA")}
    (fixture_portal / "sites/geocode-cache.json").write_text(cache_text(cache), encoding="utf-8")
    assert warnings_of(fixture_portal) == []
    (fixture_portal / "sites/geocode-cache.json").unlink()
    (fixture_portal / "sites/olympia.yml").write_text(UNPLACED + "public: false\n")
    assert warnings_of(fixture_portal) == []


@pytest.mark.slow
def test_the_strict_build_fails_on_it_and_says_what_to_run(fixture_portal: Path) -> None:
    add_unplaced_site(fixture_portal)
    result = run_mkdocs(fixture_portal)
    assert result.returncode != 0
    assert "sites/olympia.yml: warning: no coordinates" in result.stderr
    assert "leadportal geocode" in result.stderr


def test_leadportal_check_shows_it_before_any_build(
    fixture_portal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_unplaced_site(fixture_portal)
    # A warning that stops the strict build stops check too: the two agree.
    assert cli.main(["-f", str(fixture_portal / "mkdocs.yml"), "check"]) == 1
    assert "sites/olympia.yml: warning: no coordinates" in capsys.readouterr().err
