"""A plain stand-in for /sites/ while the sites directory is built on another branch.

REMOVE this module and its line in generate.RENDERERS when the directory branch (which
renders sites/index.md itself) is merged: two renderers of one page are a build error.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from .outputs import Output, page
from .portal import Portal


def sites_index_standin(portal: Portal) -> Iterator[Output]:
    items = "\n".join(
        f'<li><a href="{e.slug}/">{escape(e.site.name)}</a> — {escape(e.place)}, '
        f"{escape(portal.stage_label(e.site.stage))}</li>"
        for e in portal.sites
    )
    links = '<p><a href="states/">Sites by state</a> · <a href="summary/">National summary</a></p>'
    body = f"<p>{len(portal.sites)} participating sites.</p>\n<ul>\n{items}\n</ul>\n{links}"
    yield page("sites/index.md", "Participating sites", body)
