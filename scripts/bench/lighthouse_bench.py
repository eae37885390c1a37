"""Benchmark Lighthouse performance on the eight page types of the real portal, mobile.

    python scripts/bench/lighthouse_bench.py [--runs 3] [--out docs/benchmarks/lighthouse.md]

The real portal is built with `tiles: none` (the map draws the offline state outlines and
asks no other host) and served on 127.0.0.1, text gzip-compressed as a web host sends it.
Lighthouse 12.2.3 (`.tools/`, see `.ci/run`) runs its mobile preset (simulated slow 4G and
a 4x slower CPU) in Debian's Chromium, which resolves no other host name. Each page type is
measured `--runs` times, in rounds (every page once, then again), and the median of each
number is reported: the performance score, total blocking time (TBT), largest contentful
paint (LCP) and cumulative layout shift (CLS). Not a test: the numbers move from run to run
and with the machine's load, which the output names.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from synthetic import REPO, copy_portal

from tools.chromium import CHROMIUM_PATH, serve_folder
from tools.lighthouse import (
    INSTALL,
    LIGHTHOUSE_VERSION,
    PAGE_TYPES,
    lighthouse_modules,
    run_lighthouse,
)

GOAL_SCORE = 95
GOAL_TBT_SITES_MS = 200
TILES_LINE = "      tiles: openstreetmap\n"


def build_offline_portal(into: Path) -> Path:
    root = copy_portal(REPO, into / "portal")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(TILES_LINE, "      tiles: none\n"),
        encoding="utf-8",
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict"], cwd=root, env=env, check=True
    )
    return root / "site"


def medians(results: list[dict[str, Any]]) -> dict[str, float]:
    return {
        "score": statistics.median(r["scores"]["performance"] for r in results),
        "tbt": statistics.median(r["metrics"]["total-blocking-time"] for r in results),
        "lcp": statistics.median(r["metrics"]["largest-contentful-paint"] for r in results),
        "cls": statistics.median(r["metrics"]["cumulative-layout-shift"] for r in results),
    }


def chromium_version() -> str:
    """The browser and its full version (the user agent Lighthouse reports is reduced)."""
    done = subprocess.run([CHROMIUM_PATH, "--version"], capture_output=True, text=True)
    version = re.search(r"[\d.]{6,}", done.stdout)
    return f"Chromium {version.group(0) if version else '?'} (headless)"


def git_commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    )
    return done.stdout.strip() or "unknown"


def report(rows: dict[str, dict[str, float]], runs: int, load: float, chromium: str) -> str:
    lines = [
        "# Lighthouse benchmark",
        "",
        f"Run on {dt.date.today().isoformat()} at commit {git_commit()} with "
        "`python scripts/bench/lighthouse_bench.py`.",
        f"Machine: {os.cpu_count()} cores, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, Lighthouse {LIGHTHOUSE_VERSION}, {chromium}.",
        "",
        f"Load average (1 minute) when the run started: {load:.2f}; with other jobs running",
        "the numbers are worse than on a quiet machine.",
        "",
        "The real portal built with `tiles: none`, served on 127.0.0.1 with text files",
        "gzip-compressed as a static web host sends them, every other host unresolvable.",
        "Lighthouse's mobile preset: simulated slow 4G and a 4x slower CPU.",
        f"Median of {runs} runs per page type, in rounds. *Score* is the performance",
        "category (0-100); TBT is total blocking time, LCP largest contentful paint, CLS",
        "cumulative layout shift.",
        "",
        "| page | path | score | TBT (ms) | LCP (s) | CLS |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, row in rows.items():
        lines.append(
            f"| {name} | `/{PAGE_TYPES[name]}` | {row['score']:.0f} | {row['tbt']:.0f} "
            f"| {row['lcp'] / 1000:.1f} | {row['cls']:.3f} |"
        )
    below = [name for name, row in rows.items() if row["score"] < GOAL_SCORE]
    tbt = rows["sites"]["tbt"]
    lines += [
        "",
        f"Goals from issue 17: a score of at least {GOAL_SCORE} on every page type "
        f"({'met' if not below else 'not met on ' + ', '.join(below)}) and TBT under "
        f"{GOAL_TBT_SITES_MS} ms on /sites/ (here {tbt:.0f} ms).",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    modules = lighthouse_modules()
    if modules is None:
        raise SystemExit(f"Lighthouse {LIGHTHOUSE_VERSION} not installed: run `{INSTALL}`")
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        site = build_offline_portal(Path(tmp))
        server, base = serve_folder(site, compressed=True)
        try:
            runs = [
                (base + path, "mobile") for _ in range(args.runs) for path in PAGE_TYPES.values()
            ]
            results = run_lighthouse(modules, runs, categories=("performance",))
        finally:
            server.shutdown()
    by_page = {
        name: medians(results[index :: len(PAGE_TYPES)]) for index, name in enumerate(PAGE_TYPES)
    }
    chromium = chromium_version()
    text = report(by_page, args.runs, load, chromium)
    print(text, end="")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
