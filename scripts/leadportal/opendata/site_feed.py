"""An Atom feed (RFC 4287) of site changes, /sites/feed.xml: new sites and stage changes.

Everything in it comes from the records (`history` and `launched`): entry ids derive from
slug, stage and date, entry dates are the recorded dates, and the feed's `updated` is its
newest entry, so the feed changes only when the records do.

No `<link rel="alternate">` points at it from the pages' head: mkdocs-material reads every
such link as another language of the site and fetches `sitemap.xml` beside it, a 404 (and a
console error) on every page. The /data/ page links it instead.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field

from leadportal.opendata.common import DATA_LICENSE, portal_url
from leadportal.portal.model import Portal, SiteEntry
from leadportal.render.build_time import build_date, iso_midnight
from leadportal.render.outputs import Output

FEED_PATH = "sites/feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
# Fixed for ever: entry ids are uuid5(FEED_NAMESPACE, "slug/stage/date").
FEED_NAMESPACE = uuid.UUID("6f0f4b8e-2b1d-4c43-9a51-3d7f0c1e8a27")
LAUNCHED = "launched"
# A history entry at one of these stages on the launch date already tells of the launch.
LAUNCH_STAGES = ("launching", "operating")


@dataclass(frozen=True)
class Change:
    """One dated event of one site; `stage` is a stage name or `launched`."""

    timestamp: str
    slug: str
    stage: str
    since: str
    entry: SiteEntry = field(compare=False, repr=False)

    @property
    def id(self) -> str:
        return "urn:uuid:" + str(
            uuid.uuid5(FEED_NAMESPACE, f"{self.slug}/{self.stage}/{self.since}")
        )


def timestamp(partial_date: str) -> str:
    """`2015` -> 2015-01-01T00:00:00Z; `2017-10` -> 2017-10-01T00:00:00Z."""
    year, month, day = ([*partial_date.split("-"), "01", "01"])[:3]
    return f"{year}-{month}-{day}T00:00:00Z"


def same_event(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def site_changes(entry: SiteEntry) -> list[Change]:
    """The site's stage changes, plus its launch unless a launch-stage change has its date."""
    site = entry.site
    changes = [
        Change(timestamp(h.since), entry.slug, h.stage, h.since, entry) for h in site.history
    ]
    launched = site.launched
    told = [h.since for h in site.history if h.stage in LAUNCH_STAGES]
    if launched and not any(same_event(launched, since) for since in told):
        changes.append(Change(timestamp(launched), entry.slug, LAUNCHED, launched, entry))
    return changes


def all_changes(portal: Portal) -> list[Change]:
    """Newest first; same-day changes by slug, then stage."""
    changes = sorted(
        (c for e in portal.sites for c in site_changes(e)), key=lambda c: (c.slug, c.stage)
    )
    return sorted(changes, key=lambda c: c.timestamp, reverse=True)  # stable: ties keep order


def change_text(change: Change, portal: Portal) -> tuple[str, str]:
    """(title, summary) of a change."""
    site, place = change.entry.site, change.entry.place
    if change.stage == LAUNCHED:
        return f"{site.name}: launched", f"{site.name}, in {place}, launched in {change.since}."
    label = portal.stage_label(change.stage).lower()
    return (
        f"{site.name}: {label}",
        f"{site.name}, in {place}, moved to the {label} stage in {change.since}.",
    )


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def feed_link(portal: Portal, site_path: str) -> str:
    """A link from the feed: absolute with `site_url`, else relative to /sites/feed.xml."""
    if portal.settings.site_url:
        return portal_url(portal.settings, site_path)
    return site_path.removeprefix("sites/") or "./"


def entry_element(feed: ET.Element, change: Change, portal: Portal) -> None:
    title, summary = change_text(change, portal)
    entry = _add(feed, "entry")
    _add(entry, "id", change.id)
    _add(entry, "title", title)
    _add(entry, "updated", change.timestamp)
    _add(entry, "published", change.timestamp)
    _add(entry, "link", rel="alternate", type="text/html", href=feed_link(portal, change.entry.url))
    _add(entry, "category", term=change.stage)
    _add(entry, "summary", summary)


def feed_xml(portal: Portal) -> str:
    changes = all_changes(portal)
    settings = portal.settings
    updated = changes[0].timestamp if changes else iso_midnight(build_date(settings))
    feed = ET.Element("feed", {"xmlns": ATOM})
    _add(feed, "id", "urn:uuid:" + str(uuid.uuid5(FEED_NAMESPACE, f"feed/{settings.site_name}")))
    _add(feed, "title", f"{settings.site_name}: changes at LEAD® sites")
    _add(feed, "subtitle", "New sites and stage changes, from the Bureau's records.")
    _add(feed, "updated", updated)
    _add(feed, "author").append(_name(settings.data_publisher))
    _add(feed, "rights", f"{DATA_LICENSE.title} ({DATA_LICENSE.url})")
    _add(feed, "link", rel="alternate", type="text/html", href=feed_link(portal, "sites/"))
    if settings.site_url:
        _add(
            feed,
            "link",
            rel="self",
            type="application/atom+xml",
            href=portal_url(settings, FEED_PATH),
        )
    for change in changes:
        entry_element(feed, change, portal)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def _name(text: str) -> ET.Element:
    element = ET.Element("name")
    element.text = text
    return element


def site_feed(portal: Portal) -> Iterator[Output]:
    yield Output(FEED_PATH, feed_xml(portal))
