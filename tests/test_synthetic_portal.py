"""The synthetic portals the benchmarks and the 300-site judges use spread over the whole
country: every state and DC has sites, at real places of that state."""

from __future__ import annotations

import random
import sys
from collections import Counter

import yaml
from portals import REPO

sys.path.insert(0, str(REPO / "scripts" / "bench"))
from synthetic import US_STATES, site_record

SITES = 300


def records() -> list[dict[str, object]]:
    rng = random.Random(7)
    return [yaml.safe_load(site_record(i, rng)) for i in range(SITES)]


def test_every_state_and_dc_has_sites() -> None:
    per_state = Counter(record["jurisdiction"]["state"] for record in records())  # type: ignore[index]
    assert len(US_STATES) == 51 and "DC" in US_STATES and "PR" not in US_STATES
    assert set(per_state) == set(US_STATES)
    assert min(per_state.values()) >= SITES // 51


def test_alaska_and_hawaii_sites_lie_in_alaska_and_hawaii() -> None:
    for record in records():
        state = record["jurisdiction"]["state"]  # type: ignore[index]
        lat, lon = record["location"]["lat"], record["location"]["lon"]  # type: ignore[index]
        if state == "AK":
            assert 51 < lat < 72 and -180 < lon < -129, record["jurisdiction"]
        elif state == "HI":
            assert 18 < lat < 23 and -161 < lon < -154, record["jurisdiction"]
        else:
            assert 24 < lat < 50 and -125 < lon < -66, record["jurisdiction"]


def test_records_name_a_real_city_and_county() -> None:
    for record in records():
        place = record["jurisdiction"]  # type: ignore[assignment]
        assert place["city"] and place["county"] and not place["city"].startswith("Town")  # type: ignore[index]
