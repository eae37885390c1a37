"""Lighthouse (npm, pinned in `.ci/run`, installed in `.tools/`) run from Python.

    from tools.lighthouse import lighthouse_modules, run_lighthouse

`run_lighthouse` hands a list of (url, preset) runs to `tests/support/lighthouse_run.mjs`,
which runs them one after another in one Debian Chromium and returns a summary per run.
Chromium resolves no host name at all (`--host-resolver-rules`), so a page can reach
nothing but 127.0.0.1; what it tried to fetch is in each run's `requested`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from tools.chromium import CHROMIUM_ARGS, CHROMIUM_PATH

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE_VERSION = "12.2.3"
INSTALL = (
    f"npm install --prefix .tools --ignore-scripts --no-audit --no-fund "
    f"lighthouse@{LIGHTHOUSE_VERSION}"
)
RUNNER = ROOT / "tests/support/lighthouse_run.mjs"
DEFAULT_MODULES = ROOT / ".tools/node_modules"
# Every host name but 127.0.0.1 resolves to nothing.
BLOCK_EVERY_HOST = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
CATEGORIES = ("accessibility", "best-practices", "seo")
# The eight page types of issue 17 in the real portal: name -> path below the portal's root.
PAGE_TYPES = {
    "home": "",
    "sites": "sites/",
    "site page": "sites/seattle-king-county/",
    "map": "sites/map/",
    "resources": "resources/",
    "document page": "resources/lead-community-toolkit/",
    "form page": "contact/contact-us/",
    "data": "data/",
}


def lighthouse_modules() -> Path | None:
    """The node_modules folder holding Lighthouse at the pinned version, or None."""
    modules = Path(os.environ.get("LIGHTHOUSE_MODULES", DEFAULT_MODULES))
    package = modules / "lighthouse" / "package.json"
    if not package.is_file() or shutil.which("node") is None:
        return None
    version = json.loads(package.read_text(encoding="utf-8")).get("version")
    return modules if version == LIGHTHOUSE_VERSION else None


def run_lighthouse(
    modules: Path,
    runs: list[tuple[str, str]],
    categories: tuple[str, ...] = CATEGORIES,
) -> list[dict[str, Any]]:
    """One summary per (url, preset) run ("mobile" or "desktop"), in order: `scores` by
    category (0-100), `failing` audits, `requested` URLs, `metrics` (performance)."""
    job = {
        "chromePath": CHROMIUM_PATH,
        "chromeFlags": [*CHROMIUM_ARGS, BLOCK_EVERY_HOST],
        "categories": list(categories),
        "runs": [{"url": url, "preset": preset} for url, preset in runs],
    }
    done = subprocess.run(
        ["node", str(RUNNER), str(modules)],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CHROME_PATH": CHROMIUM_PATH},
    )
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed ({done.returncode}): {done.stderr[-4000:]}")
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results
