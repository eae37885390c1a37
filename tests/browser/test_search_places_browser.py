"""A place or ZIP code typed in the search box offers the nearest sites above the results,
announced as a status; a word that is not a place offers nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from chromium_pages import GuardedPage, guard_page
from playwright.sync_api import Browser

SUGGESTION = ".lp-search-places"


@pytest.fixture(scope="module")
def portal_url(built_real_portal: Path, serve_session: Callable[[Path], str]) -> str:
    return serve_session(built_real_portal)


@pytest.fixture
def searching(chromium: Browser, portal_url: str) -> Iterator[GuardedPage]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    guarded = guard_page(context.new_page())
    guarded.page.goto(portal_url + "resources/")
    guarded.page.wait_for_load_state("networkidle")
    guarded.page.keyboard.press("/")
    yield guarded
    context.close()


def test_a_city_name_offers_its_nearest_site(searching: GuardedPage) -> None:
    page = searching.page
    page.keyboard.type("Albuquerque")
    box = page.locator(SUGGESTION)
    box.locator("li").first.wait_for()
    assert box.get_attribute("role") == "status"
    assert "Nearest LEAD sites to Albuquerque, NM" in box.inner_text()
    first = box.locator("li a").first
    assert first.get_attribute("href", timeout=1000).endswith("sites/santa-fe/")
    assert box.locator("li").count() == 3
    more = box.locator("a", has_text="All sites by distance")
    assert more.get_attribute("href").endswith("sites/#near=Albuquerque")
    searching.assert_clean()


def test_a_zip_code_puts_seattle_area_sites_first(searching: GuardedPage) -> None:
    page = searching.page
    page.keyboard.type("98101")
    box = page.locator(SUGGESTION)
    box.locator("li").first.wait_for()
    hrefs = [a.get_attribute("href") or "" for a in box.locator("li a").all()]
    assert hrefs[0].endswith("sites/seattle-king-county/")
    assert all(any(wa in h for wa in ("seattle", "snohomish", "thurston")) for h in hrefs)
    searching.assert_clean()


def test_a_word_that_is_no_place_offers_nothing(searching: GuardedPage) -> None:
    page = searching.page
    page.keyboard.type("evaluation")
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(800)
    assert page.locator(SUGGESTION).inner_text().strip() == ""


def test_the_suggestion_is_reached_with_the_keyboard(searching: GuardedPage) -> None:
    page = searching.page
    page.keyboard.type("Albuquerque")
    page.locator(SUGGESTION + " li a").first.wait_for()
    inside = "document.activeElement.closest('.lp-search-places') !== null"
    for _ in range(3):  # past the theme's "clear" and "share" buttons, before any result
        page.keyboard.press("Tab")
        if page.evaluate(inside):
            break
    assert page.evaluate(inside)
    assert "santa-fe" in page.evaluate("document.activeElement.getAttribute('href')")
