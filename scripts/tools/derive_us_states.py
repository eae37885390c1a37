"""Derive the offline US state outline layer from us-atlas's ``states-10m.json``.

Run once when refreshing the vendored us-atlas package (see
scripts/leadportal/sites/assets/vendor/README.md):

    python scripts/tools/derive_us_states.py PATH/TO/states-10m.json \
        scripts/leadportal/sites/assets/vendor/us-atlas/us-states-lines.js

The TopoJSON is decoded here, at vendoring time, so the browser needs no TopoJSON
library and the map works from file:// (a script tag, not a fetch). Output: one
script assigning ``window.leadportalUsStates``, a list of polylines, each a flat list
``[lon0, lat0, dlon1, dlat1, ...]`` of integers in thousandths of a degree (first
point absolute, then deltas). Each arc of the state boundaries appears once, so
shared borders are drawn once.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

Point = tuple[int, int]
MILLIDEGREES = 1000


def decode_arc(arc: list[list[int]], scale: list[float], translate: list[float]) -> list[Point]:
    """Undo TopoJSON's delta coding and quantisation; round to thousandths of a degree."""
    x = y = 0
    points: list[Point] = []
    for dx, dy in arc:
        x += dx
        y += dy
        lon = x * scale[0] + translate[0]
        lat = y * scale[1] + translate[1]
        point = (round(lon * MILLIDEGREES), round(lat * MILLIDEGREES))
        if not points or points[-1] != point:
            points.append(point)
    return points


def arc_indexes(arcs: object) -> Iterator[int]:
    """Every arc index in a (nested) TopoJSON arcs list; ``~i`` means arc i reversed."""
    if isinstance(arcs, int):
        yield arcs if arcs >= 0 else ~arcs
    elif isinstance(arcs, list):
        for item in arcs:
            yield from arc_indexes(item)


def split_at_antimeridian(points: list[Point]) -> Iterator[list[Point]]:
    """Break a line where it jumps across 180° (the Aleutians) so it is not drawn across the map."""
    start = 0
    for i in range(1, len(points)):
        if abs(points[i][0] - points[i - 1][0]) > 180 * MILLIDEGREES:
            yield points[start:i]
            start = i
    yield points[start:]


def delta_encode(points: list[Point]) -> list[int]:
    flat = [points[0][0], points[0][1]]
    for previous, current in itertools.pairwise(points):
        flat += [current[0] - previous[0], current[1] - previous[1]]
    return flat


def state_lines(topology: dict[str, object]) -> list[list[int]]:
    transform = topology["transform"]
    assert isinstance(transform, dict)
    objects = topology["objects"]
    assert isinstance(objects, dict)
    geometries: Iterable[dict[str, object]] = objects["states"]["geometries"]
    used = sorted({index for geometry in geometries for index in arc_indexes(geometry["arcs"])})
    all_arcs = topology["arcs"]
    assert isinstance(all_arcs, list)
    lines: list[list[int]] = []
    for index in used:
        points = decode_arc(all_arcs[index], transform["scale"], transform["translate"])
        lines += [delta_encode(part) for part in split_at_antimeridian(points) if len(part) > 1]
    return lines


def main(argv: list[str]) -> int:
    source, target = Path(argv[1]), Path(argv[2])
    lines = state_lines(json.loads(source.read_text(encoding="utf-8")))
    body = json.dumps(lines, separators=(",", ":"))
    target.write_text(
        "/* US state outlines derived from us-atlas states-10m.json"
        " by scripts/tools/derive_us_states.py; see VERSION. */\n"
        f"window.leadportalUsStates={body};\n",
        encoding="utf-8",
    )
    print(f"{target}: {len(lines)} lines, {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
