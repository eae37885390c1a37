"""The Decap CMS configuration, derived from the record schemas so it can never drift from them.

Each record kind becomes a folder collection (one YAML file per record, named by its slug);
each schema property becomes a widget: vocabularies and fixed choices become select widgets,
nested models object widgets, lists of models list widgets, and `required` follows the model.
"""

from __future__ import annotations

from typing import Any

import yaml

from leadportal.records.models import RECORD_KINDS
from leadportal.records.problems import Problem
from leadportal.records.schema import record_schema
from leadportal.records.settings import Settings

MARKDOWN_MARK = "Markdown"
IDENTIFIER_FIELDS = {"site": "name", "document": "title", "form": "title"}
COLLECTION_LABELS = {"site": "Sites", "document": "Documents", "form": "Forms"}
COLLECTION_NAMES = {"site": "sites", "document": "documents", "form": "forms"}
# Where the schema alone cannot tell: a document's `file` is an upload kept beside the record.
WIDGET_OVERRIDES: dict[tuple[str, str], dict[str, Any]] = {
    ("document", "file"): {"widget": "file", "allow_multiple": False},
}
UPLOADS_FOLDER = "files"
BACKENDS_WITH_REPO = ("github", "gitlab", "gitea", "bitbucket")
BACKENDS = (
    "git-gateway",
    *BACKENDS_WITH_REPO,
)  # document files live in docs/resources/files/, linked as files/<name>


def collection_folder(kind: str, settings: Settings) -> str:
    path = {
        "site": settings.sites_path,
        "document": settings.resources_path,
        "form": settings.forms_path,
    }[kind]
    return settings.relative(path)


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """Follow a $ref and drop the `null` alternative of an optional value."""
    if "$ref" in node:
        return {
            **defs[node["$ref"].rsplit("/", 1)[1]],
            **{k: v for k, v in node.items() if k != "$ref"},
        }
    alternatives = [alt for alt in node.get("anyOf", []) if alt.get("type") != "null"]
    if node.get("anyOf") and len(alternatives) == 1:
        inner = {k: v for k, v in node.items() if k != "anyOf"}
        return _resolve({**alternatives[0], **inner}, defs)
    return node


def _scalar_widget(node: dict[str, Any]) -> dict[str, Any]:
    if "enum" in node:
        return {"widget": "select", "options": list(node["enum"])}
    kind = node.get("type")
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind in {"number", "integer"}:
        return {"widget": "number", "value_type": "float" if kind == "number" else "int"}
    if node.get("format") == "date":
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
        }
    if str(node.get("description", "")).startswith(MARKDOWN_MARK):
        return {"widget": "markdown"}
    if "anyOf" in node:  # a year, year-month or date, written as text
        patterns = [alt["pattern"] for alt in node["anyOf"] if "pattern" in alt]
        widget: dict[str, Any] = {"widget": "string"}
        if patterns:
            widget["pattern"] = [patterns[0], "a year (2016), '2016-05' or 2016-05-01"]
        return widget
    widget = {"widget": "string"}
    if "pattern" in node:
        widget["pattern"] = [node["pattern"], f"must match {node['pattern']}"]
    return widget


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
            item = {"name": "item", "label": "Item", **_scalar_widget(items)}
            widget = {"widget": "list", "field": item}
        if node.get("minItems"):
            widget["min"] = node["minItems"]
        return widget
    return _scalar_widget(node)


def _field(name: str, node: dict[str, Any], required: bool, defs: dict[str, Any]) -> dict[str, Any]:
    resolved = _resolve(node, defs)
    field: dict[str, Any] = {
        "name": name,
        "label": str(resolved.get("title") or name).replace("_", " ").capitalize(),
        "required": required,
        **_widget(node, defs),
    }
    description = str(resolved.get("description", ""))
    if description and not description.startswith(MARKDOWN_MARK):
        field["hint"] = description
    default = node.get("default")
    if default is not None and default not in ("", []):
        field["default"] = default
    return field


def object_fields(node: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(node.get("required", []))
    return [_field(name, prop, name in required, defs) for name, prop in node["properties"].items()]


def collection(kind: str, settings: Settings) -> dict[str, Any]:
    schema = record_schema(kind, settings)
    fields = object_fields(schema, schema.get("$defs", {}))
    for field in fields:
        field.update(WIDGET_OVERRIDES.get((kind, field["name"]), {}))
    entry: dict[str, Any] = {
        "name": COLLECTION_NAMES[kind],
        "label": COLLECTION_LABELS[kind],
        "folder": collection_folder(kind, settings),
        "create": True,
        "extension": "yml",
        "format": "yml",
        "slug": "{{slug}}",
        "identifier_field": IDENTIFIER_FIELDS[kind],
        "editor": {"preview": False},
        "fields": fields,
    }
    if kind == "document":
        entry["media_folder"] = UPLOADS_FOLDER
        entry["public_folder"] = UPLOADS_FOLDER
    return entry


def cms_problems(settings: Settings) -> list[Problem]:
    """A web-editor setting in mkdocs.yml that would give staff a broken editor."""
    where = "mkdocs.yml"
    if settings.cms_backend not in BACKENDS:
        return [
            Problem(
                where,
                field="cms_backend",
                message=f"'{settings.cms_backend}' is not one of {', '.join(BACKENDS)}",
                hint="git-gateway with Netlify Identity, or github with cms_repo: owner/name",
            )
        ]
    if settings.cms_backend in BACKENDS_WITH_REPO and "/" not in settings.cms_repo:
        return [
            Problem(
                where,
                field="cms_repo",
                message=f"the {settings.cms_backend} backend needs the repository",
                hint="add `cms_repo: owner/name` under the leadportal plugin",
            )
        ]
    return []


def backend(settings: Settings) -> dict[str, Any]:
    config: dict[str, Any] = {"name": settings.cms_backend, "branch": settings.cms_branch}
    if settings.cms_repo:
        config["repo"] = settings.cms_repo
    return config


def decap_config(settings: Settings) -> dict[str, Any]:
    config: dict[str, Any] = {"backend": backend(settings)}
    if settings.site_url:
        config["site_url"] = settings.site_url
        config["display_url"] = settings.site_url
    config["media_folder"] = settings.relative(settings.resources_path / UPLOADS_FOLDER)
    config["public_folder"] = UPLOADS_FOLDER
    config["collections"] = [collection(kind, settings) for kind in RECORD_KINDS]
    return config


def decap_config_text(settings: Settings) -> str:
    header = (
        "# Generated by `leadportal` from the record schemas and vocabularies at build time:\n"
        "# edit the models or mkdocs.yml, never this file.\n"
    )
    return header + yaml.safe_dump(
        decap_config(settings), sort_keys=False, allow_unicode=True, width=100
    )
