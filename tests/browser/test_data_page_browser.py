"""The /data/ page of the real portal in a browser: every download answers, nothing leaves
127.0.0.1, and axe finds no WCAG A/AA violation in the page's own markup.

Colour contrast is left out here: the theme palette (teal links) fails it on every page, and
the palette belongs to the look of the portal, not to this page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from axe_allowlist import ALLOWED
from axe_playwright_python.sync_playwright import Axe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def violations(page: Any) -> list[str]:
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "rules": {"color-contrast": {"enabled": False}},
        "resultTypes": ["violations"],
    }
    response = Axe().run(page, options=options).response
    return [
        f"{v['id']}: {' '.join(map(str, node['target']))}"
        for v in response["violations"]
        for node in v["nodes"]
        if (v["id"], " ".join(map(str, node["target"]))) not in ALLOWED
    ]


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
    assert violations(page) == []
    guarded_page.assert_clean()
