"""/sites/feed.xml: an Atom feed of new sites and stage changes, dated by the records."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from open_data_support import CHANGING_SITE, add_site, generated

NS = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def feed(root: Path, today: dt.date = dt.date(2026, 11, 26)) -> ET.Element:
    return ET.fromstring(generated(root, today)["sites/feed.xml"])


def entries(root: ET.Element) -> list[dict[str, str]]:
    return [
        {
            "id": e.findtext("a:id", namespaces=NS) or "",
            "title": e.findtext("a:title", namespaces=NS) or "",
            "updated": e.findtext("a:updated", namespaces=NS) or "",
            "stage": e.find("a:category", NS).get("term", ""),  # type: ignore[union-attr]
            "link": e.find("a:link", NS).get("href", ""),  # type: ignore[union-attr]
        }
        for e in root.findall("a:entry", NS)
    ]


@pytest.fixture
def changing_portal(fixture_portal: Path) -> Path:
    add_site(fixture_portal, "changing", CHANGING_SITE)
    return fixture_portal


def test_feed_has_the_parts_atom_requires(changing_portal: Path) -> None:
    root = feed(changing_portal)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for tag in ("id", "title", "updated", "author/a:name"):
        assert root.findtext(f"a:{tag}", namespaces=NS), tag
    self_link = root.find("a:link[@rel='self']", NS)
    assert self_link is not None
    assert self_link.get("href") == "https://example.org/lead/sites/feed.xml"


def test_history_and_launch_become_entries_newest_first(changing_portal: Path) -> None:
    found = entries(feed(changing_portal))
    assert [(e["stage"], e["updated"]) for e in found] == [
        ("paused", "2020-07-15T00:00:00Z"),
        ("operating", "2017-10-01T00:00:00Z"),
        ("launched", "2016-01-01T00:00:00Z"),  # albany-ny: launched, no history
        ("developing", "2015-01-01T00:00:00Z"),
    ]
    assert found[0]["title"] == "Changing LEAD: paused"
    assert found[0]["link"] == "https://example.org/lead/sites/changing/"
    assert len({e["id"] for e in found}) == len(found)


def test_feed_updated_is_the_newest_entry(changing_portal: Path) -> None:
    root = feed(changing_portal)
    newest = max(e["updated"] for e in entries(root))
    assert root.findtext("a:updated", namespaces=NS) == newest == "2020-07-15T00:00:00Z"


def test_ids_and_dates_do_not_depend_on_the_build(
    changing_portal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = generated(changing_portal, dt.date(2026, 11, 26))["sites/feed.xml"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")
    later = generated(changing_portal, dt.date(2030, 1, 1))["sites/feed.xml"]
    assert later == first


def test_an_entry_keeps_its_id_when_other_sites_change(fixture_portal: Path) -> None:
    (albany,) = entries(feed(fixture_portal))
    add_site(fixture_portal, "changing", CHANGING_SITE)
    again = next(e for e in entries(feed(fixture_portal)) if "albany-ny" in e["link"])
    assert again == albany
    assert albany["id"].startswith("urn:uuid:")


def test_unlisted_sites_are_not_in_the_feed(changing_portal: Path) -> None:
    text = generated(changing_portal)["sites/feed.xml"]
    assert "Zq7xK" not in text and "hidden-site" not in text


def test_launch_is_its_own_entry_unless_a_launch_stage_tells_it(fixture_portal: Path) -> None:
    add_site(
        fixture_portal,
        "same-year",
        "name: Same Year\nstage: operating\njurisdiction: {city: Y, state: WA}\n"
        "launched: 2019\nhistory:\n  - {stage: developing, since: 2019-02}\n",
    )
    found = [e for e in entries(feed(fixture_portal)) if "same-year" in e["link"]]
    assert sorted(e["stage"] for e in found) == ["developing", "launched"]
