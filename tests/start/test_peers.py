"""Peer sites further along: which sites, spread across the country or nearest first (data
cases in cases/peers.yml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from leadportal.portal.model import SiteEntry
from leadportal.records.models import Jurisdiction, Site
from leadportal.start.peers import PEER_COUNT, nearest, peer_pool, spread

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "peers.yml").read_text("utf-8"))
PATH = ("exploring", "developing", "launching", "operating")


def entries(sites: dict[str, list[Any]]) -> list[SiteEntry]:
    made = []
    for slug, (stage, lat, lon, launched) in sorted(sites.items()):
        site = Site(
            name=slug.replace("-", " ").title(),
            stage=stage,
            jurisdiction=Jurisdiction(city=slug, state="WA"),
            launched=None if launched is None else str(launched),
        )
        made.append(SiteEntry(slug, f"sites/{slug}.yml", site, lat, lon))
    return made


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_peer_order(case: dict[str, Any]) -> None:
    pool = peer_pool(case["stage"], PATH, entries(CASES["sites"]))
    count = case.get("count", PEER_COUNT)
    near = case.get("near")
    found = nearest(pool, tuple(near), count) if near else spread(pool, count)
    assert [entry.slug for entry in found] == case["expected"]


def test_the_spread_does_not_depend_on_the_order_of_the_records() -> None:
    sites = entries(CASES["sites"])
    pool = peer_pool("exploring", PATH, sites)
    assert spread(pool) == spread(list(reversed(pool)))


def test_a_pool_of_unplaced_sites_is_listed_by_name() -> None:
    sites = entries(
        {"b-site": ["operating", None, None, 2015], "a-site": ["operating", None, None, 2020]}
    )
    assert [e.slug for e in spread(peer_pool("exploring", PATH, sites))] == ["a-site", "b-site"]
