"""The visual check (scripts/tools/page_shots.py) shoots every page type the build has, at
375 px (dark) and 1280 px (light), and names the page types the build lacks."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

from portals import REPO

from tools.page_shots import PAGE_TYPES

SCRIPT = REPO / "scripts/tools/page_shots.py"
# Page types a build may lack today: stage pages and thank-you pages come with issue 17 and
# with a web form backend.
MAY_BE_MISSING = {"stage", "thanks"}


def png_width(path: Path) -> int:
    header = path.read_bytes()[:24]
    assert header.startswith(b"\x89PNG"), path
    return int(struct.unpack(">I", header[16:20])[0])


def test_page_shots_cover_every_page_type(tmp_path: Path) -> None:
    # A separate process: Playwright's sync API cannot start inside the session's browser.
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    printed = done.stdout.splitlines()
    missing = {line for line in printed if line.startswith("missing in this build: ")}
    absent = {name for name, _ in PAGE_TYPES if not (tmp_path / f"{name}-375-dark.png").exists()}
    assert absent <= MAY_BE_MISSING
    assert len(missing) == len(absent), "every page type not shot is named as missing"
    for name in {name for name, _ in PAGE_TYPES} - absent:
        shots = [tmp_path / f"{name}-375-dark.png", tmp_path / f"{name}-1280-light.png"]
        assert [png_width(shot) for shot in shots] == [375, 1280], name
        assert all(str(shot) in printed for shot in shots), f"{name}: paths not printed"
