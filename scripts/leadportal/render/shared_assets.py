"""Assets that more than one kind of page loads: the facet filters of the library and sites,
and the place lookup of the sites list and the "Start here" pages."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from leadportal.portal.model import Portal
from leadportal.render.outputs import Output
from leadportal.render.urls import relative_url

FILTERS_SCRIPT = "assets/leadportal/filters.js"
FILTERS_STYLE = "assets/leadportal/filters.css"
PLACES_SCRIPT = "assets/leadportal/place-lookup.js"
SEARCH_PLACES_SCRIPT = "assets/leadportal/search-places.js"  # loaded by search-on-demand.js


def shared_assets(portal: Portal) -> Iterator[Output]:
    for path in (FILTERS_SCRIPT, FILTERS_STYLE, PLACES_SCRIPT, SEARCH_PLACES_SCRIPT):
        name = path.rsplit("/", 1)[1]
        source = resources.files("leadportal.render").joinpath("assets", name)
        yield Output(path, source.read_text(encoding="utf-8"))


def filters_style(here: str) -> dict[str, str]:
    """The `leadportal_head` item for the filter form's style; list it before the page's own."""
    return {"rel": "stylesheet", "href": relative_url(here, FILTERS_STYLE)}


def filters_script(here: str) -> dict[str, str]:
    """The `leadportal_head` item for the filters; list it before the page's own script."""
    return {"src": relative_url(here, FILTERS_SCRIPT), "defer": "defer"}


def places_script(here: str) -> dict[str, str]:
    """The `leadportal_head` item for the place lookup; list it before the page's own script."""
    return {"src": relative_url(here, PLACES_SCRIPT), "defer": "defer"}
