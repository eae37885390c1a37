"""`leadportal new KIND NAME`: a new record that is valid as written, in the canonical layout.

Required fields get clear example values to replace; optional fields are added in the web
editor or by hand (the JSON Schemas, which editors read through .vscode/settings.json, list
and explain them). New records start with `public: false`, so an unfinished record is never
published by accident, exactly as a record created in the web editor.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leadportal.records.layout import dump, in_schema_order
from leadportal.records.models import RECORD_KINDS
from leadportal.records.schema import record_schema
from leadportal.records.settings import Settings


def record_folder(kind: str, settings: Settings) -> Path:
    return {
        "site": settings.sites_path,
        "document": settings.resources_path,
        "form": settings.forms_path,
    }[kind]


def record_path(kind: str, name: str, settings: Settings) -> Path:
    return record_folder(kind, settings) / f"{name}.yml"


def examples(kind: str, settings: Settings) -> dict[str, Any]:
    """An example value for every field; the required ones (and `public`) are written active."""
    vocab = settings.vocabulary
    year = settings.today.year
    if kind == "site":
        return {
            "name": "Example County LEAD",
            "stage": vocab("stages")[0],
            "jurisdiction": {"city": "Example City", "state": "WA"},
            "launched": year,
            "history": [{"stage": vocab("stages")[0], "since": year}],
            "location": {"lat": 47.6062, "lon": -122.3321},
            "website": "https://example.org/",
            "summary": "What LEAD looks like here, in two or three sentences (Markdown).",
            "referral_pathways": [vocab("referral_pathways")[0]],
            "partners": [{"name": "Example Police Department", "role": vocab("partner_roles")[0]}],
            "contacts": [{"role": "Program coordination", "email": "lead@example.org"}],
            "last_verified": settings.today,
        }
    if kind == "document":
        return {
            "title": "Example document title",
            "kind": vocab("document_kinds")[0],
            "topics": [vocab("topics")[0]],
            "summary": "What the document covers and who it is for (Markdown).",
            "published": year,
            "file": "files/example.pdf",
            "url": "https://example.org/where-the-document-is-published/",
            "audience": [vocab("audiences")[0]],
            "stages": [vocab("stages")[0]],
            "sites": ["example-county"],
            "publisher": "LEAD Support Bureau",
            "authors": ["First Author"],
            "language": "en",
            "printable": True,
            "updated": year,
        }
    return {
        "title": "Example form",
        "intro": "Why someone would write to us with this form (Markdown).",
        "fields": [
            {"name": "name", "label": "Your name", "type": "text", "required": True},
            {"name": "email", "label": "Your e-mail address", "type": "email", "required": True},
        ],
        "action": "mailto:info@example.org",
        "success": "Thank you: we answer within a few working days.",
        "subject": "Message from the portal",
    }


def active_optional(kind: str, settings: Settings) -> set[str]:
    """Optional fields written active: a document needs `url` or `file`; a form needs
    `action` unless the portal has a form backend."""
    if kind == "document":
        return {"url"}
    if kind == "form" and not settings.form_backend and settings.form_backend_kind != "netlify":
        return {"action"}
    return set()


def record_text(kind: str, settings: Settings) -> str:
    """The required fields (and the optional ones a record of this portal needs) with example
    values, in the canonical layout, and `public: false`. No comments: the web editor would
    drop them, so the help lives in the editor's hints and the JSON Schemas' descriptions."""
    schema = record_schema(kind, settings)
    wanted = set(schema.get("required", [])) | active_optional(kind, settings)
    values = examples(kind, settings)
    record = {field: values[field] for field in schema["properties"] if field in wanted}
    return dump(in_schema_order({**record, "public": False}, RECORD_KINDS[kind]))


def translated_examples(kind: str, language: str) -> dict[str, Any]:
    """The texts a record of `kind` can give in another language, as placeholders."""
    if kind == "site":
        return {"summary": f"The summary in {language} (Markdown)."}
    if kind == "document":
        return {"title": f"The title in {language}", "summary": f"The summary in {language}."}
    return {
        "title": f"The title in {language}",
        "intro": f"The intro in {language} (Markdown).",
        "success": f"The thank-you text in {language}.",
        "fields": {"email": {"label": f"The field's label in {language}"}},
    }


def translations_example(kind: str, settings: Settings) -> str:
    """The `translations:` block to add at the end of a new record, commented out (shown by
    `leadportal new`; the record itself has no comments, which the web editor would drop)."""
    languages = list(settings.translations)
    if not languages:
        return ""
    block = dump({"translations": {languages[0]: translated_examples(kind, languages[0])}})
    return "\n".join(f"# {line}" for line in block.splitlines()) + "\n"


def write_new_record(kind: str, name: str, settings: Settings) -> Path:
    """Write the new record; raises FileExistsError rather than overwrite anything."""
    target = record_path(kind, name, settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as file:
        file.write(record_text(kind, settings))
    return target
