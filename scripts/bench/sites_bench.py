"""Benchmark the sites part of whole portals: build time, map bytes per site, map drawing time.

    python scripts/bench/sites_bench.py [--sizes 100 1000 5000] [--out docs/benchmarks/sites.md]

Each size is a synthetic portal (``synthetic.make_portal``: the real portal's configuration
and pages with N located sites), built once with ``mkdocs build``. The map document
(``sites/map/index.html``) is measured raw and gzipped; its cost per site is taken beyond
the fixed cost of a portal without sites: (bytes(N) - bytes(0)) / N. The drawing time is
the median of 3 cold loads in headless Chromium, from navigation start to the map's
completion hook (``<html data-markers>``), as in ``map_bench.py``. Not a test: the numbers
depend on the machine, which the output names.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import platform
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from map_bench import serve, time_to_markers
from playwright.sync_api import Browser, sync_playwright
from portal_bench import timed_build
from synthetic import make_portal

from tools.chromium import launch

MAP_PAGE = "sites/map/index.html"
RUNS = 3
BUDGET_GZ_PER_SITE = 40.0
BUDGET_DRAW_MS_AT_5000 = 800.0


@dataclass(frozen=True)
class Row:
    sites: int
    build_s: float
    map_raw: int
    map_gz: int
    draw_ms: float


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def draw_ms(browser: Browser, site: Path, sites: int) -> float:
    server = serve(site)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sites/map/"
        return statistics.median(time_to_markers(browser, url, sites) for _ in range(RUNS))
    finally:
        server.shutdown()
        server.server_close()


def measure(size: int, work: Path, browser: Browser) -> Row:
    portal = make_portal(work / f"portal-{size}", size)
    build_s, _ = timed_build(portal)
    document = (portal / "site" / MAP_PAGE).read_bytes()
    drawn = draw_ms(browser, portal / "site", size)
    row = Row(size, build_s, len(document), gzipped(document), drawn)
    print(f"{size} sites: {row}", file=sys.stderr)
    return row


def per_site(value: int, fixed: int, sites: int) -> str:
    return f"{(value - fixed) / sites:.1f}" if sites else "—"


def report(rows: list[Row], chromium: str, load: float) -> str:
    base = rows[0]
    lines = [
        "# Sites benchmark",
        "",
        f"Run on {dt.date.today().isoformat()} with `python scripts/bench/sites_bench.py`.",
        f"Machine: {os.cpu_count()} cores, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, Chromium {chromium} (headless).",
        "",
        f"Load average (1 minute) when the run started: {load:.2f}; with other jobs running",
        "the times are upper bounds.",
        "",
        "Synthetic portals (`scripts/bench/synthetic.py`: the real portal's configuration and",
        "pages, N sites with a location, N/10 documents). *Build* is one cold `mkdocs build`.",
        "*Map* is `sites/map/index.html`; *per site* is beyond the 0-site portal's map:",
        "(bytes(N) − bytes(0)) / N. *Drawn* is the median of 3 cold loads from navigation",
        "start until every marker is on the map (`data-markers`); tile requests are refused,",
        'so only this site\'s files load. The synthetic names ("Synthetic LEAD 123", "Town',
        '123") compress better than real ones: `map_bench.py`, with US city names, measured',
        "about 26 gzipped bytes per site at 5,000 (`docs/benchmarks/map.md`).",
        "",
        "| sites | build (s) | map raw bytes | map gzipped bytes | raw bytes per site "
        "| gzipped bytes per site | drawn (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.sites:,} | {row.build_s:.1f} | {row.map_raw:,} | {row.map_gz:,} "
            f"| {per_site(row.map_raw, base.map_raw, row.sites)} "
            f"| {per_site(row.map_gz, base.map_gz, row.sites)} | {row.draw_ms:.0f} |"
        )
    largest = rows[-1]
    gz = (largest.map_gz - base.map_gz) / largest.sites if largest.sites else 0.0
    lines += [
        "",
        f"Budgets from issue 3: at most {BUDGET_GZ_PER_SITE:.0f} gzipped bytes per site "
        f"(here {gz:.1f} at {largest.sites:,}) and 5,000 sites drawn within "
        f"{BUDGET_DRAW_MS_AT_5000:.0f} ms (here {largest.draw_ms:.0f} ms at {largest.sites:,}).",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = launch(playwright)
        rows = [measure(size, Path(tmp), browser) for size in [0, *sorted(args.sizes)]]
        chromium = browser.version
        browser.close()
    text = report(rows, chromium, load)
    print(text, end="")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
