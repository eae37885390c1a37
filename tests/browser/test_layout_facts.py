"""The layout facts of issue 17, in one place, on the real portal and on a 300-site one.

- at 375 px the first row of the /sites/ list and the first document of /resources/ start
  within the first 1,200 px of the page;
- after near-me ("Seattle, WA", Sort by distance) the first result is in the viewport, on
  a phone and on a desktop;
- the map's first view (/sites/map/, 375 px and 1280 px) shows every public site: each
  marker or cluster drawn lies inside the map, and singles plus cluster counts add up to
  the number of sites (the cluster library leaves out what lies outside the view);
- axe (WCAG 2.2 AA) finds nothing on /sites/, a stage page, the map and the summary.

Both portals are built with `tiles: none` (nothing is asked of another host).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium_pages import GuardedPage, axe_violations, guard_page
from playwright.sync_api import Browser, Locator, Page, expect

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = {"375": PHONE, "1280": DESKTOP}
FIRST_SCREENS = 1_200
PORTALS = ("offline_real_site", "synthetic_site")
NEAR_PLACE = "Seattle, WA"


@pytest.fixture(params=PORTALS, ids=["real", "300-sites"])
def portal(request: pytest.FixtureRequest, serve_session: Callable[[Path], str]) -> str:
    """The base URL of a served portal (each built once per session)."""
    site: Path = request.getfixturevalue(request.param)
    return serve_session(site)


def open_page(chromium: Browser, viewport: dict[str, int]) -> Iterator[GuardedPage]:
    context = chromium.new_context(viewport=viewport)  # type: ignore[arg-type]
    try:
        yield guard_page(context.new_page())
    finally:
        context.close()


@pytest.fixture
def phone(chromium: Browser) -> Iterator[GuardedPage]:
    yield from open_page(chromium, PHONE)


@pytest.fixture(params=list(VIEWPORTS), ids=[f"{w}px" for w in VIEWPORTS])
def any_width(request: pytest.FixtureRequest, chromium: Browser) -> Iterator[GuardedPage]:
    yield from open_page(chromium, VIEWPORTS[request.param])


def top_in_page(page: Page, locator: Locator) -> float:
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    return box["y"] + float(page.evaluate("window.scrollY"))


@pytest.mark.parametrize(
    ("path", "first_item"),
    [("sites/", "tr.lp-site-row"), ("resources/", "li.lp-entry")],
    ids=["sites", "resources"],
)
def test_first_list_item_is_in_the_first_1200_px_on_a_phone(
    portal: str, phone: GuardedPage, path: str, first_item: str
) -> None:
    page = phone.page
    page.goto(portal + path, wait_until="load")
    top = top_in_page(page, page.locator(first_item).first)
    assert top < FIRST_SCREENS, f"/{path}: the first entry starts {top:.0f} px down"
    phone.assert_clean()


def test_near_me_brings_the_first_result_into_view(portal: str, any_width: GuardedPage) -> None:
    page = any_width.page
    page.goto(portal + "sites/", wait_until="load")
    if not page.locator("#lp-near-place").is_visible():  # folded on a phone: open it as a visitor
        page.click("summary:has-text('Sites near you')")
    page.fill("#lp-near-place", NEAR_PLACE)
    page.click("text=Sort by distance")
    first = page.locator("tr.lp-site-row").first
    expect(first.locator("[data-lp-distance]")).to_contain_text("mile")  # sorted by distance
    # The name and the distance, whole: on a phone the table scrolls sideways for the rest.
    expect(first.locator("th")).to_be_in_viewport(ratio=1)
    expect(first.locator("[data-lp-distance]")).to_be_in_viewport(ratio=1)
    any_width.assert_clean()


def sites_drawn(page: Page) -> dict[str, Any]:
    """The map's first view: the icons whose centre is outside their own map (a map may have
    insets, each its own Leaflet container) or outside the window, and the sites shown."""
    return page.evaluate(  # type: ignore[no-any-return]
        """() => {
        const within = (x, y, box) =>
          box.left <= x && x <= box.right && box.top <= y && y <= box.bottom;
        const screen = {left: 0, top: 0, right: innerWidth, bottom: innerHeight};
        const outside = [...document.querySelectorAll('.leaflet-marker-icon')].filter((icon) => {
          const box = icon.getBoundingClientRect();
          const x = box.x + box.width / 2, y = box.y + box.height / 2;
          const map = icon.closest('.leaflet-container').getBoundingClientRect();
          return !(within(x, y, map) && within(x, y, screen));
        }).map((icon) => icon.getAttribute('aria-label') || icon.title || icon.textContent);
        const singles = document.querySelectorAll('.leaflet-marker-icon:not(.marker-cluster)');
        const clustered = [...document.querySelectorAll('.marker-cluster')]
          .reduce((sum, cluster) => sum + Number(cluster.textContent.match(/[0-9]+/)[0]), 0);
        return {outside, shown: singles.length + clustered,
                total: Number(document.documentElement.dataset.markers)};
      }"""
    )


def test_map_first_view_shows_every_site(portal: str, any_width: GuardedPage) -> None:
    page = any_width.page
    page.goto(portal + "sites/map/", wait_until="load")
    page.wait_for_selector("html[data-markers]")
    drawn = sites_drawn(page)
    assert drawn["outside"] == [], f"markers or clusters outside the first view: {drawn['outside']}"
    assert drawn["shown"] == drawn["total"], (
        f"the first view shows {drawn['shown']} of {drawn['total']} sites"
    )
    any_width.assert_clean()


@pytest.mark.parametrize(
    "path",
    ["sites/", "sites/stages/operating/", "sites/map/", "sites/summary/"],
    ids=["sites", "stage", "map", "summary"],
)
def test_axe_finds_nothing(portal: str, phone: GuardedPage, path: str) -> None:
    page = phone.page
    response = page.goto(portal + path, wait_until="load")
    assert response is not None and response.ok, f"/{path} answers {response and response.status}"
    if path == "sites/map/":
        page.wait_for_selector("html[data-markers]")
    assert axe_violations(page, allowed={}) == []
    phone.assert_clean()
