"""The preview loop: after a save, `mkdocs serve` re-renders only the pages the save changes,
and what it serves is byte for byte what a cold start of `mkdocs serve` would serve."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from leadportal.build.preview import set_aside

# MkDocs's own serve loop without the HTTP server: one process, builds on demand, plugins kept
# between builds (as `mkdocs serve` keeps ours); prints what the page memo did in each build.
SERVE_LOOP = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
site, builds = sys.argv[1], int(sys.argv[2])
def config():
    c = load_config(config_file="mkdocs.yml", site_dir=site)
    c.site_url = "http://127.0.0.1:8000/"
    return c
first = config()
first.plugins.on_startup(command="serve", dirty=False)
for number in range(builds):
    c = first if number == 0 else config()
    build(c, serve_url="http://127.0.0.1:8000/")
    plugin = c.plugins["leadportal"]
    memo, records = plugin.memo, plugin.record_memo
    print(json.dumps({"rendered": memo.rendered, "reused": memo.reused,
                      "records_read": len(records.current) - records.reused}), flush=True)
    if number + 1 < builds:
        sys.stdin.readline()  # the test has saved its change
"""


def env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


def cold_serve_build(root: Path, site: Path) -> None:
    subprocess.run(
        [sys.executable, "-c", SERVE_LOOP, str(site), "1"],
        cwd=root,
        env=env(),
        check=True,
        capture_output=True,
    )


def same_bytes(left: Path, right: Path) -> list[str]:
    """Paths that are in one folder only, or differ in any byte."""
    names = sorted(p.relative_to(left).as_posix() for p in left.rglob("*") if p.is_file())
    other = sorted(p.relative_to(right).as_posix() for p in right.rglob("*") if p.is_file())
    if names != other:
        return sorted(set(names) ^ set(other))
    return [n for n in names if (left / n).read_bytes() != (right / n).read_bytes()]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = [
    # a site's summary: its own page changes, and the lists and exports that show it
    ("sites/albany-ny.yml", "summary: Albany's program, in the fixture.", "summary: Now busy."),
    # a site's name: every list, the state page, the map, the search index
    ("sites/albany-ny.yml", "name: Albany LEAD", "name: Albany County LEAD"),
    # mkdocs.yml: the portal's name is on every page, generated or not
    ("mkdocs.yml", "site_name: ", "site_name: Renamed "),
]


@pytest.mark.slow
def test_each_save_serves_what_a_cold_start_serves(fixture_portal: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    loop = subprocess.Popen(
        [sys.executable, "-c", SERVE_LOOP, str(served), str(len(EDITS) + 1)],
        cwd=fixture_portal,
        env=env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert loop.stdin is not None and loop.stdout is not None
    try:
        first = json.loads(loop.stdout.readline())
        assert first["reused"] == 0
        runs = []
        for number, (name, old, new) in enumerate(EDITS):
            edit(fixture_portal / name, old, new)
            loop.stdin.write("saved\n")
            loop.stdin.flush()
            runs.append(json.loads(loop.stdout.readline()))
            cold = tmp_path / f"cold-{number}"
            cold_serve_build(fixture_portal, cold)
            assert same_bytes(served, cold) == [], f"after editing {name}"
    finally:
        loop.stdin.close()
        loop.wait(timeout=120)
    summary, rename, site_name = runs
    assert [run["records_read"] for run in runs] == [1, 1, 0]  # only the saved record
    # A summary changes few pages; the site's own page among them, most pages come from memo.
    assert 1 <= summary["rendered"] < summary["reused"]
    assert rename["rendered"] >= summary["rendered"]
    assert site_name["reused"] == 0  # mkdocs.yml changed: every page is rendered again


def test_the_previous_preview_is_emptied_at_once_and_deleted_meanwhile(tmp_path: Path) -> None:
    site = tmp_path / "mkdocs_preview"
    (site / "sites" / "albany-ny").mkdir(parents=True)
    (site / "sites" / "albany-ny" / "index.html").write_text("old", encoding="utf-8")
    (site / "index.html").write_text("old", encoding="utf-8")
    worker = set_aside(site)
    assert worker is not None
    assert site.is_dir() and list(site.iterdir()) == []  # as MkDocs's cleaning leaves it
    worker.join(timeout=30)
    assert [p.name for p in tmp_path.iterdir()] == ["mkdocs_preview"]  # nothing left beside it


def test_a_missing_preview_folder_is_left_to_mkdocs(tmp_path: Path) -> None:
    assert set_aside(tmp_path / "not-yet") is None
