"""The map document's list of sites, grouped by state: the keyboard's and the screen
reader's way to every site on the map, and the map's content without JavaScript."""

from __future__ import annotations

import html
from collections.abc import Sequence
from itertools import groupby

from leadportal.sites.map_data import MapOptions, MapPoint, StageStyle

LIST_ID = "lp-sites-by-state"
# Harmless in HTML text, but tools that treat the document as script text trip on them.
_LINE_SEPARATORS = str.maketrans({"\u2028": "&#8232;", "\u2029": "&#8233;"})


def text(value: str) -> str:
    """`value` escaped for HTML text or a quoted attribute."""
    return html.escape(value).translate(_LINE_SEPARATORS)


def _item(point: MapPoint, labels: dict[str, str]) -> str:
    return (
        f'<li><a href="{text(point.url)}" target="_top">{text(point.name)}</a>'
        f" {text(point.place)} · {text(labels[point.stage])}</li>"
    )


def site_list(points: Sequence[MapPoint], options: MapOptions, styles: Sequence[StageStyle]) -> str:
    """Every point under its state's name (states and sites in alphabetical order)."""
    texts = options.texts
    labels = {style.value: style.label for style in styles}
    ordered = sorted(points, key=lambda p: (p.state or "\uffff", p.name.casefold(), p.slug))
    groups = []
    for state, members in groupby(ordered, key=lambda p: p.state):
        items = "".join(_item(point, labels) for point in members)
        heading = text(state or texts.other_places)
        groups.append(f"<h3>{heading}</h3><ul>{items}</ul>")
    return (
        f'<section class="lp-site-list" id="{LIST_ID}" aria-labelledby="{LIST_ID}-heading">'
        f'<h2 id="{LIST_ID}-heading">{text(texts.list_heading)}</h2>'
        f'<p><a href="{text(options.list_url)}" target="_top">'
        f"{text(texts.list_link_long)}</a></p>"
        f"{''.join(groups)}</section>"
    )
