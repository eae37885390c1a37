""" "Start here" in the real portal's outputs: a page for every stage and role with documents,
peers and a prefilled request link; the first two questions as plain links; the site map;
the implementation page drawing its steps from the same data."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from portal_helpers import REPO_ROOT

from leadportal.build.generate import Generated, generate
from leadportal.records.mkdocs_yml import read_settings
from leadportal.render.outputs import split_page
from leadportal.start.guide_markdown import MARKER, expand
from leadportal.start.peers import peer_pool


@pytest.fixture(scope="module")
def real() -> Generated:
    result = generate(read_settings(REPO_ROOT / "mkdocs.yml"))
    assert result.ok and result.portal is not None
    return result


def body(result: Generated, path: str) -> str:
    found = [o for o in result.outputs if o.path == path]
    assert found, f"{path} was not generated"
    return split_page(str(found[0].content))[1]


def items(html: str, list_class: str) -> list[str]:
    match = re.search(rf'<ol class="{list_class}"[^>]*>(.*?)</ol>', html, re.S)
    return re.findall(r"<li>(.*?)</li>", match.group(1), re.S) if match else []


def test_every_stage_and_role_has_its_path(real: Generated) -> None:
    portal = real.portal
    assert portal is not None
    stages = [g.stage for g in portal.guides]
    assert stages == ["exploring", "developing", "launching", "operating"]
    assert len(portal.roles) == 8
    for guide in portal.guides:
        pool = peer_pool(guide.stage, stages, portal.sites)
        for role in portal.roles:
            page = body(real, f"start/{guide.stage}/{role.slug}.md")
            assert items(page, "lp-start-steps"), (guide.stage, role.slug)
            assert items(page, "lp-start-docs"), (guide.stage, role.slug)
            peers = items(page, "lp-start-peers")
            assert 3 <= len(peers) <= 5 or len(peers) == len(pool) > 0, (guide.stage, role.slug)
            query = help_query(page)
            assert query["stage"] == [guide.stage.capitalize()]
            assert query["role"] == [role.label]
            if role.sector:
                assert query["sector"] == [role.sector]
            assert 'data-lp-help-fields="jurisdiction state"' in page  # the place, in the browser


def help_query(page: str) -> dict[str, list[str]]:
    match = re.search(
        r'<a class="md-button md-button--primary" href="([^"]+)"[^>]*data-lp-help', page
    )
    assert match, "no request link"
    href = unescape(match.group(1))
    assert urlsplit(href).path.endswith("contact/request-technical-assistance/")
    return parse_qs(urlsplit(href).query)


def test_exploring_prosecutor_gets_the_documents_for_prosecutors_and_sites_further_along(
    real: Generated,
) -> None:
    page = body(real, "start/exploring/prosecutor.md")
    titles = [re.sub(r"<[^>]+>", "", d).split("  ")[0] for d in items(page, "lp-start-docs")]
    assert titles[0].startswith("LEAD Community Toolkit")  # the stage's first pick
    assert any("recidivism outcomes" in t for t in titles)
    assert not any(
        "CrimeSolutions" in t for t in titles
    )  # picked for the stage, not for prosecutors
    peers = items(page, "lp-start-peers")
    assert all("(operating)" in p or "(launching)" in p for p in peers)
    assert "Seattle" in peers[0]  # the longest-running site starts the spread


def test_every_site_page_links_to_start_here(real: Generated) -> None:
    assert real.portal is not None
    slugs = {f"sites/{entry.slug}.md" for entry in real.portal.sites}
    pages = [o for o in real.outputs if o.path in slugs]
    assert len(pages) >= 30
    for output in pages:
        assert 'Starting LEAD where you are? <a href="../../start/">Start here</a>' in str(
            output.content
        ), output.path


def test_the_first_questions_are_plain_links(real: Generated) -> None:
    portal = real.portal
    assert portal is not None
    index = body(real, "start/index.md")
    for guide in portal.guides:
        assert f'href="{guide.stage}/"' in index
        stage_page = body(real, f"start/{guide.stage}/index.md")
        for role in portal.roles:
            assert f'href="../{role.slug}/"' not in stage_page
            assert f'href="{role.slug}/"' in stage_page


def test_the_peer_table_holds_placed_sites_of_the_path_only(real: Generated) -> None:
    table = json.loads(next(str(o.content) for o in real.outputs if o.path == "start/peers.json"))
    stages = {site["stage"] for site in table["sites"]}
    assert stages <= {"exploring", "developing", "launching", "operating"}
    assert "honolulu" not in {site["slug"] for site in table["sites"]}  # paused
    assert all(isinstance(site["lat"], float) for site in table["sites"])


def test_start_pages_are_in_the_site_map_and_in_search(real: Generated) -> None:
    sitemap = body(real, "sitemap/index.md")
    assert 'href="../start/"' in sitemap
    assert 'href="../start/exploring/prosecutor/"' in sitemap

    def front(path: str) -> str:
        return split_page(str(next(o.content for o in real.outputs if o.path == path)))[0]

    assert "exclude" not in front("start/index.md")
    assert "exclude" not in front("start/exploring/index.md")
    # the path pages repeat peer sites' names: they would outrank the sites' own pages
    assert '"exclude": true' in front("start/exploring/prosecutor.md")


def test_the_implementation_page_renders_the_steps_from_the_data(real: Generated) -> None:
    portal = real.portal
    assert portal is not None
    source = (REPO_ROOT / "docs" / "implementing-lead.md").read_text("utf-8")
    assert MARKER in source
    page = expand(source, "implementing-lead.md", portal)
    assert MARKER not in page
    for number, guide in enumerate(portal.guides, start=1):
        assert f"## {number}. {guide.stage.capitalize()}" in page
        for step in guide.steps:
            assert step not in source  # one source of truth: no second copy in the page
            assert f"- {step}" in page
        for slug in guide.documents:
            assert f"(resources/{slug}.md)" in page
        assert f"(start/{guide.stage}/index.md)" in page
    assert "[Request technical assistance](contact/request-technical-assistance.md)" in page


def test_a_page_in_a_folder_links_up_to_the_documents(real: Generated) -> None:
    portal = real.portal
    assert portal is not None
    page = expand(MARKER, "about/steps.md", portal)
    assert "(../resources/lead-community-toolkit.md)" in page


def test_a_portal_without_steps_has_no_start_pages(tmp_path: Path) -> None:
    from portal_helpers import FIXTURE_PORTAL

    result = generate(read_settings(FIXTURE_PORTAL / "mkdocs.yml"))
    assert result.ok
    assert not [o.path for o in result.outputs if o.path.startswith("start/")]
    site_pages = [o for o in result.outputs if o.path.startswith("sites/") and o.is_page]
    assert not any("Start here" in str(o.content) for o in site_pages)
