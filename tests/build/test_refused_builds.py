"""A refused build leaves site/ byte-identical, `leadportal check` and both builds agree on the
verdict, and no input makes a command hang or print a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from portal_helpers import FIXTURE_PORTAL
from portals import tree_digest

UNPLACED = "name: Nowhere LEAD\nstage: operating\njurisdiction: {city: Nowhereville, state: WA}\n"
Change = Callable[[Path], object]


def run(root: Path, *command: str) -> subprocess.CompletedProcess[str]:
    # A hang is a failure too: every command must answer within the timeout.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.fixture(scope="module")
def built_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture portal with a site/ from a successful strict build."""
    root = tmp_path_factory.mktemp("refused") / "portal"
    shutil.copytree(FIXTURE_PORTAL, root)
    done = run(root, "mkdocs", "build", "--strict")
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture
def portal(built_portal: Path, tmp_path: Path) -> Path:
    root = tmp_path / "portal"
    shutil.copytree(built_portal, root, symlinks=True)
    return root


def add(relative: str, text: str) -> Change:
    return lambda root: (root / relative).write_text(text, encoding="utf-8")


def option(line: str) -> Change:
    def change(root: Path) -> None:
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("  - leadportal:\n", f"  - leadportal:\n{line}\n"))

    return change


REFUSED: dict[str, tuple[Change, str]] = {
    "a publish-stopping warning (a site without coordinates)": (
        add("sites/nowhere.yml", UNPLACED),
        'sites/nowhere.yml: warning: no coordinates for "Nowhereville, WA, US"',
    ),
    "a named pipe where a page is expected": (
        lambda root: os.mkfifo(root / "docs/waiting.md"),
        "docs/waiting.md: is a named pipe, not a file",
    ),
    "a page linked from outside the repository": (
        lambda root: (root / "docs/hostname.md").symlink_to("/etc/hostname"),
        "docs/hostname.md: is a link to a file outside the repository",
    ),
    "front matter with broken YAML": (
        add("docs/broken.md", "---\ntitle: [Broken\n---\n# Broken\n"),
        "docs/broken.md:3:1: front matter: YAML syntax error",
    ),
    "an option of the wrong type": (
        option("      sites_dir: 5"),
        "mkdocs.yml:9:7: sites_dir: expected text, got a whole number (e.g. sites_dir: sites)",
    ),
    "a vocabulary given as a string": (
        option("      vocabularies: operating"),
        "mkdocs.yml:9:7: vocabularies: expected a mapping, got text",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(REFUSED))
def test_check_and_both_builds_refuse_and_site_stays_byte_identical(
    name: str, portal: Path
) -> None:
    change, expected = REFUSED[name]
    before = tree_digest(portal / "site")
    change(portal)
    for command in (
        ("leadportal.cli", "check"),
        ("mkdocs", "build", "--strict"),
        ("leadportal.cli", "build"),
    ):
        done = run(portal, *command)
        assert done.returncode == 1, (command, done.stderr)
        assert expected in done.stderr, (command, done.stderr)
        assert "Traceback" not in done.stderr, command
        assert tree_digest(portal / "site") == before, command


@pytest.mark.slow
def test_a_warning_does_not_stop_a_build_that_is_not_strict(portal: Path) -> None:
    add("sites/nowhere.yml", UNPLACED)(portal)
    done = run(portal, "mkdocs", "build")
    assert done.returncode == 0, done.stderr
    assert "no coordinates" in done.stderr


@pytest.mark.slow
def test_front_matter_closed_on_the_last_line_is_front_matter(portal: Path) -> None:
    add("docs/closed.md", "---\ntitle: Closed at the end\n---")(portal)
    add("docs/rule.md", "---\n\n# Starts with a rule\n\nText.\n")(portal)
    add("docs/dots.md", "---\ntitle: Closed with dots\n...\n# Dots\n")(portal)
    done = run(portal, "mkdocs", "build", "--strict")
    assert done.returncode == 0, done.stderr
    closed = (portal / "site/closed/index.html").read_text(encoding="utf-8")
    assert "<title>Closed at the end" in closed
    assert "title: Closed" not in closed  # not shown as page text
    rule = (portal / "site/rule/index.html").read_text(encoding="utf-8")
    assert "<hr" in rule and "Starts with a rule" in rule
    dots = (portal / "site/dots/index.html").read_text(encoding="utf-8")
    assert "<title>Closed with dots" in dots
