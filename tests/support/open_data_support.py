"""Shared by the open-data tests: generate a portal's files in memory, extra site records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from leadportal.build.generate import generate
from leadportal.records.mkdocs_yml import read_settings

TODAY = dt.date(2026, 11, 26)


BINARY = (".png", ".jpg", ".gif", ".webp", ".pdf", ".woff2")  # the map's images, the editor's fonts


def generated(root: Path, today: dt.date = TODAY) -> dict[str, str]:
    """Every text output of the portal at `root`, by path."""
    result = generate(read_settings(root / "mkdocs.yml", today=today))
    assert result.ok, [str(p) for p in result.problems]
    return {
        o.path: o.as_bytes().decode("utf-8")
        for o in result.outputs
        if not o.path.lower().endswith(BINARY)
    }


def data_json(files: dict[str, str], path: str) -> Any:
    return json.loads(files[path])


def add_site(root: Path, slug: str, text: str) -> None:
    (root / "sites" / f"{slug}.yml").write_text(text, encoding="utf-8")


# A site whose values spreadsheet programs would read as formulas, and no coordinates.
HOSTILE_SITE = """\
name: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
stage: paused
jurisdiction: {city: "+1 city", county: "@SUM(A1:A9)", state: WA}
launched: "2019-05"
summary: "-2+3 is a formula too"
referral_pathways: [social contact, arrest diversion]
partners:
  - {name: "'Quoted partner", role: housing}
  - {name: "-Minus partner", role: other, url: "https://example.org/p"}
contacts:
  - {role: "=Referrals", name: "@Pat", email: pat@example.org, phone: "+1 206 555 0100 x12"}
  - {role: Questions, phone: "206-555-0101"}
website: https://example.org/hostile
last_verified: 2026-10-01
"""

# A site with a history of stage changes, one of them on its launch date.
CHANGING_SITE = """\
name: Changing LEAD
stage: paused
jurisdiction: {county: Change County, state: OR}
launched: "2017-10"
history:
  - {stage: developing, since: 2015}
  - {stage: operating, since: "2017-10"}
  - {stage: paused, since: 2020-07-15}
location: {lat: 45.5, lon: -122.6}
"""


def speak_spanish(root: Path) -> None:
    """Give the portal at `root` a Spanish build (an empty glossary is enough for its data)."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "  - leadportal:\n"
    assert marker in text
    config.write_text(
        text.replace(marker, marker + "      translations:\n        es: {}\n"), encoding="utf-8"
    )


# A site whose summary has a Spanish text, one that spreadsheets would read as a formula.
TRANSLATED_SITE = """\
name: Translated LEAD
stage: operating
jurisdiction: {city: Tacoma, state: WA}
summary: |-
  Tacoma's program.

  Two paragraphs.
translations:
  es:
    summary: |-
      =El programa de Tacoma, para personas que usan drogas.

      Dos párrafos.
"""
SPANISH_SUMMARY = "=El programa de Tacoma, para personas que usan drogas.\n\nDos párrafos."
