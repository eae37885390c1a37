"""/sites/summary/ in Chromium: the state table fits a desktop column, scrolls by keyboard in
its own region on a phone, and its stage bars stand out from the background in both schemes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from chromium_pages import guard_page, wait_until_true
from contrast import contrast
from playwright.sync_api import Browser

REGION = ".lp-scroll"


def open_summary(chromium: Browser, base: str, width: int, scheme: str):  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    guarded = guard_page(page)
    page.goto(base + "sites/summary/")
    return context, guarded


def test_state_table_fits_the_desktop_column(
    chromium: Browser, serve_session: Callable[[Path], str], offline_real_site: Path
) -> None:
    context, guarded = open_summary(chromium, serve_session(offline_real_site), 1280, "light")
    region = guarded.page.locator(REGION)
    widths = region.evaluate("r => [r.scrollWidth, r.clientWidth]")
    assert widths[0] <= widths[1], f"state table {widths[0]} px in a {widths[1]} px column"
    guarded.assert_clean()
    context.close()


def test_state_table_scrolls_by_keyboard_on_a_phone(
    chromium: Browser, serve_session: Callable[[Path], str], offline_real_site: Path
) -> None:
    context, guarded = open_summary(chromium, serve_session(offline_real_site), 375, "dark")
    page = guarded.page
    region = page.get_by_role("region", name="Sites by state")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    region.focus()
    assert region.evaluate("r => r === document.activeElement")
    assert region.evaluate("r => getComputedStyle(r).outlineStyle") != "none"
    page.keyboard.press("ArrowRight")
    wait_until_true(page, "document.activeElement.scrollLeft > 0", timeout=1.0)
    guarded.assert_clean()
    context.close()


def hex_colour(rgb: str) -> str:
    parts = rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")
    return "#" + "".join(f"{int(float(p)):02x}" for p in parts[:3])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_stage_bars_have_3_to_1_contrast(
    chromium: Browser, serve_session: Callable[[Path], str], offline_real_site: Path, scheme: str
) -> None:
    context, guarded = open_summary(chromium, serve_session(offline_real_site), 1280, scheme)
    bar, background = guarded.page.evaluate(
        """() => [getComputedStyle(document.querySelector('.lp-bar')).borderTopColor,
                  getComputedStyle(document.body).backgroundColor]"""
    )
    ratio = contrast(hex_colour(bar), hex_colour(background))
    assert ratio >= 3.0, f"{scheme}: bar {bar} on {background} is {ratio:.2f}:1"
    context.close()
