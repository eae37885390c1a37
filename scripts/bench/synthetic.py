"""Synthetic portals for benchmarks: N sites (and N/10 documents) in the real portal's shell."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STAGES = ("exploring", "developing", "launching", "operating", "paused", "ended")
STATES = ("WA", "NM", "NY", "NC", "OR", "CA", "TX", "CO", "MD", "WV", "GA", "HI", "ME", "WI")
ROLES = ("law enforcement", "prosecution", "case management", "behavioral health")


def site_record(i: int, rng: random.Random) -> str:
    state = rng.choice(STATES)
    return (
        f"name: Synthetic LEAD {i}\n"
        f"stage: {rng.choice(STAGES)}\n"
        f"jurisdiction: {{city: Town {i}, county: County {i % 300}, state: {state}}}\n"
        f"launched: {2011 + i % 14}\n"
        f"location: {{lat: {25 + rng.random() * 23:.4f}, lon: {-124 + rng.random() * 53:.4f}}}\n"
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
    """The real portal's configuration, pages and forms with `sites` synthetic site records."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("docs", "overrides"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, target / folder)
    resources = target / "docs" / "resources"
    for record in resources.glob("*.yml"):
        record.unlink()
    (target / "sites").mkdir()
    rng = random.Random(seed)
    for i in range(sites):
        (target / "sites" / f"site-{i:05d}.yml").write_text(site_record(i, rng))
    for i in range(max(1, sites // 10)):
        (resources / f"guide-{i:05d}.yml").write_text(document_record(i))
    return target


def make_plain_portal(target: Path, pages: int) -> Path:
    """A plain mkdocs-material site with `pages` hand-written Markdown pages, kept out of nav."""
    if target.exists():
        shutil.rmtree(target)
    (target / "docs" / "pages").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(
        "site_name: Plain\nsite_url: https://example.org/\n"
        "theme: {name: material, font: false, features: [navigation.tabs]}\n"
        "plugins: [search]\nnot_in_nav: |\n  /pages/*\n"
        "nav:\n  - Home: index.md\n"
    )
    (target / "docs" / "index.md").write_text("# Plain\n\nHome.\n")
    rng = random.Random(7)
    for i in range(pages):
        body = (
            f"# Synthetic LEAD {i}\n\n**{rng.choice(STAGES).capitalize()}** · Town {i}, "
            f"{rng.choice(STATES)} · launched {2011 + i % 14}\n\n"
            f"Synthetic site {i}: police and community partners refer people to case management\n"
            "instead of jail, with a few sentences of text like a real record has.\n\n"
            "## Partners\n\n"
            f"- Town {i} Police Department (law enforcement)\n"
            f"- Community Health Center {i} (case management)\n\n"
            f"## Contacts\n\n- Program coordination: <lead{i}@example.org>\n"
        )
        (target / "docs" / "pages" / f"site-{i:05d}.md").write_text(body)
    return target
