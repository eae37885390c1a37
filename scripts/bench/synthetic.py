"""Synthetic portals for benchmarks: N sites (and N/10 documents) in the real portal's shell."""

from __future__ import annotations

import functools
import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import zipcodes

from leadportal.places.us_states import STATE_NAMES

REPO = Path(__file__).resolve().parents[2]
SITES_LIST = re.compile(r"^sites:\n(?:  - .*\n)+", re.MULTILINE)  # leadportal format's layout
STAGES = ("exploring", "developing", "launching", "operating", "paused", "ended")
STATES = ("WA", "NM", "NY", "NC", "OR", "CA", "TX", "CO", "MD", "WV", "GA", "HI", "ME", "WI")
# The 50 states and DC, in STATE_NAMES order (the territories follow DC's last state there).
US_STATES = tuple(code for code in STATE_NAMES if code not in {"PR", "GU", "VI", "AS", "MP"})
ROLES = ("law enforcement", "prosecution", "case management", "behavioral health")


@functools.cache
def places_in(state: str) -> tuple[dict[str, str], ...]:
    """Every ZIP code of `state` with a position (city, county, lat, long), from `zipcodes`."""
    rows = zipcodes.filter_by(state=state)  # type: ignore[no-untyped-call]
    return tuple(row for row in rows if row["lat"] and row["long"] and row["county"])


def site_record(i: int, rng: random.Random) -> str:
    """Site `i`: a real US place (a ZIP code's city, county and position), the states taken
    in turn so that every state and DC has sites (Alaska and Hawaii included)."""
    state = US_STATES[i % len(US_STATES)]
    place = rng.choice(places_in(state))
    return (
        f"name: Synthetic LEAD {i}\n"
        f"stage: {rng.choice(STAGES)}\n"
        f"jurisdiction: {{city: {json.dumps(place['city'])}, "
        f"county: {json.dumps(place['county'])}, state: {state}}}\n"
        f"launched: {2011 + i % 14}\n"
        f"location: {{lat: {float(place['lat']):.4f}, lon: {float(place['long']):.4f}}}\n"
        "summary: |\n"
        f"  Synthetic site {i}: police and community partners refer people to case management\n"
        "  instead of jail, with a few sentences of text like a real record has.\n"
        "referral_pathways: [arrest diversion, social contact]\n"
        "partners:\n"
        f"  - {{name: Town {i} Police Department, role: {rng.choice(ROLES)}}}\n"
        f"  - {{name: Community Health Center {i}, role: case management}}\n"
        "contacts:\n"
        f"  - {{role: Program coordination, email: lead{i}@example.org}}\n"
    )


def document_record(i: int) -> str:
    return (
        f"title: Synthetic guide {i}\n"
        "kind: guide\n"
        "topics: [harm reduction, implementation]\n"
        f"summary: A synthetic guide number {i} for the benchmark.\n"
        f"published: {2012 + i % 14}\n"
        f"url: https://example.org/guide-{i}\n"
    )


def make_portal(target: Path, sites: int, seed: int = 7) -> Path:
    """The real portal's configuration, pages, forms and documents with `sites` synthetic site
    records and `sites // 10` synthetic documents."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder)
    # The real documents stay: the Start-here steps (docs/start/steps.yml) name them. The
    # real sites they name (`sites:`) are not here, so that list goes.
    resources = target / "docs" / "resources"
    for record in resources.glob("*.yml"):
        record.write_text(SITES_LIST.sub("", record.read_text("utf-8")), "utf-8")
    (target / "sites").mkdir()
    rng = random.Random(seed)
    for i in range(sites):
        (target / "sites" / f"site-{i:05d}.yml").write_text(site_record(i, rng))
    for i in range(max(1, sites // 10)):
        (resources / f"guide-{i:05d}.yml").write_text(document_record(i))
    return target


def plain_site_page(i: int, rng: random.Random) -> str:
    """A hand-written Markdown page holding what a generated site page shows."""
    state = rng.choice(STATES)
    stage = rng.choice(STAGES).capitalize()
    return (
        f"# Synthetic LEAD {i}\n\n**{stage}** · Town {i}, County {i % 300}, {state} · "
        f"launched {2011 + i % 14}\n\n"
        f"Synthetic site {i}: police and community partners refer people to case management\n"
        "instead of jail, with a few sentences of text like a real record has.\n\n"
        "## About this site\n\n"
        f"| | |\n|---|---|\n| Stage | {stage} |\n| Launched | {2011 + i % 14} |\n"
        f"| City | Town {i} |\n| County | County {i % 300} |\n| State | {state} |\n"
        "| Referral pathways | Arrest diversion, social contact |\n\n"
        "## Partners\n\n"
        f"### {rng.choice(ROLES).capitalize()}\n\n- Town {i} Police Department\n\n"
        f"### Case management\n\n- Community Health Center {i}\n\n"
        f"## Contacts\n\n- Program coordination: <lead{i}@example.org>\n\n"
        "## Corrections\n\nNot yet verified. [Suggest a correction](../../contact/)\n"
    )


def plain_document_page(i: int) -> str:
    return (
        f"# Synthetic guide {i}\n\n**Guide** · published {2012 + i % 14}\n\n"
        f"A synthetic guide number {i} for the benchmark.\n\n"
        "- Topics: harm reduction, implementation\n"
        f"- Link: <https://example.org/guide-{i}>\n"
    )


def make_plain_portal(target: Path, sites: int) -> Path:
    """The same portal without the generator: the real mkdocs.yml, pages and theme, with one
    hand-written Markdown page per site and per document (kept out of the nav, as the
    generated ones are) and hand-written list pages where the generator writes them."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("  - leadportal:")
    end = config.index("\nwatch:")
    config = config[:start] + config[end:]
    config = config.replace("not_in_nav: |\n", "not_in_nav: |\n  /sites/*.md\n  /resources/*.md\n")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    (target / "sites").mkdir()  # watched by `mkdocs serve`, as in the portal
    for folder in ("docs", "overrides"):
        shutil.copytree(REPO / folder, target / folder)
    for record in (target / "docs").rglob("*.yml"):
        record.unlink()
    sites_dir = target / "docs" / "sites"
    sites_dir.mkdir(exist_ok=True)
    rng = random.Random(7)
    listing = ["# Participating sites\n"]
    for i in range(sites):
        (sites_dir / f"site-{i:05d}.md").write_text(plain_site_page(i, rng))
        listing.append(f"- [Synthetic LEAD {i}](site-{i:05d}.md)")
    (sites_dir / "index.md").write_text("\n".join(listing) + "\n")
    resources = target / "docs" / "resources"
    documents = ["# Resources\n"]
    for i in range(max(1, sites // 10)):
        (resources / f"guide-{i:05d}.md").write_text(plain_document_page(i))
        documents.append(f"- [Synthetic guide {i}](guide-{i:05d}.md)")
    (resources / "index.md").write_text("\n".join(documents) + "\n")
    (target / "docs" / "contact").mkdir(exist_ok=True)
    (target / "docs" / "contact" / "index.md").write_text("# Contact\n\nWrite to us.\n")
    return target


def copy_portal(source: Path, target: Path) -> Path:
    """A portal's configuration, pages, theme and records, without its built site/."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("docs", "overrides", "sites"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder)
    return target


def make_plain_twin(portal: Path, target: Path) -> Path:
    """`portal` without the generator: every page it generates written out as a file of
    docs/ (as `leadportal generate --out` writes them), the plugin left out of mkdocs.yml and
    the generated pages kept out of the navigation, built by plain MkDocs and Material."""
    copy_portal(portal, target)
    shutil.rmtree(target / "sites")
    (target / "sites").mkdir()  # watched by `mkdocs serve`, as in the portal
    for record in (target / "docs").rglob("*.yml"):
        record.unlink()
    subprocess.run(
        [sys.executable, "-m", "leadportal.cli", "generate", "--out", str(target / "docs")],
        cwd=portal,
        check=True,
        capture_output=True,
    )
    config = (portal / "mkdocs.yml").read_text(encoding="utf-8")
    start = config.index("  - leadportal:")
    end = config.index("\nwatch:")
    config = config[:start] + config[end:]
    hidden = "".join(f"  /{folder}/**\n" for folder in ("sites", "resources", "contact", "data"))
    config = config.replace("not_in_nav: |\n", "not_in_nav: |\n" + hidden)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target
