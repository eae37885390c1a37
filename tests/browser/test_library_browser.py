"""The resource library in Chromium: facets, counts, the address, search, accessibility."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from chromium_pages import GuardedPage, axe_violations
from library_fixture import facet_items

from leadportal.render.facets import FACETS, facet_counts

Page = object  # playwright's Page (imported lazily by the conftest)


@pytest.fixture
def library(
    built_fixture: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> tuple[GuardedPage, str]:
    base = serve_dir(built_fixture)
    return guarded_page, base + "resources/"


def shown_slugs(page: object) -> list[str]:
    return page.eval_on_selector_all(  # type: ignore[attr-defined,no-any-return]
        "li.lp-entry:not([hidden])", "items => items.map(li => li.dataset.lpSlug)"
    )


def shown_counts(page: object) -> dict[str, dict[str, int]]:
    """facet -> value -> the count the page shows beside it."""
    pairs = page.eval_on_selector_all(  # type: ignore[attr-defined]
        ".lp-option input",
        """inputs => inputs.map(input => [input.name, input.value,
            document.querySelector(`label[for="${input.id}"] [data-lp-count]`).textContent])""",
    )
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    for facet, value, text in pairs:
        counts[facet][value] = int(text.strip("()"))
    return counts


def choose(page: object, facet: str, value: str) -> None:
    page.check(f'.lp-option input[name="{facet}"][value="{value}"]')  # type: ignore[attr-defined]


def status(page: object) -> str:
    return page.inner_text("[data-lp-status]")  # type: ignore[attr-defined,no-any-return]


def test_choosing_facets_narrows_the_list_and_the_counts(library: tuple[GuardedPage, str]) -> None:
    guarded, url = library
    page = guarded.page
    page.goto(url)
    assert page.is_visible("form.lp-filters")
    assert status(page) == "Showing all 4 documents."
    assert shown_counts(page) == facet_counts(facet_items(), {})

    choose(page, "topic", "implementation")
    assert shown_slugs(page) == ["systems-brief", "community-toolkit"]
    assert status(page) == "Showing 2 of 4 documents."
    counts = shown_counts(page)
    assert counts["kind"] == {"toolkit": 1, "evaluation": 0, "policy brief": 1, "template": 0}
    assert counts == facet_counts(facet_items(), {"topic": ["implementation"]})

    choose(page, "printable", "printable")
    assert shown_slugs(page) == ["community-toolkit"]
    selection = {"topic": ["implementation"], "printable": ["printable"]}
    assert shown_counts(page) == facet_counts(facet_items(), selection)
    guarded.assert_clean()


@pytest.mark.parametrize(
    ("selection", "query"),
    [
        ({"topic": ["harm reduction", "systems change"]}, ""),
        ({"audience": ["policymakers"], "stage": ["exploring"]}, ""),
        ({"kind": ["template", "toolkit"]}, ""),
        ({}, "referrals"),
        ({"printable": ["printable"]}, "case"),
    ],
)
def test_counts_in_the_browser_match_the_python_rules(
    library: tuple[GuardedPage, str], selection: dict[str, list[str]], query: str
) -> None:
    guarded, url = library
    page = guarded.page
    page.goto(url)
    for facet, values in selection.items():
        for value in values:
            choose(page, facet, value)
    if query:
        page.fill("#lp-q", query)
    assert shown_counts(page) == facet_counts(facet_items(), selection, query)
    guarded.assert_clean()


def test_the_address_restores_the_same_view(library: tuple[GuardedPage, str]) -> None:
    guarded, url = library
    page = guarded.page
    page.goto(url)
    choose(page, "topic", "evaluation")
    choose(page, "topic", "harm reduction")
    page.select_option("#lp-sort", "title")
    page.fill("#lp-q", "findings")
    address = page.evaluate("location.href")  # page.url can lag behind history.replaceState
    assert "topic=evaluation" in address and "sort=title" in address and "words=findings" in address
    view = (shown_slugs(page), shown_counts(page), status(page))
    assert view[0] == ["quotes-and-script-report"]

    fresh = page.context.new_page()
    fresh.route("**/*", lambda route: route.continue_())
    fresh.goto(address)
    assert (shown_slugs(fresh), shown_counts(fresh), status(fresh)) == view
    assert fresh.is_checked('input[name="topic"][value="evaluation"]')
    assert fresh.input_value("#lp-sort") == "title"
    assert fresh.input_value("#lp-q") == "findings"
    fresh.close()

    page.click("form.lp-filters button[type=reset]")
    assert len(shown_slugs(page)) == 4
    assert page.evaluate("location.href") == url
    guarded.assert_clean()


def test_sorting_by_title_and_by_date(library: tuple[GuardedPage, str]) -> None:
    guarded, url = library
    page = guarded.page
    page.goto(url)
    newest = ["systems-brief", "community-toolkit", "quotes-and-script-report", "no-topic-guide"]
    assert shown_slugs(page) == newest
    page.select_option("#lp-sort", "title")
    titles = page.eval_on_selector_all(
        ".lp-entry-title a", "links => links.map(a => a.textContent)"
    )
    assert titles == sorted(titles, key=str.lower)
    page.select_option("#lp-sort", "newest")
    assert shown_slugs(page) == newest
    guarded.assert_clean()


def test_keyboard_alone_can_filter_and_focus_is_visible(library: tuple[GuardedPage, str]) -> None:
    guarded, url = library
    page = guarded.page
    page.goto(url)
    page.focus("#lp-q")
    page.keyboard.press("Tab")  # to the order select
    page.keyboard.press("Tab")  # to the first kind of document
    focused = page.evaluate("document.activeElement.value")
    assert focused == "toolkit"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Space")
    assert shown_slugs(page) == ["community-toolkit"]
    assert status(page) == "Showing 1 of 4 documents."
    assert page.get_attribute("[data-lp-status]", "role") == "status"
    guarded.assert_clean()


def test_without_javascript_the_whole_list_is_there(
    built_fixture: Path, serve_dir: Callable[[Path], str], chromium: object
) -> None:
    context = chromium.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(serve_dir(built_fixture) + "resources/")
        assert page.locator("li.lp-entry").count() == 4
        assert all(page.locator("li.lp-entry").nth(i).is_visible() for i in range(4))
        assert not page.is_visible("form.lp-filters")
    finally:
        context.close()


@pytest.mark.parametrize(
    "path", ["resources/", "resources/community-toolkit/", "resources/topics/evaluation/"]
)
def test_axe_finds_nothing(
    built_fixture: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage, path: str
) -> None:
    guarded_page.page.goto(serve_dir(built_fixture) + path)
    assert axe_violations(guarded_page.page) == []
    guarded_page.assert_clean()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("referrals", "resources/community-toolkit/"),  # summary word, also on an ordinary page
        ("toolkit", "resources/community-toolkit/"),  # title
        ("template", "resources/no-topic-guide/"),  # kind and title
        ("systems", "resources/systems-brief/"),  # topic and title
    ],
)
def test_site_search_puts_documents_first(
    built_fixture: Path,
    serve_dir: Callable[[Path], str],
    guarded_page: GuardedPage,
    query: str,
    expected: str,
) -> None:
    page = guarded_page.page
    base = serve_dir(built_fixture)
    page.goto(base + "partners/")
    page.click("input.md-search__input")
    # Once the index is loaded, one keyup searches for the whole query (no partial queries).
    page.wait_for_selector(".md-search-result__meta:has-text('Type to start searching')")
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    results = page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert results[0] == base + expected, results
    guarded_page.assert_clean()
