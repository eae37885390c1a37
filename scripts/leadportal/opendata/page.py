"""The /data/ page: every download with its fields, license and build date. The field lists
come from the same definitions that write the files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from leadportal.opendata.common import DATA_LICENSE, SCHEMA_VERSION
from leadportal.opendata.csv_safe import FORMULA_STARTS
from leadportal.opendata.exports import (
    DATA_DIR,
    DOCUMENTS_JSON,
    SITES_CSV,
    SITES_GEOJSON,
    SITES_JSON,
)
from leadportal.opendata.fields import (
    DOCUMENT_FIELDS,
    LIST_SEPARATOR,
    SITE_FIELDS,
    DataField,
    site_csv_columns,
)
from leadportal.opendata.hsds import (
    OTHER_STATUS,
    STAGE_STATUS,
    STAGE_TAXONOMY,
    TRANSLATIONS_EXTENSION,
)
from leadportal.opendata.hsds_files import HSDS_DIR, JSON_FILES, TABLES
from leadportal.opendata.site_feed import FEED_PATH
from leadportal.portal.model import Portal
from leadportal.records.settings import Settings
from leadportal.render.build_time import build_date
from leadportal.render.i18n import ENGLISH, language, t, words_for
from leadportal.render.outputs import Output, page
from leadportal.render.templating import render
from leadportal.render.urls import link_to_shared

PAGE_URL = f"{DATA_DIR}/"


@dataclass(frozen=True)
class Download:
    path: str
    title: str
    description: str
    fields: tuple[DataField[Any], ...] = ()


def downloads(settings: Settings) -> list[Download]:
    return [
        Download(
            SITES_JSON,
            "Sites (JSON)",
            "Every public site, in `sites`. Before it: `schema_version`, `build_date`, "
            "`source` (this file's address), `documentation` (this page), `license` and "
            "`count`.",
            SITE_FIELDS,
        ),
        Download(
            SITES_GEOJSON,
            "Sites (GeoJSON)",
            "The same sites as map features (RFC 7946): a Point geometry in WGS 84, "
            "longitude first, and the fields of sites.json as properties except "
            "`location`. Sites whose coordinates are not yet known are included with "
            "a null geometry (map programs skip them).",
            (),
        ),
        Download(
            SITES_CSV,
            "Sites (CSV)",
            "One row per site, for spreadsheets: UTF-8 with a byte order mark so that "
            "spreadsheet programs detect the encoding; lists are joined with "
            f"“{LIST_SEPARATOR}”.",
            site_csv_columns(settings),
        ),
        Download(
            DOCUMENTS_JSON,
            "Documents (JSON)",
            "Every public document of the resource library, in `documents`, after the same "
            "header as sites.json.",
            DOCUMENT_FIELDS,
        ),
    ]


def with_code(text: str) -> Markup:
    """Plain text with `backticks` shown as code; everything else escaped."""
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))


def described(text: str) -> Markup:
    """A description in the page's language, with code; one the table does not have yet is
    shown in English, marked so (lang="en")."""
    spoken = language()
    words = words_for(text, spoken)
    if spoken != ENGLISH and words == text:
        return Markup('<span lang="en">{}</span>').format(with_code(text))
    return with_code(words)


def formula_rule() -> str:
    shown = ", ".join(
        {"\t": t("a tab"), "\r": t("a carriage return")}.get(c, f"“{c}”") for c in FORMULA_STARTS
    )
    return t(
        "In sites.csv, a text cell that starts with {starts} or a single quote gets one "
        "single quote in front, so that spreadsheet programs never run it as a formula. "
        "Remove that one quote to get the original text; numbers are never changed.",
        starts=shown,
    )


def status_rows(portal: Portal) -> list[tuple[str, str]]:
    return [
        (stage, STAGE_STATUS.get(stage, OTHER_STATUS))
        for stage in portal.settings.vocabulary("stages")
    ]


def data_page(portal: Portal) -> Iterator[Output]:
    def shared(target: str) -> str:
        """A link to one of the files, which only the English build writes."""
        return link_to_shared(PAGE_URL, target, portal.language)

    body = render(
        "opendata/index.html",
        shared=shared,
        described=described,
        build_date=build_date(portal.settings).isoformat(),
        license=DATA_LICENSE,
        publisher=portal.settings.data_publisher,
        schema_version=SCHEMA_VERSION,
        downloads=downloads(portal.settings),
        formula_rule=formula_rule(),
        hsds_dir=HSDS_DIR,
        hsds_json=JSON_FILES,
        tables=TABLES,
        status_rows=status_rows(portal),
        stage_taxonomy=STAGE_TAXONOMY,
        hsds_translations=TRANSLATIONS_EXTENSION,
        feed=FEED_PATH,
        code=with_code,
    )
    yield page(
        f"{DATA_DIR}/index.md",
        t("Open data"),
        body,
        description=t("The list of LEAD® sites and documents as JSON, GeoJSON, CSV and HSDS."),
    )
