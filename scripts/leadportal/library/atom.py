"""The library's Atom feed (RFC 4287): ids derived from slugs, dates from the records only."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from leadportal.library import catalog as library
from leadportal.library.catalog import Entry
from leadportal.records.settings import Settings
from leadportal.render.dates import iso_date
from leadportal.render.urls import relative_url

ATOM = "http://www.w3.org/2005/Atom"
# Fixed namespace: entry ids depend on the slug alone, never on the build or the host name.
ID_NAMESPACE = uuid.UUID("6f1c2b3e-1d55-4c0e-9a52-6c1f0e6a9b41")
EMPTY_FEED_DATE = "1970-01-01T00:00:00Z"


def atom_date(partial: str) -> str:
    """`2017` -> `2017-01-01T00:00:00Z`; months and days are kept when the record has them."""
    return iso_date(partial) + "T00:00:00Z"


def entry_id(slug: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'document/' + slug)}"


def link_to(settings: Settings, url: str) -> str:
    """An absolute link under site_url; without one, relative to the feed's own address."""
    base = settings.site_url
    if base:
        return base.rstrip("/") + "/" + url
    return relative_url(f"{settings.resources_dir}/feed.xml", url)


def feed(items: Sequence[Entry], settings: Settings) -> str:
    """The feed as text: newest entries first, `updated` the newest entry's date."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    ordered = library.newest_first(list(items))
    folder = settings.resources_dir
    sub(root, "id", f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'feed/' + folder)}")
    sub(root, "title", f"{settings.site_name}: resource library")
    sub(root, "updated", atom_date(ordered[0].latest) if ordered else EMPTY_FEED_DATE)
    sub(root, "link", rel="self", href=link_to(settings, f"{folder}/feed.xml"))
    sub(root, "link", rel="alternate", type="text/html", href=link_to(settings, f"{folder}/"))
    author = sub(root, "author")
    sub(author, "name", settings.site_name)
    for item in ordered:
        feed_entry(root, item, settings)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def feed_entry(root: ET.Element, item: Entry, settings: Settings) -> None:
    doc = item.doc
    entry = sub(root, "entry")
    sub(entry, "id", entry_id(item.slug))
    sub(entry, "title", doc.title)
    sub(entry, "updated", atom_date(item.latest))
    sub(entry, "published", atom_date(doc.published))
    sub(entry, "link", rel="alternate", type="text/html", href=link_to(settings, item.url))
    if doc.publisher:
        sub(sub(entry, "author"), "name", doc.publisher)
    for topic in doc.topics:
        sub(entry, "category", term=topic)
    sub(entry, "summary", " ".join(doc.summary.split()))


def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element
