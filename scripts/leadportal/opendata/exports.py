"""The open-data files about sites and documents: /data/sites.json, .geojson, .csv and
/data/documents.json. Only public records reach them (the Portal holds nothing else)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from leadportal.opendata.common import SCHEMA_VERSION, json_text, license_json, portal_url
from leadportal.opendata.csv_safe import csv_text
from leadportal.opendata.fields import DOCUMENT_FIELDS, SITE_FIELDS, record_of, site_csv_columns
from leadportal.portal.model import Portal, SiteEntry
from leadportal.render.build_time import build_date
from leadportal.render.outputs import Output

DATA_DIR = "data"
SITES_JSON = f"{DATA_DIR}/sites.json"
SITES_GEOJSON = f"{DATA_DIR}/sites.geojson"
SITES_CSV = f"{DATA_DIR}/sites.csv"
DOCUMENTS_JSON = f"{DATA_DIR}/documents.json"


def header(portal: Portal, path: str) -> dict[str, Any]:
    """What every JSON file says about itself, before its records."""
    return {
        "schema_version": SCHEMA_VERSION,
        "build_date": build_date(portal.settings).isoformat(),
        "source": portal_url(portal.settings, path),
        "documentation": portal_url(portal.settings, f"{DATA_DIR}/"),
        "license": license_json(),
    }


def site_records(portal: Portal) -> list[dict[str, Any]]:
    return [record_of(SITE_FIELDS, entry, portal.settings) for entry in portal.sites]


def sites_json(portal: Portal, records: list[dict[str, Any]]) -> str:
    return json_text({**header(portal, SITES_JSON), "count": len(records), "sites": records})


def geometry(entry: SiteEntry) -> dict[str, Any] | None:
    """An RFC 7946 Point: longitude first. Sites without coordinates get a null geometry."""
    if entry.lat is None or entry.lon is None:
        return None
    return {"type": "Point", "coordinates": [entry.lon, entry.lat]}


def site_feature(entry: SiteEntry, record: dict[str, Any]) -> dict[str, Any]:
    properties = {key: value for key, value in record.items() if key != "location"}
    return {
        "type": "Feature",
        "id": entry.slug,
        "geometry": geometry(entry),  # carries the location
        "properties": properties,
    }


def sites_geojson(portal: Portal, records: list[dict[str, Any]]) -> str:
    features = [site_feature(e, r) for e, r in zip(portal.sites, records, strict=True)]
    # RFC 7946 allows members beyond its own ("foreign members"): the same header as sites.json.
    return json_text(
        {"type": "FeatureCollection", **header(portal, SITES_GEOJSON), "features": features}
    )


def sites_csv(portal: Portal) -> str:
    columns = site_csv_columns(portal.settings)
    rows = ([column.value(entry, portal.settings) for column in columns] for entry in portal.sites)
    return csv_text([c.name for c in columns], rows, safe=True, bom=True)


def documents_json(portal: Portal) -> str:
    records = [record_of(DOCUMENT_FIELDS, doc, portal.settings) for doc in portal.documents]
    return json_text(
        {**header(portal, DOCUMENTS_JSON), "count": len(records), "documents": records}
    )


def data_files(portal: Portal) -> Iterator[Output]:
    records = site_records(portal)
    yield Output(SITES_JSON, sites_json(portal, records))
    yield Output(SITES_GEOJSON, sites_geojson(portal, records))
    yield Output(SITES_CSV, sites_csv(portal))
    yield Output(DOCUMENTS_JSON, documents_json(portal))
