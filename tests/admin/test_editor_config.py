"""The generated web-editor config mirrors the pydantic models field by field."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, WithJsonSchema

from leadportal.admin.editor_config import editor_config
from leadportal.records.models import RECORD_KINDS
from leadportal.records.settings import DEFAULT_VOCABULARIES, Settings

CUSTOM = dict(DEFAULT_VOCABULARIES, stages=("planning", "running"), topics=("only one",))


def settings(**vocabularies: tuple[str, ...]) -> Settings:
    return Settings(
        root=Path("/portal"),
        docs_dir=Path("/portal/docs"),
        vocabularies=dict(DEFAULT_VOCABULARIES, **vocabularies),
        translations={"es": {}},
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
        if inner is not None and typing.get_origin(info.annotation) is dict:
            # `translations`: one optional object per language of the portal
            assert widget["widget"] == "object", where
            assert [f["name"] for f in widget["fields"]] == list(portal.translations), where
            for language in widget["fields"]:
                assert language["required"] is False, where
                checked += assert_keyed_fields_match(inner, language["fields"])
        elif inner is not None:
            assert widget["widget"] in {"object", "list"}, where
            checked += assert_fields_match(inner, widget["fields"], portal)
        checked += 1
    return checked


def assert_keyed_fields_match(model: type[BaseModel], fields: list[dict[str, Any]]) -> int:
    """One language's texts: every text of the model, none required (a form's `fields` are
    keyed by field name: see test_form_field_words_are_keyed_by_the_forms_field_names)."""
    by_name = {field["name"]: field for field in fields}
    assert set(by_name) <= set(model.model_fields), model.__name__
    assert set(model.model_fields) - set(by_name) <= {"fields"}, model.__name__
    assert all(field["required"] is False for field in fields), model.__name__
    return len(fields)


@pytest.mark.parametrize("vocabularies", [{}, {"stages": CUSTOM["stages"], "topics": ("x",)}])
def test_every_field_of_every_kind_is_editable(vocabularies: dict[str, tuple[str, ...]]) -> None:
    portal = settings(**vocabularies)
    config = editor_config(portal)
    collections = {c["name"]: c for c in config["collections"]}
    assert sorted(collections) == ["documents", "forms", "sites"]
    total = 0
    for kind, model in RECORD_KINDS.items():
        total += assert_fields_match(model, collections[kind + "s"]["fields"], portal)
    assert total > 40


def test_vocabulary_changes_reach_the_editor() -> None:
    config = editor_config(settings(stages=("planning", "running")))
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
    config = editor_config(settings())
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
    assert editor_config(portal)["backend"] == {
        "name": "github",
        "repo": "lead/portal",
        "branch": "main",
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
            {"cms_backend": "git-gateway"},
            "mkdocs.yml: cms_backend: 'git-gateway' is not one of github, gitlab, gitea "
            "(Netlify Identity (git-gateway) is deprecated",
        ),
        ({"cms_repo": "just-a-name"}, "mkdocs.yml: cms_repo: 'just-a-name' is not a repository"),
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


def fields_of(kind: str, portal: Settings | None = None) -> dict[str, dict[str, Any]]:
    config = editor_config(portal or settings())
    found = next(c for c in config["collections"] if c["name"] == kind + "s")
    return {field["name"]: field for field in found["fields"]}


def test_an_optional_object_is_optional_with_its_own_required_fields() -> None:
    """Existing sites have no `location`: the editor must not demand its lat and lon."""
    location = fields_of("site")["location"]
    assert location["widget"] == "object" and location["required"] is False
    assert {f["name"]: f["required"] for f in location["fields"]} == {"lat": True, "lon": True}


def test_patterns_are_the_validators_own() -> None:
    import re

    from leadportal.records.fieldtypes import EMAIL, PHONE

    contact = {f["name"]: f for f in fields_of("site")["contacts"]["fields"]}
    assert contact["email"]["pattern"][0] == EMAIL.pattern
    assert contact["phone"]["pattern"][0] == PHONE.pattern
    assert not re.match(contact["email"]["pattern"][0], "not-an-email")
    assert "@" in contact["email"]["pattern"][1]
    assert fields_of("document")["published"]["pattern"][0].startswith("^(\\d{4})")


def test_cross_field_rules_are_said_next_to_the_fields() -> None:
    jurisdiction = {f["name"]: f for f in fields_of("site")["jurisdiction"]["fields"]}
    assert "refused when publishing" in jurisdiction["city"]["hint"]
    assert "refused when publishing" in jurisdiction["county"]["hint"]
    document = fields_of("document")
    assert "refused when publishing" in document["file"]["hint"]
    assert "refused when publishing" in document["url"]["hint"]


def test_new_records_start_unpublished_and_without_written_defaults() -> None:
    for kind in ("site", "document", "form"):
        fields = fields_of(kind)
        assert fields["public"]["default"] is False, kind
        assert [name for name, f in fields.items() if "default" in f] == ["public"], kind
    country = next(f for f in fields_of("site")["jurisdiction"]["fields"] if f["name"] == "country")
    assert "default" not in country  # no `country: US` written into every new site


def test_uploads_land_beside_the_documents() -> None:
    config = editor_config(settings())
    assert config["media_folder"] == "docs/resources/files"
    file = fields_of("document")["file"]
    assert (file["widget"], file["media_folder"], file["public_folder"]) == (
        "file",
        "files",
        "files",
    )
    assert config["output"]["omit_empty_optional_fields"] is True
