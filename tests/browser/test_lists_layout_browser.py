"""The lists come first on a phone: on /sites/ and /resources/ of the real portal at 375 px
the first site row and the first document start within the first 1,200 px, the filter panels
are folded into their headings (and open when asked), and on a desktop they are open."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from chromium_pages import GuardedPage, guard_page

Browser = object  # playwright's Browser (imported lazily by the conftest)

PHONE = {"viewport": {"width": 375, "height": 812}, "color_scheme": "dark"}
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"}
FIRST_ITEM = {"sites/": "tr.lp-site-row", "resources/": ".lp-library-list > li"}


@pytest.fixture
def open_page(chromium: Browser) -> Iterator[Callable[[dict[str, object]], GuardedPage]]:
    contexts = []

    def open_with(options: dict[str, object]) -> GuardedPage:
        context = chromium.new_context(**options)  # type: ignore[attr-defined]
        contexts.append(context)
        # The embedded map's tile requests are aborted by the guard: the map is not the
        # subject here (its own tests cover the tiles).
        return guard_page(context.new_page())

    yield open_with
    for context in contexts:
        context.close()


def top_of(page: object, selector: str) -> float:
    return page.eval_on_selector(  # type: ignore[attr-defined,no-any-return]
        selector, "e => e.getBoundingClientRect().top + window.scrollY"
    )


@pytest.mark.parametrize("path", list(FIRST_ITEM))
def test_on_a_phone_the_first_item_of_the_list_is_within_1200_px(
    path: str,
    built_real_portal: Path,
    serve_dir: Callable[[Path], str],
    open_page: Callable[[dict[str, object]], GuardedPage],
) -> None:
    page = open_page(PHONE).page
    page.goto(serve_dir(built_real_portal) + path)
    page.wait_for_selector("[data-lp-filters]:not([hidden])")
    assert top_of(page, FIRST_ITEM[path]) < 1200
    assert page.eval_on_selector("[data-lp-filters] details", "d => d.open") is False
    page.click("[data-lp-filters] summary")
    assert page.is_visible("[data-lp-filters] input[type=checkbox]")


@pytest.mark.parametrize("path", list(FIRST_ITEM))
def test_on_a_desktop_the_filter_panel_is_open_and_counts_are_inline(
    path: str,
    built_real_portal: Path,
    serve_dir: Callable[[Path], str],
    open_page: Callable[[dict[str, object]], GuardedPage],
) -> None:
    page = open_page(DESKTOP).page
    page.goto(serve_dir(built_real_portal) + path)
    page.wait_for_selector("[data-lp-filters]:not([hidden])")
    assert page.eval_on_selector("[data-lp-filters] details", "d => d.open") is True
    count, label = page.eval_on_selector(
        "[data-lp-filters] [data-lp-count]",
        """c => [getComputedStyle(c), getComputedStyle(c.closest('label'))]
            .map(s => [s.display, s.fontWeight, s.fontSize])""",
    )
    assert count[0] == "inline"
    assert count[1] == "400"
    assert count[2] == label[2]  # the count is as large as its label, not a headline


def test_a_choice_in_the_address_opens_the_folded_panel(
    built_real_portal: Path,
    serve_dir: Callable[[Path], str],
    open_page: Callable[[dict[str, object]], GuardedPage],
) -> None:
    page = open_page(PHONE).page
    page.goto(serve_dir(built_real_portal) + "sites/?stage=operating")
    page.wait_for_selector("[data-lp-filters]:not([hidden])")
    assert page.eval_on_selector("[data-lp-filters] details", "d => d.open") is True
    assert page.is_checked("[data-lp-filters] input[name=stage][value=operating]")


LINES_PER_CELL = """cells => cells.map(cell => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const tops = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
    return [cell.textContent.trim(), tops.size];
})"""


@pytest.mark.parametrize("path", list(FIRST_ITEM))
def test_on_a_desktop_generated_lists_have_no_empty_contents_column(
    path: str,
    built_real_portal: Path,
    serve_dir: Callable[[Path], str],
    open_page: Callable[[dict[str, object]], GuardedPage],
) -> None:
    page = open_page(DESKTOP).page
    page.goto(serve_dir(built_real_portal) + path)
    assert page.is_hidden(".md-sidebar--secondary")
    assert page.eval_on_selector(".md-content", "e => e.getBoundingClientRect().width") > 900


def test_on_a_desktop_place_names_of_the_sites_list_do_not_wrap(
    built_real_portal: Path,
    serve_dir: Callable[[Path], str],
    open_page: Callable[[dict[str, object]], GuardedPage],
) -> None:
    page = open_page(DESKTOP).page
    page.goto(serve_dir(built_real_portal) + "sites/")
    lines = page.eval_on_selector_all("tr.lp-site-row > td:nth-of-type(1)", LINES_PER_CELL)
    assert len(lines) > 10
    assert [place for place, count in lines if count > 1] == []
