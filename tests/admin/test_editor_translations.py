"""The web editor's "Spanish (es)" widgets: what staff enter there is saved in the record's
`translations:` shape, which the portal loads, and `leadportal format` leaves as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from open_data_support import speak_spanish

from leadportal.admin.editor_config import editor_config, form_field_names
from leadportal.records.layout import dump, in_schema_order
from leadportal.records.loader import load_records
from leadportal.records.mkdocs_yml import read_settings
from leadportal.records.models import Form, Site
from leadportal.records.settings import DEFAULT_VOCABULARIES, Settings

FORMS = form_field_names(
    [("Contact us", ["email", "topic"]), ("Request help", ["email", "stage", "message"])]
)
FORM_RECORD: dict[str, Any] = {
    "title": "Ask us",
    "fields": [
        {"name": "email", "label": "Your e-mail", "type": "email", "required": True},
        {"name": "topic", "label": "About", "type": "select", "options": ["Training", "Data"]},
    ],
    "action": "https://forms.example.org/f/ask",
    "public": True,
}


def portal_settings(languages: dict[str, Any]) -> Settings:
    return Settings(
        root=Path("/portal"),
        docs_dir=Path("/portal/docs"),
        vocabularies=dict(DEFAULT_VOCABULARIES),
        translations=languages,
    )


def collection_fields(config: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    found = next(c for c in config["collections"] if c["name"] == name)
    return {field["name"]: field for field in found["fields"]}


def by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {field["name"]: field for field in fields}


def test_each_kind_has_a_spanish_object_with_its_translatable_texts() -> None:
    config = editor_config(portal_settings({"es": {}}), FORMS)
    expected = {
        "sites": ["summary"],
        "documents": ["title", "summary"],
        "forms": ["title", "intro", "success", "fields"],
    }
    for collection, texts in expected.items():
        translations = collection_fields(config, collection)["translations"]
        assert translations["widget"] == "object" and translations["required"] is False
        (spanish,) = translations["fields"]
        assert (spanish["name"], spanish["label"]) == ("es", "Spanish (es)")
        assert spanish["required"] is False
        assert [f["name"] for f in spanish["fields"]] == texts, collection
        assert all(f["required"] is False for f in spanish["fields"]), collection
    summary = by_name(collection_fields(config, "sites")["translations"]["fields"][0]["fields"])
    assert summary["summary"]["widget"] == "text"  # Markdown, as the English summary


def test_another_language_is_added_by_mkdocs_yml_alone() -> None:
    config = editor_config(portal_settings({"es": {}, "vi": {}, "xx": {}}), FORMS)
    translations = collection_fields(config, "sites")["translations"]
    assert [(f["name"], f["label"]) for f in translations["fields"]] == [
        ("es", "Spanish (es)"),
        ("vi", "Vietnamese (vi)"),
        ("xx", "Language (xx)"),
    ]


def test_an_english_only_portal_has_no_translations_widget() -> None:
    config = editor_config(portal_settings({}), FORMS)
    for collection in ("sites", "documents", "forms"):
        assert "translations" not in collection_fields(config, collection)


def test_form_field_words_are_keyed_by_the_forms_field_names() -> None:
    config = editor_config(portal_settings({"es": {}}), FORMS)
    spanish = collection_fields(config, "forms")["translations"]["fields"][0]
    words = by_name(by_name(spanish["fields"])["fields"]["fields"])
    assert list(words) == ["email", "topic", "stage", "message"]
    assert words["email"]["label"] == "email (Contact us, Request help)"
    email = by_name(words["email"]["fields"])
    assert list(email) == ["label", "help", "options"]
    assert email["options"]["widget"] == "keyvalue"  # English option -> its words


def fill(fields: list[dict[str, Any]], answers: dict[str, Any]) -> dict[str, Any]:
    """What the editor saves for these text widgets when staff type `answers` (a widget left
    empty is left out: output.omit_empty_optional_fields)."""
    saved: dict[str, Any] = {}
    for field in fields:
        answer = answers.get(field["name"])
        if answer is None:
            continue
        if field["widget"] == "object":
            answer = fill(field["fields"], answer)
        elif field["widget"] == "keyvalue":
            assert isinstance(answer, dict) and all(isinstance(v, str) for v in answer.values())
        else:
            assert field["widget"] in {"string", "text"} and isinstance(answer, str)
        if answer:
            saved[field["name"]] = answer
    return saved


SPANISH_FORM = {
    "title": "Pregúntenos",
    "intro": "Escríbanos.\n\nLe respondemos pronto.",
    "fields": {
        "email": {"label": "Su correo electrónico"},
        "topic": {"label": "Tema", "options": {"Training": "Capacitación", "Data": "Datos"}},
    },
}


def test_a_form_saved_through_the_editor_loads_with_its_spanish(fixture_portal: Path) -> None:
    speak_spanish(fixture_portal)
    settings = read_settings(fixture_portal / "mkdocs.yml")
    forms = form_field_names([("Ask us", ["email", "topic"])])
    fields = collection_fields(editor_config(settings, forms), "forms")
    translations = fill(fields["translations"]["fields"], {"es": SPANISH_FORM})
    assert translations == {"es": SPANISH_FORM}  # the record's shape, exactly
    saved = {**FORM_RECORD, "translations": translations}
    text = dump(in_schema_order(saved, Form))
    (settings.forms_path / "ask-us.yml").write_text(text, encoding="utf-8")
    records = load_records(read_settings(fixture_portal / "mkdocs.yml"))
    assert records.errors == []
    (form,) = [f for f in records.forms if f.slug == "ask-us"]
    spanish = form.record.translations["es"]
    assert spanish.title == "Pregúntenos"
    assert spanish.fields["topic"].options == {"Training": "Capacitación", "Data": "Datos"}
    assert spanish.fields["email"].help is None


def test_a_site_saved_through_the_editor_loads_with_its_spanish(fixture_portal: Path) -> None:
    speak_spanish(fixture_portal)
    settings = read_settings(fixture_portal / "mkdocs.yml")
    fields = collection_fields(editor_config(settings), "sites")
    record = {
        "name": "Editor LEAD",
        "stage": "operating",
        "jurisdiction": {"city": "Olympia", "state": "WA"},
        "summary": "Olympia's program.",
        "public": True,
    }
    spanish = {"es": {"summary": "El programa de Olympia."}}
    saved = {**record, "translations": fill(fields["translations"]["fields"], spanish)}
    (settings.sites_path / "editor.yml").write_text(dump(in_schema_order(saved, Site)))
    records = load_records(read_settings(fixture_portal / "mkdocs.yml"))
    assert records.errors == []
    site = next(s for s in records.sites if s.slug == "editor")
    assert site.record.translations["es"].summary == "El programa de Olympia."
