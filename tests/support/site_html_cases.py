"""Golden site pages: tests/sites/cases/<name>.yml (a site record) + <name>.md (its page)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from leadportal.portal.model import Portal, SiteEntry
from leadportal.records.loaded import Loaded
from leadportal.records.models import Form, Site
from leadportal.records.positions import Parsed
from leadportal.records.settings import Settings
from leadportal.sites.pages import site_page

CASES = Path(__file__).parents[1] / "sites" / "cases"
TODAY = dt.date(2026, 11, 26)
SETTINGS = Settings(root=Path("/portal"), docs_dir=Path("/portal/docs"), today=TODAY)
CORRECTION_FORM = Form.model_validate(
    {"title": "Suggest a correction", "fields": [{"name": "site", "label": "Which site?"}]}
)


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.yml"))


def entry_for(case: Path) -> SiteEntry:
    site = Site.model_validate(yaml.safe_load(case.read_text(encoding="utf-8")))
    where = site.location
    return SiteEntry(
        case.stem,
        f"sites/{case.name}",
        site,
        where.lat if where else None,
        where.lon if where else None,
    )


def portal_for(*entries: SiteEntry, settings: Settings = SETTINGS) -> Portal:
    form = Loaded(
        "suggest-a-correction",
        "docs/contact/suggest-a-correction.yml",
        CORRECTION_FORM,
        Parsed(None),
    )
    return Portal(settings, sites=entries, forms=(form,))


def rendered_page(case: Path) -> str:
    entry = entry_for(case)
    return str(site_page(entry, portal_for(entry)).content)
