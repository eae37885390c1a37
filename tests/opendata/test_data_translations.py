"""The Spanish texts of the records in the open-data files: sites.json, sites.geojson,
documents.json, a summary column per language in sites.csv."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from open_data_support import (
    SPANISH_SUMMARY,
    TRANSLATED_SITE,
    add_site,
    data_json,
    generated,
    speak_spanish,
)

from leadportal.opendata.csv_safe import restore
from leadportal.opendata.fields import SITE_CSV_COLUMNS, SITE_FIELDS

TRANSLATED_DOCUMENT = """\
translations:
  es:
    title: Un documento de prueba
"""


@pytest.fixture
def spanish_portal(fixture_portal: Path) -> Path:
    speak_spanish(fixture_portal)
    add_site(fixture_portal, "translated", TRANSLATED_SITE)
    document = next((fixture_portal / "docs" / "resources").glob("*.yml"))
    document.write_text(document.read_text(encoding="utf-8") + TRANSLATED_DOCUMENT)
    return fixture_portal


def by_slug(items: list[dict]) -> dict[str, dict]:
    return {item["slug"]: item for item in items}


def test_sites_json_carries_the_spanish_summary(spanish_portal: Path) -> None:
    sites = by_slug(data_json(generated(spanish_portal), "data/sites.json")["sites"])
    assert sites["translated"]["translations"] == {"es": {"summary": SPANISH_SUMMARY}}
    assert sites["translated"]["summary"].startswith("Tacoma's program.")  # English kept
    assert sites["albany-ny"]["translations"] == {}  # not translated: nothing invented
    assert [f.name for f in SITE_FIELDS][-1] == "translations"  # new fields go at the end
    assert all(list(s) == [f.name for f in SITE_FIELDS] for s in sites.values())


def test_geojson_properties_carry_it_too(spanish_portal: Path) -> None:
    features = data_json(generated(spanish_portal), "data/sites.geojson")["features"]
    translated = next(f for f in features if f["id"] == "translated")
    assert translated["properties"]["translations"]["es"]["summary"] == SPANISH_SUMMARY


def test_documents_json_carries_only_the_texts_translated(spanish_portal: Path) -> None:
    documents = data_json(generated(spanish_portal), "data/documents.json")["documents"]
    translated = [d for d in documents if d["translations"]]
    assert len(translated) == 1
    assert translated[0]["translations"] == {"es": {"title": "Un documento de prueba"}}


def csv_table(files: dict[str, str]) -> tuple[list[str], dict[str, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(files["data/sites.csv"].removeprefix("\ufeff")))
    rows = {row["slug"]: row for row in reader}
    return list(reader.fieldnames or []), rows


def test_csv_has_a_summary_es_column_after_the_english_ones(spanish_portal: Path) -> None:
    header, rows = csv_table(generated(spanish_portal))
    assert header == [c.name for c in SITE_CSV_COLUMNS] + ["summary_es"]
    # A spreadsheet would run "=El programa…" as a formula: it is neutralised like the rest.
    assert rows["translated"]["summary_es"] == "'" + SPANISH_SUMMARY
    assert restore(rows["translated"]["summary_es"]) == SPANISH_SUMMARY
    assert rows["albany-ny"]["summary_es"] == ""


def test_without_other_languages_the_csv_keeps_its_columns(fixture_portal: Path) -> None:
    header, _ = csv_table(generated(fixture_portal))
    assert header == [c.name for c in SITE_CSV_COLUMNS]


def test_data_page_documents_the_new_fields(spanish_portal: Path) -> None:
    page = generated(spanish_portal)["data/index.md"]
    assert "<code>summary_es</code>" in page
    assert page.count("<code>translations</code>") == 2  # sites.json and documents.json


def test_data_page_names_the_hsds_extension(fixture_portal: Path) -> None:
    page = generated(fixture_portal)["data/index.md"]
    assert "<code>x_translations</code>" in page
