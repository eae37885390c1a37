"""The HTML site map lists every page; sitemap.xml and robots.txt point at real files."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from portals import REPO
from site_files import html_files

from leadportal.build import generate as generate_module
from leadportal.build.generate import generate
from leadportal.portal.model import Portal
from leadportal.records.mkdocs_yml import read_settings
from leadportal.render.outputs import Output, page

HREF = re.compile(r'<a href="([^"#]*)"')
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MKDOCS_GENERATOR = '<meta name="generator" content="mkdocs-'
INTERNAL = ("staff/", "benchmarks/")  # internal_pages' default, which mkdocs.yml keeps
OTHER_LANGUAGES = ("es/",)  # each language's build is checked from its own root
NOINDEX = '<meta name="robots" content="noindex">'


def html_pages(site: Path, *, mkdocs_only: bool = False) -> set[str]:
    """Every page a visitor can open, as a path below site/ (`about/index.html`); with
    `mkdocs_only`, the pages MkDocs rendered (not standalone documents such as the map)."""
    found = set()
    for file in html_files(site):
        path = file.relative_to(site).as_posix()
        if not path.endswith("index.html") or path.startswith(
            ("search/", "assets/", *OTHER_LANGUAGES)
        ):
            continue
        if mkdocs_only and MKDOCS_GENERATOR not in file.read_text("utf-8"):
            continue
        found.add(path)
    return found


def sitemap_links(site: Path) -> set[str]:
    """The files that /sitemap/ links to, as paths below site/."""
    html = (site / "sitemap/index.html").read_text("utf-8")
    article = html[html.index('<article class="md-content__inner') :]
    article = article[: article.index("</article>")]
    found = set()
    for href in HREF.findall(article):
        target = posixpath.normpath(posixpath.join("sitemap", href))
        found.add(target + "/index.html" if href.endswith("/") else target)
    return {p.removeprefix("./") for p in found}


def sitemap_xml_locs(site: Path) -> list[str]:
    tree = ElementTree.parse(site / "sitemap.xml")
    return [loc.text or "" for loc in tree.iter(f"{SITEMAP_NS}loc")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("which", "language"),
    [("built_real_portal", ""), ("built_real_portal", "es"), ("built_fixture", "")],
)
def test_site_map_lists_every_page(
    which: str, language: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(which) / language
    pages = {p for p in html_pages(site) if not p.startswith(INTERNAL)} - {"sitemap/index.html"}
    links = sitemap_links(site)
    assert pages - links == set(), "pages missing from /sitemap/"
    assert {p for p in links if not (site / p).is_file()} == set(), "broken site map links"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("which", "site_url"),
    [
        ("built_real_portal", "https://portal.leadbureau.org/"),
        ("built_real_portal", "https://portal.leadbureau.org/es/"),
        ("built_fixture", "https://example.org/lead/"),
    ],
)
def test_sitemap_xml_entries_resolve_to_files(
    which: str, site_url: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(which) / ("es" if site_url.endswith("/es/") else "")
    locs = sitemap_xml_locs(site)
    files = []
    for loc in locs:
        assert loc.startswith(site_url), loc
        path = loc.removeprefix(site_url)
        files.append(path + "index.html" if path.endswith("/") or not path else path)
    assert [f for f in files if not (site / f).is_file()] == []
    public = {p for p in html_pages(site, mkdocs_only=True) if not p.startswith(INTERNAL)}
    assert set(files) == public, "sitemap.xml and the public pages differ"


def test_staff_and_benchmark_pages_are_reachable_but_not_public(built_real_portal: Path) -> None:
    site = built_real_portal
    internal = {p for p in html_pages(site) if p.startswith(INTERNAL)}
    assert {"staff/index.html", "benchmarks/map/index.html"} <= internal
    for path in internal:
        assert NOINDEX in (site / path).read_text("utf-8"), f"{path} lacks noindex"
    assert internal & sitemap_links(site) == set(), "internal pages on /sitemap/"
    assert [
        loc for loc in sitemap_xml_locs(site) if "/staff/" in loc or "/benchmarks/" in loc
    ] == []
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    found = [d["location"] for d in index["docs"] if d["location"].startswith(INTERNAL)]
    assert found == [], "internal pages in search"
    assert not any("benchmark" in d["title"].lower() for d in index["docs"])
    for public in ("index.html", "sites/index.html", "about/index.html"):
        assert NOINDEX not in (site / public).read_text("utf-8"), public


def test_a_new_page_in_an_internal_folder_is_internal_too() -> None:
    settings = read_settings(REPO / "mkdocs.yml")
    assert settings.is_internal("staff/a-page-added-later.md")
    assert settings.is_internal("benchmarks/new/index.md")
    assert not settings.is_internal("staffing.md")
    assert not settings.is_internal("about.md")


def test_robots_txt_names_the_absolute_sitemap(
    built_real_portal: Path, built_fixture: Path
) -> None:
    robots = (built_real_portal / "robots.txt").read_text()
    assert "Sitemap: https://portal.leadbureau.org/sitemap.xml" in robots.splitlines()
    assert "Disallow: /" not in robots.splitlines()
    fixture_robots = (built_fixture / "robots.txt").read_text()
    assert "Sitemap: https://example.org/lead/sitemap.xml" in fixture_robots.splitlines()


def test_site_map_groups_sites_by_state_and_documents_by_kind(built_real_portal: Path) -> None:
    html = (built_real_portal / "sitemap/index.html").read_text("utf-8")
    assert "<h3>Washington</h3>" in html and "<h3>New Mexico</h3>" in html
    washington = html[html.index("<h3>Washington</h3>") :]
    washington = washington[: washington.index("</ul>")]
    assert "Seattle &amp; King County LEAD" in washington
    assert "<h3>Evaluation</h3>" in html and "<h3>Toolkit</h3>" in html
    assert "LEAD Community Toolkit" in html[html.index("<h3>Toolkit</h3>") :]


def test_pages_from_any_renderer_are_listed(
    fixture_portal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A renderer added later (state pages, data downloads) is listed without changes."""

    def extra(portal: Portal) -> Iterator[Output]:
        yield page("sites/states/ny.md", "Sites in New York", "<p>x</p>")
        yield page("data/index.md", "Open data", "<p>x</p>")
        yield Output("data/sites.csv", "name\n")
        yield Output("data/hsds/services.csv", "id\n")
        yield Output("sites/map.js", "// not a page")
        yield Output("sites/map/index.html", "<html><title>Map of sites</title></html>")

    monkeypatch.setattr(generate_module, "RENDERERS", (*generate_module.RENDERERS, extra))
    result = generate(read_settings(fixture_portal / "mkdocs.yml"))
    sitemap = next(o for o in result.outputs if o.path == "sitemap/index.md")
    body = str(sitemap.content)
    for href, title in [
        ("../sites/states/ny/", "Sites in New York"),
        ("../data/", "Open data"),
        ("../data/sites.csv", "sites.csv"),
        ("../data/hsds/services.csv", "hsds/services.csv"),
        ("../sites/map/", "Map of sites"),
    ]:
        assert f'<a href="{href}">{title}</a>' in body
    assert "map.js" not in body
    assert "Zq7xK" not in body


def test_robots_txt_without_site_url_names_no_sitemap(fixture_portal: Path) -> None:
    config = fixture_portal / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://example.org/lead/\n", ""))
    outputs = generate(read_settings(config)).outputs
    robots = next(o for o in outputs if o.path == "robots.txt")
    assert "Sitemap:" not in str(robots.content)
    assert "User-agent: *" in str(robots.content)


def test_hand_written_pages_are_listed_by_their_heading(fixture_portal: Path) -> None:
    (fixture_portal / "docs" / "about-us.md").write_text("Intro\n\n# Who we are\n\nText.\n")
    (fixture_portal / "docs" / "titled.md").write_text('---\ntitle: "A & B"\n---\n# Ignored\n')
    outputs = generate(read_settings(fixture_portal / "mkdocs.yml")).outputs
    body = str(next(o for o in outputs if o.path == "sitemap/index.md").content)
    assert '<a href="../about-us/">Who we are</a>' in body
    assert '<a href="../titled/">A &amp; B</a>' in body
