"""The offline US places data: the lookups near-me search and the offline geocoder rely on."""

from __future__ import annotations

import pytest

from leadportal.places.geocache import CachedPlace, cache_text, parse_cache
from leadportal.places.us_places import county_key, name_key, state_code, us_places


def test_a_city_a_county_a_zip_and_a_state_are_found_near_each_other() -> None:
    places = us_places()
    city = places.cities[(name_key("Seattle"), "WA")]
    county = places.counties[(county_key("King County"), "WA")]
    zip_code = places.zips["98104"]
    for place in (county, zip_code):
        assert abs(place.lat - city.lat) < 0.5 and abs(place.lon - city.lon) < 0.5
    assert places.states["WA"].label == "Washington"


@pytest.mark.parametrize(
    ("written", "key"),
    [("St. Louis", "st louis"), ("Saint Louis", "st louis"), ("Española", "espanola")],
)
def test_names_match_however_staff_spell_them(written: str, key: str) -> None:
    assert name_key(written) == key


def test_county_suffixes_are_optional() -> None:
    assert county_key("Harris County") == county_key("harris") == "harris"
    assert county_key("Orleans Parish") == "orleans"


@pytest.mark.parametrize(("text", "code"), [("wa", "WA"), ("Washington", "WA"), ("Narnia", None)])
def test_state_codes_from_codes_or_names(text: str, code: str | None) -> None:
    assert state_code(text) == code


def test_the_cache_file_reads_back_what_was_written() -> None:
    places = {"Seattle, King County, WA, US": CachedPlace(47.606209, -122.332071, "offline", "x")}
    again = parse_cache(cache_text(places))
    assert again == {
        "Seattle, King County, WA, US": CachedPlace(47.60621, -122.33207, "offline", "x")
    }


def test_a_cache_without_coordinates_is_refused_with_the_place_named() -> None:
    with pytest.raises(ValueError, match="Seattle"):
        parse_cache('{"places": {"Seattle": {"lat": 1}}}')
