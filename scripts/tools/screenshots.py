"""Screenshots for the staff guide, taken from the real build of the portal.

    .venv/bin/python scripts/tools/screenshots.py [OUT_DIR]

Builds the portal into a temporary folder, serves it on 127.0.0.1, opens each page in
Debian's Chromium (every request to another host is blocked) and writes the PNGs to
docs/staff/img/ (or OUT_DIR), each kept under MAX_BYTES by shrinking the viewport if needed.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Page, Route, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs/staff/img"
MAX_BYTES = 150_000
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# (file name, page, what to show first)
SHOTS = (
    ("sites", "sites/", None),
    ("site-page", "sites/albany-ny/", None),
    ("resources", "resources/", None),
    ("form", "contact/contact-us/", "form"),
)
VIEWPORTS = ((1280, 720), (1000, 640), (800, 500))
# The web editor is shot with Decap served locally (fetched into .tools/ by .ci/run) and its
# test backend, so no login and no Git are needed; without it that shot is skipped.
DECAP_DIST = ROOT / ".tools/decap-cms/package/dist"
EDITOR_SHOT = ("editor", "admin/#/collections/sites/new", None)


def build(into: Path) -> Path:
    """The real portal built into `into` (not --strict: the guide's images may not exist yet)."""
    site = into / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        check=True,
    )
    return site


def local_editor(site: Path) -> bool:
    """Point the built /admin/ at a local Decap and its test backend; False if not installed."""
    admin = site / "admin"
    if not (DECAP_DIST / "decap-cms.js").is_file():
        return False
    for script in DECAP_DIST.glob("*.js"):
        shutil.copy(script, admin / script.name)
    page = (admin / "index.html").read_text(encoding="utf-8")
    lines = [line for line in page.splitlines() if "identity" not in line]
    page = "\n".join(
        '<script src="decap-cms.js"></script>' if "<script" in line else line for line in lines
    )
    (admin / "index.html").write_text(page, encoding="utf-8")
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    config["backend"] = {"name": "test-repo"}
    (admin / "config.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return True


def open_editor(page: Page, base: str) -> None:
    page.goto(base + "admin/")
    page.get_by_role("button", name="Login").click()


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        extensions_map = {  # noqa: RUF012
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            ".yml": "text/yaml",
        }

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def local_only(route: Route) -> None:
    if urlsplit(route.request.url).hostname == "127.0.0.1":
        route.continue_()
    else:
        route.abort()


def shoot(page: Page, url: str, focus: str | None, target: Path) -> int:
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(url, wait_until="networkidle")
        if "#/collections/" in url:
            page.get_by_text("Stage").first.wait_for(timeout=60_000)
        if focus:
            page.locator(focus).first.scroll_into_view_if_needed()
        page.screenshot(path=str(target), animations="disabled", caret="hide")
        size = target.stat().st_size
        if size < MAX_BYTES:
            return size
    raise SystemExit(f"{target.name}: {size} bytes even at the smallest viewport")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUT
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = build(Path(tmp))
        shots = (*SHOTS, EDITOR_SHOT) if local_editor(site) else SHOTS
        if shots == SHOTS:
            print("skipped editor.png: Decap CMS is not in .tools/ (.ci/run fetches it)")
        server, base = serve(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(color_scheme="light", device_scale_factor=1)
                page.route("**/*", local_only)
                for name, path, focus in shots:
                    if name == EDITOR_SHOT[0]:
                        open_editor(page, base)
                    size = shoot(page, base + path, focus, out / f"{name}.png")
                    print(f"wrote {out / f'{name}.png'} ({size // 1024} KB)")
                browser.close()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
