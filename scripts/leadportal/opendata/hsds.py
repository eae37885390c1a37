"""Sites as Open Referral HSDS 3 objects: each site is a `service` of an `organization` (the
site's LEAD® program) at one `location` (the area served), with its contacts, phones, and its
exact LEAD stage kept as an `attribute` of a small `LEAD site stage` taxonomy."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Any

from leadportal.opendata.common import absolute_url
from leadportal.portal.model import Portal, SiteEntry

HSDS_VERSION = "3.0"
# Fixed for ever: every id is derived from it and a slug, so ids stay stable across builds.
NAMESPACE = uuid.UUID("51b16960-14ce-4c26-96c0-de159a81a7ce")

# HSDS service.status is one of: active, inactive, defunct, temporarily closed.
STAGE_STATUS = {"operating": "active", "paused": "temporarily closed", "ended": "defunct"}
OTHER_STATUS = "inactive"

STAGE_TAXONOMY = "LEAD site stage"
STAGE_LINK_TYPE = "lead_stage"
STAGE_DESCRIPTIONS = {
    "exploring": "A community is finding out whether LEAD fits its needs.",
    "developing": "Partners are designing the local program; no referrals yet.",
    "launching": "The program is starting to take its first referrals.",
    "operating": "The program takes referrals and provides case management.",
    "paused": "The program has stopped taking referrals for now.",
    "ended": "The program has closed.",
}
# HSDS 3 has no field for a text in another language (`languages` lists the languages a
# service is offered in, which the records do not say). Its schemas allow properties they do
# not define, so the service carries its description in the portal's other languages in an
# extension property, named so that it can never meet a future HSDS field:
# "x_translations": {"es": {"description": "…"}}. Only the JSON files have it (the tabular
# package keeps the official columns).
TRANSLATIONS_EXTENSION = "x_translations"
EXTENSION = re.compile(r"\s*(?:x|ext\.?)\s*([0-9]{1,6})$")


@cache
def hsds_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


def service_status(stage: str) -> str:
    return STAGE_STATUS.get(stage, OTHER_STATUS)


def compact(row: dict[str, Any]) -> dict[str, Any]:
    """HSDS fields are typed without null: leave out what is unknown."""
    return {key: value for key, value in row.items() if value is not None and value != ""}


@dataclass(frozen=True)
class SiteObjects:
    """The flat HSDS rows (one-to-one fields only) that one site becomes."""

    organization: dict[str, Any]
    service: dict[str, Any]
    location: dict[str, Any]
    service_at_location: dict[str, Any]
    contacts: tuple[dict[str, Any], ...]
    phones: tuple[dict[str, Any], ...]
    attribute: dict[str, Any]


def organization_description(entry: SiteEntry) -> str:
    partners = "; ".join(f"{p.name} ({p.role})" for p in entry.site.partners)
    base = f"The partners who run LEAD® in {entry.place}"
    return f"{base}: {partners}." if partners else f"{base}."


def split_phone(phone: str) -> tuple[str, int | None]:
    match = EXTENSION.search(phone)
    if not match:
        return phone, None
    return phone[: match.start()], int(match.group(1))


def contact_rows(entry: SiteEntry) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The site's contacts for its service, and their phones (linked to the contact)."""
    contacts, phones = [], []
    for index, contact in enumerate(entry.site.contacts, start=1):
        contact_id = hsds_id("contact", f"{entry.slug}/{index}")
        contacts.append(
            compact(
                {
                    "id": contact_id,
                    "service_id": hsds_id("service", entry.slug),
                    "name": contact.name,
                    "title": contact.role,
                    "email": contact.email,
                }
            )
        )
        if contact.phone:
            number, extension = split_phone(contact.phone)
            phones.append(
                compact(
                    {
                        "id": hsds_id("phone", f"{entry.slug}/{index}"),
                        "contact_id": contact_id,
                        "number": number,
                        "extension": extension,
                        "description": contact.role,
                    }
                )
            )
    return contacts, phones


def organization_row(entry: SiteEntry, portal: Portal) -> dict[str, Any]:
    return compact(
        {
            "id": hsds_id("organization", entry.slug),
            "name": entry.site.name,
            "description": organization_description(entry),
            "website": entry.site.website,
            "uri": absolute_url(portal.settings, entry.url),
        }
    )


def service_translations(entry: SiteEntry, languages: list[str]) -> dict[str, Any] | None:
    """The service's description in each other language that has the site's summary."""
    found = {}
    for language in languages:
        words = entry.site.translations.get(language)
        if words and words.summary:
            found[language] = {"description": words.summary}
    return found or None


def service_row(entry: SiteEntry, languages: list[str]) -> dict[str, Any]:
    return compact(
        {
            "id": hsds_id("service", entry.slug),
            "organization_id": hsds_id("organization", entry.slug),
            "name": entry.site.name,
            "description": entry.site.summary or f"LEAD® in {entry.place}.",
            "url": entry.site.website,
            "status": service_status(entry.site.stage),
            TRANSLATIONS_EXTENSION: service_translations(entry, languages),
        }
    )


def location_row(entry: SiteEntry) -> dict[str, Any]:
    """The area the site serves; its coordinates (when known) are the area's center."""
    return compact(
        {
            "id": hsds_id("location", entry.slug),
            "location_type": "physical",
            "organization_id": hsds_id("organization", entry.slug),
            "name": entry.place,
            "description": f"The area this LEAD® site serves: {entry.place}. "
            "Coordinates are its approximate center.",
            "latitude": entry.lat,
            "longitude": entry.lon,
        }
    )


def service_at_location_row(entry: SiteEntry) -> dict[str, Any]:
    return {
        "id": hsds_id("service_at_location", entry.slug),
        "service_id": hsds_id("service", entry.slug),
        "location_id": hsds_id("location", entry.slug),
    }


def stage_attribute_row(entry: SiteEntry) -> dict[str, Any]:
    """The exact LEAD stage, which the HSDS status can only approximate."""
    return {
        "id": hsds_id("attribute", entry.slug),
        "link_id": hsds_id("service", entry.slug),
        "taxonomy_term_id": stage_term_id(entry.site.stage),
        "link_type": STAGE_LINK_TYPE,
        "link_entity": "service",
        "value": entry.site.stage,
    }


def site_objects(entry: SiteEntry, portal: Portal) -> SiteObjects:
    contacts, phones = contact_rows(entry)
    return SiteObjects(
        organization=organization_row(entry, portal),
        service=service_row(entry, list(portal.settings.translations)),
        location=location_row(entry),
        service_at_location=service_at_location_row(entry),
        contacts=tuple(contacts),
        phones=tuple(phones),
        attribute=stage_attribute_row(entry),
    )


def stage_term_id(stage: str) -> str:
    return hsds_id("taxonomy_term", f"{STAGE_LINK_TYPE}/{stage}")


def stage_taxonomy() -> dict[str, Any]:
    return {
        "id": hsds_id("taxonomy", STAGE_LINK_TYPE),
        "name": STAGE_TAXONOMY,
        "description": "The stages a LEAD® site goes through, from exploring to operating.",
        "version": "1",
    }


def stage_terms(portal: Portal) -> list[dict[str, Any]]:
    taxonomy_id = stage_taxonomy()["id"]
    return [
        {
            "id": stage_term_id(stage),
            "code": stage,
            "name": portal.stage_label(stage),
            "description": STAGE_DESCRIPTIONS.get(stage, f"LEAD site stage '{stage}'."),
            "taxonomy": STAGE_TAXONOMY,
            "taxonomy_id": taxonomy_id,
        }
        for stage in portal.settings.vocabulary("stages")
    ]


def nested_service(objects: SiteObjects, terms: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A fully nested service, shaped like the HSDS API's `/services/{id}` response."""
    term = terms[objects.attribute["taxonomy_term_id"]]
    phones_of = {p["contact_id"]: p for p in objects.phones}
    return {
        **objects.service,
        "organization": objects.organization,
        "service_at_locations": [{**objects.service_at_location, "location": objects.location}],
        "contacts": [
            {**c, "phones": [phones_of[c["id"]]] if c["id"] in phones_of else []}
            for c in objects.contacts
        ],
        "attributes": [
            {**objects.attribute, "taxonomy_term": {**term, "taxonomy_detail": stage_taxonomy()}}
        ],
    }


def nested_organization(objects: SiteObjects) -> dict[str, Any]:
    """An organization as the HSDS API's `/organizations/{id}` gives it, services by id."""
    return {
        **objects.organization,
        "locations": [objects.location],
        "services": [{k: objects.service[k] for k in ("id", "name", "status")}],
    }


def all_site_objects(portal: Portal) -> list[SiteObjects]:
    return [site_objects(entry, portal) for entry in portal.sites]
