"""The home page of the real portal in Chromium: "Find LEAD near you" first (a labelled field,
a form to sites/ that works without script and, with it, opens the list sorted by distance
with the place after the `#`), then the map, then the stage cards as links to stage pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote_plus, urlsplit

import pytest
from chromium_pages import GuardedPage, guard_page

expect = pytest.importorskip("playwright.sync_api").expect


def test_the_home_page_leads_with_find_lead_near_you_then_the_map(
    built_real_portal: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    page.goto(serve_dir(built_real_portal))
    field = page.get_by_label("City, county, ZIP code or state")
    assert field.count() == 1
    form = page.locator("form[data-lp-home-near]")
    assert form.get_attribute("method") == "get" and form.get_attribute("action") == "sites/"
    order = page.eval_on_selector_all(
        "form[data-lp-home-near], .lp-home__map iframe, .lp-home__counts",
        "els => els.map(e => Math.round(e.getBoundingClientRect().top))",
    )
    assert order == sorted(order) and len(order) == 3
    # The preview draws the outlines without tiles: the home page asks no other host.
    assert page.get_attribute(".lp-home__map iframe", "src") == "sites/map/?preview"
    page.locator(".lp-home__map iframe").scroll_into_view_if_needed()
    page.wait_for_timeout(1500)  # the lazy frame and its scripts
    guarded_page.assert_clean()


def test_with_script_the_box_opens_the_list_sorted_by_distance(
    built_real_portal: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    page.goto(serve_dir(built_real_portal))
    page.get_by_label("City, county, ZIP code or state").fill("Seattle, WA")
    page.get_by_role("button", name="Find sites").click()
    page.wait_for_url("**/sites/#near=*")
    assert unquote_plus(urlsplit(page.url).fragment) == "near=Seattle, WA"
    assert urlsplit(page.url).query == ""  # the place never went to the server
    expect(page.locator("[data-lp-near-status]")).to_contain_text(
        "Sorted by distance from Seattle, WA: nearest is Seattle & King County LEAD"
    )


def test_without_script_the_box_lands_on_the_list_and_sends_no_place(
    built_real_portal: Path, serve_dir: Callable[[Path], str], chromium: object
) -> None:
    context = chromium.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = guard_page(context.new_page()).page
        page.goto(serve_dir(built_real_portal))
        page.get_by_label("City, county, ZIP code or state").fill("98104")
        page.get_by_role("button", name="Find sites").click()
        page.wait_for_url("**/sites/*")
        assert urlsplit(page.url).path == "/sites/"
        assert "98104" not in page.url
        assert page.locator("tr.lp-site-row").count() > 10
    finally:
        context.close()


def test_stage_cards_are_links_to_the_stage_pages(
    built_real_portal: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    base = serve_dir(built_real_portal)
    page.goto(base)
    cards = page.eval_on_selector_all(
        "ul.lp-counts > li",
        "items => items.map(li => [li.dataset.stage, li.querySelector('a').getAttribute('href'),"
        " li.querySelector('a .lp-count').textContent])",
    )
    assert len(cards) >= 3
    for stage, href, count in cards:
        assert href == f"sites/stages/{stage}/"
        assert (built_real_portal / href / "index.html").is_file(), href
        page.goto(base + href)
        assert page.locator("tbody tr").count() == int(count), stage
