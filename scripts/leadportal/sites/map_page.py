"""The full-screen site map at /sites/map/ and the vendored files it loads.

The map is a standalone HTML document (``map_document``), not a theme page: the /sites/
page shows it in a frame, and it can be opened on its own. Sites without coordinates are
left off (a build warning names them elsewhere).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import fields
from importlib import resources
from importlib.resources.abc import Traversable

from leadportal.portal.model import Portal, SiteEntry
from leadportal.records.tiles import tiles_for
from leadportal.render.csp import map_policy, with_csp
from leadportal.render.i18n import state_label, t
from leadportal.render.outputs import Output
from leadportal.render.urls import relative_url
from leadportal.sites.map_data import MapOptions, MapPoint, MapTexts

MAP_PATH = "sites/map/index.html"
MAP_URL = "sites/map/"
VENDOR_DIR = "assets/vendor"
# The folder's README is for maintainers; as a .md file MkDocs would make it a page.
NOT_PUBLISHED = {"README.md"}


def map_points(sites: Iterable[SiteEntry], label: str = MAP_URL) -> list[MapPoint]:
    """The sites that have coordinates, linked relative to the map document at `label`."""
    return [
        MapPoint(
            slug=entry.slug,
            name=entry.site.name,
            place=entry.place,
            stage=entry.site.stage,
            lat=entry.lat,
            lon=entry.lon,
            url=relative_url(label, entry.url),
            state=state_label(entry.site.jurisdiction.state),
        )
        for entry in sites
        if entry.lat is not None and entry.lon is not None
    ]


def map_texts() -> MapTexts:
    """The map's words in the language being built."""
    return MapTexts(**{f.name: t(f.default) for f in fields(MapTexts)})


def map_options(portal: Portal) -> MapOptions:
    settings = portal.settings
    tiles = tiles_for(settings)
    return MapOptions(
        title=t("Map of participating sites - {portal}", portal=settings.site_name),
        lang=portal.language,
        asset_prefix=relative_url(MAP_URL, VENDOR_DIR + "/"),
        site_root=relative_url(MAP_URL, "") or "./",
        stages=[(stage, portal.stage_label(stage)) for stage in settings.vocabulary("stages")],
        tiles=tiles.url if tiles else None,
        # The credit is HTML; the OpenStreetMap one has its Spanish in strings/es/sites.yml.
        attribution=t(tiles.attribution) if tiles else "",
        list_url=relative_url(MAP_URL, "sites/"),
        canonical=settings.site_url.rstrip("/") + "/" + MAP_URL if settings.site_url else None,
        texts=map_texts(),
    )


def _files(folder: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.is_dir():
            yield from _files(item, f"{prefix}{item.name}/")
        elif item.name not in NOT_PUBLISHED:
            yield prefix + item.name, item


def vendor_files() -> Iterator[Output]:
    """Every vendored file, licences and version notes included, as bytes."""
    folder = resources.files("leadportal.sites") / "assets" / "vendor"
    for path, item in _files(folder, f"{VENDOR_DIR}/"):
        yield Output(path, item.read_bytes())


def site_map(portal: Portal) -> Iterator[Output]:
    """The map document, with its own Content-Security-Policy, and its assets."""
    # folium brings branca and numpy (about 0.4 s): imported only when a map is drawn.
    from leadportal.sites.map_document import render_map

    document = render_map(map_points(portal.sites), map_options(portal))
    yield Output(MAP_PATH, with_csp(document, map_policy(portal.settings)))
    yield from vendor_files()
