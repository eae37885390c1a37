"""The portal's full-screen site map (/sites/map/) in Chromium, on a built portal."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from chromium_pages import axe_violations, wait_until_true
from csp_checks import directives
from map_portal import HOSTILE_NAME, PUBLIC_SITES, map_portal
from page_walk import violations, watch_policy
from portals import run_mkdocs
from test_map_browser import sites_on_map

OSM_HOST = "tile.openstreetmap.org"
# A page outside the portal that shows the map in a frame, as /sites/ does.
FRAME_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame</title></head>'
    '<body><iframe src="sites/map/" title="Map of sites" width="1000" height="700"></iframe>'
    "</body></html>"
)


def build(root: Path) -> Path:
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def offline_site(built_map_portal: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built map portal (`tiles: none`, every site located) plus a page that frames it."""
    site = tmp_path_factory.mktemp("offline") / "site"
    shutil.copytree(built_map_portal, site)
    (site / "frame.html").write_text(FRAME_PAGE, encoding="utf-8")
    return site


def open_map(guarded_page, base: str):  # type: ignore[no-untyped-def]
    page = guarded_page.page
    watch_policy(page)
    page.goto(base + "sites/map/")
    page.wait_for_selector("html[data-markers]")
    return page


def test_the_map_shows_every_public_site_and_nothing_leaves_localhost(
    offline_site, serve_dir, guarded_page
):  # type: ignore[no-untyped-def]
    page = open_map(guarded_page, serve_dir(offline_site))
    assert page.get_attribute("html", "data-markers") == str(PUBLIC_SITES)
    assert sites_on_map(page) == PUBLIC_SITES, "single markers plus cluster counts"
    assert page.locator(".marker-cluster").count() >= 1, "Durham and Chapel Hill cluster"
    assert page.locator(".leaflet-tile").count() == 0, "no tile layer"
    assert page.locator(".leaflet-pane path").count() > 0, "the offline state outlines"
    assert violations(page) == []
    guarded_page.assert_clean()


def test_the_map_document_has_no_accessibility_violations(offline_site, serve_dir, guarded_page):  # type: ignore[no-untyped-def]
    page = open_map(guarded_page, serve_dir(offline_site))
    assert axe_violations(page) == []
    page.get_by_title(HOSTILE_NAME, exact=True).click()  # markers are no buttons: see the list
    wait_until_true(  # the popup fades in; axe would see it half transparent
        page, "getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'"
    )
    assert axe_violations(page) == [], "with a popup open"
    guarded_page.assert_clean()


def test_a_popup_link_opens_the_site_page_in_the_top_window(offline_site, serve_dir, guarded_page):  # type: ignore[no-untyped-def]
    base = serve_dir(offline_site)
    page = guarded_page.page
    page.goto(base + "frame.html")
    frame = page.frame_locator("iframe")
    frame.locator("html[data-markers]").wait_for(state="attached")
    frame.get_by_title(HOSTILE_NAME, exact=True).click()
    link = frame.locator(".leaflet-popup-content a")
    assert link.text_content() == HOSTILE_NAME, "the name is shown as text"
    assert frame.locator(".leaflet-popup-content img, .leaflet-popup-content script").count() == 0
    with page.expect_navigation():
        link.click()
    assert page.url == base + "sites/seattle-hostile/", "the top window moved, not the frame"
    assert HOSTILE_NAME in page.locator("h1").first.inner_text()
    guarded_page.assert_clean()


def test_without_javascript_the_map_links_to_the_list(offline_site, serve_dir, chromium):  # type: ignore[no-untyped-def]
    base = serve_dir(offline_site)
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + "sites/map/")
        page.get_by_role("link", name="list of sites", exact=True).click()
        assert page.url == base + "sites/"
    finally:
        context.close()


def test_with_openstreetmap_tiles_only_the_tile_host_is_asked(
    tmp_path: Path, serve_dir, guarded_page
):  # type: ignore[no-untyped-def]
    site = build(map_portal(tmp_path / "portal"))  # the default: tiles: openstreetmap
    page = open_map(guarded_page, serve_dir(site))
    page.wait_for_timeout(200)
    hosts = {urlsplit(url).hostname for url in guarded_page.blocked_requests}
    assert hosts == {OSM_HOST}, "tiles are requested from OpenStreetMap and nowhere else"
    policy = directives((site / "sites" / "map" / "index.html").read_text("utf-8"))
    assert f"https://{OSM_HOST}" in policy["img-src"]
    assert violations(page) == [], "the policy lets the tiles through"
    # One probe tile failed: no tile layer, so no credit for tiles nobody sees (the credit
    # with tiles shown: tests/browser/test_map_view_browser.py).
    assert len(guarded_page.blocked_requests) == 1, "one probe, not a view full of tiles"
    assert "OpenStreetMap" not in page.locator(".leaflet-control-attribution").inner_text()
    assert sites_on_map(page) == PUBLIC_SITES, "markers drawn with the tiles blocked"
    assert guarded_page.page_errors == [] and guarded_page.dialogs == []
