"""The /data/ page of the real portal in a browser: every download answers, nothing leaves
127.0.0.1, and axe finds no WCAG A/AA violation (colour contrast included)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from chromium_pages import axe_violations


def test_data_page_downloads_answer_and_page_is_accessible(
    built_real_portal: Path, serve_dir: Callable[[Path], str], guarded_page: Any
) -> None:
    base = serve_dir(built_real_portal)
    page = guarded_page.page
    page.goto(base + "about/")
    page.get_by_role("link", name="Open data").click()
    page.wait_for_url(base + "data/")
    assert page.get_by_role("heading", name="Open data", level=1).is_visible()
    hrefs = page.eval_on_selector_all(
        "article a[download], article a[href$='feed.xml']", "links => links.map(a => a.href)"
    )
    assert len(hrefs) >= 19
    for href in hrefs:
        response = page.request.get(href)
        assert response.status == 200, href
        assert response.body(), href
    assert axe_violations(page, allowed={}) == []
    guarded_page.assert_clean()
