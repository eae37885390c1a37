"""The near-me place tables: what the browser decodes equals the places they came from."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from leadportal.places.place_table import (
    PLACES_FILE,
    SCALE,
    ZIP_FILE,
    delta_rows,
    place_data,
    place_files,
    zip_data,
)
from leadportal.places.us_places import Place, county_key, name_key, us_places

Decoded = dict[tuple[str, str], tuple[float, float, int]]


def decode_rows(data: dict[str, list[Any]], stride: int, key: Any) -> Decoded:
    """What sites.js's decodeRows does: (key, state) -> (lat, lon, weight)."""
    decoded: Decoded = {}
    for state, flat in data.items():
        lat = lon = 0
        for i in range(0, len(flat), stride):
            lat += flat[i + 1]
            lon += flat[i + 2]
            weight = flat[i + 3] if stride > 3 else 0
            decoded[(key(flat[i]), state)] = (lat / SCALE, lon / SCALE, weight)
    return decoded


def decode_zips(flat: list[int]) -> dict[str, tuple[float, float]]:
    zips = {}
    code = lat = lon = 0
    for i in range(0, len(flat), 3):
        code, lat, lon = code + flat[i], lat + flat[i + 1], lon + flat[i + 2]
        zips[f"{code:05d}"] = (lat / SCALE, lon / SCALE)
    return zips


@pytest.fixture(scope="module")
def tables() -> dict[str, Any]:
    files = place_files()
    return {name: json.loads(text) for name, text in files.items()}


def close(decoded: tuple[float, ...], place: Place) -> bool:
    return abs(decoded[0] - place.lat) <= 0.0051 and abs(decoded[1] - place.lon) <= 0.0051


def test_every_city_and_county_decodes_to_its_place(tables: dict[str, Any]) -> None:
    places = us_places()
    data = tables[PLACES_FILE]
    cities = decode_rows(data["cities"], 4, name_key)
    counties = decode_rows(data["counties"], 3, county_key)
    assert cities.keys() == places.cities.keys()
    assert counties.keys() == places.counties.keys()
    assert all(close(cities[key], place) for key, place in places.cities.items())
    assert all(close(counties[key], place) for key, place in places.counties.items())


def test_every_zip_code_decodes_to_its_place(tables: dict[str, Any]) -> None:
    zips = decode_zips(tables[ZIP_FILE]["zips"])
    places = us_places().zips
    assert zips.keys() == places.keys()
    assert all(close(zips[code], place) for code, place in places.items())
    assert zips["00501"] == pytest.approx((40.82, -73.05), abs=0.01)  # leading zeros kept


def test_states_carry_code_name_and_centre(tables: dict[str, Any]) -> None:
    states = {row[0]: row[1:] for row in tables[PLACES_FILE]["states"]}
    assert states["WA"][0] == "Washington"
    assert 46 < states["WA"][1] / SCALE < 48.5
    assert [row[0] for row in tables[PLACES_FILE]["states"]] == sorted(states)


def test_states_named_otherwise_in_spanish_carry_that_name(tables: dict[str, Any]) -> None:
    states = {row[0]: row[1:] for row in tables[PLACES_FILE]["states"]}
    assert states["NM"][0] == "New Mexico"
    assert states["NM"][3:] == [{"es": "Nuevo México"}]
    assert states["PA"][3:] == [{"es": "Pensilvania"}]
    assert len(states["TX"]) == 3, "Texas is Texas in Spanish too: no extra names"


def test_the_bigger_portland_outweighs_the_smaller(tables: dict[str, Any]) -> None:
    cities = decode_rows(tables[PLACES_FILE]["cities"], 4, name_key)
    oregon, maine = cities[("portland", "OR")], cities[("portland", "ME")]
    assert oregon[2] > maine[2] > 0
    assert cities[("seattle", "WA")] == pytest.approx((47.61, -122.33, 737), abs=60)


def test_delta_rows_store_differences_from_the_previous_row() -> None:
    rows = [("A", Place("A", 47.001, -122.0), (5,)), ("B", Place("B", 47.5, -121.996), (0,))]
    assert delta_rows(rows) == ["A", 4700, -12200, 5, "B", 50, 0, 0]


def test_zip_rows_are_sorted_and_relative() -> None:
    zips = {"98104": Place("98104", 47.6, -122.33), "00501": Place("00501", 40.8, -73.05)}
    assert zip_data(zips)["zips"] == [501, 4080, -7305, 97603, 680, -4928]


def test_the_tables_are_deterministic_and_compact() -> None:
    places = us_places()
    first = json.dumps(place_data(places, {("seattle", "WA"): 737}))
    assert first == json.dumps(place_data(places, {("seattle", "WA"): 737}))
    files = place_files()
    assert place_files() is files  # built once per process
    sizes = {name: len(gzip.compress(text.encode(), 9)) for name, text in files.items()}
    # Measured 232 KB and 111 KB gzipped (636 KB and 339 KB raw): fail if it doubles.
    assert sizes[PLACES_FILE] < 460_000
    assert sizes[ZIP_FILE] < 225_000
    assert all("\n" not in text.rstrip("\n") and ": " not in text[:200] for text in files.values())
