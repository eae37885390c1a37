"""Start here in the Spanish build: the questions, stage and path pages and the steps on the
implementation page in Spanish; the request link sends the form's own (English) values."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from importlib import resources
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from generated_pages import output, words
from portal_helpers import REPO_ROOT

from leadportal.build.generate import Generated, generate
from leadportal.records.language import EnglishText
from leadportal.records.mkdocs_yml import read_settings
from leadportal.render.i18n import script_strings, speaking
from leadportal.start.guide_markdown import MARKER, expand, joined

TABLE = yaml.safe_load(
    resources.files("leadportal.render").joinpath("strings/es/start.yml").read_text("utf-8")
)


@pytest.fixture(scope="module")
def spanish() -> Generated:
    result = generate(read_settings(REPO_ROOT / "mkdocs.yml"), language="es")
    assert result.ok and result.portal is not None
    return result


def english_left(text: str) -> list[str]:
    """The table's English sentences (two words or more, no placeholder) found in `text`."""
    return [k for k in TABLE if "{" not in k and len(k.split()) > 1 and k in text]


def test_the_first_question_is_in_spanish(spanish: Generated) -> None:
    front, body = output(spanish, "start/index.md")
    assert front["title"] == "Empiece aquí"
    text = words(body)
    assert "¿En qué punto está su comunidad con LEAD?" in text
    assert "Su comunidad (opcional)" in text
    choices = re.findall(r'<a href="([^"]+)" data-lp-carry><strong>([^<]+)</strong>', body)
    assert choices == [
        ("exploring/", "Exploración"),
        ("developing/", "Desarrollo"),
        ("launching/", "Lanzamiento"),
        ("operating/", "En funcionamiento"),
    ]
    assert english_left(text) == []


def test_a_stage_page_asks_for_the_role_in_spanish(spanish: Generated) -> None:
    front, body = output(spanish, "start/exploring/index.md")
    assert front["title"] == "Empiece aquí: exploración"
    text = words(body)
    assert text.startswith("Exploración: Una comunidad conoce qué es LEAD")
    assert "¿Cuál es su función?" in text and "Elegir otra etapa" in text
    assert '<a href="prosecutor/" data-lp-carry><strong>Fiscalía</strong></a>' in body
    assert english_left(text) == []


@pytest.mark.parametrize("stage", ["exploring", "developing", "launching", "operating"])
def test_every_path_page_is_in_spanish(spanish: Generated, stage: str) -> None:
    for role in ["police", "prosecutor", "community", "evaluator"]:
        front, body = output(spanish, f"start/{stage}/{role}.md")
        assert front["title"].startswith("Su camino en LEAD: ")
        text = words(body)
        assert "Próximos pasos" in text and "Ayuda del LEAD Support Bureau" in text
        assert english_left(text) == [], (stage, role)


def test_a_path_page_speaks_spanish_and_sends_the_forms_values(spanish: Generated) -> None:
    front, body = output(spanish, "start/exploring/prosecutor.md")
    assert front["title"] == "Su camino en LEAD: exploración, fiscalía"
    assert front["description"].startswith("Fiscalía, en una comunidad en la etapa “Exploración”")
    text = words(body)
    assert "Sus respuestas: Exploración · Fiscalía" in text
    assert "Reúna a los posibles socios" in text  # the Spanish steps (steps.yml translations.es)
    assert "Caja de herramientas comunitaria de LEAD Caja de herramientas, julio de 2023" in text
    assert "Sitios más avanzados (lanzamiento o en funcionamiento)" in text
    assert "Solicitar asistencia técnica" in text
    href = re.search(r'href="([^"]+)"[^>]* data-lp-help ', body)
    assert href
    query = parse_qs(urlsplit(unescape(href.group(1))).query)
    # The stage is a choice: its English option, as the English page sends it.
    assert query["stage"] == ["Exploring"] and query["sector"] == ["Prosecution"]
    # The library link filters by the English values too.
    assert 'href="../../../resources/?stage=exploring&amp;audience=prosecutors"' in body


def test_the_steps_on_the_implementation_page_are_spanish(spanish: Generated) -> None:
    portal = spanish.portal
    assert portal is not None
    source = (REPO_ROOT / "docs" / "implementing-lead.es.md").read_text("utf-8")
    page = expand(source, "implementing-lead.md", portal)
    assert "## 1. Exploración" in page and "## 4. En funcionamiento" in page
    assert "- Reúna a los posibles socios" in page
    assert "**Documentos para esta etapa:** [Caja de herramientas comunitaria de LEAD]" in page
    assert "[Solicitar asistencia técnica](contact/request-technical-assistance.md)" in page
    assert "**Su camino:** [elija su función en la etapa “exploración”]" in page
    for english in ["Documents for this stage", "Help from the Bureau", "Your path", " and ["]:
        assert english not in page


def test_steps_left_in_english_are_marked(spanish: Generated) -> None:
    portal = spanish.portal
    assert portal is not None
    first = portal.guides[0]
    english = first.model_copy(update={"steps": [EnglishText("Bring the partners together.")]})
    portal = replace(portal, guides=(english, *portal.guides[1:]))
    page = expand(MARKER, "implementing-lead.md", portal)
    assert '- <span lang="en">Bring the partners together.</span>' in page
    assert "Este texto aún no está traducido al español." in page


def test_every_word_the_script_asks_for_has_its_spanish() -> None:
    script = resources.files("leadportal.start").joinpath("assets/start.js").read_text()
    asked = script_strings(script)
    assert len(asked) >= 8
    assert [text for text in asked if text not in TABLE] == []


@pytest.mark.parametrize(
    ("last", "conjunction"),
    [
        ("[Informe de evaluación](a/)", " e "),
        ("[Historia del programa](b/)", " e "),
        ("[Índice de recursos](c/)", " e "),
        ("[Guía de inicio](d/)", " y "),
        ("[Hierba y hielo](e/)", " y "),  # "hie" is no /i/ sound
        ("[LEAD® toolkit](f/)", " and "),  # in English, always "and"
    ],
)
def test_the_last_document_is_joined_with_the_right_word(last: str, conjunction: str) -> None:
    with speaking("en" if conjunction == " and " else "es"):
        words = joined(["[Primero](x/)", last])
    assert words == f"[Primero](x/){conjunction}{last}"
