"""What the generator produces: files with a path below the site root and their content."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

# Search reads a page's text without its tags: cells and terms written edge to edge
# (`<th>Site</th><th>State</th>`) would run together as "SiteState". A line break after each
# one keeps them words, and changes nothing on screen (whitespace between cells is ignored).
CELL_END = re.compile(r"(</(?:td|th|dt|dd|caption)>)(?=<)", re.IGNORECASE)


def with_word_breaks(body: str) -> str:
    return CELL_END.sub("\\1\n", body)


@dataclass(frozen=True, order=True)
class Output:
    """One generated file; `.md` paths are pages (front matter + HTML body), the rest as-is."""

    path: str
    content: str | bytes

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")

    def as_bytes(self) -> bytes:
        return self.content if isinstance(self.content, bytes) else self.content.encode("utf-8")


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter; every value written as JSON, which YAML reads back unchanged."""
    lines = [
        f"{key}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in meta.items()
        if value is not None
    ]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def page(
    path: str, title: str, body: str, *, description: str | None = None, **meta: Any
) -> Output:
    """A generated page. Its body is finished HTML: the plugin skips the Markdown pass for it.

    Themes print `title` and `description` into HTML without escaping, so they are escaped here.
    """
    texts = {"title": html.escape(title), "description": description and html.escape(description)}
    return Output(path, front_matter({**texts, **meta}) + with_word_breaks(body.strip()) + "\n")


def split_page(text: str) -> tuple[str, str]:
    """(front matter, body) of a generated page."""
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        return text[4:end], text[end + 5 :].lstrip("\n")
    return "", text


def page_meta(front: str) -> dict[str, Any]:
    """The meta of a generated page from its front matter: the inverse of `front_matter`."""
    meta: dict[str, Any] = {}
    # Not splitlines(): a value may hold U+2028 or U+0085, which JSON leaves as they are.
    for line in front.split("\n"):
        key, _, value = line.partition(": ")
        meta[key] = json.loads(value)
    return meta


def head_html(items: list[dict[str, str]]) -> str:
    """`<link>` and `<script>` elements from a page's `leadportal_head` meta, escaped.

    An item with `src` becomes a script, any other a link; a value equal to its name (such as
    `defer: defer`) becomes a bare boolean attribute.
    """
    tags = []
    for item in items:
        attributes = " ".join(
            key if value == key else f'{key}="{html.escape(value)}"' for key, value in item.items()
        )
        tags.append(f"<script {attributes}></script>" if "src" in item else f"<link {attributes}>")
    return "\n".join(tags)
