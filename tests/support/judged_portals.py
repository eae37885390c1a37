"""The portals the issue-17 judges (Lighthouse, layout facts, axe) look at, each served the
way a browser test can: `tiles: none`, so a page asks no host but 127.0.0.1 for anything.

- `offline_real_portal`: this repository's portal (its `site_url` kept, so the canonical
  links are the real ones);
- `synthetic_portal`: the real portal's shell with N synthetic sites spread over the 50
  states and DC, at real places (scripts/bench/synthetic.py), Alaska and Hawaii included.
"""

from __future__ import annotations

import sys
from pathlib import Path

from portals import REPO, copy_real_portal

sys.path.insert(0, str(REPO / "scripts" / "bench"))
from synthetic import make_portal

TILES_LINE = "      tiles: openstreetmap\n"


def without_tiles(root: Path) -> Path:
    """`root`'s mkdocs.yml switched to `tiles: none` (the map draws the offline outlines)."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert TILES_LINE in text, "mkdocs.yml no longer sets tiles: openstreetmap; update this"
    config.write_text(text.replace(TILES_LINE, "      tiles: none\n"), encoding="utf-8")
    return root


def offline_real_portal(root: Path) -> Path:
    return without_tiles(copy_real_portal(root))


def synthetic_portal(root: Path, sites: int) -> Path:
    return without_tiles(make_portal(root, sites))
