"""The real LEAD portal in Chromium: accessibility, keyboard use, privacy, counts and print."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from chromium_pages import GuardedPage, axe_violations, guard_page, wait_until_true
from page_walk import only_the_map_asked, stand_in_tiles, visit, watch_policy
from playwright.sync_api import Browser, Page
from site_files import page_urls

REPO_ROOT = Path(__file__).resolve().parents[2]
TILE = re.compile(r"/\d+/\d+/\d+(@2x)?\.(png|jpe?g|webp)(\?.*)?$")
# What each scheme/viewport variant looks like in Playwright.
VARIANTS = {
    "light": {"color_scheme": "light", "viewport": {"width": 1280, "height": 900}},
    "dark": {"color_scheme": "dark", "viewport": {"width": 1280, "height": 900}},
    "narrow": {"color_scheme": "light", "viewport": {"width": 375, "height": 740}},
    "narrow-dark": {"color_scheme": "dark", "viewport": {"width": 375, "height": 740}},
}


def mkdocs_options() -> dict[str, Any]:
    config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text("utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "leadportal" in plugin:
            return dict(plugin["leadportal"] or {})
    return {}


def allowed_elsewhere(url: str) -> bool:
    """The only requests that may leave the site: map tiles, and only when tiles are configured."""
    return bool(mkdocs_options().get("tiles")) and bool(TILE.search(url))


def assert_only_allowed_requests(guarded: GuardedPage) -> None:
    refused = [url for url in guarded.blocked_requests if not allowed_elsewhere(url)]
    assert refused == [], "requests to other hosts"
    errors = guarded.console_errors
    if guarded.blocked_requests:  # each blocked tile logs "Failed to load resource"
        errors = [e for e in errors if not e.startswith("Failed to load resource")]
    assert errors == [], "console errors"
    assert guarded.page_errors == [], "uncaught page errors"
    assert guarded.dialogs == []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def portal_url(built_real_portal: Path) -> Iterator[str]:
    """The built portal served on 127.0.0.1 for every test of this module."""
    handler = functools.partial(_Quiet, directory=str(built_real_portal))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def open_page(chromium: Browser) -> Iterator[Callable[[str], GuardedPage]]:
    contexts = []

    def open_variant(variant: str) -> GuardedPage:
        context = chromium.new_context(**VARIANTS[variant])  # type: ignore[arg-type]
        contexts.append(context)
        return guard_page(context.new_page())

    yield open_variant
    for context in contexts:
        context.close()


def first_record_page(site: Path, folder: str) -> str:
    index = sorted(p for p in (site / folder).glob("*/index.html") if p.parent.name != "map")
    assert index, f"no record page in {folder}/"
    return f"{folder}/{index[0].parent.name}/"


def axe_pages(site: Path) -> list[str]:
    """Home, a site page, /sites/ and its map document, /resources/, a document, a form,
    "Start here" and one path."""
    pages = [
        "",
        "sites/seattle-king-county/",
        "sites/",
        "resources/",
        "resources/lead-community-toolkit/",
        "contact/request-technical-assistance/",
        "start/",
        "start/exploring/",
        "start/exploring/prosecutor/",
        "sitemap/",
        "404.html",
        # The Spanish twins of the pages a Spanish-speaking visitor needs most.
        "es/",
        "es/sites/",
        "es/sites/santa-fe/",
        "es/resources/",
        "es/resources/lead-community-toolkit/",
        "es/contact/contact-us/",
        "es/start/exploring/community/",
        "es/404.html",
    ]
    sites_index = (site / "sites/index.html").read_text("utf-8")
    for src in re.findall(r'<iframe[^>]*\ssrc="([^"]+)"', sites_index):
        pages.append("sites/" + src)  # the map document, where the sites list embeds one
    return pages


def wait_until_ready(page: Page) -> None:
    page.wait_for_load_state("load")
    wait_until_true(page, "document.readyState === 'complete'")
    # The map adds its tiles after a probe tile loads, so some may still be in flight after
    # "load"; an image in flight is not broken (a broken one is complete with no width).
    wait_until_true(page, "[...document.images].every(i => i.loading === 'lazy' || i.complete)")


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_axe_finds_no_violation(
    variant: str, built_real_portal: Path, portal_url: str, open_page: Callable[[str], GuardedPage]
) -> None:
    guarded = open_page(variant)
    found = {}
    for path in axe_pages(built_real_portal):
        guarded.page.goto(portal_url + path)
        wait_until_ready(guarded.page)
        scheme = guarded.page.get_attribute("body", "data-md-color-scheme")
        if "map" not in path:
            assert scheme == ("slate" if "dark" in variant else "default"), path
        violations = axe_violations(guarded.page, allowed={})
        if violations:
            found[path or "home"] = violations
    assert found == {}
    assert_only_allowed_requests(guarded)


def built_pages(site: Path) -> list[str]:
    return [p for p in page_urls(site) if not p.startswith(("assets/", "search/"))]


RENDERED = """() => {
  const sheets = [...document.querySelectorAll('link[rel=stylesheet]')];
  const images = [...document.images].filter(i => i.loading !== 'lazy' || i.complete);
  const h1 = document.querySelector('h1');
  return {
    unloadedSheets: sheets.filter(l => !l.sheet).map(l => l.href),
    brokenImages: images.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src),
    heading: h1 ? h1.textContent.trim() : '',
    text: (document.querySelector('main, body') || document.body).innerText.trim().length,
  };
}"""


def rendered(page: Page, patience: float = 10.0) -> dict[str, Any]:
    """RENDERED, read again until every sheet and image is in or `patience` seconds pass.

    Under CI's load the map's 24 stand-in tiles were once all complete with no width at the
    first reading, with no failed request and no console error (the cause was not found and
    it did not recur here); an image still without width after `patience` seconds is broken."""
    deadline = time.monotonic() + patience
    state: dict[str, Any] = page.evaluate(RENDERED)
    while (state["unloadedSheets"] or state["brokenImages"]) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        state = page.evaluate(RENDERED)
    return state


@dataclass
class Walk:
    """What one pass over every page of the real portal saw (light scheme, desktop)."""

    pages: list[str]
    policy: list[str] = field(default_factory=list)  # CSP violations, navigations away
    rendering: dict[str, dict[str, Any]] = field(default_factory=dict)  # what failed to show
    axe: dict[str, list[str]] = field(default_factory=dict)
    tile_askers: list[str] = field(default_factory=list)
    guarded: GuardedPage | None = None


@pytest.fixture(scope="module")
def walk(built_real_portal: Path, portal_url: str, chromium: Browser) -> Iterator[Walk]:
    """Every built page opened once, with the policy watched, tiles answered by a stand-in
    (only the map document may ask for them), every other host blocked, and axe run on each:
    the policy, rendering and accessibility checks below read the same visit."""
    context = chromium.new_context(**VARIANTS["light"])  # type: ignore[arg-type]
    guarded = guard_page(context.new_page())
    result = Walk(pages=built_pages(built_real_portal), guarded=guarded)
    result.tile_askers = stand_in_tiles(guarded.page, "tile.openstreetmap.org")
    watch_policy(guarded.page)
    for path in page_urls(built_real_portal):
        result.policy += visit(guarded.page, portal_url + path)
        if path not in result.pages:
            continue
        wait_until_ready(guarded.page)
        state = rendered(guarded.page)
        untitled = not state["heading"] and not path.endswith("map/")
        if state["unloadedSheets"] or state["brokenImages"] or state["text"] < 20 or untitled:
            result.rendering[path] = state
        violations = axe_violations(guarded.page, allowed={})
        if violations:
            result.axe[path or "home"] = violations
    yield result
    context.close()


def test_every_page_renders_with_other_hosts_blocked(walk: Walk) -> None:
    assert len(walk.pages) > 60
    assert walk.rendering == {}
    assert walk.guarded is not None
    walk.guarded.assert_clean()
    assert walk.guarded.page.context.cookies() == [], "the portal sets no cookies"


def test_axe_finds_no_violation_on_any_page(walk: Walk) -> None:
    """Every built page once (light scheme), so pages added by any renderer are covered."""
    assert walk.axe == {}


def test_real_portal_pages_keep_their_policy(walk: Walk) -> None:
    assert walk.policy == []
    assert walk.tile_askers and only_the_map_asked(walk.tile_askers) == [], (
        "tiles load on the map only"
    )


def public_stage_counts() -> Counter[str]:
    counts: Counter[str] = Counter()
    for file in (REPO_ROOT / "sites").glob("*.yml"):
        data = yaml.safe_load(file.read_text("utf-8"))
        if data.get("public", True):
            counts[data["stage"]] += 1
    return counts


def test_home_page_counts_match_the_records(
    portal_url: str, open_page: Callable[[str], GuardedPage]
) -> None:
    guarded = open_page("light")
    guarded.page.goto(portal_url)
    shown = guarded.page.eval_on_selector_all(
        "li[data-stage]",
        "items => items.map(li => [li.dataset.stage, li.querySelector('.lp-count').textContent])",
    )
    expected = public_stage_counts()
    assert {stage: int(n) for stage, n in shown} == dict(expected)
    total = guarded.page.text_content("[data-lp-total]")
    assert total is not None and int(total) == sum(expected.values())
    contact = guarded.page.get_by_role("link", name="Contact us", exact=True).first
    sites = guarded.page.get_by_role("link", name="View participating sites")
    assert contact.get_attribute("href") == "contact/"
    assert sites.get_attribute("href") == "sites/"
    sites.click()
    guarded.page.wait_for_url("**/sites/")
    assert_only_allowed_requests(guarded)


FOCUS_STATE = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  if (!el.dataset.lpSeen) {
    el.dataset.lpSeen = String(document.querySelectorAll('[data-lp-seen]').length);
  }
  // A visually hidden radio (the colour scheme switch) shows its focus on the label after it.
  let shown = el;
  const rect = el.getBoundingClientRect();
  if ((rect.width < 2 || rect.height < 2) && el.nextElementSibling) shown = el.nextElementSibling;
  const style = getComputedStyle(shown);
  let bgEl = shown.parentElement, bg = 'rgba(0, 0, 0, 0)';
  while (bgEl) {
    const c = getComputedStyle(bgEl).backgroundColor;
    if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
    bgEl = bgEl.parentElement;
  }
  if (bg === 'rgba(0, 0, 0, 0)') bg = getComputedStyle(document.body).backgroundColor;
  return {
    id: el.dataset.lpSeen, tag: el.tagName,
    text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor, background: bg,
  };
}"""

EXPECTED_FOCUSABLE = """() => {
  const all = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]')];
  const radios = new Set();
  return all.filter(el => {
    if (el.disabled || el.tabIndex < 0 || el.closest('[hidden], [inert]')) return false;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
    if (!el.getClientRects().length) return false;
    if (el.type === 'radio') {            // Tab reaches one radio per group
      if (radios.has(el.name)) return false;
      radios.add(el.name);
    }
    return true;
  }).map(el => el.outerHTML.slice(0, 120));
}"""


def rgb(css: str) -> tuple[int, int, int]:
    values = [float(v) for v in re.findall(r"[\d.]+", css)[:3]]
    return (round(values[0]), round(values[1]), round(values[2]))


def hex_of(css: str) -> str:
    r, g, b = rgb(css)
    return f"#{r:02x}{g:02x}{b:02x}"


def tab_through(page: Page, limit: int) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or any(s["id"] == state["id"] for s in seen):
            break
        seen.append(state)
    return seen


@pytest.mark.parametrize("variant", ["light", "dark", "narrow"])
@pytest.mark.parametrize(
    "path", ["", "sites/seattle-king-county/", "contact/request-technical-assistance/"]
)
def test_every_control_is_reachable_by_keyboard_with_visible_focus(
    variant: str, path: str, portal_url: str, open_page: Callable[[str], GuardedPage]
) -> None:
    from contrast import contrast

    guarded = open_page(variant)
    guarded.page.goto(portal_url + path)
    wait_until_ready(guarded.page)
    # Colours are read right after each Tab: no transition may be half-way.
    guarded.page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    expected = guarded.page.evaluate(EXPECTED_FOCUSABLE)
    reached = tab_through(guarded.page, len(expected) + 30)
    unreached = guarded.page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input, select, textarea')]
            .filter(el => !el.dataset.lpSeen).map(el => el.outerHTML.slice(0, 120))"""
    )
    assert [html for html in expected if html in unreached] == []
    weak = []
    for state in reached:
        ratio = contrast(hex_of(state["outlineColor"]), hex_of(state["background"]))
        if state["outlineStyle"] == "none" or state["outlineWidth"] < 2 or ratio < 3:
            weak.append({**state, "ratio": round(ratio, 2)})
    assert weak == [], f"focus not visible enough: {weak}"
    assert_only_allowed_requests(guarded)


@pytest.mark.parametrize("path", ["", "sites/seattle-king-county/", "sites/", "resources/"])
def test_skip_link_is_first_and_moves_to_the_content(
    path: str, portal_url: str, open_page: Callable[[str], GuardedPage]
) -> None:
    page = open_page("light").page
    page.goto(portal_url + path)
    wait_until_ready(page)
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert "md-skip" in (skip.get_attribute("class") or "").split()
    assert skip.is_visible() and skip.text_content().strip() == "Skip to content"  # type: ignore[union-attr]
    target = (skip.get_attribute("href") or "").split("#")[1]
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#" + target
    page.keyboard.press("Tab")
    after_target = page.evaluate(
        """target => {
          const el = document.activeElement;
          const follows = document.getElementById(target).compareDocumentPosition(el)
            & Node.DOCUMENT_POSITION_FOLLOWING;
          return Boolean(follows) && !el.closest('.md-header, .md-tabs, .md-sidebar');
        }""",
        target,
    )
    assert after_target, "the next Tab after skipping should land after the navigation"


def test_colour_scheme_switch_works_by_keyboard(
    portal_url: str, open_page: Callable[[str], GuardedPage]
) -> None:
    page = open_page("light").page
    page.goto(portal_url)
    wait_until_ready(page)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input.md-option')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Switch to the dark scheme"
    )
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.keyboard.press("Enter")
    wait_until_true(page, "document.body.dataset.mdColorScheme === 'slate'")
    page.keyboard.press("Enter")
    wait_until_true(page, "document.body.dataset.mdColorScheme === 'default'")


def test_search_works_by_keyboard_without_other_hosts(
    portal_url: str, open_page: Callable[[str], GuardedPage]
) -> None:
    guarded = open_page("light")
    guarded.page.goto(portal_url)
    wait_until_ready(guarded.page)
    guarded.page.keyboard.press("/")
    guarded.page.keyboard.type("Santa Fe")
    result = guarded.page.locator(".md-search-result__item a").first
    result.wait_for()
    guarded.page.keyboard.press("ArrowDown")
    guarded.page.keyboard.press("Enter")
    guarded.page.wait_for_url(re.compile(r"santa-fe"))
    assert_only_allowed_requests(guarded)


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
@pytest.mark.parametrize(
    "path",
    [
        "sites/seattle-king-county/",
        "resources/lead-community-toolkit/",
        "resources/uw-housing-employment-2017/",
    ],
)
def test_record_pages_print_on_one_or_two_sheets(
    fmt: str, path: str, portal_url: str, open_page: Callable[[str], GuardedPage]
) -> None:
    page = open_page("light").page
    page.goto(portal_url + path)
    wait_until_ready(page)
    pdf = page.pdf(format=fmt, print_background=False)
    assert 1 <= pdf_page_count(pdf) <= 2


@pytest.mark.parametrize("path", ["sites/albany-ny/", "resources/lead-community-toolkit/"])
def test_print_shows_content_only_with_external_link_targets(
    path: str, portal_url: str, open_page: Callable[[str], GuardedPage]
) -> None:
    page = open_page("light").page
    page.goto(portal_url + path)
    wait_until_ready(page)
    assert not page.is_visible(".lp-print-only")
    page.emulate_media(media="print")
    origin = page.inner_text(".lp-print-only")
    assert origin.endswith("https://portal.leadbureau.org/" + path), "printout names its page"
    for selector in (".md-header", ".md-tabs", ".md-footer", ".md-sidebar--primary", ".md-search"):
        hidden = page.eval_on_selector(selector, "el => getComputedStyle(el).display === 'none'")
        assert hidden, selector
    links = page.evaluate(
        """() => [...document.querySelectorAll('.md-content a[href]')]
            .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"""
    )
    external = [(href, after) for href, after in links if href.startswith("http")]
    assert external, f"{path} links another site"
    for href, after in external:
        assert href in after, href
    for href, after in links:
        if not href.startswith(("http", "#")):
            assert href not in after, "internal links print without their address"


@pytest.mark.parametrize(
    "path", ["", "sites/", "sites/seattle-king-county/", "resources/", "sitemap/", "glossary/"]
)
def test_pages_read_without_javascript(path: str, chromium: Browser, portal_url: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(portal_url + path)
        assert page.locator("h1").first.is_visible()
        assert len(page.inner_text(".md-content")) > 200
        if path == "":
            assert page.locator("li[data-stage]").count() >= 1
    finally:
        context.close()


def test_not_found_page_links_work_at_any_depth(
    built_real_portal: Path, portal_url: str, open_page: Callable[[str], GuardedPage]
) -> None:
    """Hosts serve 404.html at the missing address itself, however deep it is."""
    guarded = open_page("light")
    not_found = (built_real_portal / "404.html").read_bytes()
    missing = portal_url + "sites/no/such/page/"
    guarded.page.route(
        missing, lambda route: route.fulfill(status=404, body=not_found, content_type="text/html")
    )
    guarded.page.goto(missing)
    wait_until_ready(guarded.page)
    assert guarded.page.locator("h1").inner_text() == "Page not found"
    assert axe_violations(guarded.page) == []
    for name, path in [("Participating sites", "sites/"), ("Resource library", "resources/")]:
        guarded.page.goto(missing)
        guarded.page.locator(".md-content").get_by_role("link", name=name).click()
        guarded.page.wait_for_url(portal_url + path)
        assert guarded.page.locator("h1").first.is_visible()
    assert [u for u in guarded.blocked_requests if not allowed_elsewhere(u)] == []
    assert guarded.page_errors == []
    # The browser logs the page's own 404 status (and blocked map tiles, where the sites page
    # embeds a map); a missing asset would add another 404.
    statuses = [e for e in guarded.console_errors if "status of 404" in e]
    others = [e for e in guarded.console_errors if "status of 404" not in e]
    assert len(statuses) == 3
    assert others == [] or (
        guarded.blocked_requests and all(e.startswith("Failed to load resource") for e in others)
    )
