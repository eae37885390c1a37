"""Links between generated pages are relative, so the portal works below any path."""

from __future__ import annotations

import pytest

from leadportal.render.urls import page_url, relative_url

CASES = [
    ("sites/seattle/", "sites/", "../"),
    ("sites/seattle/", "sites/states/wa/", "../states/wa/"),
    ("sites/seattle/", "sites/seattle/", "./"),
    ("sites/seattle/", "assets/leadportal/sites.css", "../../assets/leadportal/sites.css"),
    ("", "sites/", "sites/"),
    ("sites/", "", "../"),
    ("", "", "./"),
    ("resources/", "resources/#lp-all-heading", "./#lp-all-heading"),
    ("sites/", "resources/guide/#about", "../resources/guide/#about"),
    ("sites/map/index.html", "assets/vendor/leaflet.js", "../../assets/vendor/leaflet.js"),
    ("sites/map/index.html", "sites/seattle/", "../seattle/"),
]


@pytest.mark.parametrize(("here", "target", "expected"), CASES)
def test_relative_links(here: str, target: str, expected: str) -> None:
    assert relative_url(here, target) == expected


@pytest.mark.parametrize(
    ("path", "url"),
    [("index.md", ""), ("sites/index.md", "sites/"), ("sites/seattle.md", "sites/seattle/")],
)
def test_page_urls(path: str, url: str) -> None:
    assert page_url(path) == url
