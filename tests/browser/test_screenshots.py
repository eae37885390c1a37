"""The staff guide's screenshot script works against the real build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from portals import REPO

SCRIPT = REPO / "scripts/tools/screenshots.py"
MAX_BYTES = 150_000


def test_screenshot_script_writes_small_pngs(tmp_path: Path) -> None:
    # A separate process: Playwright's sync API cannot start inside the session's browser.
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    names = {p.name for p in tmp_path.glob("*.png")}
    assert names >= {
        "form.png",
        "resources.png",
        "site-page.png",
        "sites.png",
        "editor.png",  # from the vendored editor itself
        "editor-site.png",
    }
    for png in tmp_path.glob("*.png"):
        data = png.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < MAX_BYTES
