"""Screenshots of every page type for a person to review: 375 px dark, 1280 px light.

    .venv/bin/python scripts/tools/page_shots.py [--sites N] [--out DIR]

Builds the real portal (or, with --sites N, its shell with N synthetic sites over every
state, scripts/bench/synthetic.py) with `tiles: none` into a temporary folder, serves it on
127.0.0.1, opens each page type in Debian's Chromium (every other host blocked) and writes
full-page PNGs to .shots/ (ignored by git; or DIR), printing each path. The dark shots
emulate `prefers-color-scheme: dark`, which the palette in mkdocs.yml follows until the
visitor picks a scheme. A page type this build does not have is listed as missing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from tools.chromium import launch, local_only, serve_folder

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / ".shots"
TILES_LINE = "      tiles: openstreetmap\n"
# (name, path) of every page type; the first site, state, document, topic, form and path of
# a synthetic portal are looked up in its build (see `resolve`).
PAGE_TYPES = (
    ("home", ""),
    ("sites", "sites/"),
    ("site", "sites/{site}/"),
    ("state", "sites/states/{state}/"),
    ("stage", "sites/stages/operating/"),
    ("summary", "sites/summary/"),
    ("map", "sites/map/"),
    ("resources", "resources/"),
    ("document", "resources/{document}/"),
    ("topic", "resources/topics/{topic}/"),
    ("contact", "contact/"),
    ("form", "contact/{form}/"),
    ("thanks", "contact/{form}/thanks/"),
    ("data", "data/"),
    ("sitemap", "sitemap/"),
    ("start", "start/"),
    ("start-path", "start/{path}/"),
    ("404", "404.html"),
)
LOOKS = (
    ("375-dark", {"width": 375, "height": 812}, "dark"),
    ("1280-light", {"width": 1280, "height": 800}, "light"),
)
NOT_RECORD_FOLDERS = {"states", "stages", "summary", "map", "topics", "thanks", "assets"}


def portal_copy(into: Path, sites: int) -> Path:
    if sites:
        sys.path.insert(0, str(ROOT / "scripts" / "bench"))
        from synthetic import make_portal

        root = make_portal(into / "portal", sites)
    else:
        root = into / "portal"
        root.mkdir()
        shutil.copy(ROOT / "mkdocs.yml", root)
        for part in ("docs", "sites", "overrides"):
            shutil.copytree(ROOT / part, root / part)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(TILES_LINE, "      tiles: none\n"),
        encoding="utf-8",
    )
    return root


def build(root: Path) -> Path:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet"], cwd=root, check=True)
    return root / "site"


def first_folder(folder: Path) -> str:
    names = sorted(
        p.name for p in folder.iterdir() if p.is_dir() and p.name not in NOT_RECORD_FOLDERS
    )
    return names[0] if names else "missing"


def resolve(site: Path) -> dict[str, str]:
    """The first record of each kind in the build, to fill the page paths in."""
    state_dir = site / "sites" / "states"
    return {
        "site": "seattle-king-county"
        if (site / "sites/seattle-king-county").is_dir()
        else first_folder(site / "sites"),
        "state": "wa" if (state_dir / "wa").is_dir() else first_folder(state_dir),
        "document": first_folder(site / "resources"),
        "topic": first_folder(site / "resources" / "topics"),
        "form": "contact-us",
        "path": "exploring/" + first_folder(site / "start" / "exploring"),
    }


def shoot_all(browser: Browser, site: Path, base: str, out: Path) -> list[str]:
    names = resolve(site)
    missing = []
    for look, viewport, scheme in LOOKS:
        context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
        context.route("**/*", local_only)
        page = context.new_page()
        for name, pattern in PAGE_TYPES:
            path = pattern.format(**names)
            target = site / path
            if not (target.is_file() or (target / "index.html").is_file()):
                if look == LOOKS[0][0]:
                    missing.append(f"/{path}")
                continue
            page.goto(base + path, wait_until="load")
            if name == "map":
                page.wait_for_selector("html[data-markers]")
            png = out / f"{name}-{look}.png"
            page.screenshot(path=str(png), full_page=True, animations="disabled", caret="hide")
            print(png)
        context.close()
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=0, help="synthetic sites (0: the real ones)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = build(portal_copy(Path(tmp), args.sites))
        server, base = serve_folder(site)
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                missing = shoot_all(browser, site, base, args.out)
                browser.close()
        finally:
            server.shutdown()
    for path in missing:
        print(f"missing in this build: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
