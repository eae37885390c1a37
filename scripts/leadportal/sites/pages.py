"""The page of each public site: everything its record holds, with links a phone can use."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from urllib.parse import quote

from leadportal.portal.links import documents_about, nearest_sites
from leadportal.portal.model import Portal, SiteEntry, stage_url
from leadportal.portal.site_checks import Verification, verification
from leadportal.records.models import Partner, StageChange
from leadportal.render.dates import human_date
from leadportal.render.i18n import language, state_label, t
from leadportal.render.outputs import Output, page
from leadportal.render.templating import render
from leadportal.render.urls import relative_url
from leadportal.sites.states import SITES_URL, STYLE, head, state_url
from leadportal.sites.words import distance_away, launched_words, verified_age
from leadportal.sites.words import distance_words as distance_words  # where tests look for it

SEARCH_BOOST = 4  # a site's page ranks above ordinary pages (and documents) naming its place
CORRECTION_FORM = "suggest-a-correction"
EXTENSION = re.compile(r"\s*(?:x|ext\.?)\s*([0-9]+)$")


@dataclass(frozen=True)
class Milestone:
    since: str  # as written in the record: 2011, 2011-10 or 2011-10-03
    when: str  # in words: 2011, October 2011, October 3, 2011
    stage: str


@dataclass(frozen=True)
class RoleGroup:
    role: str
    partners: tuple[Partner, ...]


@dataclass(frozen=True)
class MapLinks:
    geo: str  # opens the phone's maps app
    openstreetmap: str  # a plain web page at the same point


def tel_href(phone: str) -> str:
    """`206-555-0100` -> `tel:+12065550100`; an extension becomes `;ext=` (RFC 3966)."""
    extension = EXTENSION.search(phone)
    number = phone[: extension.start()] if extension else phone
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("+"):
        digits = "+" + digits
    elif len(digits) == 10:
        digits = "+1" + digits
    elif len(digits) == 11 and digits.startswith("1"):
        digits = "+" + digits
    return "tel:" + digits + (f";ext={extension.group(1)}" if extension else "")


def timeline(history: Sequence[StageChange], label: Callable[[str], str]) -> list[Milestone]:
    """The stage history oldest first (a year sorts before the months of that year)."""
    ordered = sorted(history, key=lambda change: change.since)
    return [Milestone(c.since, human_date(c.since), label(c.stage)) for c in ordered]


def partner_groups(partners: Sequence[Partner], roles: Sequence[str]) -> list[RoleGroup]:
    """Partners under their role, roles in vocabulary order (any other role last)."""
    order = {role: index for index, role in enumerate(roles)}
    present = sorted({p.role for p in partners}, key=lambda r: (order.get(r, len(order)), r))
    return [RoleGroup(role, tuple(p for p in partners if p.role == role)) for role in present]


def map_links(entry: SiteEntry) -> MapLinks | None:
    if entry.lat is None or entry.lon is None:
        return None
    lat, lon = f"{entry.lat:.5f}", f"{entry.lon:.5f}"
    return MapLinks(
        f"geo:{lat},{lon}",
        f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=13/{lat}/{lon}",
    )


def correction_url(entry: SiteEntry, portal: Portal) -> str | None:
    """The correction form, relative to the site's page, with the site filled in (the form
    fills its fields from the address); None when the portal has no such public form."""
    form = next((f for f in portal.forms if f.slug == CORRECTION_FORM), None)
    if form is None:
        return None
    url = relative_url(entry.url, f"{portal.settings.forms_dir}/{CORRECTION_FORM}/")
    has_site_field = any(field.name == "site" for field in form.record.fields)
    return url + (f"?site={quote(entry.slug)}" if has_site_field else "")


def place_words(entry: SiteEntry) -> str:
    """`Seattle, King County, Washington`."""
    j = entry.site.jurisdiction
    return ", ".join(part for part in (j.city, j.county, state_label(j.state)) if part)


def description(entry: SiteEntry, portal: Portal) -> str:
    site = entry.site
    stage = portal.stage_label(site.stage).lower()
    launched = f", {launched_words(site.launched)}" if site.launched else ""
    return t(
        "LEAD® in {place}: {stage}{launched}. "
        "Stage history, partners, referral pathways and contacts of {site}.",
        place=place_words(entry),
        stage=stage,
        launched=launched,
        site=site.name,
    )


def site_page(entry: SiteEntry, portal: Portal) -> Output:
    settings = portal.settings
    here = entry.url
    checked: Verification = verification(entry, settings.today, settings.stale_after_months)
    body = render(
        "sites/site.html",
        here=here,
        entry=entry,
        site=entry.site,
        stage_label=portal.stage_label,
        label=portal.label,
        pathways=[portal.label("referral_pathways", p) for p in entry.site.referral_pathways],
        lang=language(),
        human_date=human_date,
        state=state_label(entry.site.jurisdiction.state),
        timeline=timeline(entry.site.history, portal.stage_label),
        partner_groups=partner_groups(entry.site.partners, settings.vocabulary("partner_roles")),
        tel_href=tel_href,
        maps=map_links(entry),
        verified=checked,
        verified_age=verified_age(checked.months),
        correction_url=correction_url(entry, portal),
        documents=documents_about(portal, entry.slug),
        nearest=nearest_sites(portal, entry),
        distance_away=distance_away,
        start_url=relative_url(here, portal.start_url) if portal.start_url else None,
        urls={
            "sites": SITES_URL,
            "state": state_url(entry.site.jurisdiction.state),
            "stage": stage_url(entry.site.stage),
        },
    )
    return page(
        f"sites/{entry.slug}.md",
        entry.site.name,
        body,
        description=description(entry, portal),
        search={"boost": SEARCH_BOOST},
        leadportal_head=head(here),
    )


def site_pages(portal: Portal) -> Iterator[Output]:
    """A page per public site, and the style sheet of the sites' pages."""
    for entry in portal.sites:
        yield site_page(entry, portal)
    style = resources.files("leadportal.sites").joinpath("assets", "site-page.css")
    yield Output(STYLE, style.read_text(encoding="utf-8"))
