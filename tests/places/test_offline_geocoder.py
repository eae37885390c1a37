"""The offline geocoder (geopy's interface over the packaged US places) and the committed
cache of the real portal that it wrote."""

from __future__ import annotations

import math

import pytest
from geopy.geocoders.base import Geocoder
from portal_helpers import REPO_ROOT

from leadportal.build.generate import generate
from leadportal.places.geocache import load_places, place_query
from leadportal.places.geocoders import make_geocoder
from leadportal.places.offline_geocoder import OfflineGeocoder
from leadportal.records.loader import load_records
from leadportal.records.mkdocs_yml import read_settings

GEOCODER = OfflineGeocoder()


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance on a sphere (haversine), good enough to say "in that town"."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("query", "near", "match"),
    [
        ("Seattle, King County, WA, US", (47.61, -122.33), "city"),
        ("Seattle, WA", (47.61, -122.33), "city"),
        ({"city": "Ithaca", "state": "New York"}, (42.44, -76.50), "city"),
        ("Walla Walla County, WA, US", (46.06, -118.34), "county"),
        ({"county": "Watauga", "state": "NC"}, (36.22, -81.67), "county"),
        ("98104", (47.60, -122.33), "zip"),
        ("Honolulu, Honolulu County, HI, US", (21.31, -157.86), "city"),
    ],
)
def test_cities_counties_and_zip_codes_are_found(
    query: str | dict[str, str], near: tuple[float, float], match: str
) -> None:
    location = GEOCODER.geocode(query, exactly_one=True, timeout=5)
    assert location is not None
    assert km((location.latitude, location.longitude), near) < 30
    assert location.raw["match"] == match


@pytest.mark.parametrize(
    "query",
    ["Nowhereville Zq, WA, US", "WA", "Washington, US", "Paris, FR", "Toronto, ON, CA", "00000"],
)
def test_unknown_places_and_bare_states_get_no_answer(query: str) -> None:
    assert GEOCODER.geocode(query) is None


def test_a_county_word_keeps_a_county_from_being_taken_for_a_city() -> None:
    """Clackamas is also a town; "Clackamas County" is the county, centred elsewhere."""
    county = GEOCODER.geocode("Clackamas County, OR, US")
    town = GEOCODER.geocode("Clackamas, OR, US")
    assert county.raw["match"] == "county" and town.raw["match"] == "city"
    assert km(county.point[:2], town.point[:2]) > 5


def test_it_is_a_geopy_geocoder_that_never_uses_the_network() -> None:
    assert isinstance(GEOCODER, Geocoder)
    assert GEOCODER.geocode("Seattle, WA", exactly_one=False)[0].address == "Seattle, WA"
    with pytest.raises(RuntimeError, match="never uses the network"):
        GEOCODER.adapter.get_json("https://example.org/", timeout=1, headers={})
    assert isinstance(make_geocoder("offline", read_settings(REPO_ROOT / "mkdocs.yml")), Geocoder)


def real_places() -> dict[str, tuple[float, float]]:
    places, problems = load_places(read_settings(REPO_ROOT / "mkdocs.yml"))
    assert problems == []
    return {query: (place.lat, place.lon) for query, place in places.items()}


def test_the_committed_cache_places_every_public_site_of_the_portal() -> None:
    settings = read_settings(REPO_ROOT / "mkdocs.yml")
    places = real_places()
    for loaded in load_records(settings).sites:
        if loaded.record.public and loaded.record.location is None:
            assert place_query(loaded.record) in places, loaded.path


@pytest.mark.parametrize(
    ("query", "town"),
    [
        ("Seattle, King County, WA, US", (47.61, -122.33)),
        ("Honolulu, Honolulu County, HI, US", (21.31, -157.86)),
        ("Belfast, Waldo County, ME, US", (44.43, -69.01)),
        ("Portland, Cumberland County, ME, US", (43.66, -70.26)),
        ("Portland, Multnomah County, OR, US", (45.52, -122.68)),
        ("Charleston, Kanawha County, WV, US", (38.35, -81.63)),
        # county sites: near the county seat
        ("Walla Walla County, WA, US", (46.06, -118.34)),
        ("Watauga County, NC, US", (36.22, -81.67)),
        ("Pueblo County, CO, US", (38.25, -104.61)),
        ("Mercer County, WV, US", (37.37, -81.10)),
        ("Snohomish County, WA, US", (47.98, -122.20)),
        ("Clackamas County, OR, US", (45.36, -122.61)),
        ("Los Angeles County, CA, US", (34.05, -118.24)),
    ],
)
def test_the_committed_cache_puts_sites_where_they_are(
    query: str, town: tuple[float, float]
) -> None:
    assert km(real_places()[query], town) < 40


def test_the_real_portal_builds_its_places_from_the_cache() -> None:
    result = generate(read_settings(REPO_ROOT / "mkdocs.yml"))
    assert result.portal is not None
    assert all(entry.lat is not None for entry in result.portal.sites)
    assert not [p for p in result.problems if "coordinates" in p.message]
