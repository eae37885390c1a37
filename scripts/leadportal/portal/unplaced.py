"""The build's warning for a public site without coordinates: off the map and near-me search."""

from __future__ import annotations

from collections.abc import Iterator

from leadportal.places.geocache import place_query
from leadportal.portal.model import Portal
from leadportal.records.problems import Problem


def unplaced_sites(portal: Portal) -> Iterator[Problem]:
    """A warning naming the file of each public site with neither `location` nor a cache entry."""
    cache = portal.settings.geocode_cache
    hint = f"run `leadportal geocode` to add it to {cache}, or set `location: {{lat: …, lon: …}}`"
    for entry in portal.sites:
        if entry.lat is None or entry.lon is None:
            message = (
                f'no coordinates for "{place_query(entry.site)}": the site is missing from the '
                "map and from near-me search"
            )
            yield Problem(entry.path, message=message, hint=hint, severity="warning")
