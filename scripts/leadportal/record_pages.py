"""The first, plain pages of every public record and the index of each kind."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import quote

from .outputs import Output, page
from .portal import Portal
from .templating import render


def site_pages(portal: Portal) -> Iterator[Output]:
    label = portal.stage_label
    yield page(
        "sites/index.md",
        "Participating sites",
        render("site_index.html", sites=portal.sites, stage_label=label),
    )
    for entry in portal.sites:
        body = render("site.html", entry=entry, site=entry.site, stage_label=label)
        yield page(
            f"sites/{entry.slug}.md",
            entry.site.name,
            body,
            description=f"LEAD in {entry.place}: {label(entry.site.stage).lower()}",
        )


def document_pages(portal: Portal) -> Iterator[Output]:
    folder = portal.settings.resources_dir
    yield page(
        f"{folder}/index.md",
        "Resource library",
        render("document_index.html", documents=portal.documents),
    )
    for doc in portal.documents:
        # File names may hold spaces, '#' or '?': quote them, or the link points elsewhere.
        file_href = quote(posixpath.join("..", doc.record.file)) if doc.record.file else ""
        body = render("document.html", doc=doc, record=doc.record, file_href=file_href)
        yield page(f"{folder}/{doc.slug}.md", doc.record.title, body)
