"""The search index loads when a visitor first uses search, never with the page itself, and
search then works as before: by keyboard, by tapping the search button on a phone, and
highlighting on the page a result leads to."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from chromium_pages import GuardedPage, guard_page
from playwright.sync_api import Browser, Page

INDEX = "search/search_index.json"
PAGES = ["", "sites/", "sites/seattle-king-county/", "resources/", "contact/", "sitemap/"]


@pytest.fixture(scope="module")
def portal_url(built_real_portal: Path, serve_session: Callable[[Path], str]) -> str:
    return serve_session(built_real_portal)


@pytest.fixture
def open_page(
    chromium: Browser,
) -> Iterator[Callable[[dict[str, int]], tuple[GuardedPage, list[str]]]]:
    contexts = []

    def open_with(viewport: dict[str, int]) -> tuple[GuardedPage, list[str]]:
        context = chromium.new_context(viewport=viewport)  # type: ignore[arg-type]
        contexts.append(context)
        guarded = guard_page(context.new_page())
        asked: list[str] = []
        guarded.page.on("request", lambda request: asked.append(request.url))
        return guarded, asked

    yield open_with
    for context in contexts:
        context.close()


WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


def settled(page: Page) -> None:
    """Loaded, and given time for any request a script would make on its own."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def index_requests(asked: list[str]) -> int:
    return sum(url.split("?")[0].endswith(INDEX) for url in asked)


@pytest.mark.parametrize("path", PAGES)
def test_no_page_loads_the_search_index_before_search_is_used(
    path: str, portal_url: str, open_page: Callable[[dict[str, int]], tuple[GuardedPage, list[str]]]
) -> None:
    guarded, asked = open_page(WIDE)
    guarded.page.goto(portal_url + path)
    settled(guarded.page)
    assert any(url.endswith("bundle.a5f9d56c.min.js") for url in asked)  # Material did start
    assert index_requests(asked) == 0
    assert guarded.page_errors == []  # (console errors: /sites/ asks for blocked map tiles)


def test_the_first_key_press_loads_the_index_once_and_finds_the_site(
    portal_url: str, open_page: Callable[[dict[str, int]], tuple[GuardedPage, list[str]]]
) -> None:
    guarded, asked = open_page(WIDE)
    guarded.page.goto(portal_url)
    settled(guarded.page)
    guarded.page.keyboard.press("/")
    guarded.page.keyboard.type("Santa Fe")
    result = guarded.page.locator(".md-search-result__item a").first
    result.wait_for()
    assert "santa-fe" in (result.get_attribute("href") or "")
    guarded.page.keyboard.press("Escape")
    guarded.page.keyboard.press("/")
    guarded.page.keyboard.type(" county")
    settled(guarded.page)
    assert index_requests(asked) == 1
    guarded.assert_clean()


def test_tapping_search_on_a_phone_loads_the_index(
    portal_url: str, open_page: Callable[[dict[str, int]], tuple[GuardedPage, list[str]]]
) -> None:
    guarded, asked = open_page(PHONE)
    guarded.page.goto(portal_url + "resources/")
    settled(guarded.page)
    guarded.page.locator("label.md-header__button[for='__search']").click()
    guarded.page.keyboard.type("toolkit")
    guarded.page.locator(".md-search-result__item a").first.wait_for()
    assert index_requests(asked) == 1


def test_a_page_opened_from_a_result_highlights_the_words(
    portal_url: str, open_page: Callable[[dict[str, int]], tuple[GuardedPage, list[str]]]
) -> None:
    guarded, asked = open_page(WIDE)
    guarded.page.goto(portal_url + "sites/seattle-king-county/?h=seattle")
    guarded.page.locator("article mark").first.wait_for()
    assert index_requests(asked) == 1
