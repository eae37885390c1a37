"""Deployed under a sub-path (https://example.org/lead/), every reference still resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from crawl import CrawlResult, crawl, html_pages, serve_under
from portals import copy_real_portal, set_site_url

from leadportal import cli

pytestmark = pytest.mark.slow  # every test here builds a whole portal

SITE_URL = "https://example.org/lead/"


def crawl_site(site_dir: Path) -> CrawlResult:
    with serve_under(site_dir, "/lead/") as base:
        start = [*html_pages(site_dir, base), base + "sitemap.xml"]
        return crawl(base, start, site_url=SITE_URL)


@pytest.fixture(scope="module")
def real_portal_under_subpath(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_real_portal(tmp_path_factory.mktemp("subpath") / "portal")
    set_site_url(root, SITE_URL)
    assert cli.main(["-f", str(root / "mkdocs.yml"), "schema"]) == 0  # their $id follows site_url
    assert cli.main(["-f", str(root / "mkdocs.yml"), "build"]) == 0
    return root / "site"


def assert_crawl_clean(site_dir: Path) -> CrawlResult:
    result = crawl_site(site_dir)
    assert len(result.pages) >= len(list(site_dir.rglob("*.html")))
    assert result.broken() == []
    public_external = [
        f"{link.source}: <{link.tag} {link.attribute}> {link.url}"
        for link in result.external(assets_only=True)
        if "/admin/" not in link.source
    ]
    assert public_external == [], "public pages must be self-contained"
    return result


def test_real_portal_resolves_every_reference_under_a_subpath(
    real_portal_under_subpath: Path,
) -> None:
    result = assert_crawl_clean(real_portal_under_subpath)
    assert any(link.tag == "sitemap" for link in result.links)


def test_fixture_portal_resolves_every_reference_under_a_subpath(built_fixture: Path) -> None:
    result = assert_crawl_clean(built_fixture)
    assert any(link.attribute == "action" for link in result.links) or not any(
        "<form" in p.read_text() for p in built_fixture.rglob("*.html")
    )


def test_crawler_reports_a_broken_reference(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<a href="ok/">ok</a><img src="/missing.png"><iframe src="map.html"></iframe>'
        '<form action="send/"></form><link rel="stylesheet" href="s.css">'
    )
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok/index.html").write_text('<a href="../#top">top</a>')
    (tmp_path / "s.css").write_text("body{background:url('bg.png')}")
    broken = [re.sub(r":\d+/", ":PORT/", line) for line in crawl_site(tmp_path).broken()]
    assert broken == [
        "http://127.0.0.1:PORT/lead/: <form action> http://127.0.0.1:PORT/lead/send/ -> 404",
        "http://127.0.0.1:PORT/lead/: <iframe src> http://127.0.0.1:PORT/lead/map.html -> 404",
        "http://127.0.0.1:PORT/lead/: <img src> http://127.0.0.1:PORT/missing.png -> 404",
        "http://127.0.0.1:PORT/lead/s.css: <css url> http://127.0.0.1:PORT/lead/bg.png -> 404",
    ]


def test_crawler_reports_missing_fragments(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<h1 id="top">x</h1><a href="#top">a</a><a href="#nope">b</a>'
    )
    assert [line.rsplit("#", 1)[1] for line in crawl_site(tmp_path).missing_fragments()] == ["nope"]
