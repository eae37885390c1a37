"""The geocode cache: coordinates for sites without a `location`, read by every build.

`leadportal geocode` is the only writer. The file is keyed by the place query a site's
jurisdiction gives, so a site that moves to another city simply misses the cache (and the
build says so) instead of keeping stale coordinates.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from leadportal.records.models import Site
from leadportal.records.problems import Problem
from leadportal.records.safe_read import NotAFile, read_file
from leadportal.records.settings import Settings

CACHE_FORMAT = 1


@dataclass(frozen=True)
class CachedPlace:
    lat: float
    lon: float
    source: str = ""  # which geocoder answered, e.g. "nominatim" or "offline"
    label: str = ""  # the place name the geocoder matched


def place_query(site: Site) -> str:
    """The cache key and geocoder query of a site: "City, County, ST, US" (parts it has)."""
    j = site.jurisdiction
    return ", ".join(part for part in (j.city, j.county, j.state, j.country) if part)


MAX_CACHE_BYTES = 50_000_000


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a coordinate")


def _coordinate(entry: object, key: str, limit: float) -> float:
    value = entry.get(key) if isinstance(entry, dict) else None
    # bool is an int to Python; NaN and Infinity never reach here (see _no_constant).
    if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > limit:
        raise ValueError(f"expected {key} as a number from -{limit:g} to {limit:g}")
    return float(value)


def parse_cache(text: str) -> dict[str, CachedPlace]:
    """The places of a cache file's text; ValueError says what is wrong."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("nested too deeply to be a geocode cache") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON at line {error.lineno}, column {error.colno}") from None
    if not isinstance(data, dict) or not isinstance(data.get("places"), dict):
        raise ValueError('expected a JSON object with a "places" object')
    places = {}
    for query, entry in data["places"].items():
        try:
            places[query] = CachedPlace(
                _coordinate(entry, "lat", 90),
                _coordinate(entry, "lon", 180),
                str(entry.get("source", "")),
                str(entry.get("label", "")),
            )
        except ValueError as error:
            raise ValueError(f'place "{query}": {error}') from None
    return places


def read_cache(
    path: Path, shown_as: str, root: Path
) -> tuple[dict[str, CachedPlace], list[Problem]]:
    """The cached places, or none and a problem naming the file when it cannot be read."""
    if not path.exists() and not path.is_symlink():
        return {}, []
    hint = "rerun `leadportal geocode` to rewrite it"
    raw = read_file(path, root, MAX_CACHE_BYTES, "the geocode cache")
    if isinstance(raw, NotAFile):
        return {}, [Problem(shown_as, message=f"the geocode cache {raw.message}", hint=hint)]
    try:
        return parse_cache(raw.decode("utf-8")), []
    except (UnicodeDecodeError, ValueError) as error:
        reason = "not UTF-8 text" if isinstance(error, UnicodeDecodeError) else str(error)
        return {}, [Problem(shown_as, message=f"unreadable geocode cache: {reason}", hint=hint)]


def load_places(settings: Settings) -> tuple[dict[str, CachedPlace], list[Problem]]:
    return read_cache(settings.root / settings.geocode_cache, settings.geocode_cache, settings.root)


def cache_text(places: dict[str, CachedPlace]) -> str:
    """The file text for `places`: sorted keys and fixed precision, so rewrites diff cleanly."""
    body = {
        "format": CACHE_FORMAT,
        "note": "Written by `leadportal geocode`. Do not edit: set `location` in the site record.",
        "places": {
            query: {
                "lat": round(place.lat, 5),
                "lon": round(place.lon, 5),
                "source": place.source,
                "label": place.label,
            }
            for query, place in sorted(places.items())
        },
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def write_cache(path: Path, places: dict[str, CachedPlace]) -> None:
    """Replace the cache file in one step: readers see the old file or the new, never half.

    The text goes to a temporary file in the same folder (so the rename stays on one file
    system), is flushed to disk, then renamed over the old file; on any failure the temporary
    file is removed and the old cache is left as it was.
    """
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(cache_text(places))
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(mode)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
