"""The /start/ pages: the first question, a page per stage (the second), a path per stage and
role, the peer table the browser re-orders by place, and the family's script and style."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlencode

from leadportal.places.place_table import PLACES_FILE, PUBLISHED_IN, ZIP_FILE
from leadportal.portal.model import START_FOLDER, Portal, SiteEntry
from leadportal.records.loaded import Loaded
from leadportal.records.models import Form, StageGuide
from leadportal.records.roles import Role
from leadportal.render.dates import human_date
from leadportal.render.i18n import state_label, t
from leadportal.render.outputs import Output, page
from leadportal.render.shared_assets import places_script
from leadportal.render.templating import render
from leadportal.render.urls import page_url, relative_url
from leadportal.start import documents as docs
from leadportal.start.form_link import answers, help_form, help_url, place_fields, prefill
from leadportal.start.peers import peer_pool, spread

# The 32 path pages repeat the peer sites' and documents' names (a partner's name found them
# before the site's own page): search finds /start/ and the stage pages, one click away.
PATH_SEARCH = {"exclude": True}

FOLDER = START_FOLDER
INDEX = f"{FOLDER}/index.md"
PEERS_FILE = f"{FOLDER}/peers.json"
ASSETS = "assets/leadportal"
STYLE = f"{ASSETS}/start.css"
SCRIPT = f"{ASSETS}/start.js"


@dataclass(frozen=True)
class Peer:
    entry: SiteEntry
    stage: str  # its label
    place: str  # "Seattle, King County, Washington"


def stage_slug(stage: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", stage.lower()).strip("-")


def stage_url(guide: StageGuide) -> str:
    return f"{FOLDER}/{stage_slug(guide.stage)}/"


def path_url(guide: StageGuide, role: Role) -> str:
    return f"{stage_url(guide)}{role.slug}/"


def start_pages(portal: Portal) -> Iterator[Output]:
    """Nothing without stages (docs/start/steps.yml) or roles; else every page and file."""
    if portal.start_url is None:
        return
    yield index_page(portal)
    for guide in portal.guides:
        yield stage_page(guide, portal)
        for role in portal.roles:
            yield path_page(guide, role, portal)
    yield Output(PEERS_FILE, peers_json(portal))
    for path in (STYLE, SCRIPT):
        name = path.rsplit("/", 1)[1]
        yield Output(path, resources.files("leadportal.start").joinpath("assets", name).read_text())


def head(here: str) -> list[dict[str, str]]:
    """Every page loads the place lookup: start.js keeps the place after the `#` with its
    helpers, on the first pages too (where it only carries the place from link to link)."""
    return [
        {"rel": "stylesheet", "href": relative_url(here, STYLE)},
        places_script(here),
        {"src": relative_url(here, SCRIPT), "defer": "defer"},
    ]


def index_page(portal: Portal) -> Output:
    here = page_url(INDEX)
    body = render(
        "start/index.html",
        here=here,
        guides=portal.guides,
        stage_label=portal.stage_label,
        stage_url=stage_url,
    )
    return page(
        INDEX,
        t("Start here"),
        body,
        description=t(
            "Where your community is with LEAD® and your role: the next steps, the "
            "documents, sites further along and the Bureau's help, on one printable page."
        ),
        leadportal_head=head(here),
    )


def stage_page(guide: StageGuide, portal: Portal) -> Output:
    path = f"{stage_url(guide)}index.md"
    here = page_url(path)
    label = portal.stage_label(guide.stage)
    body = render(
        "start/stage.html",
        here=here,
        guide=guide,
        label=label,
        roles=portal.roles,
        path_url=lambda role: path_url(guide, role),
        index_url=page_url(INDEX),
    )
    return page(
        path,
        t("Start here: {stage}", stage=label.lower()),
        body,
        description=f"{guide.meaning} " + t("Choose your role for the next steps and help."),
        leadportal_head=head(here),
    )


def path_page(guide: StageGuide, role: Role, portal: Portal) -> Output:
    path = path_url(guide, role).removesuffix("/") + ".md"
    here = page_url(path)
    label = portal.stage_label(guide.stage)
    order = [g.stage for g in portal.guides]
    pool = peer_pool(guide.stage, order, portal.sites)
    ranked = docs.for_stage_and_role(guide, role, portal.documents)
    settings = portal.settings
    form = help_form(portal.forms, settings.start_form)
    places_ready = any(entry.lat is not None for entry in pool)
    body = render(
        "start/path.html",
        here=here,
        guide=guide,
        label=label,
        role=role,
        ranked=ranked,
        doc_url=lambda d: f"{settings.resources_dir}/{d.slug}/",
        human_date=human_date,
        kind_label=lambda kind: portal.label("document_kinds", kind),
        library_url=library_url(settings.resources_dir, guide, role),
        peers=[peer(e, portal) for e in spread(pool)],
        pool_size=len(pool),
        pool_stages=pool_stages(pool, order),
        pool_labels=[portal.stage_label(s).lower() for s in pool_stages(pool, order)],
        help_href=help_href(here, form, settings.forms_dir, answers(english_label(guide), role))
        if form
        else None,
        place_fields=place_fields(form.record) if form else [],
        contact_url=f"{settings.forms_dir}/",
        help_page=f"{settings.forms_dir}/{form.slug}/" if form else "",
        places_ready=places_ready,
        places_file=f"{PUBLISHED_IN}/{PLACES_FILE}",
        zip_file=f"{PUBLISHED_IN}/{ZIP_FILE}",
        peers_file=PEERS_FILE,
        stage_url=stage_url(guide),
        index_url=page_url(INDEX),
        print_url=lambda url: printed_url(settings.public_url, url),
    )
    return page(
        path,
        t("Your LEAD path: {stage}, {role}", stage=label.lower(), role=role.label.lower()),
        body,
        description=t(
            "{role}, in a community that is {stage}: the next steps, documents, sites further "
            "along and the Bureau's help.",
            role=role.label,
            stage=portal.label("stages", guide.stage),
        ),
        leadportal_head=head(here),
        search=PATH_SEARCH,
    )


def english_label(guide: StageGuide) -> str:
    """The stage as the English pages name it: the request form's choices are its English
    options, and a page in another language sends the same value."""
    return guide.stage[:1].upper() + guide.stage[1:]


def help_href(here: str, form: Loaded[Form], forms_dir: str, given: dict[str, str]) -> str:
    """The link to the request form from `here`, with the answers it can take."""
    target, mark, query = help_url(form, forms_dir, prefill(form.record, given)).partition("?")
    return relative_url(here, target) + mark + query


def pool_stages(pool: Sequence[SiteEntry], order: Sequence[str]) -> list[str]:
    return sorted({e.site.stage for e in pool}, key=order.index)


def printed_url(base: str, url: str) -> str:
    """The full address a printed page shows after a link ("" without site_url)."""
    return base.rstrip("/") + "/" + url.split("#")[0] if base else ""


def library_url(resources_dir: str, guide: StageGuide, role: Role) -> str:
    query = urlencode([("stage", guide.stage), *(("audience", a) for a in role.audiences)])
    return f"{resources_dir}/?{query}"


def peer(entry: SiteEntry, portal: Portal) -> Peer:
    j = entry.site.jurisdiction
    place = ", ".join(p for p in (j.city, j.county, state_label(j.state) or j.state) if p)
    return Peer(entry, portal.stage_label(entry.site.stage), place)


def peers_json(portal: Portal) -> str:
    """Every placed site at a stage of the path: what a page needs to list it by distance."""
    stages = {g.stage for g in portal.guides}
    rows = [
        {
            "slug": e.slug,
            "name": e.site.name,
            "place": peer(e, portal).place,
            "stage": e.site.stage,
            "stage_label": portal.stage_label(e.site.stage),
            "url": e.url,
            "lat": round(e.lat, 5),
            "lon": round(e.lon, 5),
        }
        for e in portal.sites
        if e.site.stage in stages and e.lat is not None and e.lon is not None
    ]
    return json.dumps({"sites": rows}, ensure_ascii=False, separators=(",", ":")) + "\n"
