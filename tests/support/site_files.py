"""What a built site holds, for the tests that walk all of it."""

from __future__ import annotations

from pathlib import Path

EDITOR_FOLDER = (
    "admin"  # Decap's page: its own policy and no theme (tests/browser/test_admin_browser.py)
)


def html_files(site: Path) -> list[Path]:
    """Every HTML file of a built site, sorted, the 404 page and the map document included.

    The web editor at /admin/ is left out: it is Decap CMS's page, not a portal page.
    """
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != EDITOR_FOLDER)


def page_urls(site: Path) -> list[str]:
    """Every HTML file as a URL path relative to the site root (`sites/x/` for index files)."""
    urls = []
    for file in html_files(site):
        relative = file.relative_to(site).as_posix()
        urls.append(relative.removesuffix("index.html"))
    return urls
