"""The staff guide's screenshot script works against the real build."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from portals import REPO

SCRIPT = REPO / "scripts/tools/screenshots.py"


def test_screenshot_script_writes_small_pngs(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("screenshots", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == sorted(f"{name}.png" for name, _, _ in module.SHOTS)
    for png in tmp_path.glob("*.png"):
        data = png.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < module.MAX_BYTES
