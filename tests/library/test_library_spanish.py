"""The resource library in the Spanish build: the portal's words in Spanish, the vocabulary's
Spanish labels over the English values, links to the English build's files (pure generate())."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from importlib import resources

import pytest
import yaml
from generated_pages import output, words
from portal_helpers import FIXTURE_PORTAL, REPO_ROOT

from leadportal.build.generate import Generated, generate
from leadportal.library.catalog import size_label
from leadportal.records.mkdocs_yml import read_settings
from leadportal.render.i18n import script_strings, speaking

TABLE = yaml.safe_load(
    resources.files("leadportal.render").joinpath("strings/es/library.yml").read_text("utf-8")
)


@pytest.fixture(scope="module")
def spanish() -> Generated:
    result = generate(read_settings(REPO_ROOT / "mkdocs.yml"), language="es")
    assert result.ok, result.problems
    return result


@pytest.fixture(scope="module")
def fixture_spanish() -> Generated:
    """The fixture portal (documents with files, none translated) built in Spanish."""
    settings = read_settings(FIXTURE_PORTAL / "mkdocs.yml")
    real = read_settings(REPO_ROOT / "mkdocs.yml")
    result = generate(replace(settings, translations=real.translations), language="es")
    assert result.ok, result.problems
    return result


def english_sentences() -> list[str]:
    """The table's English texts of two words or more without placeholders."""
    return [k for k in TABLE if "{" not in k and len(k.split()) > 1]


def test_the_index_shows_no_english_interface_text(spanish: Generated) -> None:
    front, body = output(spanish, "resources/index.md")
    text = words(body)
    left = [english for english in english_sentences() if english in text]
    assert left == []
    assert front["title"] == "Biblioteca de recursos"
    assert "Hay 16 documentos." in text
    assert "Se muestran los 16 documentos." in text
    assert "Filtrar la lista" in text and "Primero los más recientes" in text


def test_facets_show_spanish_labels_over_the_english_values(spanish: Generated) -> None:
    _, body = output(spanish, "resources/index.md")
    legends = re.findall(r"<legend>([^<]+)</legend>", body)
    assert legends == [
        "Tipo de documento",
        "Tema",
        "Dirigido a",
        "Para sitios en estas etapas",
        "Impresión",
    ]
    assert re.search(r'name="topic" value="harm reduction"><label [^>]*>Reducción de daños <', body)
    assert re.search(r'name="stage" value="operating"><label [^>]*>En funcionamiento ', body)
    assert re.search(r'name="kind" value="toolkit"><label [^>]*>Caja de herramientas ', body)
    # The list's filter data keeps the English values the checkboxes send.
    assert '"topic": ["harm reduction"' in unescape(body)


def test_the_text_filter_finds_spanish_titles_and_topic_labels(spanish: Generated) -> None:
    _, body = output(spanish, "resources/index.md")
    item = re.search(r'<li class="lp-entry"[^>]*data-lp-slug="lead-community-toolkit">', body)
    assert item
    text = unescape(re.search(r'data-lp-text="([^"]*)"', item.group(0)).group(1))  # type: ignore[union-attr]
    assert "Caja de herramientas comunitaria de LEAD" in text
    assert "reducción de daños" in text


def test_the_feed_is_the_english_builds_own(spanish: Generated) -> None:
    assert not any(o.path.endswith("feed.xml") for o in spanish.outputs)
    front, body = output(spanish, "resources/index.md")
    # /es/resources/ -> /resources/feed.xml
    assert '<a href="../../resources/feed.xml">canal Atom de la biblioteca</a>' in body
    feed = [item for item in front["leadportal_head"] if "feed" in item.get("rel", "")]
    assert feed == [
        {
            "rel": "alternate feed",
            "type": "application/atom+xml",
            "title": "Documentos nuevos en la biblioteca de recursos",
            "href": "../../resources/feed.xml",
        }
    ]


def test_a_document_page_is_in_spanish_and_says_the_document_is_english(
    spanish: Generated,
) -> None:
    front, body = output(spanish, "resources/albany-launch-2016.md")
    assert front["title"] == "Albany, primera jurisdicción de la Costa Este en poner en marcha LEAD"
    assert front["description"].startswith("Artículo, 31 de marzo de 2016")
    text = words(body)
    assert text.startswith(
        "Artículo de Katal Center for Health, Equity, and Justice. "
        "Publicación: 31 de marzo de 2016."
    )
    assert "El anuncio del lanzamiento de LEAD en Albany" in text  # translations.es summary
    assert "Este documento está en inglés." in text
    assert 'rel="external noopener" hreflang="en">Leer artículo en katalcenter.org' in body
    for dt, dd in [
        ("Tipo", "Artículo"),
        ("Dirigido a", "responsables de proyecto, miembros de la comunidad"),
        ("Para sitios en estas etapas", "lanzamiento"),
        ("Idioma", "inglés"),
        ("Para imprimir", "No está pensado para imprimir"),
    ]:
        assert re.search(rf"<dt>{dt}</dt>\s*<dd>{dd}", body), dt
    assert '<a href="../topics/implementation/">implementación</a>' in body
    assert [e for e in english_sentences() if e in text] == []


def test_a_file_links_to_the_english_builds_copy(fixture_spanish: Generated) -> None:
    _, body = output(fixture_spanish, "resources/community-toolkit.md")
    # /es/resources/community-toolkit/ -> /resources/files/... (written by the English build)
    link = re.search(r'<p class="lp-get"><a [^>]*href="([^"]+)"[^>]*>([^<]+)</a>', body)
    assert link
    assert link.group(1).startswith("../../../resources/files/")
    assert link.group(2) == "Descargar caja de herramientas (PDF, 19 bytes)"
    assert 'hreflang="en"' in link.group(0)


def test_untranslated_record_text_is_marked_english(fixture_spanish: Generated) -> None:
    _, body = output(fixture_spanish, "resources/community-toolkit.md")
    assert '<div lang="en">' in body
    assert "Este texto aún no está traducido al español." in body
    _, index = output(fixture_spanish, "resources/index.md")
    assert '<a href="community-toolkit/"><span lang="en">Community toolkit</span></a>' in index
    assert "documento de Word, 145 bytes" in index


def test_a_topic_page_is_in_spanish(spanish: Generated) -> None:
    front, body = output(spanish, "resources/topics/harm-reduction.md")
    assert front["title"] == "Tema: reducción de daños"
    text = words(body)
    assert "Documentos sobre reducción de daños en la biblioteca de recursos." in text
    assert "4 documentos, primero los más recientes" in text
    assert "Otros temas" in text
    assert [e for e in english_sentences() if e in text] == []


def test_sizes_use_the_spanish_decimal_comma() -> None:
    assert size_label(3 * 1024 * 1024 + 200_000) == "3.2 MB"
    with speaking("es"):
        assert size_label(3 * 1024 * 1024 + 200_000) == "3,2 MB"
        assert size_label(15_000) == "15 KB"


def test_every_word_the_script_asks_for_has_its_spanish() -> None:
    script = resources.files("leadportal.library").joinpath("assets/library.js").read_text()
    asked = script_strings(script)
    assert len(asked) >= 4
    assert [text for text in asked if text not in TABLE] == []
