"""The geocode cache as the build reads it: anything but finite coordinates in range, or a file
that is not an ordinary JSON file, is one problem line naming the cache, never a crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from leadportal.places.geocache import parse_cache, read_cache

HINT = " (rerun `leadportal geocode` to rewrite it)"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"places": {"A": {"lat": NaN, "lon": 1}}}', "NaN is not a coordinate"),
        ('{"places": {"A": {"lat": 1, "lon": -Infinity}}}', "-Infinity is not a coordinate"),
        ('{"places": {"A": {"lat": true, "lon": 1}}}', 'place "A": expected lat as a number'),
        ('{"places": {"A": {"lat": "47", "lon": 1}}}', 'place "A": expected lat as a number'),
        ('{"places": {"A": {"lat": 1, "lon": 181}}}', 'place "A": expected lon as a number'),
        ('{"places": {"A": [1, 2]}}', 'place "A": expected lat as a number'),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"places": ', "not JSON at line 1, column 12"),
    ],
)
def test_unusable_caches_are_refused_in_words(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("(", r"\(")):
        parse_cache(text)


def test_a_cache_that_is_not_a_file_is_a_problem_line(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "cache.json")
    places, problems = read_cache(tmp_path / "cache.json", "sites/geocode-cache.json", tmp_path)
    assert places == {}
    assert [str(p) for p in problems] == [
        "sites/geocode-cache.json: the geocode cache is a named pipe, not a file "
        "(rerun `leadportal geocode` to rewrite it)"
    ]


def test_a_cache_that_is_not_utf8_is_a_problem_line(tmp_path: Path) -> None:
    (tmp_path / "cache.json").write_bytes(b'{"places": {"Caf\xe9": {}}}')
    _, problems = read_cache(tmp_path / "cache.json", "c.json", tmp_path)
    assert [str(p) for p in problems] == [f"c.json: unreadable geocode cache: not UTF-8 text{HINT}"]
