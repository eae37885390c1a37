"""A page per stage with public sites (`/sites/stages/operating/`), beside the state pages: the
way to narrow the list by stage without JavaScript. A stage without public sites gets no page
and no link."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from leadportal.portal.model import Portal, SiteEntry, stage_url
from leadportal.render.i18n import state_label, t
from leadportal.render.outputs import Output, page
from leadportal.render.templating import render
from leadportal.render.urls import page_url
from leadportal.sites.states import SITES_URL, STATES_INDEX, SUMMARY, head, launch_year
from leadportal.sites.words import counted


@dataclass(frozen=True)
class Stage:
    value: str
    label: str
    sites: tuple[SiteEntry, ...]

    @property
    def url(self) -> str:
        return stage_url(self.value)

    @property
    def path(self) -> str:
        return f"{self.url.removesuffix('/')}.md"


def stages(portal: Portal) -> list[Stage]:
    """Stages with public sites, in vocabulary order; their sites by name."""
    by_name = sorted(portal.sites, key=lambda e: (e.site.name.casefold(), e.slug))
    listed = (
        Stage(value, portal.stage_label(value), tuple(e for e in by_name if e.site.stage == value))
        for value in portal.settings.vocabulary("stages")
    )
    return [stage for stage in listed if stage.sites]


def stage_page(stage: Stage, portal: Portal) -> Output:
    here = stage.url
    label = stage.label.lower()
    count = len(stage.sites)
    body = render(
        "sites/stage.html",
        here=here,
        stage=stage,
        lede=counted(
            count,
            "{count} public LEAD® site at the stage “{stage}”.",
            "{count} public LEAD® sites at the stage “{stage}”.",
            stage=label,
        ),
        others=[s for s in stages(portal) if s.value != stage.value],
        state_name=state_label,
        launch_year=launch_year,
        urls={"sites": SITES_URL, "states": page_url(STATES_INDEX), "summary": page_url(SUMMARY)},
    )
    return page(
        stage.path,
        t("LEAD® sites: {stage}", stage=label),
        body,
        description=counted(
            count,
            "{count} LEAD® site at the stage “{stage}”: where they are and their launch year.",
            "{count} LEAD® sites at the stage “{stage}”: where they are and their launch year.",
            stage=label,
        ),
        leadportal_head=head(here),
    )


def stage_pages(portal: Portal) -> Iterator[Output]:
    for stage in stages(portal):
        yield stage_page(stage, portal)
