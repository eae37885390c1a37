"""The stages and steps as Markdown, for a hand-written page that asks for them.

A page holding the line `<!-- leadportal:steps -->` (the implementation page does) gets the
stages of docs/start/steps.yml there: what each means, its steps, its documents, the Bureau's
help and a link to its "Start here" page. Links are Markdown links to the source files, so
MkDocs checks them like any other. In another language's build the stages, steps and titles
are that language's (the portal is), the words around them from render/strings; text left in
English is marked `lang="en"` with the note that it is not yet translated.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from leadportal.places.us_places import name_key
from leadportal.portal.model import Portal
from leadportal.records.models import StageGuide
from leadportal.render.i18n import EnglishText, language, speaking, t, untranslated_note
from leadportal.start.pages import stage_url

MARKER = "<!-- leadportal:steps -->"


def has_marker(markdown: str) -> bool:
    return MARKER in markdown


def expand(markdown: str, src_path: str, portal: Portal) -> str:
    """`markdown` with the marker replaced by the stages (nothing to replace: unchanged)."""
    if not has_marker(markdown):
        return markdown
    with speaking(portal.language):  # MkDocs calls this outside the build's rendering
        return markdown.replace(MARKER, stages_markdown(src_path, portal))


def stages_markdown(src_path: str, portal: Portal) -> str:
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
    return "\n\n".join(sections)


def stage_markdown(
    number: int,
    guide: StageGuide,
    label: str,
    titles: Mapping[str, str],
    prefix: str,
    help_form: str,
) -> str:
    lines = [f"## {number}. {label}", "", inline(guide.meaning), ""]
    lines += [list_item(step) for step in guide.steps]
    lines.append("")
    if any(isinstance(text, EnglishText) for text in (guide.meaning, *guide.steps)):
        lines += [str(untranslated_note()), ""]
    docs = [
        (path, titles[path])
        for path in (document_path(slug, titles) for slug in guide.documents)
        if path
    ]
    links = [f"[{inline(link_text(title), title)}]({prefix}{path})" for path, title in docs]
    if links:
        lines += [f"**{t('Documents for this stage:')}** {joined(links)}.", ""]
    help_line = f"**{t('Help from the Bureau:')}** "
    if guide.offers:
        help_line += "; ".join(inline(in_sentence(offer), offer) for offer in guide.offers) + ". "
    if help_form:
        help_line += f"[{t('Request technical assistance')}]({prefix}{help_form})."
    if guide.offers or help_form:
        lines += [help_line.rstrip(), ""]
    start = stage_url(guide) + "index.md"
    choose = t("choose your role at the {stage} stage", stage=label.lower())
    lines.append(f"**{t('Your path:')}** [{choose}]({prefix}{start}).")
    return "\n".join(lines)


def inline(text: str, source: str | None = None) -> str:
    """`text` as Markdown, inside `<span lang="en">` when it (or the record text `source` it
    was made from) is English left on a page in another language."""
    english = isinstance(source if source is not None else text, EnglishText)
    return f'<span lang="en">{text}</span>' if english else text


def document_path(slug: str, titles: Mapping[str, str]) -> str:
    """The source path of the document `slug` among `titles`' keys, or ""."""
    return next((path for path in titles if path.rsplit("/", 1)[-1] == f"{slug}.md"), "")


def in_sentence(offer: str) -> str:
    """ "An introductory presentation" -> "an introductory presentation"; "LEAD …" stays."""
    first = offer.split()[0]
    return offer if len(first) > 1 and first.isupper() else offer[0].lower() + offer[1:]


def list_item(step: str) -> str:
    return "- " + inline(step.strip(), step).replace("\n", "\n  ")


def link_text(title: str) -> str:
    return title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def joined(items: list[str]) -> str:
    """`a, b and c`. Spanish writes "e" for "y" before a word said with an /i/ first
    ("Informe", "Historia"), but not before "hie", "hia"... ("hielo")."""
    if len(items) == 1:
        return items[0]
    words = t("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])
    if language() == "es" and starts_with_i_sound(items[-1]):
        head, _, tail = words.rpartition(" y ")
        words = f"{head} e {tail}"
    return words


def starts_with_i_sound(text: str) -> bool:
    word = name_key(text)  # no accents, case or punctuation (the link's "[")
    if word.startswith("h"):
        word = word[1:]
    return word.startswith("i") and word[1:2] not in tuple("aeou")
