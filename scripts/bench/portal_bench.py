"""Benchmark: whole portals of N synthetic sites against a plain mkdocs-material build.

Run: python scripts/bench/portal_bench.py [--sizes 100 500 1000 5000] [--out FILE]
Prints a Markdown table (and writes it to --out): build time, the plain build of the same
number of hand-written pages kept out of the navigation, their ratio, the generator's own
stages, output / search-index / map bytes per site, map drawing time in Chromium, peak memory.
Not a test: numbers depend on the machine; the committed output says which one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from map_bench import serve, time_to_markers
from synthetic import REPO, copy_portal, make_plain_portal, make_plain_twin, make_portal

from tools.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

MAP_PAGE = "sites/map/index.html"


def timed_build(root: Path) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB) of `mkdocs build` in `root`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(
            f"build failed in {root}: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss // 1024


STAGES = {  # renderer -> the stage it is counted in
    "site_map": "map",
    "data_files": "data",
    "hsds_files": "data",
    "site_feed": "data",
    "site_directory": "sites list",
}
STAGE_NAMES = ("records", "map", "data", "sites list", "pages")

GENERATOR_CODE = """
import json, time
from pathlib import Path
from leadportal.records.mkdocs_yml import read_settings
from leadportal.build import generate as g
from leadportal.portal.model import build_portal
s = read_settings(Path("mkdocs.yml"))
t = time.perf_counter(); r = g.check(s); seconds = {"records": time.perf_counter() - t}
assert r.ok, r.problems[:3]
portal = build_portal(r.records, s, r.places)
outputs = []
for render in g.RENDERERS:
    t = time.perf_counter(); outputs += list(render(portal)); spent = time.perf_counter() - t
    seconds[render.__name__] = spent
for finish in g.FINISHERS:
    t = time.perf_counter(); list(finish(portal, outputs))
    seconds[finish.__name__] = time.perf_counter() - t
print(json.dumps(seconds))
"""


def generator_seconds(root: Path) -> dict[str, float]:
    """Seconds per generator stage, in a fresh interpreter, as the plugin runs them (cold)."""
    out = subprocess.run(
        [sys.executable, "-c", GENERATOR_CODE], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    stages = dict.fromkeys(STAGE_NAMES, 0.0)
    for name, spent in json.loads(out).items():
        stage = "records" if name == "records" else STAGES.get(name, "pages")
        stages[stage] += spent
    return stages


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def map_draw_ms(site: Path, sites: int) -> float | None:
    """Median of 3 cold loads until every marker is drawn (as in map_bench.py)."""
    if not (site / MAP_PAGE).is_file():
        return None
    from playwright.sync_api import sync_playwright

    server = serve(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/{MAP_PAGE}"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
            times = [time_to_markers(browser, url, sites) for _ in range(3)]
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return statistics.median(times)


def paired_builds(portal: Path, plain: Path, runs: int) -> tuple[float, float, int]:
    """Median seconds of the portal and the plain builds, alternated so both meet the same
    machine noise, each into an empty site/; and the portal's peak memory (MB)."""
    portal_s, plain_s, peaks = [], [], []
    for _ in range(runs):
        for root, times in ((portal, portal_s), (plain, plain_s)):
            shutil.rmtree(root / "site", ignore_errors=True)
            seconds, peak = timed_build(root)
            times.append(seconds)
            if root == portal:
                peaks.append(peak)
    return statistics.median(portal_s), statistics.median(plain_s), max(peaks)


def portals(size: int, work: Path) -> tuple[Path, Path, int]:
    """The portal and its plain twin; size 0 is this repository's own (bundled) portal."""
    if size == 0:
        portal = copy_portal(REPO, work / "bundled")
        plain = make_plain_twin(portal, work / "plain-bundled")
        return portal, plain, len(list((portal / "sites").glob("*.yml")))
    return (
        make_portal(work / f"portal-{size}", size),
        make_plain_portal(work / f"plain-{size}", size),
        size,
    )


def measure(size: int, work: Path, runs: int) -> dict[str, float | int | None]:
    portal, plain, sites = portals(size, work)
    timed_build(portal)  # an unmeasured first build fills the place-table and template caches
    build_s, plain_s, peak_mb = paired_builds(portal, plain, runs)
    bundled, size = size == 0, sites
    stages = generator_seconds(portal)
    site = portal / "site"
    map_file = site / MAP_PAGE
    map_raw = map_file.stat().st_size if map_file.is_file() else 0
    map_gz = len(gzip.compress(map_file.read_bytes(), 9)) if map_raw else 0
    return {
        "sites": size,
        "build_s": build_s,
        "plain_s": plain_s,
        **{f"stage:{name}": spent for name, spent in stages.items()},
        "out_per_site": folder_bytes(site) / size,
        "search_per_site": (site / "search/search_index.json").stat().st_size / size,
        "map_raw_per_site": map_raw / size,
        "map_gz_per_site": map_gz / size,
        "map_ms": map_draw_ms(site, mapped_sites(site)),
        "peak_mb": peak_mb,
        "bundled": int(bundled),
    }


def mapped_sites(site: Path) -> int:
    """The markers the map should draw: the public sites with coordinates."""
    features = json.loads((site / "data/sites.geojson").read_text(encoding="utf-8"))["features"]
    return sum(1 for f in features if f.get("geometry"))


def row_label(row: dict[str, float | int | None]) -> str:
    return f"bundled ({row['sites']})" if row.get("bundled") else f"{row['sites']:,}"


def stage_table(rows: list[dict[str, float | int | None]]) -> str:
    head = "| sites | " + " | ".join(f"{n} (s)" for n in STAGE_NAMES) + " | all (s) |"
    lines = [head, "|" + "---:|" * (len(STAGE_NAMES) + 2)]
    for r in rows:
        spent = [float(r[f"stage:{n}"] or 0) for n in STAGE_NAMES]
        cells = " | ".join(f"{v:.2f}" for v in spent)
        lines.append(f"| {row_label(r)} | {cells} | {sum(spent):.2f} |")
    return "\n".join(lines)


def table(rows: list[dict[str, float | int | None]]) -> str:
    """Two narrow tables (time, then size): a wide one would scroll, out of keyboard reach."""
    times = [
        "| sites | build (s) | plain build (s) | ratio | peak MB |",
        "|" + "---:|" * 5,
    ]
    sizes = [
        "| sites | output B/site | search index B/site | map B/site raw / gz | map drawn (ms) |",
        "|" + "---:|" * 5,
    ]
    for r in rows:
        map_ms = f"{r['map_ms']:.0f}" if r["map_ms"] is not None else "—"
        times.append(
            f"| {row_label(r)} | {r['build_s']:.1f} | {r['plain_s']:.1f} "
            f"| {r['build_s'] / r['plain_s']:.2f} | {r['peak_mb']} |"
        )
        sizes.append(
            f"| {row_label(r)} | {r['out_per_site']:,.0f} | {r['search_per_site']:,.0f} "
            f"| {r['map_raw_per_site']:.0f} / {r['map_gz_per_site']:.1f} | {map_ms} |"
        )
    return "\n".join(times) + "\n\n" + "\n".join(sizes)


def growth(rows: list[dict[str, float | int | None]]) -> str:
    by = {r["sites"]: r for r in rows if not r.get("bundled")}
    if 500 in by and 5000 in by:
        t = by[5000]["build_s"] / by[500]["build_s"]  # type: ignore[operator]
        b = by[5000]["out_per_site"] * 5000 / (by[500]["out_per_site"] * 500)  # type: ignore[operator]
        return f"Growth from 500 to 5,000 sites (10x): build time {t:.1f}x, output {b:.1f}x."
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[0, 100, 500, 1000, 5000],
        help="numbers of synthetic sites; 0 is the bundled portal",
    )
    parser.add_argument("--out", type=Path)
    parser.add_argument("--runs", type=int, default=3, help="builds of each, for the median")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(size, Path(tmp), args.runs) for size in args.sizes]
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}"
    text = (
        "# Portal benchmark\n\n"
        "Run with `python scripts/bench/portal_bench.py --out docs/benchmarks/portal.md`. "
        "The first row is the bundled portal (this repository's own records); its plain twin "
        "is the same portal with every page the generator makes written out as a file of "
        "docs/ and the plugin left out of mkdocs.yml (`make_plain_twin`). The other rows are "
        "synthetic portals (`scripts/bench/synthetic.py`): the real portal's configuration, "
        "pages and forms with N sites and N/10 documents; their plain build is the same "
        "portal without the generator: the same mkdocs.yml, theme and pages, and one "
        "hand-written Markdown page per site and per document, kept out of the navigation as "
        "the generated pages are.\n\n"
        f"{table(rows)}\n\n{growth(rows)}\n\n"
        "Why the portal can build faster than its plain twin: its pages skip the Markdown pass "
        "(`GeneratedPage`: no front-matter YAML, no Markdown instance), Material's search finds "
        "their sections without re-parsing their HTML (`search_text`, held to Material's parser "
        "by the tests), and what does not depend on the records is made once and kept in the "
        "leadportal cache folder: the near-me place tables (`places/place_cache.py`, 1.5 s "
        "a build before) and the compiled Jinja templates of the theme and of the generated "
        "pages (`build/template_cache.py`). Each portal's first build, which fills those "
        "caches, is not counted.\n\n"
        "The generator's own stages (cold, in a fresh "
        "process, one after the other): records = load + validate; data = JSON, GeoJSON, CSV, "
        "HSDS and the feed; sites list = /sites/ and its near-me place tables (read from the "
        "cache); pages = every other generated page and the /sitemap/ page.\n\n"
        f"{stage_table(rows)}\n\nMeasured {dt.date.today().isoformat()} on "
        f"{machine}; build times are the medians of {args.runs} builds of each kind, portal and "
        "plain alternated, each into an empty site/; peak MB is the largest resident size of "
        "the portal's build process; map time "
        "is the median of 3 loads.\n"
    )
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
