"""The near-me place tables come from a cache keyed by the data packages and our code: the
same text as building them, rebuilt by itself when the entry is missing, damaged or stale."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from leadportal.places import place_cache, place_table


@pytest.fixture(scope="module")
def tables_built_here() -> dict[str, str]:
    return dict(place_table.place_files())


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache of the test's own, and no tables remembered by this process."""
    monkeypatch.setenv("LEADPORTAL_CACHE_DIR", str(tmp_path / "cache"))
    place_cache.place_files.cache_clear()
    yield tmp_path / "cache"
    place_cache.place_files.cache_clear()


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "place-tables").glob("*"))


def test_a_clean_cache_is_filled_with_the_tables_built_here(
    cache_dir: Path, tables_built_here: dict[str, str]
) -> None:
    assert place_cache.place_files() == tables_built_here
    [entry] = entries(cache_dir)
    assert entry.name == f"{place_cache.cache_key()}.json"
    assert json.loads(entry.read_text(encoding="utf-8")) == tables_built_here


def test_a_filled_cache_is_read_without_building(
    cache_dir: Path, tables_built_here: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    place_cache.place_files()
    place_cache.place_files.cache_clear()
    monkeypatch.setattr(place_cache, "build_tables", lambda: pytest.fail("built again"))
    assert place_cache.place_files() == tables_built_here


@pytest.mark.parametrize("damage", ["", "{not json", '{"places.json": "x"}', "[1, 2]"])
def test_a_damaged_entry_is_rebuilt(
    cache_dir: Path, tables_built_here: dict[str, str], damage: str
) -> None:
    entry = place_cache.entry_path(cache_dir, place_cache.cache_key())
    entry.parent.mkdir(parents=True)
    entry.write_text(damage, encoding="utf-8")
    assert place_cache.place_files() == tables_built_here
    assert json.loads(entry.read_text(encoding="utf-8")) == tables_built_here


def test_a_new_version_of_the_data_or_the_code_makes_a_new_entry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key = place_cache.cache_key()
    monkeypatch.setattr(place_cache, "_installed_version", lambda package: "99.0")
    assert place_cache.cache_key() != key
    monkeypatch.undo()
    monkeypatch.setattr(place_cache, "TABLE_CODE", ("place_table.py",))
    assert place_cache.cache_key() != key


def test_an_unwritable_cache_still_gives_the_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tables_built_here: dict[str, str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("LEADPORTAL_CACHE_DIR", str(blocker / "cache"))
    place_cache.place_files.cache_clear()
    try:
        assert place_cache.place_files() == tables_built_here
    finally:
        place_cache.place_files.cache_clear()


def test_builds_writing_at_once_leave_one_whole_entry(
    cache_dir: Path, tables_built_here: dict[str, str]
) -> None:
    entry = place_cache.entry_path(cache_dir, "shared")
    writers = [
        threading.Thread(target=place_cache.write_entry, args=(entry, tables_built_here))
        for _ in range(8)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert entries(cache_dir) == [entry]  # no temporary file left behind
    assert place_cache.read_entry(entry) == tables_built_here
