"""Debian's Chromium as every script and test of this repository starts it.

    from tools.chromium import CHROMIUM_ARGS, CHROMIUM_PATH, launch, serve_folder

One place for the executable, the launch flags (headless, no sandbox, nothing fetched in the
background), the local HTTP server the built portal is served from, and the request guard
that lets only 127.0.0.1 through. `scripts/` is on the import path of the editable install,
so scripts (`scripts/bench/`, `scripts/tools/`) and tests import it as `tools.chromium`.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright, Route

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOCAL_HOST = "127.0.0.1"


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless, with the repository's flags."""
    return playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)


def is_local(url: str) -> bool:
    return urlsplit(url).hostname == LOCAL_HOST


def local_only(route: Route) -> None:
    """A Playwright route handler: 127.0.0.1 goes through, every other host is aborted."""
    if is_local(route.request.url):
        route.continue_()
    else:
        route.abort()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".yml": "text/yaml",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".geojson", ".csv", ".txt"}


class CompressingHandler(QuietHandler):
    """Text files gzip-compressed when the browser accepts it, as a static web host sends them
    (Netlify, GitHub Pages); for measuring what a visitor downloads."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSIBLE and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_folder(
    folder: Path, *, compressed: bool = False
) -> tuple[http.server.ThreadingHTTPServer, str]:
    """`folder` served on 127.0.0.1 (a free port) in a background thread, text files
    gzip-compressed if `compressed`; the server (call `shutdown()` when done) and its base
    URL, ending in "/"."""
    handler = functools.partial(
        CompressingHandler if compressed else QuietHandler, directory=str(folder)
    )
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{LOCAL_HOST}:{server.server_address[1]}/"
