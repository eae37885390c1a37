"""The HSDS 3 export, checked against the official HSDS schemas in tests/opendata/hsds/
(offline)."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from open_data_support import (
    CHANGING_SITE,
    HOSTILE_SITE,
    SPANISH_SUMMARY,
    TRANSLATED_SITE,
    add_site,
    data_json,
    generated,
    speak_spanish,
)
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from leadportal.opendata.hsds import TRANSLATIONS_EXTENSION, hsds_id, service_status

HSDS = Path(__file__).parent / "hsds"
SCHEMAS = HSDS / "schema"


@cache
def registry() -> Registry:
    """Every schema file under its own file: URI, so relative $refs resolve between them.

    The registry has no retrieve function: a $ref it does not hold fails instead of fetching.
    """
    resources = [
        (path.as_uri(), Resource.from_contents(json.loads(path.read_text()), DRAFT202012))
        for path in sorted(SCHEMAS.rglob("*.json"))
    ]
    return Registry().with_resources(resources)  # type: ignore[no-any-return]


def validator(schema_file: str) -> Draft202012Validator:
    return Draft202012Validator(
        {"$ref": (SCHEMAS / schema_file).as_uri()},
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def schema(schema_file: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / schema_file).read_text())  # type: ignore[no-any-return]


def errors(schema_file: str, instance: Any) -> list[str]:
    return [
        f"{list(e.absolute_path)}: {e.message}"
        for e in validator(schema_file).iter_errors(instance)
    ]


def undeclared(instance: Any, compiled: dict[str, Any], path: str = "") -> Iterator[str]:
    """Keys the (dereferenced) schema does not define: the schemas allow them, HSDS does not.
    The one extension the portal documents (the texts in other languages) is not counted."""
    if isinstance(instance, dict):
        properties = compiled.get("properties", {})
        for key, value in instance.items():
            if key == TRANSLATIONS_EXTENSION and not path:
                continue
            if key not in properties:
                yield path + key
            else:
                yield from undeclared(value, properties[key], f"{path}{key}.")
    elif isinstance(instance, list):
        for item in instance:
            yield from undeclared(item, compiled.get("items", {}), path)


@pytest.fixture
def hsds_files(fixture_portal: Path) -> dict[str, str]:
    speak_spanish(fixture_portal)
    add_site(fixture_portal, "hostile", HOSTILE_SITE)
    add_site(fixture_portal, "changing", CHANGING_SITE)
    add_site(fixture_portal, "translated", TRANSLATED_SITE)
    return generated(fixture_portal)


def test_the_registry_resolves_refs_offline() -> None:
    bad = {"id": "not-a-uuid", "name": "x", "status": "active", "phones": [{"id": 1}]}
    found = errors("service.json", bad)
    assert any("not-a-uuid" in e for e in found)  # format checked
    assert any("'number' is a required property" in e for e in found)  # phone.json followed


def test_services_validate_against_the_hsds_schemas(hsds_files: dict[str, str]) -> None:
    page = data_json(hsds_files, "data/hsds/services.json")
    assert page["total_items"] == len(page["contents"]) == 5
    for service in page["contents"]:
        assert errors("service.json", service) == []
        assert errors("compiled/service.json", service) == []
        assert list(undeclared(service, schema("compiled/service.json"))) == []


def test_organizations_and_taxonomies_validate(hsds_files: dict[str, str]) -> None:
    for name, schema_file in (
        ("organizations.json", "compiled/organization.json"),
        ("taxonomies.json", "taxonomy.json"),
        ("taxonomy_terms.json", "taxonomy_term.json"),
    ):
        page = data_json(hsds_files, f"data/hsds/{name}")
        assert page["contents"], name
        for item in page["contents"]:
            assert errors(schema_file, item) == [], name
            if schema_file.startswith("compiled/"):
                assert list(undeclared(item, schema(schema_file))) == [], name


def test_the_spanish_description_is_an_extension_that_validates(
    hsds_files: dict[str, str],
) -> None:
    translated = service_of(hsds_files, "translated")
    assert translated[TRANSLATIONS_EXTENSION] == {"es": {"description": SPANISH_SUMMARY}}
    assert translated["description"].startswith("Tacoma's program.")
    assert "languages" not in translated  # what the service is offered in: not in the records
    assert errors("service.json", translated) == []
    assert errors("compiled/service.json", translated) == []
    # The extension's name is free in HSDS and cannot be one of its fields.
    assert TRANSLATIONS_EXTENSION not in schema("compiled/service.json")["properties"]
    assert TRANSLATIONS_EXTENSION not in service_of(hsds_files, "albany-ny")  # nothing to say
    # The tabular package keeps the official columns only.
    assert TRANSLATIONS_EXTENSION not in hsds_files["data/hsds/services.csv"].splitlines()[0]


def test_without_site_url_the_export_still_validates(fixture_portal: Path) -> None:
    config = fixture_portal / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_url: https://example.org/lead/\n", ""))
    files = generated(fixture_portal)
    for service in data_json(files, "data/hsds/services.json")["contents"]:
        assert errors("compiled/service.json", service) == []
        assert "uri" not in service["organization"]
    assert "homepage" not in data_json(files, "data/hsds/datapackage.json")


def service_of(files: dict[str, str], slug: str) -> dict[str, Any]:
    page = data_json(files, "data/hsds/services.json")
    wanted = hsds_id("service", slug)
    return next(s for s in page["contents"] if s["id"] == wanted)  # type: ignore[no-any-return]


def test_a_site_becomes_service_organization_location_contacts(hsds_files: dict[str, str]) -> None:
    albany = service_of(hsds_files, "albany-ny")
    assert albany["name"] == "Albany LEAD"
    assert albany["organization"]["id"] == albany["organization_id"]
    link = albany["service_at_locations"][0]
    assert link["service_id"] == albany["id"]
    assert link["location"]["id"] == link["location_id"]
    assert (link["location"]["latitude"], link["location"]["longitude"]) == (42.6526, -73.7562)
    hostile = service_of(hsds_files, "hostile")
    assert "latitude" not in hostile["service_at_locations"][0]["location"]
    first, second = hostile["contacts"]
    assert (first["title"], first["name"], first["email"]) == (
        "=Referrals",
        "@Pat",
        "pat@example.org",
    )
    assert first["phones"][0]["number"] == "+1 206 555 0100"
    assert first["phones"][0]["extension"] == 12
    assert first["phones"][0]["contact_id"] == first["id"]
    assert second["phones"][0]["number"] == "206-555-0101"


@pytest.mark.parametrize(
    ("stage", "status"),
    [
        ("operating", "active"),
        ("paused", "temporarily closed"),
        ("ended", "defunct"),
        ("exploring", "inactive"),
        ("developing", "inactive"),
        ("launching", "inactive"),
    ],
)
def test_status_mapping(stage: str, status: str) -> None:
    assert service_status(stage) == status
    assert status in schema("service.json")["properties"]["status"]["enum"]


def test_exact_stage_is_kept_as_an_attribute(hsds_files: dict[str, str]) -> None:
    for slug, stage in (
        ("albany-ny", "operating"),
        ("changing", "paused"),
        ("quotes-and-script", "exploring"),
    ):
        (attribute,) = service_of(hsds_files, slug)["attributes"]
        assert attribute["value"] == stage
        assert attribute["link_id"] == hsds_id("service", slug)
        assert attribute["link_entity"] == "service"
        assert attribute["taxonomy_term"]["code"] == stage
        assert attribute["taxonomy_term"]["id"] == attribute["taxonomy_term_id"]


def test_ids_are_uuids_derived_from_slugs() -> None:
    # Published ids never change: a fixed namespace and the slug.
    assert hsds_id("service", "albany-ny") == "0b9d0ac2-5eff-5290-931a-aba1f114c4f7"
    assert uuid.UUID(hsds_id("service", "x")).version == 5
    assert hsds_id("service", "x") != hsds_id("organization", "x") != hsds_id("service", "y")


def test_ids_do_not_depend_on_other_sites(fixture_portal: Path) -> None:
    before = service_of(generated(fixture_portal), "albany-ny")
    add_site(fixture_portal, "aaa-first", CHANGING_SITE)
    after = service_of(generated(fixture_portal), "albany-ny")
    assert after == before


# The tabular data package.


def official_resources() -> dict[str, dict[str, Any]]:
    package = json.loads((HSDS / "datapackage.json").read_text())
    return {r["name"]: r for r in package["resources"]}


def read_table(text: str, fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """CSV rows typed as the package declares them; empty cells are absent values."""
    numbers = {f["name"] for f in fields if f["type"] == "number"}
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == [f["name"] for f in fields]
    return [
        {k: float(v) if k in numbers else v for k, v in row.items() if v != ""} for row in reader
    ]


def test_datapackage_resources_exist_and_match_their_headers(hsds_files: dict[str, str]) -> None:
    package = data_json(hsds_files, "data/hsds/datapackage.json")
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    official = official_resources()
    for resource in package["resources"]:
        text = hsds_files[f"data/hsds/{resource['path']}"]
        assert not text.startswith("\ufeff")
        rows = read_table(text, resource["schema"]["fields"])
        same = official[resource["name"]]
        assert resource["path"] == same["path"]
        declared = {f["name"]: f for f in same["schema"]["fields"]}
        for field in resource["schema"]["fields"]:
            assert field["type"] == declared[field["name"]]["type"], field
            assert field.get("format") == declared[field["name"]].get("format"), field
        required = {n for n, f in declared.items() if f.get("constraints", {}).get("required")}
        assert required <= {f["name"] for f in resource["schema"]["fields"]}, resource["name"]
        assert len({row["id"] for row in rows}) == len(rows)


def tables(files: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    package = data_json(files, "data/hsds/datapackage.json")
    return {
        r["name"]: read_table(files[f"data/hsds/{r['path']}"], r["schema"]["fields"])
        for r in package["resources"]
    }


def test_tables_validate_against_the_tabular_schema(hsds_files: dict[str, str]) -> None:
    found = tables(hsds_files)
    assert errors("compiled/tabular.json", found) == []
    compiled = schema("compiled/tabular.json")["properties"]
    for name, rows in found.items():
        for row in rows:
            assert set(compiled[name]["items"].get("tabular_required", [])) <= set(row), name
    assert len(found["service"]) == 5
    assert len(found["phone"]) == 2
    assert {row["status"] for row in found["service"]} == {  # translated is operating
        "active",
        "temporarily closed",
        "inactive",
    }


def test_foreign_keys_point_at_rows(hsds_files: dict[str, str]) -> None:
    package = data_json(hsds_files, "data/hsds/datapackage.json")
    found = tables(hsds_files)
    ids = {name: {row["id"] for row in rows} for name, rows in found.items()}
    checked = 0
    for resource in package["resources"]:
        for key in resource["schema"].get("foreignKeys", []):
            target = ids[key["reference"]["resource"]]
            for row in found[resource["name"]]:
                assert row[key["fields"]] in target, (resource["name"], key)
                checked += 1
    assert checked > 10


def test_json_and_tables_hold_the_same_services(hsds_files: dict[str, str]) -> None:
    page = data_json(hsds_files, "data/hsds/services.json")
    rows = {row["id"]: row for row in tables(hsds_files)["service"]}
    for service in page["contents"]:
        flat = {k: v for k, v in service.items() if not isinstance(v, list | dict)}
        assert rows[service["id"]] == flat
