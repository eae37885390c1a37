"""Finds English interface words left on a page in another language.

The visible text of a page, without what may rightly be English: elements marked `lang="en"`
(record prose not yet translated, the switcher's "English"), `<bdi>` (names of people,
programs and organisations), code, scripts and styles, and the program's own English names.
What is left is searched for common English words that are not Spanish words too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIPPED = {"script", "style", "code", "kbd", "bdi", "svg", "pre", "template", "noscript"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# Names that stay English in every language (the glossary in mkdocs.yml keeps them so).
NAMES = (
    "LEAD Support Bureau",
    "LEAD Portal",
    "Let Everyone Advance with Dignity",
    "Law Enforcement Assisted Diversion",
    "OpenStreetMap",
    "Leaflet",
    "Open Referral",
    "University of Washington",
    "Creative Commons Attribution 4.0 International",
    "CC-BY-4.0",
)
# Names of organisations and places in prose: two or more capitalised words, maybe joined by
# small words ("U.S. Department of Justice", "Partnership for the Public Good"). The portal's
# own interface writes sentence case, so its English is not taken for a name.
NAME_RUN = re.compile(
    r"\b[A-Z][\w.'ʻ-]*(?:\s+(?:(?:of|and|for|at|the|on|in)\s+){0,2}[A-Z][\w.'ʻ-]*)+"
)
# Addresses and file names are not words of the interface.
NOT_WORDS = re.compile(
    r"\b(?:https?://\S+|\w*_\w*|[\w-]+\.(?:json|geojson|csv|xml|zip|pdf|md|txt))\b"
)
ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "with",
        "your",
        "this",
        "that",
        "these",
        "those",
        "is",
        "are",
        "for",
        "from",
        "by",
        "you",
        "not",
        "all",
        "page",
        "pages",
        "site",
        "sites",
        "search",
        "show",
        "find",
        "near",
        "filter",
        "filters",
        "clear",
        "more",
        "about",
        "what",
        "which",
        "when",
        "where",
        "how",
        "who",
        "sort",
        "sorted",
        "documents",
        "document",
        "map",
        "list",
        "send",
        "message",
        "required",
        "optional",
        "open",
        "close",
        "skip",
        "back",
        "next",
        "previous",
        "home",
        "resources",
        "support",
        "contact",
        "nearest",
        "away",
        "miles",
        "mile",
        "stage",
        "stages",
        "state",
        "states",
        "launched",
        "verified",
        "partners",
        "contacts",
        "phone",
        "topics",
        "kind",
        "published",
        "download",
        "summary",
        "none",
        "only",
        "other",
        "than",
        "there",
        "their",
        "they",
        "have",
        "has",
        "been",
        "were",
        "will",
        "would",
        "should",
        "could",
        "into",
        "out",
        "any",
        "each",
        "every",
        "one",
        "two",
        "three",
        "choose",
        "select",
        "enter",
        "type",
    ]
)
WORD = re.compile(r"[^\W\d_]+")  # letters, accented ones too ("allá" is not "all")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: does it hide its text?
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        values = dict(attrs)
        hidden = (
            tag in SKIPPED
            or values.get("lang") == "en"
            or values.get("translate") == "no"
            or (bool(self.stack) and self.stack[-1])
        )
        self.stack.append(hidden)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(html: str) -> str:
    body = html.split("<body", 1)[-1]
    parser = _Text()
    parser.feed(body)
    return " ".join(parser.parts)


def english_words(html: str) -> list[str]:
    """The English words left in a page's visible text, each once, in order."""
    text = visible_text(html)
    text = " ".join(text.split())
    for name in NAMES:
        text = text.replace(name, " ")
    text = NOT_WORDS.sub(" ", text)
    text = NAME_RUN.sub(" ", text)
    found = [w for w in WORD.findall(text) if w.lower() in ENGLISH]
    return list(dict.fromkeys(found))
