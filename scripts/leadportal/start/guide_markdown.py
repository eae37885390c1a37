"""The stages and steps as Markdown, for a hand-written page that asks for them.

A page holding the line `<!-- leadportal:steps -->` (the implementation page does) gets the
stages of docs/start/steps.yml there: what each means, its steps, its documents, the Bureau's
help and a link to its "Start here" page. Links are Markdown links to the source files, so
MkDocs checks them like any other.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from leadportal.portal.model import Portal
from leadportal.records.models import StageGuide
from leadportal.start.pages import stage_url

MARKER = "<!-- leadportal:steps -->"


def has_marker(markdown: str) -> bool:
    return MARKER in markdown


def expand(markdown: str, src_path: str, portal: Portal) -> str:
    """`markdown` with the marker replaced by the stages (nothing to replace: unchanged)."""
    if not has_marker(markdown):
        return markdown
    to_root = posixpath.relpath(".", posixpath.dirname(src_path) or ".")
    prefix = "" if to_root == "." else to_root + "/"
    folder = portal.settings.resources_dir
    titles = {f"{folder}/{d.slug}.md": d.record.title for d in portal.documents}
    help_form = f"{portal.settings.forms_dir}/{portal.settings.start_form}.md"
    has_form = any(f.slug == portal.settings.start_form for f in portal.forms)
    sections = [
        stage_markdown(
            n, guide, portal.stage_label(guide.stage), titles, prefix, help_form if has_form else ""
        )
        for n, guide in enumerate(portal.guides, start=1)
    ]
    return markdown.replace(MARKER, "\n\n".join(sections))


def stage_markdown(
    number: int,
    guide: StageGuide,
    label: str,
    titles: Mapping[str, str],
    prefix: str,
    help_form: str,
) -> str:
    lines = [f"## {number}. {label}", "", guide.meaning, ""]
    lines += [list_item(step) for step in guide.steps]
    lines.append("")
    docs = [
        (path, titles[path])
        for path in (document_path(slug, titles) for slug in guide.documents)
        if path
    ]
    links = [f"[{link_text(title)}]({prefix}{path})" for path, title in docs]
    if links:
        lines += [f"**Documents for this stage:** {joined(links)}.", ""]
    help_line = "**Help from the Bureau:** "
    if guide.offers:
        help_line += "; ".join(in_sentence(offer) for offer in guide.offers) + ". "
    if help_form:
        help_line += f"[Request technical assistance]({prefix}{help_form})."
    if guide.offers or help_form:
        lines += [help_line.rstrip(), ""]
    start = stage_url(guide) + "index.md"
    lines.append(
        f"**Your path:** [choose your role at the {label.lower()} stage]({prefix}{start})."
    )
    return "\n".join(lines)


def document_path(slug: str, titles: Mapping[str, str]) -> str:
    """The source path of the document `slug` among `titles`' keys, or ""."""
    return next((path for path in titles if path.rsplit("/", 1)[-1] == f"{slug}.md"), "")


def in_sentence(offer: str) -> str:
    """ "An introductory presentation" -> "an introductory presentation"; "LEAD …" stays."""
    first = offer.split()[0]
    return offer if len(first) > 1 and first.isupper() else offer[0].lower() + offer[1:]


def list_item(step: str) -> str:
    return "- " + step.strip().replace("\n", "\n  ")


def link_text(title: str) -> str:
    return title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
