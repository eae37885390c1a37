"""The contact pages of the Spanish build: Spanish words, the same names and values sent."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from test_form_pages import fixture_settings

import leadportal.forms as forms_assets
from leadportal.build.generate import generate
from leadportal.forms.render import language_line
from leadportal.render.i18n import script_strings, script_table, speaking, table
from leadportal.render.outputs import split_page

RECORD = """\
title: Ask for help
intro: Tell us what you need.
fields:
  - {name: name, label: Your name, type: text, required: true}
  - {name: email, label: Your e-mail address, type: email, help: To answer you.}
  - name: sector
    label: Sector
    type: select
    options: [Law enforcement, Other]
  - name: stage
    label: Stage
    type: radio
    required: true
    options: [Exploring, Not sure]
  - {name: extra, label: Anything else, type: textarea}
success: Thank you, we will write back.
translations:
  es:
    title: Pedir ayuda
    intro: Cuéntenos qué necesita.
    success: Gracias, le responderemos.
    fields:
      name: {label: Su nombre}
      email: {label: Su correo electrónico, help: Para responderle.}
      sector:
        label: Sector
        options: {Law enforcement: Policía}
      stage:
        label: Etapa
        options: {Exploring: Exploración, Not sure: No lo sé}
"""


def pages(root: Path, language: str, **options: object) -> dict[str, str]:
    (root / "docs/contact/ask.yml").write_text(RECORD, encoding="utf-8")
    options = {"form_backend": "https://forms.example.org/f/portal", **options}
    site_url = str(options.pop("site_url", "https://example.org/lead/"))
    settings = fixture_settings(root, translations={"es": {}}, **options)
    settings = dataclasses.replace(settings, site_url=site_url)
    result = generate(settings, language=language)
    assert result.ok, [str(p) for p in result.problems]
    return {o.path: str(o.content) for o in result.outputs}


def body(files: dict[str, str], path: str) -> str:
    return split_page(files[path])[1]


def sent_names(html: str) -> list[str]:
    """The names of the controls a form sends, in page order (each name once)."""
    form = html[html.index("<form") :]
    return list(dict.fromkeys(re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', form)))


def option_values(html: str) -> list[str]:
    """What each `<option>` sends: its value attribute, else its text."""
    values = []
    for attrs, text in re.findall(r"<option([^>]*)>([^<]*)</option>", html):
        value = re.search(r'value="([^"]*)"', attrs)
        values.append(value.group(1) if value else text)
    return values


@pytest.fixture
def both(fixture_portal: Path) -> tuple[str, str]:
    english = body(pages(fixture_portal, "en"), "contact/ask.md")
    spanish = body(pages(fixture_portal, "es"), "contact/ask.md")
    return english, spanish


def test_the_spanish_form_shows_the_records_spanish_words(both: tuple[str, str]) -> None:
    _, html = both
    assert "<p>Cuéntenos qué necesita.</p>" in html
    assert '<label for="lp-f-name">Su nombre <span class="lp-required">(obligatorio)</span>' in html
    assert '<p class="lp-help" id="lp-f-email-help">Para responderle.</p>' in html
    assert '<option value="Law enforcement">Policía</option>' in html
    assert '<label for="lp-f-stage-1">Exploración</label>' in html
    assert '<option value="">Elija una opción</option>' in html
    assert ">Descartar borrador</button>" in html
    assert ">Enviar</button>" in html
    assert "Your name" not in html and "(required)" not in html and "Choose one" not in html


def test_text_without_a_translation_is_marked_english(both: tuple[str, str]) -> None:
    _, html = both
    assert '<label for="lp-f-extra"><span lang="en">Anything else</span></label>' in html
    assert '<option value="Other" lang="en">Other</option>' in html


def test_the_same_names_and_values_are_sent_plus_the_language(both: tuple[str, str]) -> None:
    english, spanish = both
    assert sent_names(spanish) == sent_names(english)
    assert "language" in sent_names(english) and "sector" in sent_names(english)
    assert '<input type="hidden" name="language" value="en">' in english
    assert '<input type="hidden" name="language" value="es">' in spanish
    assert 'value="Exploring"' in spanish and 'value="Not sure"' in spanish
    radios = re.compile(r'<input type="radio"[^>]* value="([^"]+)"')
    assert radios.findall(spanish) == radios.findall(english) == ["Exploring", "Not sure"]
    assert option_values(spanish) == option_values(english) == ["", "Law enforcement", "Other"]


def test_a_post_backend_gets_the_spanish_thank_you_page_and_the_language(
    fixture_portal: Path,
) -> None:
    files = pages(fixture_portal, "es", site_url="https://example.org/lead/es/")
    html = body(files, "contact/ask.md")
    hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html)
    assert ("_next", "https://example.org/lead/es/contact/ask/thanks/") in hidden
    assert ("language", "es") in hidden
    thanks = files["contact/ask/thanks.md"]
    assert 'title: "Gracias"' in split_page(thanks)[0]
    assert "<p>Gracias, le responderemos.</p>" in split_page(thanks)[1]
    assert ">Volver a la página de contacto</a>" in split_page(thanks)[1]


def test_the_contact_page_is_spanish(fixture_portal: Path) -> None:
    files = pages(fixture_portal, "es")
    front, html = split_page(files["contact/index.md"])
    assert "Escribir al LEAD Support Bureau" in front
    assert '<a href="ask/">Pedir ayuda</a>: Cuéntenos qué necesita.' in html
    # The fixture's other form has no Spanish yet: its title and line say they are English.
    assert '<a href="contact-us/"><span lang="en">Contact us</span></a>' in html
    assert ': <span lang="en">Write to us.</span>' in html
    assert "Otras formas de comunicarse con el Bureau" in html


def test_an_e_mail_written_with_the_form_names_its_language(fixture_portal: Path) -> None:
    html = body(pages(fixture_portal, "es", form_backend="mailto:b@example.org"), "contact/ask.md")
    form = re.search(r"<form[^>]*>", html)
    assert form and 'data-language-line="Idioma: español (es)"' in form.group(0)
    assert "Redactar el correo electrónico" in html
    with speaking("en"):
        assert language_line("en") == "Language: English (en)"


def test_every_message_of_the_form_script_has_its_spanish() -> None:
    forms_js = Path(forms_assets.__file__).parent / "assets" / "forms.js"
    asked = script_strings(forms_js.read_text(encoding="utf-8"))
    assert len(asked) >= 17 and "Fill in “{label}”." in asked  # non-ASCII keys read right
    missing = [text for text in asked if text not in table("es")]
    assert missing == []
    assert script_table([forms_js.read_text()], "es")["Fill in “{label}”."] == "Complete «{label}»."
