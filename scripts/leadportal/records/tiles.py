"""The map's base tiles from the `tiles` setting: OpenStreetMap, none, or an https:// template.

The settings are checked once, when the portal is loaded (problems point at mkdocs.yml), so
a mistyped value fails the build instead of leaving visitors with a blank map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from leadportal.records.problems import Problem
from leadportal.records.settings import Settings

MKDOCS_YML = "mkdocs.yml"
OPENSTREETMAP = "openstreetmap"
NONE = "none"
OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
# The copyright link opens in the top window: the map is usually shown inside a frame.
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright" target="_top">OpenStreetMap</a>'
    " contributors"
)
PLACEHOLDERS = ("{z}", "{x}", "{y}")
# A host name (optionally with a `{s}.` sub-domain template and a port), nothing else, so the
# address can go into the Content-Security-Policy as it is.
TILE_HOST = re.compile(r"^(\{s\}\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:[0-9]{1,5})?$", re.IGNORECASE)


@dataclass(frozen=True)
class Tiles:
    """A tile layer: its URL template and its attribution (HTML, as Leaflet shows it)."""

    url: str
    attribution: str


def is_off(tiles: str) -> bool:
    return tiles.strip().lower() in ("", NONE)


def tiles_for(settings: Settings) -> Tiles | None:
    """The configured tile layer, or None for `tiles: none` (state outlines only).

    Assumes `tiles_problems(settings)` found nothing.
    """
    if is_off(settings.tiles):
        return None
    if settings.tiles.strip().lower() == OPENSTREETMAP:
        return Tiles(OSM_URL, settings.tiles_attribution.strip() or OSM_ATTRIBUTION)
    return Tiles(settings.tiles.strip(), settings.tiles_attribution.strip())


def template_error(url: str) -> str | None:
    """What is wrong with a tile URL template, or None."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not TILE_HOST.match(parts.netloc):
        return f"'{url}' is not an https:// address with a plain host name"
    missing = [p for p in PLACEHOLDERS if p not in url]
    if missing:
        return f"'{url}' lacks {', '.join(missing)}"
    if any(c in url for c in " \"'<>;\\"):
        return f"'{url}' contains spaces, quotes, angle brackets, ; or \\"
    return None


def tiles_problems(settings: Settings) -> list[Problem]:
    """Problems with `tiles` and `tiles_attribution` under leadportal in mkdocs.yml."""
    tiles = settings.tiles.strip()
    if is_off(tiles) or tiles.lower() == OPENSTREETMAP:
        return []
    error = (
        template_error(tiles)
        if "://" in tiles
        else f"'{tiles}' is not {OPENSTREETMAP}, {NONE} or a tile address"
    )
    if error:
        return [
            Problem(
                MKDOCS_YML,
                field="leadportal.tiles",
                message=error,
                hint=f"use {OPENSTREETMAP} (the default), {NONE} (no tiles, no requests to "
                "another host), or an https:// template with {z}, {x} and {y}",
            )
        ]
    if not settings.tiles_attribution.strip():
        return [
            Problem(
                MKDOCS_YML,
                field="leadportal.tiles_attribution",
                message="tiles from another service need their attribution",
                hint="set `tiles_attribution` under leadportal in mkdocs.yml to the credit the "
                "tile service asks for",
            )
        ]
    return []
