"""A whole `mkdocs build --strict` of the fixture portal, asserted on what visitors get."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from portal_helpers import run_mkdocs


def test_every_public_record_gets_a_page(built_fixture: Path) -> None:
    for page in (
        "sites/albany-ny",
        "sites/quotes-and-script",
        "resources/community-toolkit",
        "contact/contact-us",
        "sites",
        "resources",
        "contact",
    ):
        assert (built_fixture / page / "index.html").is_file(), page
    html = (built_fixture / "sites/albany-ny/index.html").read_text()
    assert "Albany LEAD" in html and "Albany Police Department" in html


def test_generated_pages_are_in_search_index_and_sitemap(built_fixture: Path) -> None:
    index = json.loads((built_fixture / "search/search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    assert {"sites/albany-ny/", "resources/community-toolkit/", "contact/contact-us/"} <= locations
    sitemap = (built_fixture / "sitemap.xml").read_text()
    assert "https://example.org/lead/sites/albany-ny/" in sitemap
    assert "https://example.org/lead/resources/community-toolkit/" in sitemap


def test_unlisted_records_appear_in_no_file(built_fixture: Path) -> None:
    for file in built_fixture.rglob("*"):
        if file.is_file():
            assert b"Zq7xK" not in file.read_bytes(), file


def test_record_text_is_escaped(built_fixture: Path) -> None:
    html = (built_fixture / "sites/quotes-and-script/index.html").read_text()
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img src=x onerror" not in html
    assert 'href="javascript:' not in html


def test_records_are_not_published_as_yaml(built_fixture: Path) -> None:
    published_yaml = [p.relative_to(built_fixture).as_posix() for p in built_fixture.rglob("*.yml")]
    assert published_yaml == ["admin/config.yml"]  # the generated editor config, no record
    assert (built_fixture / "schemas/site.schema.json").is_file()
    assert (built_fixture / "resources/files/toolkit.pdf").is_file()


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


BROKEN_RECORDS = {
    "sites/a.yml": "name: A\nstage: operational\njurisdiction: {city: A, state: WA}\n",
    "sites/b.yml": "name: B\nstage: exploring\njurisdiction: {city: B, state: Texas}\n",
    "sites/c.yml": "name: C\nstage: exploring\njurisdiction: {city: C, state: TX}\nsumary: x\n",
    "sites/d.yml": "name: C\nstage: exploring\njurisdiction:\n\tcity: D\n",
    "sites/e.yml": "",
    "sites/f.yml": "name: F\nstage: exploring\njurisdiction: {city: F, state: TX}\n"
    "location: {lat: 95, lon: 0}\n",
    "sites/g.yml": "name: G\nstage: exploring\njurisdiction: {city: G, state: TX}\n"
    "website: ftp://example.org\n",
    "sites/h.yml": "name: H\nname: H2\nstage: exploring\njurisdiction: {city: H, state: TX}\n",
    "docs/resources/i.yml": "title: I\nkind: guide\nsummary: S\npublished: 2020\n"
    "file: files/missing.pdf\n",
    "docs/contact/j.yml": "title: J\nfields:\n  - {name: x, label: X, type: radio}\n",
}


@pytest.mark.slow
def test_broken_records_stop_the_build_before_site_is_touched(fixture_portal: Path) -> None:
    assert run_mkdocs(fixture_portal).returncode == 0
    before = tree_digest(fixture_portal / "site")
    for path, text in BROKEN_RECORDS.items():
        (fixture_portal / path).write_text(text)
    result = run_mkdocs(fixture_portal)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if ".yml:" in line]
    assert len(lines) == 10, result.stderr
    for path in BROKEN_RECORDS:
        assert sum(f"{path}:" in line for line in lines) == 1, path
    assert tree_digest(fixture_portal / "site") == before


@pytest.mark.slow
def test_nothing_published_without_a_leadportal_plugin_check(fixture_portal: Path) -> None:
    shutil.rmtree(fixture_portal / "sites")
    result = run_mkdocs(fixture_portal)
    assert result.returncode == 0, result.stderr
    assert not (fixture_portal / "site/sites/albany-ny").exists()


def nav_labels(page_html: str, href: str) -> set[str]:
    """The words of every navigation link (tabs and side navigation) to `href`."""
    pattern = rf'<a href="{re.escape(href)}" class="md-(?:tabs|nav)__link[^"]*">(.*?)</a>'
    links = re.findall(pattern, page_html, re.S)
    return {" ".join(re.sub(r"<[^>]+>", " ", link).split()) for link in links}


def test_generated_pages_keep_the_titles_the_navigation_gives_them(built_real_portal: Path) -> None:
    home = (built_real_portal / "index.html").read_text(encoding="utf-8")
    assert nav_labels(home, "sites/") == {"Sites"}  # mkdocs.yml: `Sites: sites/index.md`
    assert nav_labels(home, "resources/") == {"Resources"}
    sites = (built_real_portal / "sites/index.html").read_text(encoding="utf-8")
    assert "<title>Participating sites - " in sites  # the page's own title stays its own


@pytest.mark.slow
def test_links_from_content_pages_to_anchors_of_generated_pages_are_checked(
    fixture_portal: Path,
) -> None:
    config = fixture_portal / "mkdocs.yml"
    config.write_text(config.read_text() + "validation:\n  links:\n    anchors: warn\n")
    page = fixture_portal / "docs" / "partners.md"
    page.write_text(
        page.read_text() + "\n[HSDS](data/index.md#hsds) and [gone](data/index.md#no-such-part)\n"
    )
    result = run_mkdocs(fixture_portal)
    assert result.returncode == 1
    broken = [line for line in result.stderr.splitlines() if "anchor" in line]
    assert len(broken) == 1 and "'#no-such-part'" in broken[0], result.stderr


def test_the_search_dialog_has_an_accessible_name_on_every_page(built_real_portal: Path) -> None:
    """Lighthouse's aria-dialog-name: the theme's own search dialog comes without a name."""
    unnamed = [
        page.relative_to(built_real_portal).as_posix()
        for page in built_real_portal.rglob("*.html")
        if 'role="dialog"' in (text := page.read_text("utf-8"))
        and not re.search(r'role="dialog" aria-label="[^"]+"', text)
    ]
    spanish = (built_real_portal / "es/index.html").read_text("utf-8")
    assert 'role="dialog" aria-label="Buscar"' in spanish
    assert unnamed == []


@pytest.mark.slow
def test_generated_pages_hide_their_empty_contents_column(built_real_portal: Path) -> None:
    """A generated page has no table of contents: the theme's column for it stays hidden, so
    the lists get the width. A Markdown page with headings keeps its contents column."""
    sidebar = re.compile(r'<div class="md-sidebar md-sidebar--secondary"[^>]*>')
    for page in (
        "sites/index.html",
        "resources/index.html",
        "sites/seattle-king-county/index.html",
    ):
        html = (built_real_portal / page).read_text(encoding="utf-8")
        assert all(" hidden" in tag for tag in sidebar.findall(html)), page
    about = (built_real_portal / "about/index.html").read_text(encoding="utf-8")
    assert not any(" hidden" in tag for tag in sidebar.findall(about))
