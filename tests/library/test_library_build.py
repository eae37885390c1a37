"""The resource library as built by `mkdocs build --strict` of the fixture portal."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import pytest
from portal_helpers import run_mkdocs

ATOM = "{http://www.w3.org/2005/Atom}"
PUBLIC = ["community-toolkit", "no-topic-guide", "quotes-and-script-report", "systems-brief"]


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def entry_html(html: str, slug: str) -> str:
    match = re.search(rf'<li class="lp-entry"[^>]*data-lp-slug="{slug}">(.*?)</li>', html, re.S)
    assert match, slug
    return match.group(1)


def test_library_lists_every_public_document_with_its_facts(built_fixture: Path) -> None:
    html = read(built_fixture, "resources")
    assert re.findall(r'data-lp-slug="([^"]+)"', html) == [
        "systems-brief",
        "community-toolkit",
        "quotes-and-script-report",
        "no-topic-guide",
    ]
    toolkit = entry_html(html, "community-toolkit")
    assert '<a href="community-toolkit/">Community toolkit</a>' in toolkit
    assert "Toolkit" in toolkit and '<time datetime="2023-01-01">2023</time>' in toolkit
    assert "PDF, 19 bytes" in toolkit and "printable" in toolkit
    assert "Topics: implementation, harm reduction" in toolkit
    assert "For: project managers, community members" in toolkit
    assert "Word document, 145 bytes" in entry_html(html, "no-topic-guide")
    assert "on another website" in entry_html(html, "systems-brief")
    assert "Zq7xK" not in html


def test_library_filters_start_hidden_with_counts_for_every_facet(built_fixture: Path) -> None:
    html = read(built_fixture, "resources")
    start = html.index('<form class="lp-filters"')
    form = html[start : html.index("</form>", start)]
    assert re.search(r"<form[^>]*\bhidden\b", form)  # shown by the script only
    legends = re.findall(r"<legend>([^<]+)</legend>", form)
    assert legends == [
        "Kind of document",
        "Topic",
        "Written for",
        "Helps sites that are",
        "Printing",
    ]
    assert (
        'value="harm reduction"><label for="lp-topic-1">Harm reduction '
        '<span class="lp-facet-count" data-lp-count>(2)</span>'
    ) in form
    assert '<p class="lp-status" role="status" data-lp-status>Showing all 4 documents.</p>' in html


def test_new_and_updated_section_lists_the_newest_first(built_fixture: Path) -> None:
    html = read(built_fixture, "resources")
    recent = html[html.index('id="lp-recent-heading"') : html.index('id="lp-topics-heading"')]
    assert re.findall(r'<a href="([^"]+)/">', recent) == [
        "systems-brief",
        "community-toolkit",
        "quotes-and-script-report",
        "no-topic-guide",
    ]
    assert 'updated <time datetime="2025-01-01">January 2025</time>' in recent


def test_document_page_offers_the_file_with_type_and_size(built_fixture: Path) -> None:
    html = read(built_fixture, "resources/community-toolkit")
    assert 'href="../files/toolkit.pdf">Download the toolkit (PDF, 19 bytes)</a>' in html
    assert (built_fixture / "resources/files/toolkit.pdf").is_file()
    assert "<dt>Written for</dt>\n<dd>project managers, community members</dd>" in html
    assert "<dt>Helps sites that are</dt>\n<dd>exploring, developing</dd>" in html
    assert '<a href="../topics/harm-reduction/">harm reduction</a>' in html
    assert (
        'This page will stay at <a href="./" class="lp-permalink">'
        "https://example.org/lead/resources/community-toolkit/</a>"
    ) in html
    related = html[html.index('id="related-documents"') : html.index('id="permanent-link"')]
    assert re.findall(r'<a href="\.\./([^"]+)/">', related) == [
        "quotes-and-script-report",
        "systems-brief",
    ]


def test_external_documents_say_that_the_link_leaves_the_site(built_fixture: Path) -> None:
    html = read(built_fixture, "resources/systems-brief")
    assert (
        '<a class="md-button md-button--primary" href="https://example.org/brief" '
        'rel="external noopener">Read the policy brief on example.org '
        '<span class="lp-leaving">(leaves this site)</span></a>'
    ) in html


def test_hostile_document_text_reaches_readers_as_text(built_fixture: Path) -> None:
    for page in ("resources/quotes-and-script-report", "resources", "resources/topics/evaluation"):
        html = read(built_fixture, page)
        assert "<script>alert" not in html and "<img src=x" not in html, page
        assert "onmouseover=" not in html.replace("&lt;b onmouseover=", ""), page
        assert 'href="javascript:' not in html, page
    html = read(built_fixture, "resources/quotes-and-script-report")
    assert "&lt;script&gt;alert(&#x27;doc&#x27;)&lt;/script&gt;" in html
    assert 'href="https://example.org/evaluation?a=1&amp;b=2"' in html


def test_topic_pages_list_their_documents(built_fixture: Path) -> None:
    html = read(built_fixture, "resources/topics/implementation")
    assert re.findall(r'data-lp-slug="([^"]+)"', html) == ["systems-brief", "community-toolkit"]
    assert '<a href="../../community-toolkit/">Community toolkit</a>' in html
    assert '<a href="../../">All documents in the resource library</a>' in html
    topics = sorted(p.name for p in (built_fixture / "resources/topics").iterdir())
    assert topics == ["evaluation", "harm-reduction", "implementation", "systems-change"]


def test_library_head_links_the_feed_stylesheet_and_script(built_fixture: Path) -> None:
    html = read(built_fixture, "resources")
    head = html[: html.index("</head>")]
    assert (
        '<link rel="alternate feed" type="application/atom+xml" '
        'title="New documents in the resource library" href="feed.xml">'
    ) in head
    assert '<link rel="stylesheet" href="../assets/leadportal/library.css">' in head
    assert '<script src="../assets/leadportal/library.js" defer></script>' in head
    doc_head = read(built_fixture, "resources/community-toolkit").split("</head>")[0]
    assert 'href="../../assets/leadportal/library.css"' in doc_head
    assert (built_fixture / "assets/leadportal/library.js").is_file()


def parse_feed(site: Path) -> ET.Element:
    root = ET.parse(site / "resources/feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    return root


def test_feed_is_atom_with_dates_from_the_records(built_fixture: Path) -> None:
    feed = parse_feed(built_fixture)
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.findtext(f"{ATOM}updated") == "2025-01-01T00:00:00Z"  # the newest entry
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None
    assert self_link.get("href") == "https://example.org/lead/resources/feed.xml"
    entries = {e.findtext(f"{ATOM}title"): e for e in feed.findall(f"{ATOM}entry")}
    assert len(entries) == 4 and not any("Zq7xK" in t for t in entries)
    toolkit = entries["Community toolkit"]
    for required in ("id", "title", "updated", "link", "summary"):
        assert toolkit.find(f"{ATOM}{required}") is not None, required
    assert toolkit.findtext(f"{ATOM}updated") == "2023-01-01T00:00:00Z"
    link = toolkit.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == "https://example.org/lead/resources/community-toolkit/"
    categories = [c.get("term") for c in toolkit.findall(f"{ATOM}category")]
    assert categories == ["implementation", "harm reduction"]
    ids = [e.findtext(f"{ATOM}id") for e in entries.values()]
    assert len(set(ids)) == 4 and all(i and i.startswith("urn:uuid:") for i in ids)


@pytest.mark.slow
def test_feed_ids_stay_the_same_in_another_build(built_fixture: Path, tmp_path: Path) -> None:
    # Another place, another day: the ids and dates come from the records alone.
    root = tmp_path / "elsewhere"
    shutil.copytree(built_fixture.parent, root, ignore=shutil.ignore_patterns("site"))
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr

    def ids_and_dates(site: Path) -> list[tuple[str | None, str | None]]:
        return [
            (e.findtext(f"{ATOM}id"), e.findtext(f"{ATOM}updated"))
            for e in parse_feed(site).findall(f"{ATOM}entry")
        ]

    assert ids_and_dates(root / "site") == ids_and_dates(built_fixture)
    assert (root / "site/resources/feed.xml").read_bytes() == (
        built_fixture / "resources/feed.xml"
    ).read_bytes()


def test_documents_rank_above_ordinary_pages_in_the_search_index(built_fixture: Path) -> None:
    index = json.loads((built_fixture / "search/search_index.json").read_text())
    boosts = {d["location"]: d.get("boost") for d in index["docs"]}
    for slug in PUBLIC:
        assert boosts[f"resources/{slug}/"] == 3
    assert boosts["partners/"] is None
    texts = {d["location"]: d["text"] for d in index["docs"]}
    assert "first referrals" in texts["resources/community-toolkit/"]
    assert "Related documents" not in json.dumps(index)  # boilerplate sections are left out


def test_files_of_non_public_documents_are_not_copied(built_fixture: Path) -> None:
    assert not (built_fixture / "resources/files/hidden-plan.pdf").exists()
    assert (built_fixture / "resources/files/case-notes.docx").is_file()


@pytest.mark.slow
def test_an_orphan_file_fails_the_strict_build_naming_the_file(fixture_portal: Path) -> None:
    (fixture_portal / "docs/resources/files/forgotten.pdf").write_bytes(b"%PDF-1.4\n")
    result = run_mkdocs(fixture_portal)
    assert result.returncode == 1
    assert "docs/resources/files/forgotten.pdf: warning: no record describes this file" in (
        result.stderr
    )


@pytest.mark.slow
def test_file_limits_are_plugin_options_in_mkdocs_yml(fixture_portal: Path) -> None:
    config = fixture_portal / "mkdocs.yml"
    assert "  - leadportal:\n" in config.read_text()
    config.write_text(
        config.read_text().replace(
            "  - leadportal:\n", "  - leadportal:\n      allowed_file_types: [pdf]\n"
        )
    )
    result = run_mkdocs(fixture_portal)
    assert result.returncode == 1
    assert (
        "docs/resources/no-topic-guide.yml:5:1: file: 'files/case-notes.docx' is not an allowed "
        "type of file (docx) (allowed: pdf)"
    ) in result.stderr


def test_library_links_are_relative_and_lead_somewhere(built_fixture: Path) -> None:
    """Relative links keep working under a sub-path; --strict never checks raw HTML links."""
    pages = [built_fixture / "resources/index.html", *built_fixture.glob("resources/*/index.html")]
    pages += built_fixture.glob("resources/topics/*/index.html")
    assert len(pages) == 1 + 4 + 4
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.findall(r'(?:href|src)="/(?!/)', html), page
        for link in re.findall(r'(?:href|src)="([^"#?]+)', html):
            if link.startswith(("http:", "https:", "mailto:", "//")):
                continue
            target = (page.parent / unquote(link)).resolve()
            assert target.is_file() or (target / "index.html").is_file(), (page, link)
