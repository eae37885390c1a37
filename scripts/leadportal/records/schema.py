"""JSON Schemas for the record kinds, with the portal's vocabularies filled in, for editors."""

from __future__ import annotations

import json
from typing import Any

from leadportal.records.models import RECORD_KINDS
from leadportal.records.problems import Problem
from leadportal.records.settings import Settings

SCHEMA_FOLDER = "schemas"
DESCRIPTIONS = {
    "site": "A participating LEAD site: sites/<slug>.yml",
    "document": "A reference document: docs/resources/<slug>.yml",
    "form": "A contact form: docs/contact/<slug>.yml",
}


def schema_path(kind: str) -> str:
    return f"{SCHEMA_FOLDER}/{kind}.schema.json"


def _fill_vocabularies(node: Any, settings: Settings) -> Any:
    if isinstance(node, dict):
        name = node.pop("x-vocabulary", None)
        filled = {k: _fill_vocabularies(v, settings) for k, v in node.items()}
        if name is not None:
            filled["enum"] = list(settings.vocabulary(name))
        return filled
    if isinstance(node, list):
        return [_fill_vocabularies(item, settings) for item in node]
    return node


def record_schema(kind: str, settings: Settings) -> dict[str, Any]:
    schema = RECORD_KINDS[kind].model_json_schema(mode="validation")
    filled: dict[str, Any] = _fill_vocabularies(schema, settings)
    base = settings.public_url.rstrip("/") + "/" if settings.public_url else ""
    header = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{base}{schema_path(kind)}",
        "title": kind.capitalize(),
        "description": DESCRIPTIONS[kind],
    }
    return header | {k: v for k, v in filled.items() if k not in {"title", "description"}}


def schema_text(kind: str, settings: Settings) -> str:
    return json.dumps(record_schema(kind, settings), indent=2, ensure_ascii=False) + "\n"


def stale_schemas(settings: Settings) -> list[Problem]:
    """The committed schemas (docs/schemas/) must match the models and vocabularies."""
    problems = []
    for kind in sorted(RECORD_KINDS):
        committed = settings.docs_dir / schema_path(kind)
        path = settings.relative(committed)
        if not committed.is_file():
            problems.append(
                Problem(
                    path,
                    message="missing",
                    severity="warning",
                    hint="run `leadportal schema` and commit the result",
                )
            )
        elif committed.read_text(encoding="utf-8") != schema_text(kind, settings):
            problems.append(
                Problem(
                    path,
                    message="out of date with the record schema or the vocabularies in mkdocs.yml",
                    severity="warning",
                    hint="run `leadportal schema` and commit the result",
                )
            )
    return problems
