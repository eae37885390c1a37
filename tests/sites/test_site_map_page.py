"""The site map inside the portal: /sites/map/, its assets and licences, the tiles setting."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from csp_checks import directives
from map_portal import HOSTILE_NAME, PUBLIC_SITES, map_portal
from portals import run_mkdocs

from leadportal.build.generate import generate
from leadportal.records.mkdocs_yml import read_settings
from leadportal.records.settings import Settings
from leadportal.records.tiles import OSM_URL, tiles_for, tiles_problems
from leadportal.sites.map_page import MAP_PATH

CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*">')
SETTINGS = Settings(root=Path("/p"), docs_dir=Path("/p/docs"))
ROWS = re.compile(r"\}\)\(map_\d+, \{.*?\}, (\[.*?\])\);\n", re.DOTALL)


def settings(**values: str) -> Settings:
    return dataclasses.replace(SETTINGS, **values)


def map_rows(document: str) -> list[list[object]]:
    found = ROWS.search(document)
    assert found, "the marker rows are in the document"
    rows: list[list[object]] = json.loads(found.group(1))
    return rows


def test_openstreetmap_is_the_default_with_its_copyright_link() -> None:
    tiles = tiles_for(SETTINGS)
    assert tiles is not None and tiles.url == OSM_URL
    assert "OpenStreetMap</a> contributors" in tiles.attribution
    assert 'href="https://www.openstreetmap.org/copyright"' in tiles.attribution
    assert tiles_problems(SETTINGS) == []


def test_none_means_no_tile_layer() -> None:
    assert tiles_for(settings(tiles="none")) is None
    assert tiles_problems(settings(tiles="none")) == []


def test_a_tile_template_needs_its_attribution() -> None:
    template = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    missing = tiles_problems(settings(tiles=template))
    assert [(p.path, p.field) for p in missing] == [("mkdocs.yml", "leadportal.tiles_attribution")]
    given = settings(tiles=template, tiles_attribution="© Example")
    assert tiles_problems(given) == []
    assert tiles_for(given) == type(tiles_for(given))(template, "© Example")


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("http://tiles.example.org/{z}/{x}/{y}.png", "https://"),
        ("https://tiles.example.org/{z}/{x}.png", "{y}"),
        ("https://tiles.example.org;script-src */{z}/{x}/{y}.png", "https://"),
        ("stamen-toner", "is not openstreetmap, none or a tile address"),
    ],
)
def test_bad_tile_settings_are_errors_naming_mkdocs_yml(value: str, says: str) -> None:
    problems = tiles_problems(settings(tiles=value, tiles_attribution="x"))
    assert len(problems) == 1 and problems[0].is_error
    assert str(problems[0]).startswith("mkdocs.yml: leadportal.tiles: ")
    assert says in problems[0].message


@pytest.mark.slow
def test_a_bad_tile_setting_stops_the_build(tmp_path: Path) -> None:
    root = map_portal(tmp_path / "portal", tiles="http://tiles.example.org/{z}/{x}/{y}.png")
    result = run_mkdocs(root)
    assert result.returncode != 0
    assert "mkdocs.yml: leadportal.tiles:" in result.stderr
    assert not (root / "site").exists(), "nothing was written"


def test_a_site_named_map_would_hide_the_map(tmp_path: Path) -> None:
    root = map_portal(tmp_path / "portal")
    (root / "sites" / "albany-ny.yml").rename(root / "sites" / "map.yml")
    result = generate(read_settings(root / "mkdocs.yml"))
    assert not result.ok
    assert any(p.path == "sites/map.yml" and "sites/map/" in p.message for p in result.problems)


def test_the_map_shows_every_public_located_site(built_map_portal: Path) -> None:
    document = (built_map_portal / MAP_PATH).read_text("utf-8")
    rows = map_rows(document)
    assert len(rows) == PUBLIC_SITES
    assert HOSTILE_NAME in [row[3] for row in rows]
    assert "Zq7xK" not in document, "the private site stays off the map"
    assert "<script>alert" not in document
    for row in rows:  # every popup link leads to a page that was built
        slug = str(row[5])
        assert (built_map_portal / "sites" / slug / "index.html").is_file(), slug


def test_a_site_without_coordinates_is_left_off(tmp_path: Path) -> None:
    root = map_portal(tmp_path / "portal")
    (root / "sites" / "nowhere.yml").write_text(
        "name: Nowhere LEAD\nstage: exploring\njurisdiction: {city: Nowhere, state: KS}\n"
    )
    result = generate(read_settings(root / "mkdocs.yml"))
    document = next(o for o in result.outputs if o.path == MAP_PATH)
    assert len(map_rows(str(document.content))) == PUBLIC_SITES
    assert "Nowhere LEAD" not in str(document.content)


def test_the_map_names_the_portal_and_links_back_to_the_list(built_map_portal: Path) -> None:
    document = (built_map_portal / MAP_PATH).read_text("utf-8")
    assert "<title>Map of participating sites - Fixture portal</title>" in document
    assert '<a href="../" target="_top">' in document
    assert '"urlPrefix":"../","urlSuffix":"/"' in document
    legend = document[document.index('class="lp-legend"') :]
    stages = ["Exploring", "Developing", "Launching", "Operating", "Paused", "Ended"]
    positions = [legend.index(f"{stage}: ") for stage in stages]
    assert positions == sorted(positions), "legend in the order of the stage vocabulary"


def test_with_tiles_none_the_map_names_no_other_host(built_map_portal: Path) -> None:
    document = (built_map_portal / MAP_PATH).read_text("utf-8")
    assert "tileLayer" not in document
    # The canonical link names the portal's own address and asks nothing of anyone.
    assert re.findall(r'(?:src|href)="(https?:)?//', CANONICAL.sub("", document)) == []
    policy = directives(document)
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["connect-src"] == ["'self'"] and policy["form-action"] == ["'self'"]


def test_with_default_tiles_the_policy_allows_the_tile_host_on_the_map_only(
    built_fixture: Path,
) -> None:
    document = (built_fixture / MAP_PATH).read_text("utf-8")
    assert OSM_URL in document
    assert "https://tile.openstreetmap.org" in directives(document)["img-src"]
    page = (built_fixture / "sites" / "index.html").read_text("utf-8")
    assert "tile.openstreetmap.org" not in directives(page)["img-src"]


def test_every_vendored_file_is_published_with_its_licence(built_map_portal: Path) -> None:
    vendor = built_map_portal / "assets" / "vendor"
    document = (built_map_portal / MAP_PATH).read_text("utf-8")
    for src in re.findall(r'(?:src|href)="(\.\./\.\./assets/vendor/[^"]+)"', document):
        assert (built_map_portal / "sites" / "map" / src).resolve().is_file(), src
    for package in ("leaflet", "leaflet.markercluster", "us-atlas"):
        assert (vendor / package / "LICENSE").read_text().strip()
    css = (vendor / "leaflet" / "leaflet.css").read_text()
    for image in re.findall(r"url\((images/[^)]+)\)", css):
        assert (vendor / "leaflet" / image).is_file(), image
    assert not (vendor / "README.md").exists() and not (vendor / "README").exists()


def test_two_builds_of_the_map_are_identical(tmp_path: Path) -> None:
    root = map_portal(tmp_path / "portal")
    first = generate(read_settings(root / "mkdocs.yml")).outputs
    second = generate(read_settings(root / "mkdocs.yml")).outputs
    paths = {o.path for o in first if o.path == MAP_PATH or o.path.startswith("assets/vendor/")}
    assert len(paths) > 5
    assert [o for o in first if o.path in paths] == [o for o in second if o.path in paths]
