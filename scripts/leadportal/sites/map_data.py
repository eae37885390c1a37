"""Plain data for the site map: the points, the options, and their compact encodings.

Nothing here knows about folium or Leaflet; ``map_document`` turns these values into HTML.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

# Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), each
# with the text colour that gives at least 4.5:1 contrast; stages beyond eight reuse them.
STAGE_PALETTE: tuple[tuple[str, str], ...] = (
    ("#0072B2", "#FFFFFF"),
    ("#E69F00", "#000000"),
    ("#009E73", "#000000"),
    ("#CC79A7", "#000000"),
    ("#56B4E9", "#000000"),
    ("#D55E00", "#000000"),
    ("#F0E442", "#000000"),
    ("#000000", "#FFFFFF"),
)
# Colour is never the only cue: each stage also has a shape and a letter code.
STAGE_SHAPES: tuple[str, ...] = ("circle", "square", "diamond")

DEFAULT_STAGES: tuple[tuple[str, str], ...] = (
    ("exploring", "Exploring"),
    ("developing", "Developing"),
    ("launching", "Launching"),
    ("operating", "Operating"),
    ("paused", "Paused"),
    ("ended", "Ended"),
)

COORDINATE_DECIMALS = 4  # about 11 m: plenty for a city-level marker


@dataclass(frozen=True)
class MapScheme:
    """The map's colours in one colour scheme, from the portal's palette (portal.css).

    Cluster text on its bubble needs 4.5:1; bubbles, marker edges and state lines are
    graphics and need 3:1 against the map's background (tests/sites/test_map_document.py).
    """

    background: str
    outline: str
    cluster_fill: str
    cluster_text: str
    marker_edge: str
    panel_bg: str
    panel_text: str
    link: str
    focus: str


LIGHT_SCHEME = MapScheme(
    background="#f3f5f7",
    outline="#5f6b76",
    cluster_fill="#0f4c4c",  # --lp-primary
    cluster_text="#ffffff",  # --lp-on-primary
    marker_edge="#1b1b1b",
    panel_bg="#ffffff",  # --lp-bg
    panel_text="#1b1b1b",
    link="#0e5a5a",  # --lp-link
    focus="#9c3d10",  # --lp-focus
)
DARK_SCHEME = MapScheme(
    background="#1e2729",  # --lp-bg of the slate scheme
    outline="#8fa1ad",
    cluster_fill="#7dd3c8",  # --lp-link of the slate scheme
    cluster_text="#0a3636",  # --lp-footer-bg
    marker_edge="#f3f5f7",
    panel_bg="#24322f",  # --lp-card-bg of the slate scheme
    panel_text="#f3f5f7",
    link="#7dd3c8",
    focus="#ffd166",  # --lp-focus of the slate scheme
)


@dataclass(frozen=True)
class MapPoint:
    """One site on the map; every string is shown as text, never as HTML."""

    slug: str
    name: str
    place: str
    stage: str
    lat: float
    lon: float
    url: str
    state: str = ""  # the state's name, which groups the list of sites


@dataclass(frozen=True)
class MapTexts:
    """Words the map shows, in English; `map_page.map_texts` gives them in the build's
    language (each default is a key of render/strings)."""

    map_label: str = "Map of participating sites"
    legend_heading: str = "Stages"
    site_one: str = "site"
    site_many: str = "sites"
    description: str = (
        "Map of the places that run LEAD® or are working towards it, by stage,"
        " with a list of every site by state."
    )
    noscript: str = (  # {link}: `list_link`, linked to the list of sites
        "Without JavaScript this map cannot zoom or show details. Every site is in the"
        " list below the map and in the {link}."
    )
    list_link: str = "list of sites"
    list_heading: str = "Sites by state"
    list_short: str = "List of sites"
    list_link_long: str = "The list of sites, with filters and sorting by distance"
    other_places: str = "Other places"
    skip_map: str = "Skip the map and go to the sites by state"
    keys_hint: str = (
        "Arrow keys move the map, plus and minus zoom. Every site on the map is also"
        " in the list of sites by state."
    )
    outline_attribution: str = "State outlines: U.S. Census Bureau"


@dataclass(frozen=True)
class MapOptions:
    title: str = "Participating sites"
    lang: str = "en"
    asset_prefix: str = "../../assets/vendor/"
    site_root: str = "../../"  # the portal's root, relative to the map document
    stages: Sequence[tuple[str, str]] = DEFAULT_STAGES
    tiles: str | None = None
    attribution: str = ""
    center: tuple[float, float] = (39.5, -98.35)
    zoom: int = 4
    list_url: str = "../"
    canonical: str | None = None
    texts: MapTexts = field(default_factory=MapTexts)


@dataclass(frozen=True)
class StageStyle:
    index: int
    value: str
    label: str
    code: str
    shape: str
    fill: str
    text: str


def stage_codes(labels: Sequence[str]) -> list[str]:
    """One-letter codes from the labels; labels sharing a first letter get two letters: the
    initials of a label of several words (Spanish `En pausa` -> `EP`, beside `En
    funcionamiento` -> `EF`), else its first two letters (`Exploring` -> `Ex`)."""
    firsts = Counter(label[:1].upper() for label in labels)
    return [
        _code(label) if firsts[label[:1].upper()] > 1 else label[:1].upper() for label in labels
    ]


def _code(label: str) -> str:
    words = label.split()
    if len(words) > 1:
        return "".join(word[:1].upper() for word in words[:2])
    return label[:1].upper() + label[1:2].lower()


def stage_styles(stages: Sequence[tuple[str, str]]) -> list[StageStyle]:
    codes = stage_codes([label for _, label in stages])
    return [
        StageStyle(
            index=i,
            value=value,
            label=label,
            code=codes[i],
            shape=STAGE_SHAPES[i % len(STAGE_SHAPES)],
            fill=STAGE_PALETTE[i % len(STAGE_PALETTE)][0],
            text=STAGE_PALETTE[i % len(STAGE_PALETTE)][1],
        )
        for i, (value, label) in enumerate(stages)
    ]


def stage_counts(points: Sequence[MapPoint], styles: Sequence[StageStyle]) -> list[int]:
    counts = Counter(point.stage for point in points)
    return [counts[style.value] for style in styles]


def is_relative_url(url: str) -> bool:
    """True for path-relative or root-relative URLs; false for anything with a scheme or host."""
    head = url.split("?", 1)[0].split("#", 1)[0].split("/", 1)[0]
    return ":" not in head and not url.startswith("//") and "\\" not in url


def check_points(points: Sequence[MapPoint], styles: Sequence[StageStyle]) -> None:
    known = {style.value for style in styles}
    for point in points:
        if point.stage not in known:
            raise ValueError(
                f"site {point.slug!r}: stage {point.stage!r} is not one of {sorted(known)}"
            )
        if not is_relative_url(point.url):
            raise ValueError(f"site {point.slug!r}: url {point.url!r} must be a relative URL")


def url_template(points: Sequence[MapPoint]) -> tuple[str, str]:
    """(prefix, suffix) such that most URLs are prefix + slug + suffix, from the first point."""
    for point in points:
        if point.slug and point.slug in point.url:
            prefix, _, suffix = point.url.partition(point.slug)
            return prefix, suffix
    return "", ""


def point_bounds(points: Sequence[MapPoint]) -> list[list[float]] | None:
    """``[[south, west], [north, east]]`` around every point, or None without points."""
    if not points:
        return None
    lats = [round(point.lat, COORDINATE_DECIMALS) for point in points]
    lons = [round(point.lon, COORDINATE_DECIMALS) for point in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def point_rows(points: Sequence[MapPoint], styles: Sequence[StageStyle]) -> list[list[object]]:
    """Compact rows ``[lat, lon, stage index, name, place, slug(, url)]``.

    The url column is present only when the URL does not follow the shared template.
    """
    index = {style.value: style.index for style in styles}
    prefix, suffix = url_template(points)
    rows: list[list[object]] = []
    for point in points:
        row: list[object] = [
            round(point.lat, COORDINATE_DECIMALS),
            round(point.lon, COORDINATE_DECIMALS),
            index[point.stage],
            point.name,
            point.place,
            point.slug,
        ]
        if point.url != prefix + point.slug + suffix:
            row.append(point.url)
        rows.append(row)
    return rows


_SCRIPT_UNSAFE = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


def json_for_script(value: object) -> str:
    """JSON safe inside an inline ``<script>``: no ``</script>``, ``<!--`` or line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_SCRIPT_UNSAFE)
