"""The generated Decap CMS config mirrors the pydantic models field by field."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, WithJsonSchema

from leadportal.admin.decap import decap_config
from leadportal.records.models import RECORD_KINDS
from leadportal.records.settings import DEFAULT_VOCABULARIES, Settings

CUSTOM = dict(DEFAULT_VOCABULARIES, stages=("planning", "running"), topics=("only one",))


def settings(**vocabularies: tuple[str, ...]) -> Settings:
    return Settings(
        root=Path("/portal"),
        docs_dir=Path("/portal/docs"),
        vocabularies=dict(DEFAULT_VOCABULARIES, **vocabularies),
    )


def choices(annotation: Any, portal: Settings) -> list[str] | None:
    """The allowed values the model declares for a field (vocabulary or fixed), if any."""
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, WithJsonSchema) and meta.json_schema:
            if "x-vocabulary" in meta.json_schema:
                return list(portal.vocabulary(meta.json_schema["x-vocabulary"]))
            if "enum" in meta.json_schema:
                return list(meta.json_schema["enum"])
    for arg in typing.get_args(annotation):
        found = choices(arg, portal)
        if found is not None:
            return found
    return None


def nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = nested_model(arg)
        if found is not None:
            return found
    return None


def assert_fields_match(
    model: type[BaseModel], fields: list[dict[str, Any]], portal: Settings
) -> int:
    """Every model field has a widget with the same required flag and options; returns count."""
    by_name = {field["name"]: field for field in fields}
    assert list(by_name) == list(model.model_fields), model.__name__
    checked = 0
    for name, info in model.model_fields.items():
        widget = by_name[name]
        where = f"{model.__name__}.{name}"
        assert widget["required"] is info.is_required(), where
        expected = choices(info.annotation, portal) or choices(
            typing.Annotated[object, *info.metadata] if info.metadata else None, portal
        )
        if expected is not None:
            assert widget["widget"] == "select", where
            assert widget["options"] == expected, where
        inner = nested_model(info.annotation)
        if inner is not None:
            assert widget["widget"] in {"object", "list"}, where
            checked += assert_fields_match(inner, widget["fields"], portal)
        checked += 1
    return checked


@pytest.mark.parametrize("vocabularies", [{}, {"stages": CUSTOM["stages"], "topics": ("x",)}])
def test_every_field_of_every_kind_is_editable(vocabularies: dict[str, tuple[str, ...]]) -> None:
    portal = settings(**vocabularies)
    config = decap_config(portal)
    collections = {c["name"]: c for c in config["collections"]}
    assert sorted(collections) == ["documents", "forms", "sites"]
    total = 0
    for kind, model in RECORD_KINDS.items():
        total += assert_fields_match(model, collections[kind + "s"]["fields"], portal)
    assert total > 40


def test_vocabulary_changes_reach_the_editor() -> None:
    config = decap_config(settings(stages=("planning", "running")))
    sites = next(c for c in config["collections"] if c["name"] == "sites")
    stage = next(f for f in sites["fields"] if f["name"] == "stage")
    assert stage["options"] == ["planning", "running"]
    history = next(f for f in sites["fields"] if f["name"] == "history")
    assert history["widget"] == "list"
    assert next(f for f in history["fields"] if f["name"] == "stage")["options"] == [
        "planning",
        "running",
    ]


def test_collections_are_folders_of_one_yaml_file_per_record() -> None:
    config = decap_config(settings())
    folders = {c["name"]: (c["folder"], c["extension"], c["slug"]) for c in config["collections"]}
    assert folders == {
        "sites": ("sites", "yml", "{{slug}}"),
        "documents": ("docs/resources", "yml", "{{slug}}"),
        "forms": ("docs/contact", "yml", "{{slug}}"),
    }


def test_backend_is_configurable() -> None:
    portal = Settings(
        root=Path("/p"), docs_dir=Path("/p/docs"), cms_backend="github", cms_repo="lead/portal"
    )
    assert decap_config(portal)["backend"] == {
        "name": "github",
        "branch": "main",
        "repo": "lead/portal",
    }


def test_admin_is_built_but_kept_out_of_sitemap_and_search(built_fixture: Path) -> None:
    page = (built_fixture / "admin/index.html").read_text()
    assert 'rel="cms-config-url"' in page and "noindex" in page
    config = yaml.safe_load((built_fixture / "admin/config.yml").read_text())
    assert [c["name"] for c in config["collections"]] == ["sites", "documents", "forms"]
    assert "/admin/" not in (built_fixture / "sitemap.xml").read_text()
    index = json.loads((built_fixture / "search/search_index.json").read_text())
    assert not [doc for doc in index["docs"] if doc["location"].startswith("admin")]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"cms_backend": "dropbox"}, "mkdocs.yml: cms_backend: 'dropbox' is not one of"),
        (
            {"cms_backend": "github"},
            "mkdocs.yml: cms_repo: the github backend needs the repository",
        ),
    ],
)
def test_a_broken_editor_setting_stops_the_build(
    fixture_portal: Path, options: dict[str, str], message: str
) -> None:
    from portals import add_plugin_options

    from leadportal.build.generate import check
    from leadportal.records.mkdocs_yml import read_settings

    config = fixture_portal / "mkdocs.yml"
    add_plugin_options(config, **options)
    problems = [str(p) for p in check(read_settings(config)).problems]
    assert any(line.startswith(message) for line in problems), problems
