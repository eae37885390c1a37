"""The web editor's configuration (Sveltia CMS), derived from the record schemas.

Each record kind becomes a folder collection (one YAML file per record, named by its slug);
each schema property becomes a field in schema order, which is also the order the editor
writes the keys in (the canonical layout of records/layout.py). Required follows the schema;
vocabularies and fixed choices become selects; patterns (e-mail, phone, dates, links) are the
schema's own; hints are the schema's descriptions. Rules across fields that the editor cannot
express (a city or a county; a file or a link) are said in the hints, and the publishing
build refuses a record that breaks them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import yaml

from leadportal.admin.translation_fields import FormFields, translations_widget
from leadportal.records.models import RECORD_KINDS
from leadportal.records.problems import Problem
from leadportal.records.scaffold import record_folder
from leadportal.records.schema import record_schema
from leadportal.records.settings import Settings

MARKDOWN_MARK = "Markdown"
IDENTIFIER_FIELDS = {"site": "name", "document": "title", "form": "title"}
COLLECTION_LABELS = {"site": "Sites", "document": "Documents", "form": "Forms"}
COLLECTION_NAMES = {"site": "sites", "document": "documents", "form": "forms"}
# Where the schema alone cannot tell: a document's `file` is an upload kept beside the record.
WIDGET_OVERRIDES: dict[tuple[str, str], dict[str, Any]] = {
    ("document", "file"): {"widget": "file", "media_folder": "files", "public_folder": "files"},
    # A document's sites are picked from the site records and stored by file name (slug).
    ("document", "sites"): {
        "widget": "relation",
        "collection": "sites",
        "value_field": "{{slug}}",
        "search_fields": ["name", "jurisdiction.city", "jurisdiction.county"],
        "display_fields": ["name"],
        "multiple": True,
    },
}
UPLOADS_FOLDER = "files"  # a document's upload: docs/resources/files/<name>, named files/<name>
BACKENDS = ("github", "gitlab", "gitea")
UNSET_OWNER = "cms-repo-not-set"  # the editor names the folder to pick after the repository
PATTERN_MESSAGES = {
    "email": "write an e-mail address, e.g. name@example.org",
    "partial-date": "write a year (2016), a year and month (2016-05) or a date (2016-05-01)",
    "uri": "write the full address, starting with https://",
    "phone": "write digits with spaces or dashes, e.g. 206-555-0100",
}
# YAML exactly as records/layout.py writes it: plain scalars, `|` blocks, indented lists.
OUTPUT = {
    "omit_empty_optional_fields": True,
    "yaml": {"indent_size": 2, "indent_sequences": True, "quote": "none"},
}


# The editor offers stock-photo services by default; the portal uploads its own files only.
NO_STOCK_PHOTOS: dict[str, Any] = {"stock_assets": {"providers": []}}


def collection_folder(kind: str, settings: Settings) -> str:
    return settings.relative(record_folder(kind, settings))


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """Follow a $ref and drop the `null` alternative of an optional value."""
    if "$ref" in node:
        target = defs[node["$ref"].rsplit("/", 1)[1]]
        return _resolve({**target, **{k: v for k, v in node.items() if k != "$ref"}}, defs)
    alternatives = [alt for alt in node.get("anyOf", []) if alt.get("type") != "null"]
    if node.get("anyOf") and len(alternatives) == 1:
        inner = {k: v for k, v in node.items() if k != "anyOf"}
        return _resolve({**inner, **alternatives[0]}, defs)
    return node


def _pattern(node: dict[str, Any]) -> list[str] | None:
    """The schema's pattern with a message staff can act on (JavaScript reads the same regex)."""
    if "anyOf" in node:  # a year, year-month or date: the editor keeps it as text
        found = [alt["pattern"] for alt in node["anyOf"] if "pattern" in alt]
        return [found[0], PATTERN_MESSAGES["partial-date"]] if found else None
    if "pattern" not in node:
        return None
    kind = node.get("format") or node.get("x-pattern-kind") or ""
    message = PATTERN_MESSAGES.get(kind, f"must match {node['pattern']}")
    return [node["pattern"], message]


def _scalar_widget(node: dict[str, Any]) -> dict[str, Any]:
    if "enum" in node:
        return {"widget": "select", "options": list(node["enum"])}
    kind = node.get("type")
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind in {"number", "integer"}:
        return {"widget": "number", "value_type": "float" if kind == "number" else "int"}
    if node.get("format") == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False}
    # Markdown is edited as plain text: the rich-text editor would rewrap the whole text.
    widget: dict[str, Any] = {"widget": "text" if _is_markdown(node) else "string"}
    pattern = _pattern(node)
    if pattern:
        widget["pattern"] = pattern
    return widget


def _is_markdown(node: dict[str, Any]) -> bool:
    return str(node.get("description", "")).startswith(MARKDOWN_MARK)


def _widget(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    node = _resolve(node, defs)
    if node.get("type") == "object" and "properties" in node:
        return {"widget": "object", "fields": object_fields(node, defs)}
    if node.get("type") == "array":
        items = _resolve(node.get("items", {}), defs)
        if "enum" in items:
            widget = {"widget": "select", "multiple": True, "options": list(items["enum"])}
        elif items.get("type") == "object":
            widget = {"widget": "list", "fields": object_fields(items, defs)}
        else:
            widget = {
                "widget": "list",
                "field": {"name": "item", "label": "Item", **_scalar_widget(items)},
            }
        if node.get("minItems"):
            widget["min"] = node["minItems"]
        return widget
    return _scalar_widget(node)


def label(name: str, node: dict[str, Any]) -> str:
    return str(node.get("title") or name).replace("_", " ").capitalize()


def _field(name: str, node: dict[str, Any], required: bool, defs: dict[str, Any]) -> dict[str, Any]:
    resolved = _resolve(node, defs)
    field: dict[str, Any] = {
        "name": name,
        "label": label(name, resolved),
        "required": required,
        **_widget(node, defs),
    }
    description = str(node.get("description") or resolved.get("description") or "")
    if description:
        field["hint"] = description
    return field


def object_fields(node: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(node.get("required", []))
    return [_field(name, prop, name in required, defs) for name, prop in node["properties"].items()]


def _fields(kind: str, settings: Settings, forms: FormFields) -> list[dict[str, Any]]:
    schema = record_schema(kind, settings)
    defs = schema.get("$defs", {})
    fields = object_fields(schema, defs)
    languages = list(settings.translations)
    if not languages:  # a portal in English only: its records take no translations
        fields = [field for field in fields if field["name"] != "translations"]
    for field in fields:
        if field["name"] == "translations":
            field.pop("hint", None)
            field.update(
                translations_widget(
                    schema["properties"]["translations"], defs, languages, object_fields, forms
                )
            )
        override = WIDGET_OVERRIDES.get((kind, field["name"]))
        if override and override["widget"] == "relation":
            field.pop("field", None)  # the list's item widget gives way to the relation
        field.update(override or {})
        if field["name"] == "public":  # like `leadportal new`: nothing is published by accident
            field["default"] = False
    return fields


def collection(kind: str, settings: Settings, forms: FormFields) -> dict[str, Any]:
    return {
        "name": COLLECTION_NAMES[kind],
        "label": COLLECTION_LABELS[kind],
        "description": record_schema(kind, settings)["description"],
        "folder": collection_folder(kind, settings),
        "create": True,
        "extension": "yml",
        "format": "yml",
        "slug": "{{slug}}",
        "identifier_field": IDENTIFIER_FIELDS[kind],
        "editor": {"preview": False},
        "fields": _fields(kind, settings, forms),
    }


def cms_problems(settings: Settings) -> list[Problem]:
    """A web-editor setting in mkdocs.yml that would give staff a broken editor."""
    where = "mkdocs.yml"
    if settings.cms_backend not in BACKENDS:
        hint = "github, with cms_repo: owner/name (see the staff guide, Edit in the browser)"
        if settings.cms_backend == "git-gateway":
            hint = "Netlify Identity (git-gateway) is deprecated: " + hint
        return [
            Problem(
                where,
                field="cms_backend",
                message=f"'{settings.cms_backend}' is not one of {', '.join(BACKENDS)}",
                hint=hint,
            )
        ]
    if settings.cms_repo and settings.cms_repo.count("/") != 1:
        return [
            Problem(
                where,
                field="cms_repo",
                message=f"'{settings.cms_repo}' is not a repository name",
                hint="write it as owner/name, e.g. lead-bureau/lead-portal",
            )
        ]
    return []


def backend(settings: Settings) -> dict[str, Any]:
    """Without `cms_repo` the editor still works on a checkout (`leadportal edit`), and
    says so; publishing from the browser needs the repository."""
    config: dict[str, Any] = {
        "name": settings.cms_backend,
        "repo": settings.cms_repo or f"{UNSET_OWNER}/{settings.root.name}",
        "branch": settings.cms_branch,
    }
    if settings.cms_auth_url:
        config["base_url"] = settings.cms_auth_url
    return config


def form_field_names(forms: Iterable[tuple[str, Sequence[str]]]) -> dict[str, list[str]]:
    """Each field name of the given forms (title, field names) with the forms that have it."""
    found: dict[str, list[str]] = {}
    for title, names in forms:
        for name in names:
            found.setdefault(name, []).append(title)
    return found


def editor_config(settings: Settings, forms: FormFields | None = None) -> dict[str, Any]:
    """The editor's configuration; `forms` names the field names a form's texts in another
    language can give words for (see admin/translation_fields.py)."""
    config: dict[str, Any] = {"backend": backend(settings)}
    if settings.site_url:
        config["site_url"] = settings.site_url
        config["display_url"] = settings.site_url
    config["media_folder"] = settings.relative(settings.resources_path / UPLOADS_FOLDER)
    config["public_folder"] = UPLOADS_FOLDER
    config["output"] = OUTPUT
    config["media_libraries"] = NO_STOCK_PHOTOS
    config["collections"] = [collection(kind, settings, forms or {}) for kind in RECORD_KINDS]
    return config


def editor_config_text(settings: Settings, forms: Mapping[str, Sequence[str]] | None = None) -> str:
    header = (
        "# Generated by `leadportal` from the record schemas and vocabularies at build time:\n"
        "# edit the models or mkdocs.yml, never this file.\n"
    )
    return header + yaml.safe_dump(
        editor_config(settings, forms), sort_keys=False, allow_unicode=True, width=100
    )
