"""A page per state with public sites, the index of states, and the national summary."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from leadportal.portal.model import Portal, SiteEntry
from leadportal.render.i18n import state_label, t
from leadportal.render.outputs import Output, page
from leadportal.render.templating import render
from leadportal.render.urls import page_url, relative_url
from leadportal.sites.words import as_html, counted

SITES_URL = "sites/"
STATES_INDEX = "sites/states/index.md"
SUMMARY = "sites/summary.md"
STYLE = "assets/leadportal/site-page.css"
BAR_STEP = 5  # bar widths in percent come in steps of this size (classes in site-page.css)


@dataclass(frozen=True)
class Count:
    """One row of a table of counts: a label, its number and the width of its bar."""

    label: str
    count: int
    bar: int = 0


@dataclass(frozen=True)
class State:
    code: str
    name: str
    sites: tuple[SiteEntry, ...]

    @property
    def url(self) -> str:
        return state_url(self.code)

    @property
    def path(self) -> str:
        return f"sites/states/{self.code.lower()}.md"


@dataclass(frozen=True)
class StateRow:
    """A row of the summary's table of states: sites in all and per stage (in column order)."""

    state: State
    total: int
    bar: int
    per_stage: tuple[int, ...]


def state_url(code: str) -> str:
    """`WA` -> `sites/states/wa/`."""
    return f"sites/states/{code.lower()}/"


def launch_year(entry: SiteEntry) -> str:
    return entry.site.launched[:4] if entry.site.launched else ""


def states(portal: Portal) -> list[State]:
    """States that have public sites, by name; their sites by name."""
    by_name = sorted(portal.sites, key=lambda e: (e.site.name.casefold(), e.slug))
    codes = sorted({e.site.jurisdiction.state for e in by_name}, key=state_label)
    return [
        State(
            code, state_label(code), tuple(e for e in by_name if e.site.jurisdiction.state == code)
        )
        for code in codes
    ]


def bar_width(count: int, most: int) -> int:
    """`count` as a percentage of `most`, rounded up to a BAR_STEP (a site never shows as 0)."""
    if count <= 0 or most <= 0:
        return 0
    return min(100, math.ceil(count * 100 / most / BAR_STEP) * BAR_STEP)


def with_bars(rows: Iterable[tuple[str, int]]) -> list[Count]:
    listed = list(rows)
    most = max((count for _, count in listed), default=0)
    return [Count(label, count, bar_width(count, most)) for label, count in listed]


def stage_counts(entries: Sequence[SiteEntry], portal: Portal, *, all_stages: bool) -> list[Count]:
    """Sites per stage in vocabulary order; stages without sites only when `all_stages`."""
    counts = Counter(e.site.stage for e in entries)
    return with_bars(
        (portal.stage_label(stage), counts[stage])
        for stage in portal.settings.vocabulary("stages")
        if all_stages or counts[stage]
    )


def launches_per_year(entries: Sequence[SiteEntry]) -> list[Count]:
    """Launches in every year from the first to the last, years without any included."""
    years = Counter(int(year) for year in map(launch_year, entries) if year)
    if not years:
        return []
    return with_bars((str(y), years[y]) for y in range(min(years), max(years) + 1))


def used_stages(portal: Portal) -> list[str]:
    present = {e.site.stage for e in portal.sites}
    return [s for s in portal.settings.vocabulary("stages") if s in present]


def state_rows(listed: Sequence[State], stages: Sequence[str]) -> list[StateRow]:
    most = max((len(s.sites) for s in listed), default=0)
    rows = []
    for state in listed:
        counts = Counter(e.site.stage for e in state.sites)
        total = len(state.sites)
        rows.append(
            StateRow(state, total, bar_width(total, most), tuple(counts[s] for s in stages))
        )
    return rows


def head(here: str) -> list[dict[str, str]]:
    return [{"rel": "stylesheet", "href": relative_url(here, STYLE)}]


def public_sites(count: int) -> str:
    """`3 public LEAD® sites`."""
    return counted(count, "{count} public LEAD® site", "{count} public LEAD® sites")


def per_stage_words(stages: Sequence[Count]) -> str:
    """`2 operating, 1 exploring` (Spanish: `en funcionamiento: 2, exploración: 1`)."""
    return ", ".join(t("{count} {stage}", count=c.count, stage=c.label.lower()) for c in stages)


def state_page(state: State, portal: Portal) -> Output:
    here = state.url
    stages = stage_counts(state.sites, portal, all_stages=False)
    per_stage = per_stage_words(stages)
    body = render(
        "sites/state.html",
        here=here,
        state=state,
        stages=stages,
        lede=counted(
            len(state.sites),
            "{count} public LEAD® site in {state}: {stages}.",
            "{count} public LEAD® sites in {state}: {stages}.",
            state=state.name,
            stages=per_stage,
        ),
        stage_label=portal.stage_label,
        launch_year=launch_year,
        urls={"sites": SITES_URL, "states": page_url(STATES_INDEX), "summary": page_url(SUMMARY)},
    )
    return page(
        state.path,
        t("LEAD® sites in {state}", state=state.name),
        body,
        description=counted(
            len(state.sites),
            "{count} LEAD® site in {state} ({stages}): where they are, their stage and launch "
            "year.",
            "{count} LEAD® sites in {state} ({stages}): where they are, their stage and launch "
            "year.",
            state=state.name,
            stages=per_stage,
        ),
        leadportal_head=head(here),
    )


def states_index(listed: Sequence[State], portal: Portal) -> Output:
    here = page_url(STATES_INDEX)
    body = render(
        "sites/states.html",
        here=here,
        states=listed,
        lede=as_html(
            counted(
                len(listed),
                "Public LEAD® sites are in {count} state. "
                "Each state's page lists its sites with their stage and launch year.",
                "Public LEAD® sites are in {count} states. "
                "Each state's page lists its sites with their stage and launch year.",
            )
        ),
        sites_count=lambda count: counted(count, "{count} site", "{count} sites"),
        urls={"sites": SITES_URL, "summary": page_url(SUMMARY)},
    )
    return page(
        STATES_INDEX,
        t("LEAD® sites by state"),
        body,
        description=counted(
            len(listed),
            "The {count} state with public LEAD® sites, each with its own list of sites.",
            "The {count} states with public LEAD® sites, each with its own list of sites.",
        ),
        leadportal_head=head(here),
    )


def summary_lede(total: int, states: int) -> str:
    return t(
        "{sites} in {states}. The numbers below count the sites listed on this portal only.",
        sites=public_sites(total),
        states=counted(states, "{count} state", "{count} states"),
    )


def undated_words(undated: int) -> str:
    return counted(
        undated,
        "{count} site has no launch year on record and is not counted by year.",
        "{count} sites have no launch year on record and are not counted by year.",
    )


def summary_page(listed: Sequence[State], portal: Portal) -> Output:
    here = page_url(SUMMARY)
    stages = used_stages(portal)
    undated = sum(1 for e in portal.sites if not e.site.launched)
    body = render(
        "sites/summary.html",
        here=here,
        total=len(portal.sites),
        lede=summary_lede(len(portal.sites), len(listed)),
        per_stage=stage_counts(portal.sites, portal, all_stages=True),
        per_state=state_rows(listed, stages),
        stages=stages,
        stage_label=portal.stage_label,
        per_year=launches_per_year(portal.sites),
        undated=undated_words(undated) if undated else "",
        urls={"sites": SITES_URL, "states": page_url(STATES_INDEX)},
    )
    return page(
        SUMMARY,
        t("LEAD® sites: national summary"),
        body,
        description=counted(
            len(portal.sites),
            "{count} public LEAD® site across the country: how many at each stage, in each "
            "state, and how many launched each year.",
            "{count} public LEAD® sites across the country: how many at each stage, in each "
            "state, and how many launched each year.",
        ),
        leadportal_head=head(here),
    )


def state_pages(portal: Portal) -> Iterator[Output]:
    """A page per state with public sites, the index of those states, and the summary."""
    listed = states(portal)
    for state in listed:
        yield state_page(state, portal)
    yield states_index(listed, portal)
    yield summary_page(listed, portal)
