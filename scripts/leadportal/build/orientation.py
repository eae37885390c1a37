"""Where a page sits: the menu tab it belongs to and its breadcrumb trail, from its address.

Generated pages (a site, a state, a document, a form, the data page) are outside the menus, so
the theme lights no tab for them and shows no way back up. Both answers come from the page's
address and the pages that exist, so one rule serves every page, hand-written ones included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str  # the page's address below the site root, "" for the home page


def ancestors(url: str) -> list[str]:
    """The addresses above a page's, the home page first: `sites/wa/x/` -> "", sites/, sites/wa/."""
    parts = [part for part in url.strip("/").split("/") if part]
    return [""] + ["/".join(parts[:depth]) + "/" for depth in range(1, len(parts))]


def breadcrumb(url: str, titles: Mapping[str, str]) -> list[Crumb]:
    """The trail to a page, through the pages above it that exist; empty for the home page and
    for pages right below it, whose only way up is the home page the header already links."""
    trail = [Crumb(titles[above], above) for above in ancestors(url) if above in titles]
    return trail if len(trail) > 1 else []


def menu_owner(url: str, menu_urls: Iterable[str], homes: Mapping[str, str]) -> str | None:
    """The menu page whose tab a page outside the menus belongs to: the menu page whose address
    is the longest start of the page's own (`sites/wa/` -> `sites/`), else the menu page that
    `homes` names for the page's first folder (`data/` -> `resources/`)."""
    known = [menu for menu in menu_urls if menu]
    inside = [menu for menu in known if url.startswith(menu)]
    if inside:
        return max(inside, key=len)
    folder = url.split("/", 1)[0] + "/"
    home = homes.get(folder)
    return home if home in known else None
