"""Site pages, state pages and the summary in Chromium: search finds sites, axe, the form link."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from chromium_pages import GuardedPage, axe_violations
from contrast import contrast


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


def _hex(rgb: str) -> str:
    """`rgb(r, g, b)` as the browser computes it, as #rrggbb."""
    parts = rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]
    return "#" + "".join(f"{int(float(p)):02x}" for p in parts)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_summary_bars_stand_out_in_both_schemes(
    scheme: str,
    built_real_portal: Path,
    serve_dir: Callable[[Path], str],
    chromium: Any,
) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(serve_dir(built_real_portal) + "sites/summary/")
    bar = page.eval_on_selector(".lp-bar", "e => getComputedStyle(e).borderTopColor")
    background = page.evaluate(
        "getComputedStyle(document.querySelector('.md-main')).backgroundColor === "
        "'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor : "
        "getComputedStyle(document.querySelector('.md-main')).backgroundColor"
    )
    context.close()
    assert contrast(_hex(bar), _hex(background)) >= 3, (scheme, bar, background)


@pytest.mark.parametrize(("width", "fits"), [(1280, True), (375, False)])
def test_summary_state_table_is_never_clipped(
    width: int,
    fits: bool,
    built_real_portal: Path,
    serve_dir: Callable[[Path], str],
    chromium: Any,
) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(serve_dir(built_real_portal) + "sites/summary/")
    region = page.locator(".lp-scroll")
    sizes = region.evaluate(
        "e => [e.scrollWidth, e.clientWidth, e.tabIndex, e.getAttribute('role')]"
    )
    last_head = page.locator(".lp-scroll thead th").last
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(400)  # smooth scrolling
    moved = region.evaluate("e => e.scrollLeft") > 0
    region.evaluate("e => { e.style.scrollBehavior = 'auto'; e.scrollLeft = e.scrollWidth; }")
    seen = last_head.evaluate(
        "th => { const r = th.getBoundingClientRect(), w = th.closest('.lp-scroll')"
        ".getBoundingClientRect(); return r.right <= w.right + 1 && r.left >= w.left - 1; }"
    )
    context.close()
    scroll_width, client_width, tab_index, role = sizes
    assert role == "region" and tab_index == 0, "the table's region takes keyboard focus"
    if fits:
        assert scroll_width <= client_width + 1, f"clipped at {width} px: {sizes}"
    else:
        assert moved, f"the arrow keys do not scroll the table at {width} px"
    assert seen, f"the last column cannot be brought into view at {width} px"
