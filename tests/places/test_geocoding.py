"""`leadportal geocode` against a fake Nominatim (geopy adapter) and the offline geocoder:
what is sent, how fast, what fails and how it is reported, and what is written (and not)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from geocode_support import (
    OLYMPIA,
    SEATTLE,
    FakeClock,
    FakeNominatim,
    file_bytes,
    http_error,
    site_text,
    small_portal,
)
from geopy.exc import GeocoderTimedOut

from leadportal.cli import main
from leadportal.places import geocache
from leadportal.places.geocache import CachedPlace, cache_text, parse_cache
from leadportal.places.geocode_command import Request, run_geocode
from leadportal.records.settings import Settings

SEATTLE_Q = "Seattle, WA, US"
OLYMPIA_Q = "Olympia, WA, US"
TWO_SITES = {"seattle.yml": site_text("Seattle", "WA"), "olympia.yml": site_text("Olympia", "WA")}


def nominatim_run(
    settings: Settings, script: dict[str, list[object]], **request: bool
) -> tuple[int, FakeNominatim]:
    clock = FakeClock()
    fake = FakeNominatim(clock, script)
    code = run_geocode(
        settings, Request("nominatim", **request), adapter_factory=fake, pacer=clock.pacer()
    )
    return code, fake


def cached(settings: Settings) -> dict[str, CachedPlace]:
    return parse_cache((settings.root / settings.geocode_cache).read_text(encoding="utf-8"))


def test_the_user_agent_and_domain_are_the_configured_ones(tmp_path: Path) -> None:
    settings = small_portal(
        tmp_path, TWO_SITES, geocoder_domain="https://nominatim.example.org/", geocoder_timeout=7
    )
    code, fake = nominatim_run(settings, {SEATTLE_Q: [SEATTLE], OLYMPIA_Q: [OLYMPIA]})
    assert code == 0
    assert {r.headers["User-Agent"] for r in fake.requests} == {
        "lead-portal-tests/1 (tests@example.org)"
    }
    assert all(r.url.startswith("https://nominatim.example.org/search?") for r in fake.requests)
    assert {r.timeout for r in fake.requests} == {7}
    places = cached(settings)
    assert places[SEATTLE_Q] == CachedPlace(
        47.60383, -122.33006, "nominatim", "Seattle, King County, Washington, United States"
    )
    assert places[OLYMPIA_Q].lat == pytest.approx(47.0451)


@pytest.mark.parametrize("agent", ["", "geopy/2.5.0", "my-application"])
def test_nominatim_is_refused_without_an_identifying_user_agent(
    tmp_path: Path, agent: str, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = small_portal(tmp_path, TWO_SITES, geocoder_user_agent=agent)
    code, fake = nominatim_run(settings, {})
    assert code == 2 and fake.requests == []
    err = capsys.readouterr().err
    assert "user agent" in err and "geocoder_user_agent" in err and "--offline" in err
    assert not (tmp_path / "sites/geocode-cache.json").exists()


def test_requests_start_at_least_a_second_apart(tmp_path: Path) -> None:
    sites = {f"s{n}.yml": site_text(city, "WA") for n, city in enumerate(["Seattle", "Olympia"])}
    sites["tacoma.yml"] = site_text("Tacoma", "WA")
    settings = small_portal(tmp_path, sites)
    timeout = GeocoderTimedOut("slow")
    code, fake = nominatim_run(
        settings, {SEATTLE_Q: [SEATTLE], OLYMPIA_Q: [OLYMPIA], "Tacoma, WA, US": [timeout, OLYMPIA]}
    )
    assert code == 0
    times = [r.at for r in fake.requests]
    assert len(times) == 4  # Tacoma timed out once, then answered
    assert all(later - earlier >= 1.0 for earlier, later in itertools.pairwise(times))


def test_a_timeout_is_retried_then_reported_with_file_and_query(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = small_portal(tmp_path, {"seattle.yml": TWO_SITES["seattle.yml"]}, geocoder_retries=2)
    code, fake = nominatim_run(settings, {SEATTLE_Q: [GeocoderTimedOut("read timed out")]})
    assert code == 1
    assert [r.query for r in fake.requests] == [SEATTLE_Q] * 3
    err = capsys.readouterr().err
    assert "sites/seattle.yml" in err and f'"{SEATTLE_Q}"' in err
    assert "no answer in time" in err and "tried 3 times" in err


def test_a_service_unavailable_answer_is_retried(tmp_path: Path) -> None:
    settings = small_portal(tmp_path, {"seattle.yml": TWO_SITES["seattle.yml"]})
    code, fake = nominatim_run(settings, {SEATTLE_Q: [http_error(503), SEATTLE]})
    assert code == 0 and len(fake.requests) == 2
    assert SEATTLE_Q in cached(settings)


def test_an_http_error_is_reported_and_stops_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = small_portal(tmp_path, TWO_SITES)
    code, fake = nominatim_run(settings, {OLYMPIA_Q: [http_error(403, "blocked")]})
    assert code == 1
    assert [r.query for r in fake.requests] == [OLYMPIA_Q]  # refused: Seattle is not asked
    err = capsys.readouterr().err
    assert "sites/olympia.yml" in err and "403" in err
    assert "sites/seattle.yml" in err and "not asked" in err
    assert not (tmp_path / "sites/geocode-cache.json").exists()


def test_a_place_nominatim_does_not_know_is_reported_and_the_rest_are_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = small_portal(tmp_path, TWO_SITES)
    code, _ = nominatim_run(settings, {OLYMPIA_Q: [[]], SEATTLE_Q: [SEATTLE]})
    assert code == 1
    assert set(cached(settings)) == {SEATTLE_Q}
    err = capsys.readouterr().err
    assert "sites/olympia.yml" in err and "knows no such place" in err and "location" in err
    assert "sites/seattle.yml" not in err


def test_sites_with_location_private_sites_and_cached_places_are_never_asked(
    tmp_path: Path,
) -> None:
    sites = {
        "placed.yml": site_text("Tacoma", "WA", "location: {lat: 47.25, lon: -122.44}\n"),
        "private.yml": site_text("Spokane", "WA", "public: false\n"),
        "seattle.yml": TWO_SITES["seattle.yml"],
        "olympia.yml": TWO_SITES["olympia.yml"],
    }
    settings = small_portal(tmp_path, sites)
    before = {OLYMPIA_Q: CachedPlace(47.0, -122.9, "offline", "Olympia, WA")}
    (tmp_path / "sites/geocode-cache.json").write_text(cache_text(before), encoding="utf-8")
    code, fake = nominatim_run(settings, {SEATTLE_Q: [SEATTLE]})
    assert code == 0
    assert [r.query for r in fake.requests] == [SEATTLE_Q]
    assert set(cached(settings)) == {OLYMPIA_Q, SEATTLE_Q}
    assert cached(settings)[OLYMPIA_Q] == before[OLYMPIA_Q]


def test_refresh_asks_again_for_cached_places(tmp_path: Path) -> None:
    settings = small_portal(tmp_path, {"olympia.yml": TWO_SITES["olympia.yml"]})
    before = {OLYMPIA_Q: CachedPlace(1.0, 1.0, "offline", "wrong")}
    (tmp_path / "sites/geocode-cache.json").write_text(cache_text(before), encoding="utf-8")
    code, fake = nominatim_run(settings, {OLYMPIA_Q: [OLYMPIA]}, refresh=True)
    assert code == 0 and len(fake.requests) == 1
    assert cached(settings)[OLYMPIA_Q].label == "Olympia, Washington"


def test_sites_sharing_a_place_are_asked_once(tmp_path: Path) -> None:
    sites = {"a.yml": site_text("Seattle", "WA"), "b.yml": site_text("Seattle", "WA")}
    code, fake = nominatim_run(small_portal(tmp_path, sites), {SEATTLE_Q: [SEATTLE]})
    assert code == 0 and len(fake.requests) == 1


def test_site_records_are_byte_identical_after_the_command(tmp_path: Path) -> None:
    sites = {
        **TWO_SITES,
        "placed.yml": "# a comment\nname: 'Placed'\nstage: operating\n"
        "jurisdiction: {city: Tacoma, state: WA}\nlocation: {lat: 47.25, lon: -122.44}\n",
    }
    settings = small_portal(tmp_path, sites)
    before = file_bytes(tmp_path / "sites")
    nominatim_run(settings, {SEATTLE_Q: [SEATTLE], OLYMPIA_Q: [[]]})
    after = file_bytes(tmp_path / "sites")
    assert after.pop("geocode-cache.json")
    assert after == before


def test_dry_run_lists_the_places_and_writes_and_asks_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = small_portal(tmp_path, TWO_SITES)
    before = file_bytes(tmp_path / "sites")
    code, fake = nominatim_run(settings, {}, dry_run=True)
    assert code == 0 and fake.requests == []
    assert file_bytes(tmp_path / "sites") == before
    out = capsys.readouterr().out
    assert f'"{SEATTLE_Q}" for sites/seattle.yml' in out and OLYMPIA_Q in out


def test_records_with_errors_are_refused_and_printed_like_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = small_portal(tmp_path, {**TWO_SITES, "broken.yml": "name: Broken\nstage: nope\n"})
    code, fake = nominatim_run(settings, {})
    assert code == 1 and fake.requests == []
    assert "sites/broken.yml:2:1: stage:" in capsys.readouterr().err


def test_a_failed_cache_write_keeps_the_old_cache_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = small_portal(tmp_path, TWO_SITES)
    old = cache_text({"Elsewhere, WA, US": CachedPlace(46.0, -120.0, "offline", "Elsewhere")})
    cache = tmp_path / "sites/geocode-cache.json"
    cache.write_text(old, encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(geocache.os, "fsync", disk_full)  # fails with the text half-written
    code, _ = nominatim_run(settings, {OLYMPIA_Q: [OLYMPIA], SEATTLE_Q: [SEATTLE]})
    assert code == 1
    assert cache.read_text(encoding="utf-8") == old
    assert sorted(p.name for p in cache.parent.iterdir()) == [
        "geocode-cache.json",
        "olympia.yml",
        "seattle.yml",
    ]
    assert "No space left on device" in capsys.readouterr().err


def test_a_failed_rename_keeps_the_old_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "geocode-cache.json"
    cache.write_text("old\n", encoding="utf-8")

    def crash(src: str, dst: Path) -> None:
        raise KeyboardInterrupt  # as if interrupted at the last moment

    monkeypatch.setattr(geocache.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        geocache.write_cache(cache, {"A, WA, US": CachedPlace(1, 2)})
    assert cache.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["geocode-cache.json"]


def test_the_cache_is_written_after_each_place_found(tmp_path: Path) -> None:
    """An interrupted run keeps what it learned: the first place is on disk before the second
    is asked."""
    settings = small_portal(tmp_path, TWO_SITES)
    seen_on_disk: list[set[str]] = []

    class Watching(FakeNominatim):
        def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> object:
            cache = tmp_path / "sites/geocode-cache.json"
            seen_on_disk.append(set(parse_cache(cache.read_text())) if cache.exists() else set())
            return super().get_json(url, timeout=timeout, headers=headers)

    clock = FakeClock()
    fake = Watching(clock, {OLYMPIA_Q: [OLYMPIA], SEATTLE_Q: [SEATTLE]})
    run_geocode(settings, Request("nominatim"), adapter_factory=fake, pacer=clock.pacer())
    assert seen_on_disk == [set(), {OLYMPIA_Q}]


@pytest.mark.slow
def test_the_command_line_geocodes_offline_and_summarises(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sites = {
        **TWO_SITES,
        "county.yml": "name: County\nstage: exploring\n"
        "jurisdiction: {county: Walla Walla County, state: WA}\n",
        "nowhere.yml": site_text("Nowhereville Zq", "WA"),
    }
    small_portal(tmp_path, sites)
    before = file_bytes(tmp_path / "sites")
    code = main(["-f", str(tmp_path / "mkdocs.yml"), "geocode", "--offline"])
    captured = capsys.readouterr()
    assert code == 1
    assert 'sites/nowhere.yml: jurisdiction: no coordinates for "Nowhereville Zq, WA, US"' in (
        captured.err
    )
    assert "offline: found 3 of 4 place(s)" in captured.out
    places = parse_cache((tmp_path / "sites/geocode-cache.json").read_text())
    assert places[SEATTLE_Q].lat == pytest.approx(47.6, abs=0.1)
    assert places["Walla Walla County, WA, US"].source == "offline"
    after = file_bytes(tmp_path / "sites")
    after.pop("geocode-cache.json")
    assert after == before
