"""No hostile payload runs in Chromium: every page of the inert build is opened, every
element of its content hovered, focused and clicked, and the search shows the payloads;
any dialog, navigation away, request to another host or policy violation fails the test."""

from __future__ import annotations

from pathlib import Path

from page_walk import (
    only_the_map_asked,
    serve_site,
    stand_in_tiles,
    violations,
    visit,
    watch_policy,
)
from playwright.sync_api import Page
from site_files import page_urls

# Fires the events an attacker's handlers wait for on every element of the page content;
# web, mail and phone links and submit buttons are not clicked (they navigate by design),
# links to any other scheme (javascript:, data:, ...) are.
POKE_CONTENT = """() => {
  const content = document.querySelector("article.md-content__inner");
  if (!content) return 0;
  const elements = [...content.querySelectorAll("*")];
  for (const el of elements) {
    for (const type of ["mouseover", "mouseenter", "mousemove", "pointerover"]) {
      el.dispatchEvent(new MouseEvent(type, {bubbles: true}));
    }
    if (typeof el.focus === "function") el.focus();
    const link = el.closest("a[href]");
    // Schemes handed to another app (a maps app for geo:) need a real user's click.
    const harmless = link && ["http:", "https:", "mailto:", "tel:", "geo:"].includes(link.protocol);
    if (!harmless && !el.closest("button, input[type=submit], form")) el.click();
  }
  return elements.length;
}"""


def poke(page: Page, url: str) -> list[str]:
    touched = page.evaluate(POKE_CONTENT)
    page.wait_for_timeout(20)
    found = [f"{url}: {v}" for v in violations(page)]
    if page.url.split("#")[0] != url.split("#")[0]:
        found.append(f"{url}: navigated to {page.url} after {touched} elements were poked")
    return found


def search(page: Page, base: str, words: str) -> int:
    assert visit(page, base) == []
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially(words, delay=10)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(200)
    return page.locator(".md-search-result__item").count()


def test_no_payload_runs(hostile_site: Path, serve_dir, guarded_page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = guarded_page.page
    watch_policy(page)
    askers = stand_in_tiles(page, "tile.example.org")  # the hostile portal's tiles
    base = serve_site(serve_dir, hostile_site, tmp_path)
    urls = [base + path for path in page_urls(hostile_site)]
    assert len(urls) > 20
    problems = []
    for url in urls:
        problems += visit(page, url)
        problems += poke(page, url)
    assert problems == []
    assert only_the_map_asked(askers) == []
    guarded_page.assert_clean()


def test_search_results_show_payloads_as_text(
    hostile_site: Path, serve_dir, guarded_page, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    page = guarded_page.page
    watch_policy(page)
    base = serve_site(serve_dir, hostile_site, tmp_path)
    assert search(page, base, "alert script") >= 1
    assert "<script>alert(1)</script>" in page.locator(".md-search-result").inner_text()
    assert "<script>alert" not in page.locator(".md-search-result").inner_html()
    assert violations(page) == []
    guarded_page.assert_clean()
