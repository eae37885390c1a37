"""A geopy geocoder that answers from the packaged US places, with no network at all.

It takes the queries `leadportal geocode` sends ("City, County, ST, US", any of the parts
optional, or a five-digit ZIP code) and geopy's structured queries (a dict with `city`,
`county`, `state`, `postalcode`, `country`). The most precise match wins: a ZIP code, then the
city in that state, then the county in that state. A query that names only a state, or a
place the data does not know, gets no answer: a pin at the middle of a state would put a
site hundreds of miles from where it works, and distances from it would mislead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from geopy.adapters import BaseSyncAdapter
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from leadportal.places.us_places import (
    COUNTY_WORDS,
    Place,
    county_key,
    name_key,
    state_code,
    us_places,
)

ZIP_CODE = re.compile(r"^(\d{5})(?:-\d{4})?$")
US_NAMES = {"us", "usa", "united states", "united states of america"}
USER_AGENT = "leadportal-offline"  # never sent anywhere; geopy's base class wants one


class NoNetworkAdapter(BaseSyncAdapter):
    """The offline geocoder's HTTP client: any request it is asked to make is a bug."""

    def __init__(self, *, proxies: Any = None, ssl_context: Any = None) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        raise RuntimeError(f"the offline geocoder never uses the network (asked for {url})")

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        raise RuntimeError(f"the offline geocoder never uses the network (asked for {url})")


@dataclass(frozen=True)
class PlaceQuery:
    """What a query asks for, in the words the US places data is keyed by."""

    state: str | None = None
    names: tuple[str, ...] = ()  # city and/or county names, as written
    zip_code: str | None = None


def parse_text(query: str) -> PlaceQuery:
    """ "Seattle, King County, WA, US" -> state WA, names (Seattle, King County)."""
    parts = [part.strip() for part in query.split(",") if part.strip()]
    zip_code = next((m.group(1) for p in parts if (m := ZIP_CODE.match(p))), None)
    parts = [p for p in parts if not ZIP_CODE.match(p)]
    if len(parts) > 1 and name_key(parts[-1]) in US_NAMES:
        parts.pop()
    state = state_code(parts[-1]) if parts else None
    if parts and state is None:
        return PlaceQuery(zip_code=zip_code)  # another country, or no state: ZIP code or nothing
    return PlaceQuery(state, tuple(parts[:-1]), zip_code)


def parse_structured(query: Mapping[str, str]) -> PlaceQuery:
    country = query.get("country", "")
    if country and name_key(country) not in US_NAMES:
        return PlaceQuery()  # the data knows the US only
    state = state_code(query["state"]) if query.get("state") else None
    names = tuple(query[key] for key in ("city", "county") if query.get(key))
    match = ZIP_CODE.match(query.get("postalcode", "").strip())
    return PlaceQuery(state, names, match.group(1) if match else None)


def is_county_name(name: str) -> bool:
    return any(name_key(name).endswith(" " + word) for word in COUNTY_WORDS)


def find(query: PlaceQuery) -> tuple[Place, str] | None:
    """The most precise known place for `query` and what kind of match it is."""
    places = us_places()
    if query.zip_code and query.zip_code in places.zips:
        return places.zips[query.zip_code], "zip"
    if query.state is None:
        return None
    for name in query.names:
        city = places.cities.get((name_key(name), query.state))
        if city and not is_county_name(name):
            return city, "city"
    for name in query.names:
        county = places.counties.get((county_key(name), query.state))
        if county:
            return county, "county"
    return None


class OfflineGeocoder(Geocoder):
    """geopy's `Geocoder` interface over `us_places()`: no network, no rate limit."""

    def __init__(self) -> None:
        super().__init__(user_agent=USER_AGENT, adapter_factory=NoNetworkAdapter)

    def geocode(
        self,
        query: str | Mapping[str, str],
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        parsed = parse_structured(query) if isinstance(query, Mapping) else parse_text(query)
        found = find(parsed)
        if found is None:
            return None
        place, match = found
        raw = {"match": match, "label": place.label, "lat": place.lat, "lon": place.lon}
        location = Location(place.label, (place.lat, place.lon), raw)
        return location if exactly_one else [location]
