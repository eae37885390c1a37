"""A small portal with Spanish switched on, built as staff build it: a page with its Spanish
text shows it, a page or record without says so and stays marked English."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from portal_helpers import FIXTURE_PORTAL, run_mkdocs

pytestmark = pytest.mark.slow

GLOSSARY = """
      translations:
        es:
          stages: {operating: En funcionamiento}
"""


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("es") / "portal"
    shutil.copytree(FIXTURE_PORTAL, root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - leadportal:\n", "  - leadportal:\n" + GLOSSARY, 1))
    (root / "docs" / "index.es.md").write_text(
        "# Inicio\n\nBienvenida al portal.\n", encoding="utf-8"
    )
    result = run_mkdocs(root)
    assert result.returncode == 0, result.stderr
    assert "1 content page(s)" in result.stderr  # partners.md has no Spanish yet: a reminder
    return root / "site"


def test_a_page_with_its_spanish_text_shows_it_in_spanish(spanish_site: Path) -> None:
    page = (spanish_site / "es" / "index.html").read_text("utf-8")
    assert '<html lang="es"' in page
    assert "Bienvenida al portal." in page
    assert "lp-untranslated" not in page
    assert not (spanish_site / "index.es").exists()


def test_a_page_without_spanish_text_is_english_marked_and_said_so(spanish_site: Path) -> None:
    page = (spanish_site / "es" / "partners" / "index.html").read_text("utf-8")
    assert "aún no está traducida" in page
    english = (spanish_site / "partners" / "index.html").read_text("utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", english, re.S)
    assert heading
    marked = page.split('<div lang="en">', 1)
    assert len(marked) == 2 and heading.group(1).split("<")[0] in marked[1]


def test_a_record_without_spanish_text_shows_its_english_marked(spanish_site: Path) -> None:
    pages = sorted((spanish_site / "es" / "sites").glob("*/index.html"))
    summaries = [p.read_text("utf-8") for p in pages if "lp-untranslated" in p.read_text("utf-8")]
    assert summaries, "the fixture's site summaries have no Spanish"
    assert all('<div lang="en">' in page for page in summaries)
    assert all("aún no está traducido" in page for page in summaries)
