"""The fields of every open-data file, each with its description: the files and the /data/
page are both made from these lists, so the documentation cannot drift from the data."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from leadportal.opendata.common import portal_url
from leadportal.portal.model import SiteEntry
from leadportal.records.loaded import Loaded
from leadportal.records.models import Document
from leadportal.records.settings import Settings

T = TypeVar("T")
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class DataField(Generic[T]):
    name: str
    kind: str
    description: str
    value: Callable[[T, Settings], Any]


SiteField = DataField[SiteEntry]
DocumentField = DataField[Loaded[Document]]


def _dump_all(items: list[Any]) -> list[dict[str, Any]]:
    return [item.model_dump(mode="json") for item in items]


def _location(entry: SiteEntry) -> dict[str, float] | None:
    if entry.lat is None or entry.lon is None:
        return None
    return {"lat": entry.lat, "lon": entry.lon}


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def translations_of(record: Any, settings: Settings) -> dict[str, dict[str, Any]]:
    """The record's texts in the portal's other languages (mkdocs.yml `translations:`), in
    that order, with only the texts it has: `{"es": {"summary": "…"}}`; `{}` without any."""
    found: dict[str, dict[str, Any]] = {}
    for language in settings.translations:
        words = record.translations.get(language)
        texts = words.model_dump(mode="json", exclude_defaults=True) if words else {}
        if texts:
            found[language] = texts
    return found


TRANSLATIONS = (
    "The record's texts in the portal's other languages, by language code (`es`: Spanish), "
    "each with only the texts translated so far; `{}` when there are none."
)


SITE_FIELDS: tuple[SiteField, ...] = (
    DataField(
        "slug",
        "text",
        "Identifier of the site; its file name and page address.",
        lambda e, s: e.slug,
    ),
    DataField("name", "text", "Name of the site's LEAD® program.", lambda e, s: e.site.name),
    DataField(
        "stage",
        "text",
        "Current stage, one of the portal's stages (listed under HSDS below).",
        lambda e, s: e.site.stage,
    ),
    DataField(
        "jurisdiction",
        "object",
        "Where the site works: `city` and/or `county`, "
        "`state` (USPS code) and `country` (ISO code).",
        lambda e, s: e.site.jurisdiction.model_dump(mode="json"),
    ),
    DataField(
        "launched",
        "partial date or null",
        "When the site launched: year, year-month or date.",
        lambda e, s: e.site.launched,
    ),
    DataField(
        "history",
        "list of objects",
        "Earlier stages, each `{stage, since}` with a partial date.",
        lambda e, s: _dump_all(e.site.history),
    ),
    DataField(
        "location",
        "object or null",
        "Approximate center of the area served, "
        "`{lat, lon}` in WGS 84 degrees; null when not yet known.",
        lambda e, s: _location(e),
    ),
    DataField("website", "URL or null", "The site's own web page.", lambda e, s: e.site.website),
    DataField(
        "summary",
        "Markdown text",
        "What the site does, as shown on its page.",
        lambda e, s: e.site.summary,
    ),
    DataField(
        "referral_pathways",
        "list of text",
        "How people are referred, from the portal's referral pathways.",
        lambda e, s: list(e.site.referral_pathways),
    ),
    DataField(
        "partners",
        "list of objects",
        "Partner organizations, each `{name, role, url}`.",
        lambda e, s: _dump_all(e.site.partners),
    ),
    DataField(
        "contacts",
        "list of objects",
        "Role-based contacts, each `{role, name, email, phone}`.",
        lambda e, s: _dump_all(e.site.contacts),
    ),
    DataField(
        "last_verified",
        "date or null",
        "When the Bureau last checked this record.",
        lambda e, s: _iso(e.site.last_verified),
    ),
    DataField(
        "documents",
        "list of text",
        "Slugs of the documents about this site (see `documents.json`).",
        lambda e, s: list(e.documents),
    ),
    DataField("page", "URL", "The site's page on this portal.", lambda e, s: portal_url(s, e.url)),
    DataField(
        "translations",
        "object",
        TRANSLATIONS + " A site has `summary`.",
        lambda e, s: translations_of(e.site, s),
    ),
)


def _joined(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _partners_cell(entry: SiteEntry) -> str:
    return _joined([f"{p.name} ({p.role})" for p in entry.site.partners])


def _contacts_cell(entry: SiteEntry) -> str:
    parts = []
    for c in entry.site.contacts:
        details = ", ".join(v for v in (c.name, c.email, c.phone) if v)
        parts.append(f"{c.role}: {details}" if details else c.role)
    return _joined(parts)


SITE_CSV_COLUMNS: tuple[SiteField, ...] = (
    DataField("slug", "text", "Identifier of the site.", lambda e, s: e.slug),
    DataField("name", "text", "Name of the site's LEAD® program.", lambda e, s: e.site.name),
    DataField("stage", "text", "Current stage.", lambda e, s: e.site.stage),
    DataField("city", "text", "City, if any.", lambda e, s: e.site.jurisdiction.city),
    DataField("county", "text", "County, if any.", lambda e, s: e.site.jurisdiction.county),
    DataField("state", "text", "USPS state code.", lambda e, s: e.site.jurisdiction.state),
    DataField("country", "text", "ISO country code.", lambda e, s: e.site.jurisdiction.country),
    DataField(
        "launched",
        "partial date",
        "Year, year-month or date of launch.",
        lambda e, s: e.site.launched,
    ),
    DataField("lat", "number", "Latitude (WGS 84), empty when not yet known.", lambda e, s: e.lat),
    DataField("lon", "number", "Longitude (WGS 84), empty when not yet known.", lambda e, s: e.lon),
    DataField("website", "URL", "The site's own web page.", lambda e, s: e.site.website),
    DataField(
        "referral_pathways",
        "list",
        "Referral pathways, separated by `; `.",
        lambda e, s: _joined(e.site.referral_pathways),
    ),
    DataField(
        "partners",
        "list",
        "Partners as `name (role)`, separated by `; `.",
        lambda e, s: _partners_cell(e),
    ),
    DataField(
        "contacts",
        "list",
        "Contacts as `role: name, email, phone`, separated by `; `.",
        lambda e, s: _contacts_cell(e),
    ),
    DataField(
        "last_verified",
        "date",
        "When the Bureau last checked this record.",
        lambda e, s: _iso(e.site.last_verified),
    ),
    DataField("summary", "Markdown text", "What the site does.", lambda e, s: e.site.summary),
    DataField("page", "URL", "The site's page on this portal.", lambda e, s: portal_url(s, e.url)),
)


def summary_in(language: str) -> SiteField:
    """The CSV column of a site's summary in another language (empty when not translated)."""

    def value(entry: SiteEntry, settings: Settings) -> str:
        words = entry.site.translations.get(language)
        return (words.summary if words else None) or ""

    return DataField(
        f"summary_{language}",
        "Markdown text",
        f"What the site does, in the language `{language}`; empty when not yet translated.",
        value,
    )


def site_csv_columns(settings: Settings) -> tuple[SiteField, ...]:
    """The CSV's columns: the English ones, then a summary column per other language."""
    return SITE_CSV_COLUMNS + tuple(summary_in(language) for language in settings.translations)


def document_file_path(doc: Loaded[Document], settings: Settings) -> str | None:
    if not doc.record.file:
        return None
    return posixpath.normpath(posixpath.join(settings.resources_dir, doc.record.file))


def _document_file(doc: Loaded[Document], settings: Settings) -> str | None:
    path = document_file_path(doc, settings)
    return portal_url(settings, path) if path else None


DOCUMENT_FIELDS: tuple[DocumentField, ...] = (
    DataField("slug", "text", "Identifier of the document.", lambda d, s: d.slug),
    DataField("title", "text", "Title.", lambda d, s: d.record.title),
    DataField(
        "kind", "text", "Kind: toolkit, guide, evaluation, report …", lambda d, s: d.record.kind
    ),
    DataField("topics", "list of text", "Topics.", lambda d, s: list(d.record.topics)),
    DataField(
        "summary", "Markdown text", "What the document covers.", lambda d, s: d.record.summary
    ),
    DataField(
        "published",
        "partial date",
        "Year, year-month or date of publication.",
        lambda d, s: d.record.published,
    ),
    DataField(
        "updated", "partial date or null", "Last update, if any.", lambda d, s: d.record.updated
    ),
    DataField("file", "URL or null", "The file, when the portal hosts it.", _document_file),
    DataField(
        "url", "URL or null", "Where it is published, when elsewhere.", lambda d, s: d.record.url
    ),
    DataField("audience", "list of text", "Who it is for.", lambda d, s: list(d.record.audience)),
    DataField(
        "stages", "list of text", "Site stages it helps with.", lambda d, s: list(d.record.stages)
    ),
    DataField(
        "sites",
        "list of text",
        "Slugs of the sites it is about (see `sites.json`).",
        lambda d, s: list(d.record.sites),
    ),
    DataField("publisher", "text or null", "Publisher.", lambda d, s: d.record.publisher),
    DataField("authors", "list of text", "Authors.", lambda d, s: list(d.record.authors)),
    DataField("language", "text", "Language code (BCP 47).", lambda d, s: d.record.language),
    DataField("printable", "true/false", "Made to be printed.", lambda d, s: d.record.printable),
    DataField(
        "page",
        "URL",
        "The document's page on this portal.",
        lambda d, s: portal_url(s, f"{s.resources_dir}/{d.slug}/"),
    ),
    DataField(
        "translations",
        "object",
        TRANSLATIONS + " A document has `title` and `summary`.",
        lambda d, s: translations_of(d.record, s),
    ),
)


def record_of(fields: tuple[DataField[T], ...], item: T, settings: Settings) -> dict[str, Any]:
    return {f.name: f.value(item, settings) for f in fields}
