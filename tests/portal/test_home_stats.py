"""The home page's counts of sites by stage come from the public records."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml
from portal_helpers import REPO_ROOT

from leadportal.build.generate import generate
from leadportal.portal.home_stats import home_stats, stage_counts
from leadportal.records.mkdocs_yml import read_settings


def public_stages(sites_dir: Path) -> Counter[str]:
    """Stages of the public site records, read straight from the YAML files."""
    stages: Counter[str] = Counter()
    for file in sites_dir.glob("*.yml"):
        data = yaml.safe_load(file.read_text("utf-8"))
        if data.get("public", True):
            stages[data["stage"]] += 1
    return stages


def test_counts_match_the_real_records() -> None:
    portal = generate(read_settings(REPO_ROOT / "mkdocs.yml")).portal
    assert portal is not None
    expected = public_stages(REPO_ROOT / "sites")
    assert {c.stage: c.count for c in stage_counts(portal)} == dict(expected)
    assert home_stats(portal)["total"] == sum(expected.values()) >= 25


def test_stages_follow_the_vocabulary_order_and_skip_empty_ones() -> None:
    portal = generate(read_settings(REPO_ROOT / "mkdocs.yml")).portal
    assert portal is not None
    order = portal.settings.vocabulary("stages")
    shown = [c.stage for c in stage_counts(portal)]
    assert shown == [s for s in order if s in shown]
    assert all(c.count > 0 for c in stage_counts(portal))


def test_unlisted_sites_are_not_counted(fixture_portal: Path) -> None:
    portal = generate(read_settings(fixture_portal / "mkdocs.yml")).portal
    assert portal is not None
    stats = home_stats(portal)
    assert stats["total"] == sum(public_stages(fixture_portal / "sites").values())
    assert stats["total"] < len(list((fixture_portal / "sites").glob("*.yml")))


def test_a_new_record_changes_the_counts(fixture_portal: Path) -> None:
    before = home_stats(generate(read_settings(fixture_portal / "mkdocs.yml")).portal)  # type: ignore[arg-type]
    (fixture_portal / "sites" / "new-town.yml").write_text(
        "name: New Town LEAD\nstage: paused\njurisdiction: {city: New Town, state: ND}\n"
    )
    after = home_stats(generate(read_settings(fixture_portal / "mkdocs.yml")).portal)  # type: ignore[arg-type]
    assert after["total"] == before["total"] + 1
    paused = {s["stage"]: s["count"] for s in after["stages"]}["paused"]
    assert paused == 1 + {s["stage"]: s["count"] for s in before["stages"]}.get("paused", 0)
