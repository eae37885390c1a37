"""The /data/ page: each download with its fields, the license and build date; footer link."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from pathlib import Path

import pytest
from open_data_support import TODAY, generated
from site_files import html_files

from leadportal.render.outputs import split_page


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def documented_fields(body: str, heading_id: str) -> list[str]:
    """The field names in the table that follows the heading with `heading_id`."""
    section = body.split(f'id="{heading_id}"', 1)[1].split("<h2", 1)[0]
    return re.findall(r"<tr><td><code>([^<]+)</code>", section)


def test_page_documents_exactly_the_fields_in_the_files(fixture_portal: Path) -> None:
    files = generated(fixture_portal)
    body = split_page(files["data/index.md"])[1]
    sites = json.loads(files["data/sites.json"])
    assert documented_fields(body, "data-sites-json") == list(sites["sites"][0])
    intro = body.split('id="data-sites-json"', 1)[1].split("<table", 1)[0]
    for key in sites:
        assert f"<code>{key}</code>" in intro, key
    header = next(csv.reader(io.StringIO(files["data/sites.csv"].removeprefix("\ufeff"))))
    assert documented_fields(body, "data-sites-csv") == header
    document = json.loads(files["data/documents.json"])["documents"][0]
    assert documented_fields(body, "data-documents-json") == list(document)


def test_page_states_license_and_build_date(fixture_portal: Path) -> None:
    body = split_page(generated(fixture_portal)["data/index.md"])[1]
    assert "Creative Commons Attribution 4.0 International" in body
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in body
    assert f'<time datetime="{TODAY.isoformat()}">' in body
    assert "temporarily closed" in body  # the status mapping is explained


def test_every_link_on_the_page_reaches_a_file(built_fixture: Path) -> None:
    html = (built_fixture / "data/index.html").read_text()
    article = html[html.index("<article") : html.index("</article>")]
    links = [h for h in re.findall(r'href="([^"#]+)"', article) if "//" not in h]
    assert len(links) >= 15
    for href in links:
        target = Path(posixpath.normpath(posixpath.join("data", href)))
        assert (built_fixture / target).is_file() or (
            built_fixture / target / "index.html"
        ).is_file(), href


def test_every_page_footer_links_the_data_page(built_real_portal: Path) -> None:
    pages = [p for p in html_files(built_real_portal) if p.name == "index.html"]
    assert len(pages) > 40
    for page in pages:
        html = page.read_text()
        if '<meta name="generator" content="mkdocs-' not in html:
            continue  # a standalone document (the full-screen map) has no theme footer
        footer = html[html.index('class="md-copyright"') :]
        spanish = page.relative_to(built_real_portal).parts[0] == "es"
        words = "Datos abiertos" if spanish else "Open data"
        match = re.search(rf'<a href="([^"]+)">{words}</a>', footer)
        assert match, page
        target = (page.parent / match.group(1) / "index.html").resolve()
        root = built_real_portal / "es" if spanish else built_real_portal
        assert target == (root / "data/index.html").resolve(), page
