"""What every open-data file shares: its license, its publisher, its version and its links."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from leadportal.records.settings import Settings

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class License:
    id: str
    title: str
    url: str


# The Bureau's choice: anyone may reuse the data, with credit to the Bureau.
DATA_LICENSE = License(
    "CC-BY-4.0",
    "Creative Commons Attribution 4.0 International",
    "https://creativecommons.org/licenses/by/4.0/",
)


def portal_url(settings: Settings, path: str) -> str:
    """An address on the portal: absolute when `site_url` is known (data files leave the site)."""
    base = settings.site_url
    return (base if base.endswith("/") else base + "/") + path if base else path


def absolute_url(settings: Settings, path: str) -> str | None:
    """The absolute address of `path`, or None when the portal's `site_url` is unknown."""
    return portal_url(settings, path) if settings.site_url else None


def json_text(data: Any) -> str:
    """JSON as every data file writes it: key order as built, UTF-8, compact, a final newline.

    Compact because `indent` makes the json module fall back to its pure-Python encoder,
    ~5x slower at thousands of sites, for files that programs read.
    """
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def license_json() -> dict[str, str]:
    return {"id": DATA_LICENSE.id, "title": DATA_LICENSE.title, "url": DATA_LICENSE.url}
