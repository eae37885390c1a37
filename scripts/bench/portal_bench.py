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
import http.server
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

from synthetic import make_plain_portal, make_portal

MAP_PAGE = "sites/map/index.html"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


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


def generator_seconds(root: Path) -> tuple[float, float]:
    """(load + validate, whole generate()) in a fresh interpreter, as the plugin runs them."""
    code = (
        "import time; from pathlib import Path\n"
        "from leadportal.mkdocs_yml import read_settings\n"
        "from leadportal.generate import check, generate\n"
        "s = read_settings(Path('mkdocs.yml'))\n"
        "t = time.perf_counter(); check(s); a = time.perf_counter() - t\n"
        "t = time.perf_counter(); r = generate(s); b = time.perf_counter() - t\n"
        "assert r.ok, r.problems[:3]\n"
        "print(a, b)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def map_draw_ms(site: Path) -> float | None:
    if not (site / MAP_PAGE).is_file():
        return None
    from playwright.sync_api import sync_playwright

    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{MAP_PAGE}"
    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(3):
            page = browser.new_page()
            page.route(
                "**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort()
            )
            page.goto(url)
            page.wait_for_selector("html[data-markers]", timeout=30_000)
            times.append(page.evaluate("performance.now()"))
            page.close()
        browser.close()
    server.shutdown()
    return sorted(times)[1]


def measure(size: int, work: Path) -> dict[str, float | int | None]:
    portal = make_portal(work / f"portal-{size}", size)
    build_s, peak_mb = timed_build(portal)
    plain = make_plain_portal(work / f"plain-{size}", size)
    plain_s, _ = timed_build(plain)
    load_s, generate_s = generator_seconds(portal)
    site = portal / "site"
    map_file = site / MAP_PAGE
    map_raw = map_file.stat().st_size if map_file.is_file() else 0
    map_gz = len(gzip.compress(map_file.read_bytes(), 9)) if map_raw else 0
    return {
        "sites": size,
        "build_s": build_s,
        "plain_s": plain_s,
        "load_s": load_s,
        "generate_s": generate_s,
        "out_per_site": folder_bytes(site) / size,
        "search_per_site": (site / "search/search_index.json").stat().st_size / size,
        "map_raw_per_site": map_raw / size,
        "map_gz_per_site": map_gz / size,
        "map_ms": map_draw_ms(site),
        "peak_mb": peak_mb,
    }


def table(rows: list[dict[str, float | int | None]]) -> str:
    head = (
        "| sites | build (s) | plain build (s) | ratio | load+validate (s) | generator (s) "
        "| output B/site | search index B/site | map B/site raw / gz | map drawn (ms) "
        "| peak MB |\n|" + "---:|" * 11
    )
    lines = [head]
    for r in rows:
        map_ms = f"{r['map_ms']:.0f}" if r["map_ms"] is not None else "—"
        lines.append(
            f"| {r['sites']:,} | {r['build_s']:.1f} | {r['plain_s']:.1f} "
            f"| {r['build_s'] / r['plain_s']:.2f} | {r['load_s']:.2f} | {r['generate_s']:.2f} "
            f"| {r['out_per_site']:,.0f} | {r['search_per_site']:,.0f} "
            f"| {r['map_raw_per_site']:.0f} / {r['map_gz_per_site']:.1f} | {map_ms} "
            f"| {r['peak_mb']} |"
        )
    return "\n".join(lines)


def growth(rows: list[dict[str, float | int | None]]) -> str:
    by = {r["sites"]: r for r in rows}
    if 500 in by and 5000 in by:
        t = by[5000]["build_s"] / by[500]["build_s"]  # type: ignore[operator]
        b = by[5000]["out_per_site"] * 5000 / (by[500]["out_per_site"] * 500)  # type: ignore[operator]
        return f"Growth from 500 to 5,000 sites (10x): build time {t:.1f}x, output {b:.1f}x."
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000, 5000])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = [measure(size, Path(tmp)) for size in args.sizes]
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}"
    text = (
        f"{table(rows)}\n\n{growth(rows)}\n\nMeasured {dt.date.today().isoformat()} on "
        f"{machine}; each build is one cold run; map time is the median of 3 loads.\n"
    )
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
