"""The HSDS 3 export as files: JSON shaped like the HSDS API's responses under /data/hsds/,
and a tabular data package (one CSV per object type plus datapackage.json)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from leadportal.opendata.common import DATA_LICENSE, absolute_url, json_text
from leadportal.opendata.csv_safe import csv_text
from leadportal.opendata.hsds import (
    SiteObjects,
    all_site_objects,
    nested_organization,
    nested_service,
    stage_taxonomy,
    stage_terms,
)
from leadportal.portal.model import Portal
from leadportal.render.build_time import build_date, iso_midnight
from leadportal.render.outputs import Output

HSDS_DIR = "data/hsds"
UUID, TEXT, URI, NUMBER = ("string", "uuid"), ("string", None), ("string", "uri"), ("number", None)
EMAIL = ("string", "email")
FieldSpec = tuple[str, tuple[str, str | None]]


@dataclass(frozen=True)
class Table:
    """One HSDS object type as a CSV file: the columns we fill, named and typed as in HSDS."""

    name: str
    path: str
    fields: tuple[FieldSpec, ...]

    @property
    def columns(self) -> list[str]:
        return [name for name, _ in self.fields]


TABLES: tuple[Table, ...] = (
    Table(
        "organization",
        "organizations.csv",
        (("id", UUID), ("name", TEXT), ("description", TEXT), ("website", URI), ("uri", URI)),
    ),
    Table(
        "service",
        "services.csv",
        (
            ("id", UUID),
            ("organization_id", UUID),
            ("name", TEXT),
            ("description", TEXT),
            ("url", URI),
            ("status", TEXT),
        ),
    ),
    Table(
        "location",
        "locations.csv",
        (
            ("id", UUID),
            ("location_type", TEXT),
            ("organization_id", UUID),
            ("name", TEXT),
            ("description", TEXT),
            ("latitude", NUMBER),
            ("longitude", NUMBER),
        ),
    ),
    Table(
        "service_at_location",
        "service_at_location.csv",
        (("id", UUID), ("service_id", UUID), ("location_id", UUID)),
    ),
    Table(
        "contact",
        "contacts.csv",
        (("id", UUID), ("service_id", UUID), ("name", TEXT), ("title", TEXT), ("email", EMAIL)),
    ),
    Table(
        "phone",
        "phones.csv",
        (
            ("id", UUID),
            ("contact_id", UUID),
            ("number", TEXT),
            ("extension", NUMBER),
            ("description", TEXT),
        ),
    ),
    Table(
        "attribute",
        "attributes.csv",
        (
            ("id", UUID),
            ("link_id", UUID),
            ("taxonomy_term_id", UUID),
            ("link_type", TEXT),
            ("link_entity", TEXT),
            ("value", TEXT),
        ),
    ),
    Table(
        "taxonomy_term",
        "taxonomy_terms.csv",
        (
            ("id", UUID),
            ("code", TEXT),
            ("name", TEXT),
            ("description", TEXT),
            ("taxonomy", TEXT),
            ("taxonomy_id", UUID),
        ),
    ),
    Table(
        "taxonomy",
        "taxonomies.csv",
        (("id", UUID), ("name", TEXT), ("description", TEXT), ("version", TEXT)),
    ),
)
FOREIGN_KEYS = {
    "organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "contact_id": "contact",
    "taxonomy_term_id": "taxonomy_term",
    "taxonomy_id": "taxonomy",
}
JSON_FILES = ("services.json", "organizations.json", "taxonomies.json", "taxonomy_terms.json")


def table_rows(objects: list[SiteObjects], portal: Portal) -> dict[str, list[dict[str, Any]]]:
    """Every flat HSDS row, by object type, in slug order."""

    def each(pick: str) -> list[dict[str, Any]]:
        return [getattr(o, pick) for o in objects]

    def flatten(pick: str) -> list[dict[str, Any]]:
        return [row for o in objects for row in getattr(o, pick)]

    return {
        "organization": each("organization"),
        "service": each("service"),
        "location": each("location"),
        "service_at_location": each("service_at_location"),
        "contact": flatten("contacts"),
        "phone": flatten("phones"),
        "attribute": each("attribute"),
        "taxonomy_term": stage_terms(portal),
        "taxonomy": [stage_taxonomy()],
    }


def api_page(contents: list[dict[str, Any]]) -> dict[str, Any]:
    """The HSDS API's paginated list shape, with everything on one page."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def json_documents(objects: list[SiteObjects], portal: Portal) -> dict[str, dict[str, Any]]:
    terms = {term["id"]: term for term in stage_terms(portal)}
    return {
        "services.json": api_page([nested_service(o, terms) for o in objects]),
        "organizations.json": api_page([nested_organization(o) for o in objects]),
        "taxonomies.json": api_page([stage_taxonomy()]),
        "taxonomy_terms.json": api_page(list(terms.values())),
    }


def field_descriptor(name: str, kind: tuple[str, str | None]) -> dict[str, str]:
    type_, format_ = kind
    return {"name": name, "type": type_, **({"format": format_} if format_ else {})}


def resource(table: Table) -> dict[str, Any]:
    foreign = [
        {"fields": name, "reference": {"resource": FOREIGN_KEYS[name], "fields": "id"}}
        for name in table.columns
        if name in FOREIGN_KEYS
    ]
    schema: dict[str, Any] = {
        "fields": [field_descriptor(name, kind) for name, kind in table.fields],
        "primaryKey": "id",
    }
    if foreign:
        schema["foreignKeys"] = foreign
    return {
        "name": table.name,
        "path": table.path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def datapackage(portal: Portal) -> dict[str, Any]:
    homepage = absolute_url(portal.settings, "data/")
    return {
        "profile": "tabular-data-package",
        "name": "lead-sites-hsds",
        "title": "LEAD® sites in the Human Services Data Specification (HSDS) 3",
        **({"homepage": homepage} if homepage else {}),
        "created": iso_midnight(build_date(portal.settings)),
        "licenses": [
            {"name": DATA_LICENSE.id, "path": DATA_LICENSE.url, "title": DATA_LICENSE.title}
        ],
        "contributors": [{"title": portal.settings.data_publisher, "role": "publisher"}],
        "resources": [resource(table) for table in TABLES],
    }


def table_csv(table: Table, rows: list[dict[str, Any]]) -> str:
    # Exchange files for programs: written exactly, without a BOM or formula prefixes.
    cells = ([row.get(column) for column in table.columns] for row in rows)
    return csv_text(table.columns, cells, safe=False, bom=False)


def hsds_files(portal: Portal) -> Iterator[Output]:
    objects = all_site_objects(portal)
    for name, document in json_documents(objects, portal).items():
        yield Output(f"{HSDS_DIR}/{name}", json_text(document))
    rows = table_rows(objects, portal)
    for table in TABLES:
        yield Output(f"{HSDS_DIR}/{table.path}", table_csv(table, rows[table.name]))
    yield Output(f"{HSDS_DIR}/datapackage.json", json_text(datapackage(portal)))
