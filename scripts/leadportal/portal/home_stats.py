"""Counts of public sites by stage, for the home page (computed from the records at build time)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from leadportal.portal.model import Portal, stage_url


@dataclass(frozen=True)
class StageCount:
    stage: str
    label: str
    count: int


def stage_counts(portal: Portal) -> tuple[StageCount, ...]:
    """One entry per stage of the vocabulary (in its order) that at least one public site is in."""
    counts = Counter(entry.site.stage for entry in portal.sites)
    return tuple(
        StageCount(stage, portal.stage_label(stage), counts[stage])
        for stage in portal.settings.vocabulary("stages")
        if counts[stage]
    )


def home_stats(portal: Portal) -> dict[str, Any]:
    """Plain data for the home page template: the total and the counts by stage."""
    stages = stage_counts(portal)
    return {
        "total": len(portal.sites),
        "states": len({entry.site.jurisdiction.state for entry in portal.sites}),
        "stages": [
            {"stage": s.stage, "label": s.label, "count": s.count, "url": stage_url(s.stage)}
            for s in stages
        ],
        "start_url": portal.start_url,  # "Start here", when the portal has it
    }
