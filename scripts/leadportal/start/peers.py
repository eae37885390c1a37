"""Peer sites for a stage: public sites further along, spread across the country.

In the browser, a place the visitor names re-orders the same pool nearest first
(assets/start.js); this is the order without one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from leadportal.portal.links import miles_between
from leadportal.portal.model import SiteEntry

PEER_COUNT = 5


def peer_pool(stage: str, order: Sequence[str], sites: Sequence[SiteEntry]) -> list[SiteEntry]:
    """Sites at a later stage of `order` than `stage`; at the last stage, the others at it.

    Sites at a stage outside `order` (paused, ended) are never peers.
    """
    if stage not in order:
        return []
    rank = {name: i for i, name in enumerate(order)}
    mine = rank[stage]
    last = mine == len(order) - 1
    return [
        entry
        for entry in sites
        if entry.site.stage in rank
        and (rank[entry.site.stage] > mine or (last and rank[entry.site.stage] == mine))
    ]


def miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in miles (the same formula as the browser's)."""
    return miles_between(*a, *b)


def point(entry: SiteEntry) -> tuple[float, float] | None:
    return None if entry.lat is None or entry.lon is None else (entry.lat, entry.lon)


def experience_key(entry: SiteEntry) -> tuple[str, str]:
    """Longest-running first: by launch date (unknown last), then slug."""
    return (entry.site.launched or "9999", entry.slug)


def spread(pool: Sequence[SiteEntry], count: int = PEER_COUNT) -> list[SiteEntry]:
    """`count` sites far apart: the longest-running placed site first, then each time the site
    farthest from every one already chosen. Sites without coordinates come last, by name."""
    placed = sorted((e for e in pool if point(e) is not None), key=experience_key)
    chosen: list[SiteEntry] = []
    while placed and len(chosen) < count:
        if not chosen:
            chosen.append(placed.pop(0))
            continue
        far = min(placed, key=lambda e: (-min(_apart(e, c) for c in chosen), e.slug))
        placed.remove(far)
        chosen.append(far)
    unplaced = sorted((e for e in pool if point(e) is None), key=lambda e: e.site.name.casefold())
    return (chosen + unplaced)[:count]


def nearest(
    pool: Sequence[SiteEntry], origin: tuple[float, float], count: int = PEER_COUNT
) -> list[SiteEntry]:
    """The `count` sites nearest `origin` (unplaced ones last), ties by slug."""

    def key(entry: SiteEntry) -> tuple[float, str]:
        where = point(entry)
        return (math.inf if where is None else miles(origin, where), entry.slug)

    return sorted(pool, key=key)[:count]


def _apart(a: SiteEntry, b: SiteEntry) -> float:
    pa, pb = point(a), point(b)
    assert pa is not None and pb is not None
    return miles(pa, pb)
