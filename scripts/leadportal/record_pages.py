"""The first, plain pages of sites and forms (the sites index: site_directory; documents:
library_pages)."""

from __future__ import annotations

from collections.abc import Iterator

from .outputs import Output, page
from .portal import Portal
from .templating import render


def site_pages(portal: Portal) -> Iterator[Output]:
    label = portal.stage_label
    for entry in portal.sites:
        body = render("site.html", entry=entry, site=entry.site, stage_label=label)
        yield page(
            f"sites/{entry.slug}.md",
            entry.site.name,
            body,
            description=f"LEAD in {entry.place}: {label(entry.site.stage).lower()}",
        )
