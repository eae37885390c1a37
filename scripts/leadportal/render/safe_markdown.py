"""Markdown from records, rendered so that nothing staff (or an attacker) writes can run.

Raw HTML is shown as text, links may only use http, https, mailto, tel or relative
addresses, and images only relative ones: an image from another host would tell that host
who reads the page, so it is shown as its description instead.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from functools import cache

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def is_safe_url(url: str) -> bool:
    """Relative addresses and a few schemes; browsers ignore control characters and spaces.

    Markdown keeps character references such as `&#106;` in addresses and browsers decode
    them, so the address is checked as the browser will read it.
    """
    compact = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url))
    scheme = SCHEME.match(compact)
    return scheme is None or scheme.group(1).lower() in SAFE_SCHEMES


def is_local_url(url: str) -> bool:
    """A path on this site: no scheme, no host (`//host/...`)."""
    compact = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url)).replace("\\", "/")
    return SCHEME.match(compact) is None and not compact.startswith("//")


def _image_as_text(image: etree.Element) -> None:
    alt = image.get("alt", "")
    image.tag = "span"
    image.attrib.clear()
    image.text = alt


class _DropUnsafeLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag == "img" and not is_local_url(element.get("src", "")):
                _image_as_text(element)
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not is_safe_url(value):
                    del element.attrib[attribute]
            if element.tag == "a" and (element.get("href") or "").startswith("http"):
                element.set("rel", "noopener")


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class _NestHeadings(Treeprocessor):
    """Headings renumbered so that none skips a level; the first becomes h(1 + top)."""

    def __init__(self, md: markdown.Markdown, top: int) -> None:
        super().__init__(md)
        self.top = top

    def run(self, root: etree.Element) -> None:
        open_sections: list[tuple[int, int]] = []  # (level written, level given)
        for heading in [e for e in root.iter() if e.tag in HEADINGS]:
            written = int(heading.tag[1])
            while open_sections and open_sections[-1][0] >= written:
                open_sections.pop()
            given = open_sections[-1][1] + 1 if open_sections else self.top + 1
            open_sections.append((written, min(6, given)))
            heading.tag = f"h{min(6, given)}"


class _TextOnlyHtml(Extension):
    def __init__(self, top_heading: int) -> None:
        super().__init__()
        self.top_heading = top_heading

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)
        md.treeprocessors.register(_NestHeadings(md, self.top_heading), "nest_headings", 1)


@cache
def _converter(shift_headings: int) -> markdown.Markdown:
    # Building a converter costs ~0.4 ms, more than most records' text: keep one per depth.
    extensions = [_TextOnlyHtml(shift_headings), "sane_lists"]
    return markdown.Markdown(extensions=extensions, output_format="html")


def render(text: str, shift_headings: int = 1) -> str:
    """Record Markdown to HTML; its headings start at h(1 + shift_headings), under the page
    title, and skip no level (`##` then `####` become h2 then h3)."""
    if not text.strip():
        return ""
    converter = _converter(shift_headings)
    try:
        return str(converter.convert(text))
    finally:
        converter.reset()
