"""The site map in a real browser: every site drawn, popups, hostile names, keyboard, no leaks."""

from __future__ import annotations

import shutil
from pathlib import Path

from page_walk import stand_in_tiles
from portal_helpers import VENDOR

from leadportal.sites.map_data import MapOptions, MapPoint
from leadportal.sites.map_document import render_map

HOSTILE_NAME = "<script>alert('x')</script> O'Hare & \"Sons\" <img src=x onerror=alert(1)>"


def write_map(root: Path, points: list[MapPoint], options: MapOptions | None = None) -> str:
    """Lay out the map as the portal does: /sites/map/ with assets at /assets/vendor/."""
    shutil.copytree(VENDOR, root / "assets" / "vendor")
    page = root / "sites" / "map" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(render_map(points, options or MapOptions()), encoding="utf-8")
    return "sites/map/"


def grid_points(count: int) -> list[MapPoint]:
    stages = ["exploring", "developing", "launching", "operating", "paused", "ended"]
    return [
        MapPoint(
            slug=f"site-{i}",
            name=f"Site {i}",
            place="Somewhere, KS",
            stage=stages[i % len(stages)],
            lat=30 + (i % 20) * 0.9,
            lon=-120 + (i // 20) * 2.1,
            url=f"../site-{i}/",
        )
        for i in range(count)
    ]


def open_map(guarded_page, serve_dir, tmp_path: Path, points, options=None):  # type: ignore[no-untyped-def]
    base = serve_dir(tmp_path)
    path = write_map(tmp_path, points, options)
    page = guarded_page.page
    page.goto(base + path)
    page.wait_for_selector("html[data-markers]")
    return page


def sites_on_map(page) -> int:  # type: ignore[no-untyped-def]
    """Sites shown: single markers plus the counts written on cluster icons."""
    return page.evaluate(
        """() => {
            const singles = document.querySelectorAll('.leaflet-marker-icon.lp-m').length;
            const clusters = [...document.querySelectorAll('.marker-cluster span')]
                .filter(span => !span.classList.contains('lp-sr'))
                .map(span => parseInt(span.firstChild.textContent, 10));
            return singles + clusters.reduce((a, b) => a + b, 0);
        }"""
    )


def test_every_site_is_on_the_map_and_nothing_leaves_localhost(guarded_page, serve_dir, tmp_path):
    page = open_map(guarded_page, serve_dir, tmp_path, grid_points(250))
    assert page.get_attribute("html", "data-markers") == "250"
    assert sites_on_map(page) == 250
    assert page.locator(".marker-cluster").count() > 0, "250 sites this close should cluster"
    assert page.locator(".leaflet-overlay-pane path, .leaflet-pane path").count() > 0, (
        "state outlines are drawn"
    )
    guarded_page.assert_clean()


def test_popup_names_the_site_and_links_to_its_page_in_the_top_window(
    guarded_page, serve_dir, tmp_path
):
    point = MapPoint(
        "seattle",
        "Seattle & King County LEAD",
        "Seattle, WA",
        "operating",
        47.6062,
        -122.3321,
        "../seattle/",
    )
    page = open_map(guarded_page, serve_dir, tmp_path, [point])
    page.locator('.leaflet-marker-icon[title="Seattle & King County LEAD"]').click()
    link = page.locator(".leaflet-popup-content a")
    assert link.text_content() == "Seattle & King County LEAD"
    assert link.get_attribute("href") == "../seattle/"
    assert link.get_attribute("target") == "_top"
    popup_text = page.locator(".leaflet-popup-content").inner_text()
    assert "Seattle, WA" in popup_text and "Operating" in popup_text
    guarded_page.assert_clean()


def test_hostile_names_show_as_text(guarded_page, serve_dir, tmp_path):
    point = MapPoint(
        "hostile", HOSTILE_NAME, "Ciudad Juárez & שלום", "paused", 40.0, -100.0, "../hostile/"
    )
    page = open_map(guarded_page, serve_dir, tmp_path, [point])
    page.locator(".leaflet-marker-icon.lp-m").click()
    assert page.locator(".leaflet-popup-content a").text_content() == HOSTILE_NAME
    assert page.locator(".leaflet-popup-content").inner_text().count("Ciudad Juárez & שלום") == 1
    assert page.locator(".leaflet-popup-content img, .leaflet-popup-content script").count() == 0
    guarded_page.assert_clean()  # includes: no dialog fired


def test_keyboard_goes_map_then_list_never_marker_by_marker(guarded_page, serve_dir, tmp_path):
    """The map is one tab stop (arrow keys pan it); the list by state links every site.

    (Until issue 17 every marker and cluster was a tab stop: 14 on the portal's /sites/.)
    """
    points = grid_points(40)
    page = open_map(guarded_page, serve_dir, tmp_path, points)
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.outerHTML.slice(0, 60)"))
    assert 'class="lp-skip"' in stops[0], "a skip link comes first"
    assert any("leaflet-container" in stop for stop in stops), stops
    assert not any("leaflet-marker-icon" in stop for stop in stops), "no marker is a tab stop"
    page.locator(".leaflet-container").focus()
    before = page.evaluate("document.querySelector('.leaflet-map-pane').style.transform")
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(400)
    after = page.evaluate("document.querySelector('.leaflet-map-pane').style.transform")
    assert before != after, "arrow keys pan the focused map"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "List of sites", "title bar"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.className") == "lp-skip"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#lp-sites-by-state') !== null")
    links = page.locator("#lp-sites-by-state li a")
    assert links.count() == len(points), "the list links every site on the map"
    assert links.first.get_attribute("target") == "_top"
    guarded_page.assert_clean()


def test_clusters_have_an_accessible_name(guarded_page, serve_dir, tmp_path):
    points = [
        MapPoint(
            f"p{i}", f"Place {i}", "Denver, CO", "operating", 39.74 + i * 1e-3, -104.99, f"../p{i}/"
        )
        for i in range(12)
    ]
    page = open_map(guarded_page, serve_dir, tmp_path, points)
    name = page.locator(".marker-cluster").text_content() or ""
    assert " ".join(name.split()) == "12 sites", "a screen reader hears the count and the word"
    guarded_page.assert_clean()


def test_unreachable_tiles_cost_one_request_and_leave_the_outlines(
    guarded_page, serve_dir, tmp_path
):
    """Chromium logs each failed request; one probe tile fails, the rest are never asked."""
    options = MapOptions(tiles="https://tiles.invalid/{z}/{x}/{y}.png", attribution="Test tiles")
    page = open_map(guarded_page, serve_dir, tmp_path, grid_points(3), options)
    page.wait_for_timeout(500)
    assert guarded_page.blocked_requests == ["https://tiles.invalid/0/0/0.png"]
    assert len(guarded_page.console_errors) <= 1, "at most the probe's network error"
    assert page.locator(".leaflet-tile").count() == 0
    assert "Test tiles" not in page.locator(".leaflet-control-attribution").inner_text()
    assert page.locator(".lp-outline").count() > 0, "the state outlines stay"
    assert sites_on_map(page) == 3, "markers still drawn with the tiles blocked"
    page.reload()
    page.wait_for_selector("html[data-markers]")
    page.wait_for_timeout(500)
    assert len(guarded_page.blocked_requests) == 1, "the failure is remembered for a while"
    assert guarded_page.page_errors == []


def test_reachable_tiles_are_drawn_and_credited(guarded_page, serve_dir, tmp_path):
    options = MapOptions(tiles="https://tiles.invalid/{z}/{x}/{y}.png", attribution="Test tiles")
    askers = stand_in_tiles(guarded_page.page, "tiles.invalid")
    page = open_map(guarded_page, serve_dir, tmp_path, grid_points(3), options)
    page.wait_for_selector(".leaflet-tile-loaded")
    assert len(askers) > 1, "the probe, then the tiles of the view"
    assert "Test tiles" in page.locator(".leaflet-control-attribution").inner_text()
    guarded_page.assert_clean()
