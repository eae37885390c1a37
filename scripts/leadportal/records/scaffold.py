"""`leadportal new KIND NAME`: a new record that is valid as written, commented from the schema.

Required fields get clear example values; optional fields are written commented out, each with
what it means and, for vocabularies, the allowed values from mkdocs.yml. New records start with
`public: false`, so an unfinished record is never published by accident.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path
from typing import Any

import yaml

from leadportal.records.schema import record_schema
from leadportal.records.settings import Settings

LONGEST_LISTED_ENUM = 20


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


NOTES = {
    ("document", "file"): "a file kept beside the record; use either `file` or `url`, not both",
    ("document", "url"): "where the document is published; use either `url` or `file`",
    ("site", "location"): "leave out to take it from the geocode cache",
    ("form", "action"): "where messages go (https:// or mailto:); "
    "leave out to use the portal-wide form backend",
}


def comment(text: str) -> list[str]:
    return ["# " + line for line in textwrap.wrap(text, width=94, break_on_hyphens=False)]


def describe(kind: str, name: str, node: dict[str, Any], required: bool) -> list[str]:
    """Comment lines: required or optional, what it is, its keys and the allowed values."""
    parts = ["required" if required else "optional"]
    note = NOTES.get((kind, name)) or node.get("description")
    if note:
        parts.append(str(note))
    if "properties" in node:
        needed = set(node.get("required", []))
        keys = [f"{key} (required)" if key in needed else key for key in node["properties"]]
        parts.append(
            ("a list of entries with " if node.get("type") == "array" else "with ")
            + ", ".join(keys)
        )
    values = node.get("enum") or node.get("items", {}).get("enum")
    if values and len(values) <= LONGEST_LISTED_ENUM:
        label = "one of" if "enum" in node else "any of"
        parts.append(f"{label}: {', '.join(values)}")
    return comment("; ".join(parts))


def _field_yaml(name: str, value: Any) -> list[str]:
    text = yaml.safe_dump({name: value}, sort_keys=False, allow_unicode=True, width=100)
    return text.rstrip("\n").splitlines()


def _property(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The property with its $ref or optional wrapper resolved, for its enum and description."""
    defs = schema.get("$defs", {})
    if "$ref" in node:
        node = {**defs[node["$ref"].rsplit("/", 1)[1]], **node}
    if "$ref" in node.get("items", {}):
        item = defs[node["items"]["$ref"].rsplit("/", 1)[1]]
        node = {**node, "properties": item["properties"], "required": item.get("required", [])}
    for alternative in node.get("anyOf", []):
        if alternative.get("type") != "null" and "enum" in alternative:
            return {**alternative, **node}
    return node


def record_text(kind: str, name: str, settings: Settings, target: Path) -> str:
    schema = record_schema(kind, settings)
    schema_file = settings.docs_dir / "schemas" / f"{kind}.schema.json"
    relative_schema = Path(os.path.relpath(schema_file, target.parent)).as_posix()
    lines = [
        f"# yaml-language-server: $schema={relative_schema}",
        f"# {schema['description']}",
        *comment(
            f"Written by `leadportal new {kind} {name}`. The values below are EXAMPLES: change "
            "each one, uncomment the optional fields you need (remove the leading '# '), then "
            "run `leadportal check`. Set `public: true` when the record is ready to publish."
        ),
        "",
    ]
    values = examples(kind, settings)
    required = set(schema.get("required", []))
    for field, node in schema["properties"].items():
        if field == "public":
            continue
        active = field in required or field in active_optional(kind, settings)
        lines += describe(kind, field, _property(schema, node), field in required)
        body = _field_yaml(field, values.get(field, node.get("default")))
        lines += body if active else ["# " + line for line in body]
    lines += ["# optional; false keeps the record out of every output", "public: false", ""]
    return "\n".join(lines)


def write_new_record(kind: str, name: str, settings: Settings) -> Path:
    """Write the new record; raises FileExistsError rather than overwrite anything."""
    target = record_path(kind, name, settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as file:
        file.write(record_text(kind, name, settings, target))
    return target
