"""Screenshots for the staff guide, taken from the real build of the portal.

    .venv/bin/python scripts/tools/screenshots.py [OUT_DIR]

Builds the portal into a temporary folder, serves it on 127.0.0.1, opens each page in
Debian's Chromium (every request to another host is blocked) and writes the PNGs to
docs/staff/img/ (or OUT_DIR), each kept under MAX_BYTES by shrinking the viewport if needed.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from tools.chromium import launch, local_only, serve_folder

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs/staff/img"
MAX_BYTES = 150_000
# (file name, page, what to show first)
SHOTS = (
    ("sites", "sites/", None),
    ("site-page", "sites/albany-ny/", None),
    ("resources", "resources/", None),
    ("form", "contact/contact-us/", "form"),
)
VIEWPORTS = ((1280, 720), (1000, 640), (800, 500))
# The web editor (the vendored Sveltia CMS) in its local-repository mode, as `leadportal edit`
# offers it: the folder picker is replaced by the browser's private file system, filled with
# the repository's records, so no sign-in and no Git host are needed.
EDITOR_SHOTS = (
    ("editor", "admin/#/collections/sites/new", None),
    ("editor-site", "admin/#/collections/sites/entries/albany-ny", None),
)
RECORD_GLOBS = ("sites/*.yml", "docs/resources/*.yml", "docs/contact/*.yml")
PICK_THE_PRIVATE_FOLDER = (
    "window.showDirectoryPicker = async () => navigator.storage.getDirectory();"
)
FILL_FOLDER = """async (files) => {
  const root = await navigator.storage.getDirectory();
  await root.getDirectoryHandle('.git', {create: true});
  for (const [path, text] of Object.entries(files)) {
    let dir = root;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const writable = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""


def build(into: Path) -> Path:
    """The real portal built into `into` (not --strict: the guide's images may not exist yet)."""
    site = into / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        check=True,
    )
    return site


def open_editor(page: Page, base: str) -> None:
    """The editor on the repository's records, in its local-repository mode."""
    records = {
        path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
        for pattern in RECORD_GLOBS
        for path in sorted(ROOT.glob(pattern))
    }
    page.add_init_script(PICK_THE_PRIVATE_FOLDER)
    page.goto(base + "admin/")
    page.evaluate(FILL_FOLDER, records)
    page.get_by_role("button", name="Work with Local Repository").click()
    page.get_by_role("radio", name="Contents").wait_for()


def shoot(page: Page, url: str, focus: str | None, target: Path) -> int:
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(url, wait_until="networkidle")
        if "#/collections/" in url:
            page.get_by_role("button", name="Save", exact=True).wait_for(timeout=60_000)
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
        shots = (*SHOTS, *EDITOR_SHOTS)
        server, base = serve_folder(site)
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                page = browser.new_page(color_scheme="light", device_scale_factor=1)
                page.route("**/*", local_only)
                for name, path, focus in shots:
                    if name == EDITOR_SHOTS[0][0]:
                        open_editor(page, base)
                    size = shoot(page, base + path, focus, out / f"{name}.png")
                    print(f"wrote {out / f'{name}.png'} ({size // 1024} KB)")
                browser.close()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
