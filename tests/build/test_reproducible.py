"""Two builds of the same commit are byte-identical (dates from the commit, stable orders)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from portals import FIXTURE_PORTAL, commit_all, copy_real_portal, tree_digest

pytestmark = pytest.mark.slow  # every test here builds a whole portal

COMMIT_TIME = "2026-03-01T12:00:00Z"


def build(root: Path, hash_seed: str) -> dict[str, str]:
    """`leadportal build` in a fresh process; a different hash seed shuffles every set order."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONHASHSEED"] = hash_seed
    done = subprocess.run(
        [sys.executable, "-m", "leadportal.cli", "build"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return tree_digest(root / "site")


def differences(first: dict[str, str], second: dict[str, str]) -> list[str]:
    return sorted(
        name for name in first.keys() | second.keys() if first.get(name) != second.get(name)
    )


@pytest.mark.parametrize("portal", ["real", "fixture"])
def test_two_builds_of_one_commit_are_byte_identical(tmp_path: Path, portal: str) -> None:
    root = tmp_path / "portal"
    if portal == "real":
        copy_real_portal(root)
    else:
        shutil.copytree(FIXTURE_PORTAL, root)
    commit_all(root, COMMIT_TIME)
    first = build(root, "1")
    second = build(root, "2")
    assert differences(first, second) == []
    assert len(first) > 10


def test_dates_come_from_the_last_commit(tmp_path: Path) -> None:
    root = tmp_path / "portal"
    shutil.copytree(FIXTURE_PORTAL, root)
    commit_all(root, COMMIT_TIME)
    build(root, "0")
    assert "<lastmod>2026-03-01</lastmod>" in (root / "site/sitemap.xml").read_text()
    gzip_header = (root / "site/sitemap.xml.gz").read_bytes()[:10]
    (mtime,) = struct.unpack("<I", gzip_header[4:8])
    assert dt.datetime.fromtimestamp(mtime, dt.UTC).date() == dt.date(2026, 3, 1)
