"""Links between records: the documents about a site, the sites a document is about, and a
site's nearest other sites. Here in the portal model, so that neither the sites family nor
the library has to import the other."""

from __future__ import annotations

import math
from dataclasses import dataclass

from leadportal.portal.model import Portal, SiteEntry
from leadportal.records.models import Document

EARTH_RADIUS_MILES = 3958.8
KM_PER_MILE = 1.609344
NEAREST_COUNT = 3


@dataclass(frozen=True)
class LinkedDocument:
    slug: str
    url: str  # relative to the site root, e.g. "resources/uw-recidivism-2017/"
    document: Document


@dataclass(frozen=True)
class Nearby:
    entry: SiteEntry
    miles: float

    @property
    def km(self) -> float:
        return self.miles * KM_PER_MILE


def miles_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine) in miles."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


def document_url(portal: Portal, slug: str) -> str:
    return f"{portal.settings.resources_dir}/{slug}/"


def documents_about(portal: Portal, site_slug: str) -> list[LinkedDocument]:
    """The public documents naming the site, newest first (then by title)."""
    about = [d for d in portal.documents if site_slug in d.record.sites]
    about.sort(key=lambda d: d.record.title.casefold())
    about.sort(key=lambda d: d.record.published, reverse=True)
    return [LinkedDocument(d.slug, document_url(portal, d.slug), d.record) for d in about]


def sites_of(portal: Portal, document: Document) -> list[SiteEntry]:
    """The public sites the document names, in the order it names them."""
    by_slug = {entry.slug: entry for entry in portal.sites}
    return [by_slug[slug] for slug in document.sites if slug in by_slug]


def nearest_sites(portal: Portal, entry: SiteEntry, count: int = NEAREST_COUNT) -> list[Nearby]:
    """The `count` public sites nearest to `entry` (itself excluded), nearest first; none when
    the site has no coordinates. Ties go by slug, so the output is reproducible."""
    if entry.lat is None or entry.lon is None:
        return []
    found = [
        Nearby(other, miles_between(entry.lat, entry.lon, other.lat, other.lon))
        for other in portal.sites
        if other.slug != entry.slug and other.lat is not None and other.lon is not None
    ]
    found.sort(key=lambda near: (near.miles, near.entry.slug))
    return found[:count]
