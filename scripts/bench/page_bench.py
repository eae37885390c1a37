"""Benchmark: what each kind of page transfers before the visitor does anything, and search.

Run: python scripts/bench/page_bench.py [--sizes 0 5000] [--out FILE]
Size 0 is the bundled portal; other sizes are synthetic portals (`synthetic.py`). Each is
built once, served on 127.0.0.1 and opened in Chromium (every other host blocked, so map
tiles are not counted). For one page of each kind the script adds up every response until
the network is quiet (the page, its styles, scripts, images, frames, data), each counted
gzipped (level 6, as web servers send them). Then search: on the home page it presses "/",
types a query and times the first result; the index bytes are what that loaded.
Not a test: numbers depend on the machine; the committed output says which one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from map_bench import serve
from playwright.sync_api import Browser, Page, Route, sync_playwright
from synthetic import REPO, copy_portal, make_portal

from tools.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

INDEX = "search/search_index.json"
LIMIT_KB = 250


def page_kinds(site: Path, size: int) -> dict[str, str]:
    """One page of each kind, as paths below the site's root."""
    site_page = "sites/seattle-king-county/" if size == 0 else f"sites/site-{size // 2:05d}/"
    document = next(
        p.parent.name
        for p in sorted((site / "resources").glob("*/index.html"))
        if p.parent.name != "topics"
    )
    topic = next(p.parent.name for p in sorted((site / "resources/topics").glob("*/index.html")))
    form = next(p.parent.name for p in sorted((site / "contact").glob("*/index.html")))
    state = next(p.parent.name for p in sorted((site / "sites/states").glob("*/index.html")))
    return {
        "home": "",
        "content page (about)": "about/",
        "sites list": "sites/",
        "site": site_page,
        "state": f"sites/states/{state}/",
        "sites summary": "sites/summary/",
        "map": "sites/map/",
        "library": "resources/",
        "document": f"resources/{document}/",
        "topic": f"resources/topics/{topic}/",
        "contact": "contact/",
        "form": f"contact/{form}/",
        "open data": "data/",
        "site map": "sitemap/",
    }


def gzipped(body: bytes) -> int:
    return len(gzip.compress(body, 6))


class Transfers:
    """Every response a page received from 127.0.0.1, with its gzipped size."""

    def __init__(self, page: Page) -> None:
        self.sizes: dict[str, int] = {}
        page.on("response", self._record)

    def _record(self, response: object) -> None:
        try:
            body = response.body()  # type: ignore[attr-defined]
        except Exception:  # aborted (another host) or a redirect: nothing transferred
            return
        self.sizes[response.url] = gzipped(body)  # type: ignore[attr-defined]

    def total(self) -> int:
        return sum(self.sizes.values())

    def index_bytes(self) -> int:
        return sum(v for url, v in self.sizes.items() if url.split("?")[0].endswith(INDEX))


def local_only(route: Route) -> None:
    if route.request.url.startswith("http://127.0.0.1"):
        route.continue_()
    else:
        route.abort()


def page_weight(browser: Browser, url: str) -> tuple[int, int]:
    """Gzipped bytes a fresh visit to `url` transfers before any interaction; and of those,
    the search index's."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.route("**/*", local_only)
        page = context.new_page()
        transfers = Transfers(page)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        return transfers.total(), transfers.index_bytes()
    finally:
        context.close()


def first_result(browser: Browser, url: str, query: str) -> tuple[float, int]:
    """Seconds from the first key press in search to the first result; index bytes loaded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.route("**/*", local_only)
        page = context.new_page()
        transfers = Transfers(page)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        start = time.perf_counter()
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
        seconds = time.perf_counter() - start
        page.wait_for_load_state("networkidle")
        return seconds, transfers.index_bytes()
    finally:
        context.close()


def build(root: Path) -> Path:
    shutil.rmtree(root / "site", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    return root / "site"


def measure(size: int, work: Path, browser: Browser) -> dict[str, object]:
    root = (
        copy_portal(REPO, work / "bundled") if size == 0 else make_portal(work / f"p{size}", size)
    )
    site = build(root)
    query = "Santa Fe" if size == 0 else f"Town {size // 2}"
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        weights = {
            kind: page_weight(browser, base + path) for kind, path in page_kinds(site, size).items()
        }
        searches = [first_result(browser, base, query) for _ in range(3)]
    finally:
        server.shutdown()
        server.server_close()
    index = (site / INDEX).read_bytes()
    return {
        "size": size,
        "weights": weights,
        "search_s": statistics.median(s for s, _ in searches),
        "search_loaded": max(b for _, b in searches),
        "index_raw": len(index),
        "index_gz": gzipped(index),
        "query": query,
    }


def label(size: int) -> str:
    return "bundled (36 sites)" if size == 0 else f"{size:,} sites"


def report(rows: list[dict[str, object]]) -> str:
    kinds = list(rows[0]["weights"])  # type: ignore[arg-type]
    head = "| page | " + " | ".join(f"{label(int(r['size']))}: KB gz" for r in rows) + " |"  # type: ignore[call-overload]
    lines = [head, "|---|" + "---:|" * len(rows)]
    for kind in kinds:
        cells = []
        for r in rows:
            total, index = r["weights"][kind]  # type: ignore[index]
            mark = " (over)" if total > LIMIT_KB * 1000 else ""
            cells.append(f"{total / 1000:,.1f}{mark}" + (" (index!)" if index else ""))
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    search = [
        "| portal | query | index raw (KB) | index gz (KB) | loaded at first use (KB gz) "
        "| before first use (KB) | first result (s) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        before = sum(i for _, i in r["weights"].values())  # type: ignore[attr-defined]
        search.append(
            f"| {label(int(r['size']))} | {r['query']} | {int(r['index_raw']) / 1000:,.0f} "  # type: ignore[call-overload]
            f"| {int(r['index_gz']) / 1000:,.0f} | {int(r['search_loaded']) / 1000:,.0f} "  # type: ignore[call-overload]
            f"| {before / 1000:,.0f} | {float(r['search_s']):.2f} |"  # type: ignore[arg-type]
        )
    return "\n".join(lines) + "\n\n" + "\n".join(search)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 5000])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        rows = [measure(size, Path(tmp), browser) for size in args.sizes]
        browser.close()
    machine = f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}"
    text = (
        "# Page weight and search benchmark\n\n"
        "Run with `python scripts/bench/page_bench.py --out docs/benchmarks/pages.md`. "
        "What a first visit to one page of each kind transfers before the visitor does "
        "anything (every response until the network is quiet, each gzipped; map tiles come "
        f"from another host and are not counted); the goal is at most {LIMIT_KB} KB. "
        '"(index!)" would mark a page that loaded the search index.\n\n'
        f"{report(rows)}\n\n"
        "Search: the index loads when search is first used "
        "(`overrides/assets/javascripts/search-on-demand.js`); first result = from pressing "
        '"/" on the home page, typing the query, to the first result shown, which includes '
        "downloading the index and building the search index in the browser (median of 3 "
        f"fresh visits).\n\nMeasured {dt.date.today().isoformat()} on {machine}, "
        "Chromium headless.\n"
    )
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
