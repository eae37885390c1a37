"""Benchmark of the resource library: build time, page size and filter time in Chromium.

    .venv/bin/python scripts/bench/library_bench.py > scripts/bench/library_bench.txt

Makes portals of synthetic documents in a temporary folder, generates the library without
MkDocs, and times one facet choice in Debian's Chromium (the script's own update, measured
with performance.now around a checkbox click).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import http.server
import os
import platform
import random
import tempfile
import threading
import time
from pathlib import Path

from leadportal.build.generate import generate, write_outputs
from leadportal.records.settings import DEFAULT_VOCABULARIES, Settings
from leadportal.render.outputs import head_html, page_meta, split_page

SIZES = (100, 1000, 3000)


def write_documents(root: Path, count: int) -> None:
    folder = root / "docs/resources"
    folder.mkdir(parents=True)
    rng = random.Random(count)
    vocab = DEFAULT_VOCABULARIES
    for i in range(count):
        topics = rng.sample(vocab["topics"], rng.randint(0, 4))
        audience = rng.sample(vocab["audiences"], rng.randint(0, 3))
        stages = rng.sample(vocab["stages"], rng.randint(0, 3))
        (folder / f"doc-{i:05d}.yml").write_text(
            f"title: Document number {i}\n"
            f"kind: {rng.choice(vocab['document_kinds'])}\n"
            f"topics: {list(topics)}\n"
            f"audience: {list(audience)}\n"
            f"stages: {list(stages)}\n"
            "summary: A synthetic document with a summary of about twenty words, so that the "
            "text filter has something to read.\n"
            f"published: {rng.randint(2011, 2026)}\n"
            f"url: https://example.org/{i}\n"
            f"printable: {str(rng.random() < 0.3).lower()}\n"
        )


def page_html(text: str) -> str:
    """The library page alone, with the style sheets and scripts the plugin would put in its
    head (the page's `leadportal_head`), so the filters run as on the portal."""
    front, body = split_page(text)
    head = head_html(page_meta(front).get("leadportal_head") or [])
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>bench</title>"
        f"{head}</head><body>{body}</body></html>"
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def time_click(out: Path) -> float:
    from playwright.sync_api import sync_playwright

    from tools.chromium import launch

    handler = functools.partial(QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/resources/bench.html")
            page.wait_for_selector("form.lp-filters:not([hidden])")
            ms = page.evaluate(
                """() => { const box = document.querySelector('input[name=topic]');
                const start = performance.now(); box.click();
                return performance.now() - start; }"""
            )
            browser.close()
            return float(ms)
    finally:
        server.shutdown()


def main() -> None:
    load = os.getloadavg()[0]
    print(
        f"# {dt.date.today().isoformat()} on {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.machine()} (load average {load:.2f})"
    )
    print("# generate_s: load + validate + render every output, without MkDocs")
    print("# facet_click_ms: one topic checkbox clicked, the script's update of list, counts and")
    print("#   address, in Chromium")
    print("documents  generate_s  library_page_kB  gzip_kB  facet_click_ms")
    for count in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            write_documents(root, count)
            settings = Settings(root=root, docs_dir=root / "docs")
            start = time.perf_counter()
            result = generate(settings)
            seconds = time.perf_counter() - start
            assert result.ok, result.problems[:3]
            out = root / "out"
            write_outputs(result.outputs, out)
            index = next(o for o in result.outputs if o.path == "resources/index.md")
            html = page_html(str(index.content))
            (out / "resources/bench.html").write_text(html)
            size = len(html.encode())
            gz = len(gzip.compress(html.encode()))
            ms = time_click(out)
            print(f"{count:9d}  {seconds:10.2f}  {size / 1000:15.0f}  {gz / 1000:7.0f}  {ms:14.1f}")


if __name__ == "__main__":
    main()
