"""The whole pipeline without MkDocs: load, validate, enrich, render to a list of outputs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from leadportal.admin.editor_config import cms_problems
from leadportal.admin.page import admin_files
from leadportal.forms.pages import form_pages
from leadportal.library.pages import library_pages
from leadportal.opendata.exports import data_files
from leadportal.opendata.hsds_files import hsds_files
from leadportal.opendata.page import data_page
from leadportal.opendata.site_feed import site_feed
from leadportal.places.geocache import CachedPlace, load_places
from leadportal.portal.model import Portal, build_portal
from leadportal.portal.site_checks import reserved_slugs, stale_sites
from leadportal.portal.translated import in_language, untranslated
from leadportal.portal.unplaced import unplaced_sites
from leadportal.records.docs_tree import docs_tree_problems
from leadportal.records.file_checks import orphan_files, private_files
from leadportal.records.loaded import Records
from leadportal.records.loader import FileMemo, load_records
from leadportal.records.problems import Problem, sort_problems
from leadportal.records.schema import stale_schemas
from leadportal.records.settings import Settings
from leadportal.records.tiles import tiles_problems
from leadportal.render.csp import policy_for, secure_outputs
from leadportal.render.i18n import ENGLISH, speaking
from leadportal.render.outputs import Output
from leadportal.render.shared_assets import shared_assets
from leadportal.sitemap.page import sitemap_outputs
from leadportal.sitemap.robots import robots_txt
from leadportal.sites.directory import site_directory
from leadportal.sites.map_page import site_map
from leadportal.sites.pages import site_pages
from leadportal.sites.stages import stage_pages
from leadportal.sites.states import state_pages
from leadportal.start.pages import start_pages

Renderer = Callable[[Portal], Iterable[Output]]
# Finishers see every output of the renderers (e.g. the site map lists them all).
Finisher = Callable[[Portal, Sequence[Output]], Iterable[Output]]

RENDERERS: tuple[Renderer, ...] = (
    site_pages,
    state_pages,
    stage_pages,
    site_directory,
    library_pages,
    form_pages,
    robots_txt,
    data_files,
    hsds_files,
    site_feed,
    data_page,
    site_map,
    start_pages,
    shared_assets,
)
# Outputs with their own Content-Security-Policy: the web editor at /admin/.
SELF_SECURED: tuple[Renderer, ...] = (admin_files,)

FINISHERS: tuple[Finisher, ...] = (sitemap_outputs,)

# Checks that need the whole portal (e.g. sites without coordinates); they return warnings.
PortalCheck = Callable[[Portal], Iterable[Problem]]
PORTAL_CHECKS: tuple[PortalCheck, ...] = (unplaced_sites, untranslated)

# One set of open data, one robots.txt, one editor: the builds in other languages skip these
# (their pages link the English build's files).
LANGUAGE_NEUTRAL: frozenset[Renderer] = frozenset({robots_txt, data_files, hsds_files, site_feed})


@dataclass
class Generated:
    records: Records
    outputs: list[Output] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    portal: Portal | None = None
    private_files: list[str] = field(default_factory=list)  # relative to docs/: never copied
    places: dict[str, CachedPlace] = field(default_factory=dict)  # the geocode cache

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def check(settings: Settings, memo: FileMemo | None = None) -> Generated:
    """Load and validate every record, and check the portal they make; render nothing.
    With `memo` (the preview loop), files unchanged since its last run are not read again."""
    records = load_records(settings, memo)
    places, cache_problems = load_places(settings)
    found = records.problems + orphan_files(records.documents, settings)
    problems = sort_problems(found + docs_tree_problems(settings))
    problems += cache_problems + stale_schemas(settings) + cms_problems(settings)
    problems += tiles_problems(settings) + list(reserved_slugs(records.sites))
    problems += stale_sites(records.sites, settings)
    portal = build_portal(records, settings, places)  # of the valid records: cheap, no output
    problems += [problem for run in PORTAL_CHECKS for problem in run(portal)]
    return Generated(records, problems=problems, portal=portal, places=places)


def generate(
    settings: Settings, memo: FileMemo | None = None, language: str = ENGLISH
) -> Generated:
    """Every output of the portal in `language`, sorted by path, or the problems that prevent
    it. A language other than English renders the pages only (LANGUAGE_NEUTRAL is skipped)."""
    result = check(settings, memo)
    if not result.ok:
        return result
    assert result.portal is not None  # check() always makes it
    portal = in_language(result.portal, language)
    with speaking(language):
        result.outputs = render_all(portal, english=language == ENGLISH)
    result.portal = portal
    result.private_files = private_files(result.records.documents, settings)
    result.problems += duplicate_paths(result.outputs)
    return result


def render_all(portal: Portal, *, english: bool) -> list[Output]:
    renderers = [r for r in RENDERERS if english or r not in LANGUAGE_NEUTRAL]
    outputs = [output for renderer in renderers for output in renderer(portal)]
    outputs += [output for finish in FINISHERS for output in finish(portal, outputs)]
    secured = secure_outputs(outputs, policy_for(portal))
    own_policy = [o for renderer in SELF_SECURED for o in renderer(portal)] if english else []
    return sorted([*secured, *own_policy], key=lambda o: o.path)


def duplicate_paths(outputs: list[Output]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for output in outputs:
        if output.path in seen:
            problems.append(Problem(output.path, message="generated twice (internal error)"))
        seen.add(output.path)
    return problems


def write_outputs(outputs: Iterable[Output], out_dir: Path) -> int:
    """Write outputs below `out_dir` (for `leadportal generate --out`); returns the count."""
    count = 0
    for output in outputs:
        target = out_dir / output.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(output.as_bytes())
        count += 1
    return count
