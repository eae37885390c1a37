"""The map's first view, as a visitor sees it at phone and desktop widths: every site in
view (Hawaii included), the legend whole and clear of the attribution and of the markers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from page_walk import stand_in_tiles
from portal_helpers import REPO_ROOT, run_mkdocs
from test_map_browser import sites_on_map

WIDTHS = [320, 375, 1280]
SYNTHETIC_SITES = 300
# Honolulu and Bangor, the bundled portal's far corners, added to the synthetic portal too.
FAR_SITES = {
    "far-honolulu": ("Honolulu", "HI", 21.3069, -157.8583),
    "far-bangor": ("Bangor", "ME", 44.8016, -68.7712),
    "far-anchorage": ("Anchorage", "AK", 61.2181, -149.9003),
}


def _synthetic_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "synthetic", REPO_ROOT / "scripts" / "bench" / "synthetic.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def synthetic_map_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300-site synthetic portal (scripts/bench/synthetic.py) plus Honolulu, Bangor and
    Anchorage, built once; its site/ folder."""
    root = _synthetic_module().make_portal(
        tmp_path_factory.mktemp("synthetic") / "portal", SYNTHETIC_SITES
    )
    for slug, (city, state, lat, lon) in FAR_SITES.items():
        (root / "sites" / f"{slug}.yml").write_text(
            f"name: LEAD {city}\nstage: operating\n"
            f"jurisdiction: {{city: {city}, state: {state}}}\n"
            f"location: {{lat: {lat}, lon: {lon}}}\n",
            encoding="utf-8",
        )
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(params=["bundled", "synthetic"])
def map_site(request: pytest.FixtureRequest) -> Path:
    name = "built_real_portal" if request.param == "bundled" else "synthetic_map_site"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


def open_map(chromium, serve_dir, site: Path, width: int, scheme: str = "light"):  # type: ignore[no-untyped-def]
    context = chromium.new_context(
        viewport={"width": width, "height": 740 if width < 800 else 800}, color_scheme=scheme
    )
    page = context.new_page()
    page.route("**/*", lambda route: route.abort())
    page.route("http://127.0.0.1:*/**", lambda route: route.continue_())
    stand_in_tiles(page, "tile.openstreetmap.org")
    page.goto(serve_dir(site) + "sites/map/")
    page.wait_for_selector("html[data-markers]")
    return page


BOXES = """() => {
    const box = el => { const r = el.getBoundingClientRect();
        return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
    const q = s => document.querySelector(s);
    return {
        map: box(q('.leaflet-container')),
        legend: box(q('.lp-legend')),
        attribution: box(q('.leaflet-control-attribution')),
        legendScroll: [q('.lp-legend').scrollHeight, q('.lp-legend').clientHeight],
        markers: [...document.querySelectorAll('.leaflet-marker-icon')].map(box),
    };
}"""


def inside(inner: dict[str, float], outer: dict[str, float]) -> bool:
    return (
        inner["left"] >= outer["left"]
        and inner["top"] >= outer["top"]
        and inner["right"] <= outer["right"]
        and inner["bottom"] <= outer["bottom"]
    )


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["right"] <= b["left"]
        or b["right"] <= a["left"]
        or a["bottom"] <= b["top"]
        or b["bottom"] <= a["top"]
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_first_view_shows_every_site_inside_the_map(chromium, serve_dir, map_site, width):  # type: ignore[no-untyped-def]
    page = open_map(chromium, serve_dir, map_site, width)
    placed = int(page.get_attribute("html", "data-markers") or 0)
    assert placed > 30
    assert sites_on_map(page) == placed, "every site is a marker or counted in a cluster"
    boxes = page.evaluate(BOXES)
    outside = [m for m in boxes["markers"] if not inside(m, boxes["map"])]
    assert outside == [], f"{len(outside)} of {len(boxes['markers'])} markers out of view"
    hidden = [m for m in boxes["markers"] if overlap(m, boxes["legend"])]
    assert hidden == [], "no marker under the legend"
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_legend_is_whole_and_clear_of_the_attribution(  # type: ignore[no-untyped-def]
    chromium, serve_dir, built_real_portal, width
):
    page = open_map(chromium, serve_dir, built_real_portal, width)
    boxes = page.evaluate(BOXES)
    assert inside(boxes["legend"], boxes["map"]), "the legend is not cut off"
    assert not overlap(boxes["legend"], boxes["attribution"])
    scroll_height, client_height = boxes["legendScroll"]
    assert scroll_height <= client_height, "every stage of the legend shows without scrolling"
    page.context.close()


TAB_PATH = """() => { let d = document, el = d.activeElement;
    while (el && el.tagName === 'IFRAME') { d = el.contentDocument; el = d.activeElement; }
    return el.className + ' ' + (el.textContent || '').trim(); }"""


def test_the_embedded_map_costs_few_tab_stops(chromium, serve_dir, built_real_portal):  # type: ignore[no-untyped-def]
    """From the skip link before the map on /sites/ to the link after it: the map frame
    is one stop plus the attribution's links, never one per marker (it was 14)."""
    page = open_map(chromium, serve_dir, built_real_portal, 1280)
    page.goto(page.url.replace("sites/map/", "sites/"))
    page.locator(".lp-map-frame").scroll_into_view_if_needed()
    page.frame_locator(".lp-map-frame").locator("html[data-markers]").wait_for(state="attached")
    page.locator(".lp-skip-map").focus()
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(TAB_PATH))
        if "Open the map full screen" in stops[-1]:
            break
    assert "Open the map full screen" in stops[-1], stops
    assert len(stops) - 1 <= 3, f"stops inside the map: {stops[:-1]}"
    assert "leaflet-container" in stops[0], "the map itself is the first stop"
    assert not any("leaflet-marker-icon" in stop for stop in stops)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert "lp-skip-map" in page.evaluate(TAB_PATH), "Shift+Tab leaves the map as well"
    page.context.close()


SCHEME_STATE = """() => ({
    scheme: document.documentElement.dataset.scheme,
    background: getComputedStyle(document.querySelector('.leaflet-container')).backgroundColor,
    cluster: getComputedStyle(document.querySelector('.marker-cluster div')).backgroundColor,
    legend: getComputedStyle(document.querySelector('.lp-legend')).backgroundColor,
})"""
DARK_BACKGROUND = "rgb(30, 39, 41)"  # DARK_SCHEME.background
LIGHT_BACKGROUND = "rgb(243, 245, 247)"  # LIGHT_SCHEME.background


@pytest.mark.parametrize(
    ("system", "saved", "expected"),
    [
        ("dark", None, DARK_BACKGROUND),
        ("light", None, LIGHT_BACKGROUND),
        ("light", "slate", DARK_BACKGROUND),  # chosen with the portal's toggle
        ("dark", "default", LIGHT_BACKGROUND),
    ],
)
def test_the_map_follows_the_visitors_scheme(  # type: ignore[no-untyped-def]
    chromium, serve_dir, built_real_portal, system, saved, expected
):
    page = open_map(chromium, serve_dir, built_real_portal, 375, scheme=system)
    if saved:
        palette = {"index": 0, "color": {"media": "(prefers-color-scheme: light)", "scheme": saved}}
        page.evaluate("p => localStorage.setItem('/.__palette', JSON.stringify(p))", palette)
        page.reload()
        page.wait_for_selector("html[data-markers]")
    state = page.evaluate(SCHEME_STATE)
    assert state["background"] == expected
    assert state["scheme"] == ("dark" if expected == DARK_BACKGROUND else "light")
    assert state["cluster"] == (
        "rgb(125, 211, 200)" if state["scheme"] == "dark" else "rgb(15, 76, 76)"
    )
    assert state["legend"] != "rgb(255, 255, 255)" or state["scheme"] == "light"
    page.context.close()


def test_a_scheme_chosen_on_the_page_around_the_map_reaches_it(
    chromium, serve_dir, built_real_portal
):  # type: ignore[no-untyped-def]
    page = open_map(chromium, serve_dir, built_real_portal, 1280)
    page.goto(page.url.replace("sites/map/", "sites/"))
    frame = page.frame_locator(".lp-map-frame")
    page.locator(".lp-map-frame").scroll_into_view_if_needed()
    frame.locator("html[data-scheme='light']").wait_for(state="attached")
    page.locator("label[for='__palette_1']").click()  # the theme's dark-scheme toggle
    frame.locator("html[data-scheme='dark']").wait_for(state="attached")
    page.context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_without_javascript_the_map_is_a_drawing_with_every_site(  # type: ignore[no-untyped-def]
    chromium, serve_dir, built_real_portal, width
):
    context = chromium.new_context(
        viewport={"width": width, "height": 740 if width < 800 else 800},
        java_script_enabled=False,
    )
    page = context.new_page()
    page.route("**/*", lambda route: route.abort())
    page.route("http://127.0.0.1:*/**", lambda route: route.continue_())
    page.goto(serve_dir(built_real_portal) + "sites/map/")
    listed = page.locator("#lp-sites-by-state li a").count()
    assert listed > 30, "the list by state links every site"
    dots = page.locator(".lp-static-map circle")
    assert dots.count() == listed, "one dot per site"
    svg = page.locator(".lp-static-map").bounding_box()
    assert svg and svg["width"] > width * 0.9 and svg["height"] > 200, "the drawing fills the box"
    viewport = {"left": 0, "top": 0, "right": width, "bottom": 740 if width < 800 else 800}
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.lp-static-map circle, .lp-legend')].map(el => {
            const r = el.getBoundingClientRect();
            return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; })"""
    )
    assert [b for b in boxes if not inside(b, viewport)] == [], "dots and legend in view"
    first = page.locator(".lp-static-map a").first
    assert first.get_attribute("target") == "_top"
    assert first.get_attribute("href") in [
        a.get_attribute("href") for a in page.locator("#lp-sites-by-state li a").all()
    ]
    context.close()


def test_with_javascript_the_drawing_gives_way_to_leaflet(chromium, serve_dir, built_real_portal):  # type: ignore[no-untyped-def]
    page = open_map(chromium, serve_dir, built_real_portal, 1280)
    assert not page.locator(".lp-static-map").is_visible()
    assert page.locator(".leaflet-control-container .lp-legend").is_visible()
    page.context.close()
