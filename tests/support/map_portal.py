"""A small portal for the site-map tests: the fixture portal plus a handful of located sites
with hostile names, so the map has singles, a cluster and names that must stay text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from portals import FIXTURE_PORTAL, add_plugin_options

HOSTILE_NAME = "<script>alert('x')</script> O'Hare & \"Sons\" <img src=x onerror=alert(1)>"
# slug -> record text. Seattle stands alone at the map's first zoom; Durham and Chapel Hill
# are 15 km apart and always share a cluster there.
EXTRA_SITES = {
    "seattle-hostile": (
        f"name: {json.dumps(HOSTILE_NAME)}\nstage: operating\n"
        "jurisdiction: {city: Seattle, state: WA}\nlocation: {lat: 47.6062, lon: -122.3321}\n"
    ),
    "durham": (
        "name: Durham LEAD\nstage: launching\n"
        "jurisdiction: {city: Durham, state: NC}\nlocation: {lat: 35.994, lon: -78.8986}\n"
    ),
    "chapel-hill": (
        "name: Chapel Hill LEAD\nstage: ended\n"
        "jurisdiction: {city: Chapel Hill, state: NC}\nlocation: {lat: 35.9132, lon: -79.0558}\n"
    ),
    "juarez-rtl": (
        'name: "Ciudad Juárez \\"Frontera\\" شبكة"\nstage: paused\n'
        "jurisdiction: {city: El Paso, state: TX}\nlocation: {lat: 31.7619, lon: -106.485}\n"
    ),
    "denver": (
        "name: Denver & Aurora LEAD\nstage: developing\n"
        "jurisdiction: {county: Denver County, state: CO}\n"
        "location: {lat: 39.7392, lon: -104.9903}\n"
    ),
}
# The fixture's own two public sites (both located) plus the ones above; hidden-site is private.
PUBLIC_SITES = 2 + len(EXTRA_SITES)


def map_portal(root: Path, **options: str) -> Path:
    """The fixture portal with EXTRA_SITES at `root`, with extra plugin `options`."""
    shutil.copytree(FIXTURE_PORTAL, root)
    for slug, text in EXTRA_SITES.items():
        (root / "sites" / f"{slug}.yml").write_text(text, encoding="utf-8")
    if options:
        add_plugin_options(root / "mkdocs.yml", **options)
    return root
