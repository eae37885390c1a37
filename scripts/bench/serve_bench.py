"""Benchmark: `mkdocs serve`, from saving one site record to the page showing the change.

Run: python scripts/bench/serve_bench.py [--sizes 0 5000] [--saves 5] [--out FILE]
Size 0 is the bundled portal (this repository's own records); other sizes are synthetic
portals (`synthetic.py`). For each, `mkdocs serve` runs in its own process; the script saves
a changed site record (a new word in its summary, written in one step as an editor does),
then asks the served site page every 10 ms until the new word is there. MkDocs holds such a
request until its rebuild is finished, so the time includes noticing the save, the rebuild
and serving the page. The first rebuild after start is counted like any other. The cold
build (`mkdocs build` into an empty site/, the median of one build before the serve session
and two after) is measured in the same run, for the ratio. Not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from portal_bench import timed_build
from synthetic import REPO, copy_portal, make_portal

TIMEOUT_S = 300


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, word: str) -> float:
    start = time.perf_counter()
    while word not in fetch(url):
        if time.perf_counter() - start > TIMEOUT_S:
            raise SystemExit(f"{url} never showed {word!r}")
        time.sleep(0.01)
    return time.perf_counter() - start


def save(record: Path, text: str) -> None:
    temporary = record.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, record)


def changed(original: str, word: str) -> str:
    """The record with `word` added to its summary (every record in the bench has one)."""
    marker = "summary: |\n"
    if marker in original:
        return original.replace(marker, f"{marker}  {word}.\n", 1)
    return original.replace("summary: ", f"summary: {word}. ", 1)


def serve_saves(root: Path, slug: str, saves: int) -> list[float]:
    """Seconds from each save of sites/<slug>.yml to the served page showing it."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/sites/{slug}/"
    record = root / "sites" / f"{slug}.yml"
    original = record.read_text(encoding="utf-8")
    try:
        start = time.perf_counter()
        while "<html" not in fetch(url):
            if server.poll() is not None or time.perf_counter() - start > TIMEOUT_S:
                raise SystemExit(f"mkdocs serve did not start in {root}")
            time.sleep(0.2)
        times = []
        for number in range(saves):
            time.sleep(1.0)  # a person pauses between saves; let the watcher settle
            word = f"Benchmarkword{number}x{os.getpid()}"
            save(record, changed(original, word))
            times.append(wait_for(url, word))
        return times
    finally:
        server.terminate()
        server.wait(timeout=60)
        record.write_text(original, encoding="utf-8")


def portal_for(size: int, work: Path) -> tuple[Path, str]:
    if size == 0:
        root = copy_portal(REPO, work / "bundled")
        return root, "seattle-king-county"
    return make_portal(work / f"portal-{size}", size), f"site-{size // 2:05d}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 5000])
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    lines = [
        "| portal | save to reloaded page, median (s) | fastest (s) | slowest (s) "
        "| cold build (s) | save / cold |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            root, slug = portal_for(size, Path(tmp))
            timed_build(root)  # fills the place-table and template caches, as a first build does
            cold = [timed_build(root)[0]]
            times = serve_saves(root, slug, args.saves)
            cold += [timed_build(root)[0] for _ in range(2)]
            save, build = statistics.median(times), statistics.median(cold)
            name = "bundled (36 sites)" if size == 0 else f"{size:,} sites"
            lines.append(
                f"| {name} | {save:.2f} | {min(times):.2f} | {max(times):.2f} "
                f"| {build:.2f} | {save / build:.2f} |"
            )
            print(lines[-1], flush=True)
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}"
    text = (
        "# Preview benchmark (`mkdocs serve`)\n\n"
        "Run with `python scripts/bench/serve_bench.py --out docs/benchmarks/serve.md`: "
        "from saving one site record (a new word in its summary) to the served site page "
        "showing it, through a real `mkdocs serve` (MkDocs looks for changes every 0.5 s and "
        "waits 0.1 s for more, which is counted). Goals: at most 1.5 s on the bundled portal, "
        "at most a third of a cold build at 5,000 sites.\n\n"
        + "\n".join(lines)
        + f"\n\nMeasured {dt.date.today().isoformat()} on {machine}; {args.saves} saves a "
        "portal, a second apart; cold build = median of 3 `mkdocs build` runs into an empty "
        "site/ in the same run.\n"
    )
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
