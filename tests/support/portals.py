"""Copies of the real portal (or the fixture portal) that a test may change and build."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from portal_helpers import FIXTURE_PORTAL, REPO_ROOT, run_mkdocs

__all__ = [
    "FIXTURE_PORTAL",
    "REPO",
    "add_plugin_options",
    "commit_all",
    "copy_real_portal",
    "run_mkdocs",
    "tree_digest",
]

REPO = REPO_ROOT.resolve()
PORTAL_PARTS = ("mkdocs.yml", "docs", "sites", "overrides")


def copy_real_portal(dest: Path) -> Path:
    """The repository's own portal (content, theme overrides, mkdocs.yml) copied to `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PORTAL_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        elif source.is_file():
            shutil.copy2(source, dest / part)
    (dest / "overrides").mkdir(exist_ok=True)
    return dest


def set_site_url(root: Path, site_url: str) -> None:
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("site_url:")]
    config.write_text(f"site_url: {site_url}\n" + "".join(kept), encoding="utf-8")


def add_plugin_options(config: Path, **options: str) -> None:
    """Add options under `- leadportal` in a portal's mkdocs.yml (bare or with options)."""
    lines = "".join(f"      {key}: {value}\n" for key, value in options.items())
    text = config.read_text(encoding="utf-8")
    if "  - leadportal:\n" in text:
        text = text.replace("  - leadportal:\n", "  - leadportal:\n" + lines, 1)
    else:
        text = text.replace("  - leadportal\n", "  - leadportal:\n" + lines, 1)
    config.write_text(text, encoding="utf-8")


def commit_all(root: Path, when: str = "2026-03-01T12:00:00Z") -> None:
    """Make `root` a git checkout with one commit dated `when`."""
    env = {"GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when, "PATH": "/usr/bin:/bin"}
    ident = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    for args in (["init", "-q"], ["add", "-A"], [*ident, "commit", "-q", "-m", "content"]):
        subprocess.run(["git", *args], cwd=root, check=True, env=env)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file below `folder` with the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
