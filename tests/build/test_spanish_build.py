"""The real portal built once: every public page has a Spanish twin under /es/, each says
its language, leads to its twin both ways, and searches its own language only."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from english_words import english_words

SITE_URL = "https://portal.leadbureau.org/"
# Pages for the Bureau's people and files for machines: English only, by design.
ENGLISH_ONLY = ("staff/", "benchmarks/", "admin/", "schemas/", "es/")


def public_pages(site: Path, *, documents_too: bool = False) -> list[str]:
    """The public pages of the English build; with `documents_too`, also the HTML documents
    the pages embed (the map), which have no menus, switcher or sitemap entry of their own."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        text = path.read_text("utf-8")
        if url.startswith(ENGLISH_ONLY) or "noindex" in text:
            continue
        if documents_too or 'class="md-header' in text:
            pages.append(url)
    return pages


def html_lang(path: Path) -> str:
    found = re.search(r'<html lang="([^"]+)"', path.read_text("utf-8"))
    assert found, path
    return found.group(1)


def hreflang(path: Path) -> dict[str, str]:
    pairs = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', path.read_text("utf-8")
    )
    return dict(pairs)


@pytest.fixture(scope="module")
def pages(built_real_portal: Path) -> list[str]:
    found = public_pages(built_real_portal)
    assert len(found) > 100
    return found


def test_every_public_page_has_a_spanish_twin_in_spanish(
    built_real_portal: Path, pages: list[str]
) -> None:
    missing = [u for u in pages if not (built_real_portal / "es" / u / "index.html").is_file()]
    assert missing == []
    wrong = {u: html_lang(built_real_portal / "es" / u / "index.html") for u in pages}
    assert {u: lang for u, lang in wrong.items() if lang != "es"} == {}
    english = {u: html_lang(built_real_portal / u / "index.html") for u in pages}
    assert {u: lang for u, lang in english.items() if lang != "en"} == {}
    # The map document the sites list embeds (noindex, so not among the pages above).
    assert html_lang(built_real_portal / "es/sites/map/index.html") == "es"
    assert (built_real_portal / "es" / "404.html").is_file()
    assert html_lang(built_real_portal / "es" / "404.html") == "es"


def test_twins_name_each_other_with_absolute_hreflang_and_an_english_default(
    built_real_portal: Path, pages: list[str]
) -> None:
    for url in pages:
        expected = {"en": SITE_URL + url, "es": SITE_URL + "es/" + url, "x-default": SITE_URL + url}
        assert hreflang(built_real_portal / url / "index.html") == expected, url
        assert hreflang(built_real_portal / "es" / url / "index.html") == expected, url


def test_the_switcher_on_every_page_leads_to_the_same_page_in_the_other_language(
    built_real_portal: Path, pages: list[str]
) -> None:
    switch = re.compile(r'<a href="([^"]+)" hreflang="(en|es)" lang="\2" class="md-select__link"')
    for url in pages:
        for folder in (built_real_portal / url, built_real_portal / "es" / url):
            links = dict(
                (lang, href)
                for href, lang in switch.findall((folder / "index.html").read_text("utf-8"))
            )
            assert set(links) == {"en", "es"}, folder
            for lang, href in links.items():
                target = (folder / href).resolve()
                twin = built_real_portal / ("es/" if lang == "es" else "") / url
                assert target == twin.resolve(), (folder, lang, href)


def test_sitemaps_list_every_page_with_its_alternates(
    built_real_portal: Path, pages: list[str]
) -> None:
    for sitemap, prefix in (("sitemap.xml", ""), ("es/sitemap.xml", "es/")):
        text = (built_real_portal / sitemap).read_text("utf-8")
        assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in text
        entries = re.findall(r"<url>(.*?)</url>", text, re.S)
        locs = {re.search(r"<loc>([^<]+)</loc>", e).group(1): e for e in entries}  # type: ignore[union-attr]
        for url in pages:
            entry = locs[SITE_URL + prefix + url]
            assert f'hreflang="es" href="{SITE_URL}es/{url}"' in entry, url
            assert f'hreflang="en" href="{SITE_URL}{url}"' in entry, url
            assert f'hreflang="x-default" href="{SITE_URL}{url}"' in entry, url
    assert "/staff/" not in (built_real_portal / "es/sitemap.xml").read_text("utf-8")


def test_each_language_searches_its_own_pages(built_real_portal: Path) -> None:
    english = json.loads((built_real_portal / "search/search_index.json").read_text("utf-8"))
    spanish = json.loads((built_real_portal / "es/search/search_index.json").read_text("utf-8"))
    assert "es" in spanish["config"]["lang"]
    assert not any(d["location"].startswith("es/") for d in english["docs"])
    spanish_titles = {d["title"] for d in spanish["docs"]}
    english_titles = {d["title"] for d in english["docs"]}
    assert "Acerca de LEAD" in spanish_titles and "Acerca de LEAD" not in english_titles
    # A site is found by its city in Spanish too.
    assert any(
        "Santa Fe" in d["title"] for d in spanish["docs"] if d["location"].startswith("sites/")
    )


def test_the_spanish_build_leaves_staff_pages_schemas_and_files_to_the_english_one(
    built_real_portal: Path,
) -> None:
    es = built_real_portal / "es"
    for english_only in (
        "staff",
        "benchmarks",
        "admin",
        "schemas",
        "data/sites.json",
        "robots.txt",
    ):
        assert not (es / english_only).exists(), english_only
    assert not list(es.glob("resources/*.pdf"))
    assert not list(built_real_portal.rglob("*.es/index.html")), (
        "about.es.md is not a page of its own"
    )


def test_a_site_page_shows_its_spanish_summary(built_real_portal: Path) -> None:
    page = (built_real_portal / "es/sites/santa-fe/index.html").read_text("utf-8")
    assert "Santa Fe fue" in page or "Santa Fe es" in page or "segunda jurisdicci" in page
    assert "Santa Fe was the second jurisdiction" not in page


def test_no_english_interface_words_on_spanish_pages(
    built_real_portal: Path, pages: list[str]
) -> None:
    """Record prose without a translation is marked lang="en" and names are in <bdi>: what is
    left on a Spanish page is the portal's own interface, which must be Spanish."""
    left = {}
    for url in [*pages, "404.html"]:
        path = built_real_portal / "es" / (url if url.endswith(".html") else url + "index.html")
        words = english_words(path.read_text("utf-8"))
        if words:
            left[url or "home"] = words[:8]
    assert left == {}


def test_robots_txt_names_the_sitemap_of_each_language(built_real_portal: Path) -> None:
    robots = (built_real_portal / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots
    assert f"Sitemap: {SITE_URL}es/sitemap.xml" in robots


def test_the_spanish_data_page_describes_every_field_in_spanish(built_real_portal: Path) -> None:
    page = (built_real_portal / "es/data/index.html").read_text("utf-8")
    assert '<span lang="en">' not in page  # a description without Spanish would be marked so
    assert "Identificador del sitio" in page
