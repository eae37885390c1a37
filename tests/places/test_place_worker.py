"""The near-me place tables come from a second process during a build: the same text as
when this process builds them, and a build never depends on that process working."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from leadportal.build.generate import generate
from leadportal.places import place_table, place_worker
from leadportal.records.mkdocs_yml import read_settings


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No worker running or received, and no tables built in this process yet."""
    monkeypatch.setattr(place_worker, "_running", None)
    monkeypatch.setattr(place_worker, "_received", None)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    place_table.place_files.cache_clear()
    yield
    place_worker.stop_place_files()


@pytest.fixture(scope="module")
def tables_built_here() -> dict[str, str]:
    return dict(place_table.place_files.__wrapped__())


@pytest.mark.slow
def test_the_workers_tables_are_the_tables_built_here(tables_built_here: dict[str, str]) -> None:
    place_worker.start_place_files()
    assert place_worker._running is not None
    tables = place_worker.place_files()
    assert place_table.place_files.cache_info().currsize == 0  # they came from the worker
    assert tables == tables_built_here
    assert list(tables) == [place_table.PLACES_FILE, place_table.ZIP_FILE]
    assert place_worker.place_files() is tables  # and are kept for the next build


@pytest.mark.parametrize(
    "python", ["/nonexistent/python", "/bin/false"], ids=["cannot start", "fails"]
)
def test_without_a_working_worker_the_tables_are_built_here(
    monkeypatch: pytest.MonkeyPatch, tables_built_here: dict[str, str], python: str
) -> None:
    monkeypatch.setattr(sys, "executable", python)
    place_worker.start_place_files()
    assert place_worker.place_files() == tables_built_here
    assert place_table.place_files.cache_info().currsize == 1


@pytest.mark.parametrize(
    ("cores", "python"), [(1, sys.executable), (2, "")], ids=["one core", "no interpreter path"]
)
def test_no_worker_where_it_cannot_help(
    monkeypatch: pytest.MonkeyPatch, cores: int, python: str
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setattr(sys, "executable", python)
    place_worker.start_place_files()
    assert place_worker._running is None


def test_a_build_that_stops_on_a_problem_ends_its_worker(
    fixture_portal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def recording_popen(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        process = real_popen(*args, **kwargs)  # type: ignore[call-overload]
        started.append(process)
        return process

    monkeypatch.setattr(subprocess, "Popen", recording_popen)
    record = next((fixture_portal / "sites").glob("*.yml"))
    record.write_text("name: [unclosed\n", encoding="utf-8")
    result = generate(read_settings(fixture_portal / "mkdocs.yml"))
    assert not result.ok
    assert len(started) == 1 and started[0].poll() is not None
    assert place_worker._running is None
