"""In Chromium, no page of a built portal (nor the map document) breaks its own policy."""

from __future__ import annotations

import shutil
from pathlib import Path

from page_walk import (
    only_the_map_asked,
    serve_site,
    stand_in_tiles,
    violations,
    visit,
    visit_all,
    watch_policy,
)
from portal_helpers import VENDOR

from leadportal.records.settings import Settings
from leadportal.render.csp import map_policy, with_csp
from leadportal.sites.map_data import MapOptions, MapPoint
from leadportal.sites.map_document import render_map


def test_fixture_portal_pages_keep_their_policy(
    built_fixture, serve_dir, guarded_page, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    askers = stand_in_tiles(guarded_page.page, "tile.openstreetmap.org")
    base = serve_site(serve_dir, built_fixture, tmp_path)
    assert visit_all(guarded_page.page, base, built_fixture) == []
    assert askers and only_the_map_asked(askers) == [], "tiles load on the map only"
    guarded_page.assert_clean()


def test_search_works_under_the_policy(built_fixture, serve_dir, guarded_page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = guarded_page.page
    watch_policy(page)
    assert visit(page, serve_site(serve_dir, built_fixture, tmp_path)) == []
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("Albany", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    assert visit(page, page.url) == []
    guarded_page.assert_clean()


def test_map_document_draws_under_its_policy(tmp_path: Path, serve_dir, guarded_page) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(VENDOR, tmp_path / "assets" / "vendor")
    points = [
        MapPoint(f"s{i}", f"Site {i}", "A, WA", "operating", 40 + i, -100 + i, f"../s{i}/")
        for i in range(5)
    ]
    settings = Settings(root=tmp_path, docs_dir=tmp_path, tiles="none")
    document = with_csp(render_map(points, MapOptions()), map_policy(settings))
    target = tmp_path / "sites" / "map" / "index.html"
    target.parent.mkdir(parents=True)
    target.write_text(document, encoding="utf-8")
    page = guarded_page.page
    watch_policy(page)
    url = serve_dir(tmp_path) + "sites/map/"
    page.goto(url)
    page.wait_for_selector("html[data-markers='5']")
    assert visit(page, url) == []
    guarded_page.assert_clean()


INJECT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.__injectedRan = true";
  document.body.append(script);
  const image = document.createElement("img");
  image.src = "https://tracker.example.net/pixel.png";
  document.body.append(image);
  const frame = document.createElement("iframe");
  frame.src = "https://frames.example.net/";
  document.body.append(frame);
}"""


def test_policy_blocks_injected_scripts_and_other_hosts(
    built_fixture, serve_dir, guarded_page, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    page = guarded_page.page
    watch_policy(page)
    page.goto(serve_site(serve_dir, built_fixture, tmp_path) + "sites/albany-ny/")
    page.evaluate(INJECT)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__injectedRan") is None
    blocked = " ".join(violations(page))
    for directive in ("script-src-elem", "img-src", "frame-src"):
        assert directive in blocked, blocked
    assert guarded_page.blocked_requests == []  # stopped by the policy, before the network
