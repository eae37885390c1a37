"""Open every page of a built site in a guarded Chromium page and collect what went wrong."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, Route
from site_files import page_urls

# Runs before any script of the page: records every Content Security Policy violation.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " blocked " + event.blockedURI);
});
"""


def watch_policy(page: Page) -> None:
    page.add_init_script(RECORD_VIOLATIONS)


def violations(page: Page) -> list[str]:
    return list(page.evaluate("window.__cspViolations || []"))


def visit(page: Page, url: str) -> list[str]:
    """Open `url`; return its policy violations and any navigation away from it."""
    page.goto(url, wait_until="load")
    page.wait_for_timeout(50)  # let deferred theme scripts run
    found = [f"{url}: {v}" for v in violations(page)]
    if page.url.split("#")[0] != url.split("#")[0]:
        found.append(f"{url}: navigated to {page.url}")
    return found


def visit_all(page: Page, base_url: str, site: Path) -> list[str]:
    """Every HTML file of `site` (served at `base_url`), opened one after the other."""
    watch_policy(page)
    return [problem for path in page_urls(site) for problem in visit(page, base_url + path)]


def serve_site(serve_dir: Callable[[Path], str], site: Path, scratch: Path) -> str:
    """Serve `site` under the path of its `site_url` (404 pages link assets from there)."""
    prefix = site_path(site)
    if not prefix:
        return serve_dir(site)
    root = scratch / "served"
    (root / prefix).parent.mkdir(parents=True, exist_ok=True)
    (root / prefix).symlink_to(site.resolve(), target_is_directory=True)
    return serve_dir(root) + prefix + "/"


def site_path(site: Path) -> str:
    """The path of the site URL (`lead` for https://example.org/lead/): its shortest sitemap URL."""
    sitemap = site / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8") if sitemap.is_file() else ""
    locations = re.findall(r"<loc>([^<]*)</loc>", text)
    return urlsplit(min(locations, key=len)).path.strip("/") if locations else ""


# A transparent 1x1 PNG: what the stand-in tile server answers.
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII="
)


def stand_in_tiles(page: Page, host: str) -> list[str]:
    """Answer requests to the tile `host` with a blank tile instead of blocking them (the map
    document may ask it, nothing else may). Returns the growing list of the documents that
    asked, so a walk can check that only the map did."""
    askers: list[str] = []

    def answer(route: Route) -> None:
        askers.append(route.request.frame.url)
        route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)

    page.route(f"https://{host}/**", answer)  # registered last, so it wins over the guard
    return askers


def only_the_map_asked(askers: list[str]) -> list[str]:
    return [url for url in askers if not url.split("#")[0].endswith("sites/map/")]
