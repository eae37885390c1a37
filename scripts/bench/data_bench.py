"""Benchmark: the open-data renderers on portals of N synthetic sites.

Run: python scripts/bench/data_bench.py [--sizes 100 1000 5000] [--out FILE]
Prints a Markdown table (and writes it to --out): seconds per renderer (best of 3) and
the bytes per site of the largest files. Not a test: numbers depend on the machine; the
output says which one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from synthetic import make_portal

from leadportal.opendata.exports import data_files
from leadportal.opendata.hsds_files import hsds_files
from leadportal.opendata.page import data_page
from leadportal.opendata.site_feed import site_feed
from leadportal.portal.model import Portal, build_portal
from leadportal.records.loader import load_records
from leadportal.records.mkdocs_yml import read_settings
from leadportal.render.outputs import Output

RENDERERS: dict[str, Callable[[Portal], Iterable[Output]]] = {
    "data files": data_files,
    "HSDS": hsds_files,
    "feed": site_feed,
    "/data/ page": data_page,
}
SIZED = ("data/sites.json", "data/sites.csv", "data/hsds/services.json", "sites/feed.xml")


def best_of(
    runs: int, render: Callable[[Portal], Iterable[Output]], portal: Portal
) -> tuple[float, list[Output]]:
    """The fastest of `runs` (the machine is shared; the slower runs measure the neighbours)."""
    best, outputs = float("inf"), []
    for _ in range(runs):
        start = time.perf_counter()
        outputs = list(render(portal))
        best = min(best, time.perf_counter() - start)
    return best, outputs


def measure(sites: int, work: Path) -> list[str]:
    root = make_portal(work / f"portal-{sites}", sites)
    settings = read_settings(root / "mkdocs.yml", today=dt.date(2026, 1, 1))
    portal = build_portal(load_records(settings), settings)
    cells = [str(sites)]
    sizes: dict[str, int] = {}
    for render in RENDERERS.values():
        seconds, outputs = best_of(3, render, portal)
        cells.append(f"{seconds:.3f}")
        sizes.update({o.path: len(o.as_bytes()) for o in outputs})
    cells += [f"{sizes[path] / sites:.0f}" for path in SIZED]
    return cells


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--out")
    args = parser.parse_args()
    header = ["sites", *(f"{name} s" for name in RENDERERS), *(f"{p} B/site" for p in SIZED)]
    lines = [
        f"Open-data renderers, {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the start (shared machine), {dt.date.today().isoformat()}",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    with tempfile.TemporaryDirectory() as work:
        for size in args.sizes:
            lines.append("| " + " | ".join(measure(size, Path(work))) + " |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text)


if __name__ == "__main__":
    main()
