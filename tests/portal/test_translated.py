"""The portal in Spanish: records' translations over the English, the rest marked English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from portal_helpers import FIXTURE_PORTAL

from leadportal.build.generate import check
from leadportal.portal.translated import form_in, in_language, option_label, untranslated
from leadportal.records.language import EnglishText
from leadportal.records.mkdocs_yml import read_settings
from leadportal.records.models import Form

GLOSSARY = """
      translations:
        es:
          stages: {operating: En funcionamiento}
          roles: {}
"""


def spanish_portal(tmp_path: Path, site_text: str = "", form_text: str = "") -> Path:
    root = tmp_path / "portal"
    shutil.copytree(FIXTURE_PORTAL, root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - leadportal:\n", "  - leadportal:\n" + GLOSSARY, 1))
    if site_text:
        site = sorted((root / "sites").glob("*.yml"))[0]
        site.write_text(site.read_text(encoding="utf-8") + site_text, encoding="utf-8")
    if form_text:
        form = sorted((root / "docs" / "contact").glob("*.yml"))[0]
        form.write_text(form.read_text(encoding="utf-8") + form_text, encoding="utf-8")
    return root


def test_a_translated_summary_replaces_the_english_and_the_rest_stays_marked(
    tmp_path: Path,
) -> None:
    root = spanish_portal(tmp_path, "translations:\n  es:\n    summary: Un resumen en español.\n")
    result = check(read_settings(root / "mkdocs.yml"))
    assert result.ok, [str(p) for p in result.problems]
    portal = in_language(result.portal, "es")
    first, *others = portal.sites
    assert first.site.summary == "Un resumen en español."
    assert not isinstance(first.site.summary, EnglishText)
    assert all(isinstance(e.site.summary, EnglishText) for e in others if e.site.summary)
    assert all(isinstance(d.record.title, EnglishText) for d in portal.documents)
    assert portal.stage_label("operating") == "En funcionamiento"
    assert result.portal.stage_label("operating") == "Operating"  # the English one is untouched


def test_untranslated_texts_are_counted_as_a_reminder_that_never_stops(tmp_path: Path) -> None:
    result = check(read_settings(spanish_portal(tmp_path) / "mkdocs.yml"))
    reminders = untranslated(result.portal)
    assert len(reminders) == 1
    assert not reminders[0].stops_publishing
    assert "not yet translated" in str(reminders[0])
    assert f"{len([e for e in result.portal.sites if e.site.summary])} in site records" in str(
        reminders[0]
    )


def test_an_option_keeps_its_value_and_shows_its_translated_label() -> None:
    form = Form.model_validate(
        {
            "title": "Ask",
            "fields": [
                {
                    "name": "stage",
                    "label": "Stage",
                    "type": "radio",
                    "options": ["Exploring", "Not sure"],
                }
            ],
            "translations": {
                "es": {"fields": {"stage": {"options": {"Exploring": "Exploración"}}}}
            },
        },
        context={"languages": ("es",)},
    )
    assert option_label(form, "stage", "Exploring", "es") == "Exploración"
    untranslated_option = option_label(form, "stage", "Not sure", "es")
    assert isinstance(untranslated_option, EnglishText) and untranslated_option == "Not sure"
    assert option_label(form, "stage", "Exploring", "en") == "Exploring"
    spanish = form_in(form, "es")
    assert spanish.fields[0].options == ["Exploring", "Not sure"]  # the values sent stay
    assert isinstance(spanish.title, EnglishText)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "translations:\n  es:\n    sumary: Hola\n",
            "translations.es.sumary: unknown key (did you mean 'summary'?)",
        ),
        (
            "translations:\n  fr:\n    summary: Bonjour\n",
            "'fr' is not one of the portal's other languages (es)",
        ),
    ],
)
def test_a_translation_naming_a_field_that_does_not_exist_is_an_error_at_its_line(
    tmp_path: Path, text: str, expected: str
) -> None:
    root = spanish_portal(tmp_path, text)
    result = check(read_settings(root / "mkdocs.yml"))
    lines = [str(p) for p in result.problems if p.is_error]
    assert any(expected in line for line in lines), lines
    site = sorted((root / "sites").glob("*.yml"))[0]
    assert any(line.startswith(f"sites/{site.name}:") for line in lines), lines


def test_a_form_translation_naming_a_missing_field_says_which_field_it_might_be(
    tmp_path: Path,
) -> None:
    root = spanish_portal(
        tmp_path, form_text="translations:\n  es:\n    fields:\n      emial: {label: Correo}\n"
    )
    result = check(read_settings(root / "mkdocs.yml"))
    lines = [str(p) for p in result.problems if p.is_error]
    assert any("translations.es.fields names 'emial'" in line for line in lines), lines
