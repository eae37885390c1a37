"""The portal model: public records with everything derived that the renderers need."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from leadportal.places.geocache import CachedPlace, place_query
from leadportal.records.loaded import Loaded, Records
from leadportal.records.models import Document, Form, Site, StageGuide
from leadportal.records.roles import Role, roles_of
from leadportal.records.settings import Settings


@dataclass(frozen=True)
class SiteEntry:
    slug: str
    path: str
    site: Site
    lat: float | None = None
    lon: float | None = None
    documents: tuple[str, ...] = ()  # slugs of the public documents naming this site

    @property
    def url(self) -> str:
        return f"sites/{self.slug}/"

    @property
    def place(self) -> str:
        j = self.site.jurisdiction
        local = j.city or j.county or ""
        return f"{local}, {j.state}" if local else j.state


START_FOLDER = "start"  # the "Start here" pages (leadportal.start), linked from other pages
NOT_IN_URL = re.compile(r"[^a-z0-9]+")


def stage_url(stage: str) -> str:
    """The page of a stage's sites (leadportal.sites.stages), linked from the home page too:
    `operating` -> `sites/stages/operating/`; a configured stage of several words is joined
    with hyphens."""
    return f"sites/stages/{NOT_IN_URL.sub('-', stage.lower()).strip('-')}/"


@dataclass(frozen=True)
class Portal:
    settings: Settings
    sites: tuple[SiteEntry, ...] = ()
    documents: tuple[Loaded[Document], ...] = ()
    forms: tuple[Loaded[Form], ...] = ()
    warnings: tuple[str, ...] = field(default=())
    guides: tuple[StageGuide, ...] = ()  # the stages and steps of docs/start/steps.yml
    roles: tuple[Role, ...] = ()  # the roles "Start here" asks about
    language: str = "en"  # the language its pages are rendered in (portal/translated.py)

    def label(self, vocabulary: str, value: str) -> str:
        """A vocabulary value as the pages show it: its glossary label in the portal's
        language (mkdocs.yml `translations:`), else the value itself."""
        labels = (self.settings.translations.get(self.language) or {}).get(vocabulary) or {}
        return str(labels.get(value) or value)

    def stage_label(self, stage: str) -> str:
        label = self.label("stages", stage)
        return label[:1].upper() + label[1:]

    @property
    def start_url(self) -> str | None:
        """The "Start here" page, relative to the site root; None when the portal has none."""
        return f"{START_FOLDER}/" if self.guides and self.roles else None


def site_entry(loaded: Loaded[Site], places: Mapping[str, CachedPlace]) -> SiteEntry:
    """The site with its coordinates: the record's `location`, else the geocode cache's."""
    location = loaded.record.location or places.get(place_query(loaded.record))
    return SiteEntry(
        loaded.slug,
        loaded.path,
        loaded.record,
        location.lat if location else None,
        location.lon if location else None,
    )


def public_links(
    documents: list[Loaded[Document]], public_sites: set[str]
) -> list[Loaded[Document]]:
    """Each document's `sites` without the sites that are not public: nothing downstream
    (pages, exports) may name a record that is kept out of the portal."""
    kept = []
    for loaded in documents:
        sites = [slug for slug in loaded.record.sites if slug in public_sites]
        if sites != loaded.record.sites:
            loaded = replace(loaded, record=loaded.record.model_copy(update={"sites": sites}))
        kept.append(loaded)
    return kept


def with_documents(entry: SiteEntry, documents: list[Loaded[Document]]) -> SiteEntry:
    about = tuple(d.slug for d in documents if entry.slug in d.record.sites)
    return replace(entry, documents=about) if about else entry


def build_portal(
    records: Records, settings: Settings, places: Mapping[str, CachedPlace] | None = None
) -> Portal:
    """Keep public records only (sorted by slug) and derive what the pages need."""
    places = places or {}
    sites = [site_entry(s, places) for s in records.sites if s.record.public]
    documents = public_links(
        [d for d in records.documents if d.record.public], {s.slug for s in sites}
    )
    return Portal(
        settings,
        sites=tuple(with_documents(entry, documents) for entry in sites),
        documents=tuple(documents),
        forms=tuple(f for f in records.forms if f.record.public),
        guides=tuple(records.steps.record.stages) if records.steps else (),
        roles=roles_of(settings),
    )
