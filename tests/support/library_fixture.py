"""The fixture portal's library entries, for tests that check facets and pages against it."""

from __future__ import annotations

from portal_helpers import FIXTURE_PORTAL

from leadportal.build.generate import check
from leadportal.library.catalog import Entry, entries
from leadportal.portal.model import build_portal
from leadportal.records.mkdocs_yml import read_settings


def fixture_entries() -> list[Entry]:
    settings = read_settings(FIXTURE_PORTAL / "mkdocs.yml")
    result = check(settings)
    assert result.ok, result.problems
    return entries(build_portal(result.records, settings))


def facet_items() -> list[tuple[dict[str, list[str]], str]]:
    return [(e.facets, e.text) for e in fixture_entries()]
