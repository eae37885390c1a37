"""Site pages, state pages and the summary in Chromium: search finds sites, axe, the form link."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from chromium_pages import GuardedPage, axe_violations


def search_results(guarded: GuardedPage, base: str, query: str) -> list[str]:
    """The addresses Material's search box lists for `query`, best first."""
    page = guarded.page
    page.goto(base + "about/")
    page.click("input.md-search__input")
    # Once the index is loaded, one keyup searches for the whole query (no partial queries).
    page.wait_for_selector(".md-search-result__meta:has-text('Type to start searching')")
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")
    page.locator(".md-search-result__item a").first.wait_for()
    links: list[str] = page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))"
    )
    # search.highlight adds ?h=<query> to each address
    return [link.removeprefix(base).split("?")[0] for link in links]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Ithaca", "sites/ithaca/"),  # city
        ("Bangor", "sites/bangor/"),  # city
        ("Tompkins", "sites/ithaca/"),  # a county named only in partners and the place
        ("Health Equity Alliance", "sites/bangor/"),  # a partner's name
    ],
)
def test_search_puts_the_site_first(
    query: str,
    expected: str,
    built_real_portal: Path,
    serve_dir: Callable[[Path], str],
    guarded_page: GuardedPage,
) -> None:
    results = search_results(guarded_page, serve_dir(built_real_portal), query)
    assert results[0] == expected, results
    guarded_page.assert_clean()


# Words that other pages use too (a state's own page, "community" in document titles) may
# rank those first; the site is still among the results.
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Wisconsin", "sites/milwaukee/"),
        ("West Virginia", "sites/huntington-wv/"),
        ("Restorative Community Programs", "sites/alamosa/"),  # a partner's name
    ],
)
def test_search_by_state_or_common_words_finds_the_site(
    query: str,
    expected: str,
    built_real_portal: Path,
    serve_dir: Callable[[Path], str],
    guarded_page: GuardedPage,
) -> None:
    results = search_results(guarded_page, serve_dir(built_real_portal), query)
    assert expected in results, results
    guarded_page.assert_clean()


@pytest.mark.parametrize(
    "path",
    [
        "sites/seattle-king-county/",
        "sites/watauga-county/",  # a contact with a phone number
        "sites/states/wa/",
        "sites/states/",
        "sites/summary/",
    ],
)
def test_axe_finds_no_violation(
    path: str,
    built_real_portal: Path,
    serve_dir: Callable[[Path], str],
    guarded_page: GuardedPage,
) -> None:
    guarded_page.page.goto(serve_dir(built_real_portal) + path)
    assert axe_violations(guarded_page.page) == []
    guarded_page.assert_clean()


def test_axe_finds_no_violation_on_a_hostile_site_page(
    built_fixture: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    page.goto(serve_dir(built_fixture) + "sites/quotes-and-script/")
    assert axe_violations(page) == []
    assert "<script>alert('x')</script>" in page.inner_text("h1")  # shown, not run
    guarded_page.assert_clean()


def test_suggest_a_correction_opens_the_form_with_the_site_filled_in(
    built_real_portal: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    page.goto(serve_dir(built_real_portal) + "sites/bangor/")
    page.click("text=Suggest a correction")
    page.wait_for_url("**/contact/suggest-a-correction/?site=bangor")
    assert page.input_value("[name=site]") == "bangor"
    guarded_page.assert_clean()


def test_site_page_links_its_state_and_the_list(
    built_real_portal: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    base = serve_dir(built_real_portal)
    page.goto(base + "sites/bangor/")
    page.click(".lp-sites-nav >> text=LEAD® sites in Maine")
    page.wait_for_url(base + "sites/states/me/")
    assert page.is_visible("th[scope=row] >> text=Bangor LEAD")
    page.click("text=National summary")
    page.wait_for_url(base + "sites/summary/")
    assert page.is_visible("caption >> text=Public LEAD® sites by stage")
    guarded_page.assert_clean()
