"""The `/sites/` page: every public site in a plain table, with filters, near-me and the map.

The table is complete without JavaScript. `assets/sites.js` adds the filters (the
facet rules of `facets.py`, as the resource library uses them), the text filter, the view in
the page address, and near-me sorting from the place tables of `place_table`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources

from leadportal.places.place_cache import place_files
from leadportal.places.place_table import PLACES_FILE, PUBLISHED_IN, ZIP_FILE
from leadportal.places.us_states import state_name as english_state
from leadportal.portal.model import Portal, SiteEntry
from leadportal.render.facets import Facet, Option, facet_counts
from leadportal.render.i18n import state_label, t
from leadportal.render.outputs import Output, page
from leadportal.render.shared_assets import filters_script, filters_style, places_script
from leadportal.render.templating import render
from leadportal.render.urls import relative_url
from leadportal.sites.stages import stages
from leadportal.sites.words import counted, t_text

FOLDER = "sites"
INDEX = f"{FOLDER}/index.md"
HERE = f"{FOLDER}/"
ASSETS = "assets/leadportal"
STYLE = f"{ASSETS}/sites.css"
SCRIPT = f"{ASSETS}/sites.js"
SITE_FACETS = ("stage", "state", "pathway")
FACET_LEGENDS = {"stage": "Stage", "state": "State", "pathway": "Referral pathway"}


@dataclass(frozen=True)
class Row:
    """One site as the table shows it, with what the script filters and sorts by."""

    entry: SiteEntry
    local: str  # city and/or county
    state_name: str
    launch_year: str
    facets: dict[str, list[str]]
    text: str  # lower-cased words the text filter searches

    @property
    def slug(self) -> str:
        return self.entry.slug


def site_directory(portal: Portal) -> Iterator[Output]:
    """The `/sites/` page, its script and style, and the near-me place tables (when needed)."""
    rows = site_rows(portal)
    yield directory_page(rows, portal)
    for path in (STYLE, SCRIPT):
        name = path.rsplit("/", 1)[1]
        text = resources.files("leadportal.sites").joinpath("assets", name).read_text()
        yield Output(path, text)
    if has_coordinates(rows):  # else there is no near-me box to use them
        for name, text in place_files().items():
            yield Output(f"{PUBLISHED_IN}/{name}", text)


def has_coordinates(rows: Sequence[Row]) -> bool:
    return any(row.entry.lat is not None for row in rows)


def site_rows(portal: Portal) -> list[Row]:
    """The public sites by name (then slug), as table rows."""
    rows = [site_row(entry, state_label(entry.site.jurisdiction.state)) for entry in portal.sites]
    return sorted(rows, key=lambda row: (row.entry.site.name.casefold(), row.slug))


def site_row(entry: SiteEntry, state_name: str) -> Row:
    site = entry.site
    j = site.jurisdiction
    local = ", ".join(part for part in (j.city, j.county) if part)
    # The English name too: a Spanish list still finds "New Mexico" as typed.
    words = [site.name, j.city or "", j.county or "", state_name, english_state(j.state), j.state]
    words += [partner.name for partner in site.partners]
    return Row(
        entry=entry,
        local=local,
        state_name=state_name or j.state,
        launch_year=(site.launched or "")[:4],
        facets={
            "stage": [site.stage],
            "state": [j.state],
            "pathway": list(site.referral_pathways),
        },
        text=" ".join(dict.fromkeys(w for w in words if w)).lower(),
    )


def facets(rows: Sequence[Row], portal: Portal) -> list[Facet]:
    """The filter choices that some site has, with the number of sites for each."""
    counts = facet_counts([(r.facets, r.text) for r in rows], {}, names=SITE_FACETS)
    settings = portal.settings
    orders = {
        "stage": settings.vocabulary("stages"),
        "state": tuple(sorted(counts["state"], key=state_label)),
        "pathway": settings.vocabulary("referral_pathways"),
    }
    labels: dict[str, Callable[[str], str]] = {
        "stage": portal.stage_label,
        "state": state_label,
        "pathway": lambda value: portal.label("referral_pathways", value).capitalize(),
    }
    result = []
    for name in SITE_FACETS:
        options = tuple(
            Option(value, labels[name](value), counts[name][value])
            for value in orders[name]
            if counts[name].get(value)
        )
        if options:
            result.append(Facet(name, t(FACET_LEGENDS[name]), options))
    return result


def count_line(rows: Sequence[Row]) -> str:
    sites, states = len(rows), len({r.entry.site.jurisdiction.state for r in rows})
    return t(
        "{sites} in {states}.",
        sites=counted(sites, "{count} participating site", "{count} participating sites"),
        states=counted(states, "{count} state", "{count} states"),
    )


def directory_page(rows: Sequence[Row], portal: Portal) -> Output:
    body = render(
        "sites/directory.html",
        rows=rows,
        facets=facets(rows, portal),
        count_line=count_line(rows),
        t_text=t_text,
        shown_line=counted(len(rows), "All {count} site shown.", "All {count} sites shown."),
        stage_links=[
            (stage.label, relative_url(HERE, stage.url), len(stage.sites))
            for stage in stages(portal)
        ],
        stage_label=portal.stage_label,
        has_coordinates=has_coordinates(rows),
        places_file=PLACES_FILE,
        zip_file=ZIP_FILE,
    )
    head = [
        filters_style(HERE),
        {"rel": "stylesheet", "href": relative_url(HERE, STYLE)},
        filters_script(HERE),
        places_script(HERE),
        {"src": relative_url(HERE, SCRIPT), "defer": "defer"},
    ]
    return page(
        INDEX,
        t("Participating sites"),
        body,
        description=t("Every LEAD® site: where it is, how far along, and which is nearest to you."),
        leadportal_head=head,
    )
