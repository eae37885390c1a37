"""The search sections of a generated page, without a second pass of Python's HTMLParser.

Material's search plugin re-parses every page's HTML with `html.parser` to split it into
sections and find their text: at 5,000 sites that is 3.5 s of a build, more than the Markdown
pass the generated pages already skip. Our bodies come from our own templates, so a regular
expression tokenizer can follow the same rules (Material's `Parser`, rule for rule) for a
fraction of the cost. Shapes it does not handle (raw-text elements such as `<script>` and
`<pre>`, declarations, anything that is not a plain tag) return None, and the plugin's own
parser runs. The tests hold the result to Material's parser on every generated page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# Material's parser keeps these tags (without attributes) in the indexed text.
KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)
ALWAYS_SKIPPED = frozenset({"object", "script", "style"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose content some Python versions read as raw text (an empty one is harmless),
# declarations and processing instructions: left to Material's parser.
NEEDS_PARSER = re.compile(
    r"<(pre|script|style|object|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b"
    r"[^>]*>(?!</\1\s*>)"
    r"|<!(?!--)|<\?",
    re.IGNORECASE,
)
TOKEN = re.compile(
    r"([^<]+)"  # text
    r"|<!--.*?-->"
    r"|<(/?)([a-zA-Z][-.a-zA-Z0-9:_]*)"
    r"((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)"
    r"\s*(/?)>"
    r"|(<)",  # a `<` that starts no tag
    re.DOTALL,
)
ATTRIBUTE = re.compile(r"\s+([^\s\"'>/=]+)(\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")


@dataclass
class Section:
    """What Material's `create_entry_for_section` reads (id, title and text parts), and
    whether its heading asked to be left out of search."""

    tag: str = "hx"  # the heading that opens it; "hx" for the text before any heading
    depth: float = 0
    id: str | None = None
    excluded: bool = False
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def attributes(raw: str) -> dict[str, str | None]:
    """Attribute names (lower case) and unescaped values (None for a bare name); the last of
    a repeated name wins, as in Material's `dict(attrs)`."""
    found: dict[str, str | None] = {}
    for match in ATTRIBUTE.finditer(raw):
        name, assigned, double, single, bare = match.groups()
        value = next((v for v in (double, single, bare) if v is not None), "")
        found[name.lower()] = html.unescape(value) if assigned else None
    return found


def _may_matter(tag: str, raw: str) -> bool:
    """Whether Material's rules could read this tag's attributes: a heading's id, a
    permalink's class, or an exclusion from search."""
    if not raw:
        return False
    if tag in HEADINGS:
        return True
    return (
        "data-search-exclude" in raw or "linenodiv" in raw or (tag == "a" and "headerlink" in raw)
    )


def _is_excluded(attrs: dict[str, str | None]) -> bool:
    return "data-search-exclude" in attrs or attrs.get("class") == "linenodiv"


class _Sections:
    """Material's `Parser` state and rules, fed tokens instead of `html.parser` events."""

    def __init__(self) -> None:
        self.context: list[str] = []  # the open elements' tags
        self.open: dict[str, int] = {}  # how many elements of each tag are open
        self.permalinks = 0  # open `<a class="headerlink">` elements
        self.permalink_depths: list[int] = []
        self.skipped = set(ALWAYS_SKIPPED)  # Material's skip set compares elements by tag
        self.skipping = 0  # open elements whose tag is in `skipped`
        self.section: Section | None = None
        self.data: list[Section] = []

    def _parts(self) -> list[str]:
        assert self.section is not None
        return self.section.title if self.open.get(self.section.tag) else self.section.text

    def start(self, tag: str, raw_attributes: str) -> None:
        if tag in VOID:
            return
        attrs = attributes(raw_attributes) if _may_matter(tag, raw_attributes) else {}
        self.context.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag in self.skipped:
            self.skipping += 1
        if tag == "a" and attrs.get("class") == "headerlink":
            self.permalinks += 1
            self.permalink_depths.append(len(self.context))
        if tag in HEADINGS and "id" in attrs:
            depth = len(self.context)
            if tag != "h1" and not self.data:
                self.section = Section("hx", depth)
                self.data.append(self.section)
            self.section = Section(tag, depth, excluded=_is_excluded(attrs))
            if self.data:
                self.section.id = attrs["id"]
            self.data.append(self.section)
        if self.section is None:
            self.section = Section()
            self.data.append(self.section)
        if _is_excluded(attrs):
            if tag not in self.skipped:
                self.skipped.add(tag)
                self.skipping += self.open[tag]
            return
        if tag in KEPT and not self.skipping:
            self._parts().append(f"<{tag}>")

    def end(self, tag: str) -> None:
        if not self.context or self.context[-1] != tag:
            return
        assert self.section is not None
        if self.section.depth > len(self.context):
            for section in reversed(self.data):
                if section.depth <= len(self.context):
                    self.section.depth = float("inf")
                    self.section = section
                    break
        if self.permalink_depths and self.permalink_depths[-1] == len(self.context):
            self.permalink_depths.pop()
            self.permalinks -= 1
        self.context.pop()
        self.open[tag] -= 1
        if tag in self.skipped:
            self.skipping -= 1
            if tag not in ALWAYS_SKIPPED:
                self.skipped.discard(tag)
                self.skipping -= self.open[tag]
            return
        if tag in KEPT and not self.skipping:
            parts = self._parts()
            index = parts.index(f"<{tag}>")
            if any(not part.isspace() for part in parts[index + 1 :]):
                parts.append(f"</{tag}>")
            else:
                del parts[index:]

    def text(self, data: str) -> None:
        if self.skipping:
            return
        data = data.replace("\n", " ") if not data.isspace() else " "
        if self.section is None:
            self.section = Section()
            self.data.append(self.section)
        if self.open.get(self.section.tag):
            if not self.permalinks:
                self.section.title.append(html.escape(data, quote=False))
        elif data.isspace():
            if not self.section.text or not self.section.text[-1].isspace():
                self.section.text.append(data)
        else:
            self.section.text.append(html.escape(data, quote=False))


def sections(body: str) -> list[Section] | None:
    """The page's search sections as Material's parser finds them, or None when the page
    needs that parser."""
    if NEEDS_PARSER.search(body):
        return None
    state = _Sections()
    for match in TOKEN.finditer(body):
        text, name, raw_attributes, self_closing, stray = match.group(1, 3, 4, 5, 6)
        if text is not None:
            state.text(html.unescape(text))
        elif stray is not None:
            return None
        elif name is not None:  # not a comment
            tag = name.lower()
            closing = match.group(2)
            if not closing:
                state.start(tag, raw_attributes)
            if closing or self_closing:
                state.end(tag)
    return state.data
