"""`leadportal build`: a failed build never touches site/; a good one is swapped in whole."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from portals import REPO, tree_digest

from leadportal import cli
from leadportal.build import publish
from leadportal.build.progress import progress
from leadportal.build.swap import swap_into_place
from leadportal.records.settings import Settings

pytestmark = pytest.mark.slow  # every test here builds a whole portal


def build(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["-f", str(root / "mkdocs.yml"), "build"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site"))


def test_build_writes_site_and_prints_a_summary(
    fixture_portal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = build(fixture_portal, capsys)
    assert code == 0, err
    assert (fixture_portal / "site/sites/albany-ny/index.html").is_file()
    assert re.search(r"3 sites, \d+ documents, \d+ forms; \d+ pages; 0 warnings; [\d.]+ [KM]B", out)
    assert leftovers(fixture_portal) == []


@pytest.fixture
def built_once(fixture_portal: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    code, _, err = build(fixture_portal, capsys)
    assert code == 0, err
    return tree_digest(fixture_portal / "site")


def test_broken_record_leaves_previous_site_intact(
    fixture_portal: Path, built_once: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    (fixture_portal / "sites/albany-ny.yml").write_text("name: A\nstage: operational\n")
    code, _, err = build(fixture_portal, capsys)
    assert code == publish.EXIT_PROBLEMS
    assert "sites/albany-ny.yml:2:" in err and "operational" in err
    assert tree_digest(fixture_portal / "site") == built_once
    assert leftovers(fixture_portal) == []


def test_template_error_leaves_previous_site_intact(
    fixture_portal: Path, built_once: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    config = fixture_portal / "mkdocs.yml"
    config.write_text(config.read_text().replace("  font: false", "  font: false\n  custom_dir: o"))
    (fixture_portal / "o").mkdir()
    (fixture_portal / "o/main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}{{ page.title | nosuchfilter }}'
        "{% endblock %}\n"
    )
    code, _, err = build(fixture_portal, capsys)
    assert code == publish.EXIT_BUILD_FAILED
    assert "build failed:" in err and "nosuchfilter" in err and "site/ was not touched" in err
    assert tree_digest(fixture_portal / "site") == built_once
    assert leftovers(fixture_portal) == []


def test_warning_mid_build_leaves_previous_site_intact(
    fixture_portal: Path, built_once: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    index = fixture_portal / "docs/index.md"
    index.write_text(index.read_text() + "\n[gone](no-such-page.md)\n")
    code, _, err = build(fixture_portal, capsys)
    assert code == publish.EXIT_BUILD_FAILED
    assert "no-such-page.md" in err
    assert tree_digest(fixture_portal / "site") == built_once


def test_missing_config_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = build(tmp_path, capsys)
    assert code == publish.EXIT_USAGE and "not found" in err


def test_exit_codes_are_documented_in_help_and_readme(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["build", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    readme = (REPO / "README.md").read_text()
    for code, meaning in publish.EXIT_CODES.items():
        assert f"{code} {' '.join(meaning.split())}" in help_text
        assert f"| {code} | {meaning} |" in readme


def test_epoch_comes_from_env_then_last_commit_then_now(tmp_path: Path) -> None:
    from portals import commit_all

    assert publish.source_date_epoch(tmp_path, {"SOURCE_DATE_EPOCH": "123"}, 9.0) == "123"
    assert publish.source_date_epoch(tmp_path, {}, 9.5) == "9"
    (tmp_path / "f").write_text("x")
    commit_all(tmp_path, "2026-03-01T12:00:00Z")
    expected = int(dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC).timestamp())
    assert publish.source_date_epoch(tmp_path, {}, 9.0) == str(expected)


def test_today_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert Settings(root=Path("."), docs_dir=Path("docs")).today == dt.date(2023, 11, 14)


@pytest.mark.parametrize("atomic", [True, False])
def test_swap_replaces_the_folder_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, atomic: bool
) -> None:
    if not atomic:
        monkeypatch.setattr("leadportal.build.swap.exchange", lambda a, b: False)
    target, new = tmp_path / "site", tmp_path / ".site-new"
    target.mkdir()
    (target / "old.html").write_text("old")
    new.mkdir()
    (new / "new.html").write_text("new")
    swap_into_place(new, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert [p.name for p in target.iterdir()] == ["new.html"]


def test_slow_steps_report_progress() -> None:
    noticed = threading.Event()

    class Stream(io.StringIO):
        def write(self, text: str) -> int:
            noticed.set()
            return super().write(text)

    stream = Stream()
    with progress("building", stream, first=0.01, every=0.01):
        assert noticed.wait(10), "no progress line while the step ran"
    assert stream.getvalue().startswith("… building: ")


def test_quick_steps_print_nothing() -> None:
    stream = io.StringIO()
    with progress("checking", stream, first=60):
        pass
    assert stream.getvalue() == ""


def test_a_site_folder_that_cannot_be_replaced_is_reported(
    fixture_portal: Path,
    built_once: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(new: Path, target: Path) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(publish, "swap_into_place", refuse)
    code, _, err = build(fixture_portal, capsys)
    assert code == publish.EXIT_BUILD_FAILED
    assert "could not replace" in err and "copy it by hand" in err
    assert tree_digest(fixture_portal / "site") == built_once


def test_a_stale_site_is_printed_once_and_still_published(
    fixture_portal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = fixture_portal / "sites/albany-ny.yml"
    record.write_text(record.read_text() + "last_verified: 2020-02-01\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795651200")  # 2026-11-26
    # A real process: pytest's own log handler would hide a second print of the reminder.
    run = subprocess.run(
        [sys.executable, "-m", "leadportal.cli", "-f", str(fixture_portal / "mkdocs.yml"), "build"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stderr
    err = run.stderr
    assert err.count("sites/albany-ny.yml:") == 1 and "last verified 81 months ago" in err
    assert "out of date" in (fixture_portal / "site/sites/albany-ny/index.html").read_text()
