"""The breadcrumb trail reads as one line, as a trail, not as a list of one crumb per line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser


@pytest.mark.parametrize("width", [375, 1280])
def test_breadcrumb_is_one_line_at_the_start_of_the_column(
    chromium: Browser, serve_session: Callable[[Path], str], offline_real_site: Path, width: int
) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(serve_session(offline_real_site) + "sites/seattle-king-county/")
        crumbs = page.locator(".lp-breadcrumb li")
        assert crumbs.count() >= 3
        tops = crumbs.evaluate_all(
            "items => items.map(i => Math.round(i.getBoundingClientRect().top))"
        )
        assert len(set(tops)) == 1, f"crumbs on {len(set(tops))} lines at {width} px"
        trail_left, title_left = page.evaluate(
            """() => [document.querySelector('.lp-breadcrumb ol').getBoundingClientRect().left,
                      document.querySelector('.md-content h1').getBoundingClientRect().left]"""
        )
        assert abs(trail_left - title_left) < 2, "the trail is indented like a list"
    finally:
        context.close()
