"""Generated pages are indexed for search by `search_text`, not by Material's HTML parser: the
index must hold exactly what Material's own parser (the oracle here) would have put in it."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hostile_cases import inert_cases, portal_with
from material.plugins.search.plugin import Parser, SearchIndex
from mkdocs.utils.meta import get_data
from open_data_support import generated
from portal_helpers import FIXTURE_PORTAL, REPO_ROOT

from leadportal.build.search_text import sections
from leadportal.records.settings import build_date
from leadportal.render.outputs import page, page_meta, split_page
from leadportal.render.urls import page_url

Found = list[tuple[str, str, str | None]]

# Shapes Material's rules treat in particular ways, each checked against Material itself.
EDGE_CASES = {
    "plain paragraphs": "<p>One</p>\n<p>Two &amp; three &lt;b&gt;</p>",
    "text before any element": "Loose words <em>then</em> more",
    "heading without id stays in the text": "<h2>Partners</h2><p>Police</p>",
    "headings with ids open sections": '<p>Intro</p><h2 id="a">A</h2><p>x</p><h3 id="b">B</h3>y',
    "first heading h1": '<h1 id="top">Title</h1><p>Body</p><h2 id="more">More</h2>',
    "nested heading section ends with its parent": (
        '<div><h2 id="in">Inside</h2><p>x</p></div><p>after the div</p>'
    ),
    "excluded element": "<p>Keep</p><nav data-search-exclude><p>Drop</p></nav><p>Keep too</p>",
    "excluded element with a same-tag child": (
        "<div data-search-exclude>a<div>b</div>c</div><div>d</div>"
    ),
    "excluded heading section": (
        '<p>Keep</p><h2 id="rel" data-search-exclude>Related</h2><p>gone</p><h2 id="x">X</h2>z'
    ),
    "line numbers": '<div class="linenodiv">1 2 3</div><p>code</p>',
    "permalink in a heading": (
        '<h2 id="h">Heading<a class="headerlink" href="#h">¶</a></h2><p>text</p>'
    ),
    "permalink before the heading text": (
        '<h2 id="h"><a class="headerlink" href="#h">¶</a>Heading</h2><p>text</p>'
    ),
    "empty kept elements are dropped": "<ul><li> </li></ul><p></p><p>x</p><ol><li></li></ol>",
    "first-opening quirk of kept tags": "<p>a</p><p> </p><ul><li>x<ul></ul></li></ul>",
    "void and self-closing elements": 'A<br>B<br/>C<img src="x.png" alt="no">D<span/>E',
    "comments": "<p>a<!-- <p>hidden</p> -->b</p>",
    "attributes with > and quotes": "<a title=\"a > b\" href='x'>link</a><p data-x=plain>t</p>",
    "upper-case tags": "<P>Shout</P><UL><LI>item</LI></UL>",
    "whitespace runs and newlines": "<p>a\n  b</p>\n\n  \n<p>\n</p><p>c\u00a0</p>",
    "entities": "<p>&eacute;t&eacute; &#8212; &#x27;quoted&#x27; &quot;x&quot;</p>",
    "sub, sup and code": "<p>H<sub>2</sub>O x<sup>2</sup> <code>a &lt; b</code></p>",
    "empty script and iframe": '<script src="a.js"></script><iframe src="m/"></iframe><p>t</p>',
    "nothing": "",
    "only space": "  \n ",
    "only a void element": "<br>",
    "mismatched end tags are ignored": "<div><p>a</span>b</p></div>c",
}
LEFT_TO_MATERIAL = {
    "preformatted text": "<pre>a\n  b</pre>",
    "a script": "<script>var a = '<p>';</script><p>t</p>",
    "a style": "<style>p > a { }</style>",
    "a declaration": "<!DOCTYPE html><p>t</p>",
    "a stray less-than sign": "<p>a < b</p>",
    "a textarea with text": "<textarea>words</textarea>",
}


def material_found(body: str) -> Found:
    parser = Parser()
    parser.feed(body)
    parser.close()
    return [("".join(s.title), "".join(s.text), s.id) for s in parser.data if not s.is_excluded()]


def our_found(body: str) -> Found | None:
    found = sections(body)
    if found is None:
        return None
    return [("".join(s.title), "".join(s.text), s.id) for s in found if not s.excluded]


@pytest.mark.parametrize("body", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_each_edge_case_gives_what_materials_parser_gives(body: str) -> None:
    assert our_found(body) == material_found(body)


@pytest.mark.parametrize("body", LEFT_TO_MATERIAL.values(), ids=LEFT_TO_MATERIAL.keys())
def test_shapes_it_does_not_follow_are_left_to_materials_parser(body: str) -> None:
    assert sections(body) is None


def generated_pages(root: Path) -> dict[str, tuple[str, str]]:
    """path -> (front matter, body) of every generated page of the portal in `root`, as of
    the build date (the real portal's build is compared below)."""
    texts = generated(root, today=build_date())
    return {path: split_page(text) for path, text in texts.items() if path.endswith(".md")}


@pytest.fixture(scope="module")
def portals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, tuple[str, str]]]:
    hostile = tmp_path_factory.mktemp("hostile-search") / "portal"
    portal_with(inert_cases(), hostile)
    return {
        "real": generated_pages(REPO_ROOT),
        "fixture": generated_pages(FIXTURE_PORTAL),
        "hostile": generated_pages(hostile),
    }


@pytest.mark.parametrize("name", ["real", "fixture", "hostile"])
def test_every_generated_page_gets_materials_sections_without_its_parser(
    portals: dict[str, dict[str, tuple[str, str]]], name: str
) -> None:
    pages = portals[name]
    assert len(pages) > 5
    for path, (_, body) in pages.items():
        ours = our_found(body)
        assert ours is not None, f"{path} fell back to Material's parser"
        assert ours == material_found(body), path


@pytest.mark.parametrize("name", ["real", "fixture", "hostile"])
def test_generated_front_matter_reads_as_mkdocs_reads_it(
    portals: dict[str, dict[str, tuple[str, str]]], name: str
) -> None:
    for path, (front, body) in portals[name].items():
        assert page_meta(front) == get_data(f"---\n{front}\n---\n\n{body}")[1], path


def material_entries(path: str, meta: dict[str, Any], body: str) -> list[dict[str, Any]]:
    """The entries Material's search plugin makes of a page, with its own parser."""
    index = SearchIndex()
    page = SimpleNamespace(meta=meta, content=body, toc=[], url=page_url(path), title=None)
    index.add_entry_from_context(page)
    return index.entries


def test_the_built_search_index_holds_what_material_would_have_indexed(
    built_real_portal: Path, portals: dict[str, dict[str, tuple[str, str]]]
) -> None:
    index = json.loads((built_real_portal / "search/search_index.json").read_text())
    built: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in index["docs"]:
        built[entry["location"].split("#")[0]].append(entry)
    pages = portals["real"]
    for path, (front, body) in pages.items():
        expected = material_entries(path, page_meta(front), body)
        assert built[page_url(path)] == expected, path
    seattle = built["sites/seattle-king-county/"]
    assert "King County" in seattle[0]["text"] and seattle[0]["boost"] == 4


def entry_text(index: dict[str, Any], location: str) -> str:
    return next(e["text"] for e in index["docs"] if e["location"] == location)


@pytest.mark.slow
def test_table_cells_and_terms_reach_search_as_separate_words(built_real_portal: Path) -> None:
    index = json.loads((built_real_portal / "search/search_index.json").read_text())
    sites_list = entry_text(index, "sites/#lp-list-heading")
    assert "Site Distance City or county State Stage Launched" in sites_list
    assert "SiteCity" not in sites_list
    seattle = entry_text(index, "sites/seattle-king-county/")
    assert "Stage Operating Launched" in seattle
    assert "StageOperating" not in seattle


def test_cells_written_edge_to_edge_become_separate_words() -> None:
    body = "<table><tr><th>Site</th><th>State</th></tr></table><dl><dt>Stage</dt><dd>Open</dd></dl>"
    text = " ".join(part for s in sections(page_body(body)) or [] for part in s.text)
    assert "SiteState" not in text and "StageOpen" not in text
    assert text.split() == ["Site", "State", "Stage", "Open"]


def page_body(body: str) -> str:
    return split_page(str(page("x.md", "X", body).content))[1]
