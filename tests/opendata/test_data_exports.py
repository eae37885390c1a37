"""/data/sites.json, .geojson, .csv and documents.json, read back as a user's program would."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from open_data_support import HOSTILE_SITE, TODAY, add_site, data_json, generated

from leadportal.opendata.csv_safe import restore
from leadportal.opendata.fields import SITE_CSV_COLUMNS, SITE_FIELDS

DATA_FILES = ("data/sites.json", "data/sites.geojson", "data/sites.csv", "data/documents.json")


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture
def hostile_portal(fixture_portal: Path) -> Path:
    add_site(fixture_portal, "hostile", HOSTILE_SITE)
    return fixture_portal


def records(root: Path) -> dict[str, dict]:
    """The public site records as YAML gives them, by slug."""
    found = {}
    for path in sorted((root / "sites").glob("*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if record.get("public", True):
            found[path.stem] = record
    return found


def test_sites_json_lists_every_public_site_with_its_header(hostile_portal: Path) -> None:
    data = data_json(generated(hostile_portal), "data/sites.json")
    assert data["schema_version"] == "1.0"
    assert data["build_date"] == TODAY.isoformat()
    assert data["license"]["id"] == "CC-BY-4.0"
    assert [s["slug"] for s in data["sites"]] == sorted(records(hostile_portal))
    assert data["count"] == len(data["sites"])
    assert all(list(s) == [f.name for f in SITE_FIELDS] for s in data["sites"])
    albany = data["sites"][0]
    assert albany["location"] == {"lat": 42.6526, "lon": -73.7562}
    assert albany["jurisdiction"]["city"] == "Albany"
    assert albany["page"] == "https://example.org/lead/sites/albany-ny/"
    hostile = next(s for s in data["sites"] if s["slug"] == "hostile")
    assert hostile["location"] is None
    assert hostile["contacts"][0]["phone"] == "+1 206 555 0100 x12"


def test_build_date_follows_source_date_epoch(
    fixture_portal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    files = generated(fixture_portal)
    assert data_json(files, "data/sites.json")["build_date"] == "2023-11-14"
    assert data_json(files, "data/hsds/datapackage.json")["created"] == "2023-11-14T00:00:00Z"


def test_geojson_points_are_longitude_first(hostile_portal: Path) -> None:
    data = data_json(generated(hostile_portal), "data/sites.geojson")
    assert data["type"] == "FeatureCollection"
    by_slug = {f["id"]: f for f in data["features"]}
    assert sorted(by_slug) == sorted(records(hostile_portal))
    for slug, record in records(hostile_portal).items():
        feature = by_slug[slug]
        assert feature["type"] == "Feature"
        assert "location" not in feature["properties"]
        assert feature["properties"]["name"] == record["name"]
        if "location" in record:
            assert feature["geometry"] == {
                "type": "Point",
                "coordinates": [record["location"]["lon"], record["location"]["lat"]],
            }
        else:
            assert feature["geometry"] is None
    albany = by_slug["albany-ny"]["geometry"]["coordinates"]
    assert -180 <= albany[0] < -70 and 40 < albany[1] < 45  # lon, lat of Albany, NY


def csv_rows(files: dict[str, str]) -> list[dict[str, str]]:
    text = files["data/sites.csv"]
    assert text.startswith("\ufeff"), "spreadsheet programs need the BOM to see UTF-8"
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    assert reader.fieldnames == [c.name for c in SITE_CSV_COLUMNS]
    return list(reader)


def expected_row(slug: str, record: dict) -> dict[str, str]:
    """What a spreadsheet user should read for a record, worked out from the YAML alone."""
    where = record["jurisdiction"]
    contacts = []
    for c in record.get("contacts", []):
        details = ", ".join(c[k] for k in ("name", "email", "phone") if k in c)
        contacts.append(f"{c['role']}: {details}" if details else c["role"])
    return {
        "slug": slug,
        "name": record["name"],
        "stage": record["stage"],
        "city": where.get("city", ""),
        "county": where.get("county", ""),
        "state": where["state"],
        "country": where.get("country", "US"),
        "launched": str(record.get("launched", "")),
        "website": record.get("website", ""),
        "referral_pathways": "; ".join(record.get("referral_pathways", [])),
        "partners": "; ".join(f"{p['name']} ({p['role']})" for p in record.get("partners", [])),
        "contacts": "; ".join(contacts),
        "last_verified": str(record.get("last_verified", "")),
        "summary": record.get("summary", ""),
        "page": f"https://example.org/lead/sites/{slug}/",
    }


def test_csv_read_back_equals_the_records(hostile_portal: Path) -> None:
    rows = {row["slug"]: row for row in csv_rows(generated(hostile_portal))}
    for slug, record in records(hostile_portal).items():
        row = rows.pop(slug)
        location = record.get("location")
        for axis in ("lat", "lon"):
            cell = row.pop(axis)
            assert (float(cell) if cell else None) == (location[axis] if location else None)
        assert {k: restore(v) for k, v in row.items()} == expected_row(slug, record)
    assert not rows, "rows for sites that are not public"


def test_csv_neutralises_formula_cells_and_nothing_is_lost(hostile_portal: Path) -> None:
    row = next(r for r in csv_rows(generated(hostile_portal)) if r["slug"] == "hostile")
    record = records(hostile_portal)["hostile"]
    for column, original in (
        ("name", record["name"]),
        ("city", "+1 city"),
        ("county", "@SUM(A1:A9)"),
        ("summary", "-2+3 is a formula too"),
        ("partners", "'Quoted partner (housing); -Minus partner (other)"),
        (
            "contacts",
            "=Referrals: @Pat, pat@example.org, +1 206 555 0100 x12; Questions: 206-555-0101",
        ),
    ):
        assert row[column] == "'" + original, column
        assert restore(row[column]) == original
    assert row["referral_pathways"] == "social contact; arrest diversion"
    assert row["lat"] == row["lon"] == ""
    for cell in row.values():
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_negative_coordinates_stay_numbers(fixture_portal: Path) -> None:
    albany = next(r for r in csv_rows(generated(fixture_portal)) if r["slug"] == "albany-ny")
    assert albany["lon"] == "-73.7562"


def test_documents_json_lists_public_documents(fixture_portal: Path) -> None:
    data = data_json(generated(fixture_portal), "data/documents.json")
    assert [d["slug"] for d in data["documents"]] == [
        "community-toolkit",
        "no-topic-guide",
        "quotes-and-script-report",
        "systems-brief",
    ]
    toolkit = data["documents"][0]
    assert toolkit["file"] == "https://example.org/lead/resources/files/toolkit.pdf"
    assert toolkit["url"] is None
    assert toolkit["topics"] == ["implementation", "harm reduction"]
    assert toolkit["page"] == "https://example.org/lead/resources/community-toolkit/"


def test_unlisted_records_are_in_no_data_file(fixture_portal: Path) -> None:
    files = generated(fixture_portal)
    data_paths = [p for p in files if p.startswith("data/")] + ["sites/feed.xml"]
    assert len(data_paths) > 15
    for path in data_paths:
        assert "Zq7xK" not in files[path], path
        assert "hidden" not in files[path], path


def test_data_files_are_in_the_built_site(built_fixture: Path) -> None:
    for path in (*DATA_FILES, "data/hsds/services.json", "data/hsds/datapackage.json"):
        assert (built_fixture / path).is_file(), path
    assert (built_fixture / "sites/feed.xml").is_file()
    assert (built_fixture / "data/index.html").is_file()


def generate_in_subprocess(root: Path, out: Path, seed: str) -> None:
    # 2026-11-26: after every record's last_verified (a future one is a problem).
    env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1795651200"}
    command = [sys.executable, "-m", "leadportal.cli", "-f", str(root / "mkdocs.yml")]
    subprocess.run(
        [*command, "generate", "--out", str(out)], env=env, check=True, capture_output=True
    )


@pytest.mark.slow
def test_same_input_gives_byte_identical_data_files(hostile_portal: Path, tmp_path: Path) -> None:
    generate_in_subprocess(hostile_portal, tmp_path / "one", "1")
    generate_in_subprocess(hostile_portal, tmp_path / "two", "2")
    one = sorted((tmp_path / "one").rglob("*"))
    data = [p for p in one if p.is_file() and ("data" in p.parts or p.name == "feed.xml")]
    assert len(data) >= 20
    for path in data:
        twin = tmp_path / "two" / path.relative_to(tmp_path / "one")
        assert path.read_bytes() == twin.read_bytes(), path
