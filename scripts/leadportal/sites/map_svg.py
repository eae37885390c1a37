"""The map drawn at build time as inline SVG: the state outlines and one dot per site.

It is what a visitor sees before Leaflet has loaded, and all the map they get without
JavaScript. Web Mercator, like the Leaflet map, around the same sites; coordinates are
whole units of a viewBox about 1,000 wide, so the drawing stays a few kilobytes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from itertools import pairwise

from leadportal.sites.map_data import MapPoint, StageStyle
from leadportal.sites.map_list import text

WIDTH = 1000
MARGIN = 0.08  # of the sites' span, on every side
MIN_SPAN_DEGREES = 4.0  # one site, or a few in one county, still shows its state
DOT_RADIUS = 7
MIN_STEP = 2  # viewBox units between kept points of an outline (about 0.2 % of the width)
Line = list[tuple[float, float]]


@cache
def state_lines() -> tuple[tuple[tuple[float, float], ...], ...]:
    """The vendored outlines as (lon, lat) lines, decoded from their delta coding."""
    source = resources.files("leadportal.sites") / "assets/vendor/us-atlas/us-states-lines.js"
    script = source.read_text("utf-8")
    flat_lines = json.loads(script[script.index("=") + 1 :].strip().rstrip(";"))
    lines = []
    for flat in flat_lines:
        lon = lat = 0
        points = []
        for i in range(0, len(flat), 2):
            lon += flat[i]
            lat += flat[i + 1]
            points.append((lon / 1000, lat / 1000))
        lines.append(tuple(points))
    return tuple(lines)


def mercator(lon: float, lat: float) -> tuple[float, float]:
    """(x, y) in world units: 0..1 from the antimeridian west to east, north to south."""
    lat = max(min(lat, 85.0), -85.0)
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360, 0.5 - y / (2 * math.pi)


class Frame:
    """The viewBox around the sites: world units to whole viewBox units."""

    def __init__(self, points: Sequence[MapPoint]) -> None:
        lons = [p.lon for p in points] or [-125.0, -66.0]
        lats = [p.lat for p in points] or [24.0, 50.0]
        mid_lon, mid_lat = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
        half_lon = max(max(lons) - min(lons), MIN_SPAN_DEGREES) / 2
        half_lat = max(max(lats) - min(lats), MIN_SPAN_DEGREES / 2) / 2
        x0, y1 = mercator(mid_lon - half_lon, mid_lat - half_lat)
        x1, y0 = mercator(mid_lon + half_lon, mid_lat + half_lat)
        pad_x, pad_y = (x1 - x0) * MARGIN, (y1 - y0) * MARGIN
        self.x0, self.y0 = x0 - pad_x, y0 - pad_y
        self.scale = WIDTH / (x1 - x0 + 2 * pad_x)
        self.height = round((y1 - y0 + 2 * pad_y) * self.scale)

    def place(self, lon: float, lat: float) -> tuple[int, int]:
        x, y = mercator(lon, lat)
        return round((x - self.x0) * self.scale), round((y - self.y0) * self.scale)

    def near(self, x: int, y: int) -> bool:
        return -WIDTH // 4 <= x <= WIDTH * 5 // 4 and -self.height // 4 <= y <= self.height * 5 // 4


def _path(frame: Frame, line: Sequence[tuple[float, float]]) -> str | None:
    placed = [frame.place(lon, lat) for lon, lat in line]
    if not any(frame.near(x, y) for x, y in placed):
        return None
    kept = [placed[0]]
    for x, y in placed[1:-1]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= MIN_STEP:
            kept.append((x, y))
    if placed[-1] != kept[-1]:
        kept.append(placed[-1])
    if len(kept) < 2:
        return None
    steps = " ".join(f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in pairwise(kept))
    return f"M{kept[0][0]} {kept[0][1]}l{steps}"


def _paths(frame: Frame) -> Iterator[str]:
    for line in state_lines():
        if (path := _path(frame, line)) is not None:
            yield path


def _dot(frame: Frame, point: MapPoint, styles: dict[str, StageStyle]) -> str:
    x, y = frame.place(point.lon, point.lat)
    style = styles[point.stage]
    return (
        f'<a href="{text(point.url)}" target="_top" tabindex="-1">'
        f'<circle class="lp-k{style.index}" cx="{x}" cy="{y}" r="{DOT_RADIUS}"'
        ' vector-effect="non-scaling-stroke">'
        f"<title>{text(point.name)}, {text(point.place)}: {text(style.label)}</title>"
        "</circle></a>"
    )


def static_map(points: Sequence[MapPoint], styles: Sequence[StageStyle]) -> str:
    """The SVG drawing; hidden from assistive technology, which gets the list of sites."""
    frame = Frame(points)
    by_stage = {style.value: style for style in styles}
    outline = "".join(_paths(frame))
    dots = "".join(_dot(frame, point, by_stage) for point in points)
    return (
        f'<svg class="lp-static-map" viewBox="0 0 {WIDTH} {frame.height}" aria-hidden="true"'
        ' preserveAspectRatio="xMidYMid meet">'
        f'<path class="lp-static-outline" d="{outline}" vector-effect="non-scaling-stroke"/>'
        f"{dots}</svg>"
    )
