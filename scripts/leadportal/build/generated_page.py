"""A page whose title, meta and HTML body come from the generator instead of Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from leadportal.build.search_text import Section, sections

ANCHOR_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")


class GeneratedPage(Page):
    """MkDocs reads a page's front matter with YAML and renders its Markdown; a generated page
    has its meta already and a finished body, so both steps (about 0.2 ms a page) are skipped.
    Plugins still see it in `on_page_context` and later events, as the search plugin needs.
    Setting `File.page` before the navigation is built is how MkDocs lets a plugin do this."""

    def __init__(
        self,
        title: str | None,
        file: File,
        config: MkDocsConfig,
        meta: dict[str, Any],
        body: str,
    ) -> None:
        super().__init__(title, file, config)
        self.generated_meta = meta
        self.body = body

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = meta_without_toc(self.generated_meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.body
        self.toc = get_toc([])
        # So that MkDocs checks a Markdown link to `data/index.md#hsds` as for any page.
        self.present_anchor_ids = {a or b for a, b in ANCHOR_ID.findall(self.body)}


def meta_without_toc(meta: dict[str, Any]) -> dict[str, Any]:
    """A generated page's table of contents is always empty (`render` gives it none); the
    theme would still keep a column for it that squeezes the page's tables, so every
    generated page asks the theme to hide it (Material's `hide: [toc]`)."""
    hidden = [item for item in meta.get("hide") or [] if item != "toc"]
    return {**meta, "hide": [*hidden, "toc"]}


def nav_titles(nav: Any) -> dict[str, str]:
    """`{path: title}` for each `Title: path` entry of mkdocs.yml's `nav`, at any depth.
    MkDocs keeps a page that exists before it builds the navigation, so a generated page
    takes the title `nav` gives it ("Sites: sites/index.md") from here."""
    titles: dict[str, str] = {}
    items = nav if isinstance(nav, list) else []
    for item in items:
        if not isinstance(item, dict):
            continue
        for title, value in item.items():
            if isinstance(value, str):
                titles[value] = str(title)
            else:
                titles.update(nav_titles(value))
    return titles


SectionFinder = Callable[[str], "list[Section] | None"]


def index_generated_pages_quickly(config: MkDocsConfig, find: SectionFinder = sections) -> None:
    """Material's search re-parses every page's HTML; a generated page takes
    `search_text.sections` instead, which finds the same sections in less than half the time.
    Without Material's search index (another theme or version), nothing changes."""
    index: Any = None
    for plugin in config.plugins.values():
        candidate = getattr(plugin, "search_index", None)
        if hasattr(candidate, "add_entry_from_context") and hasattr(
            candidate, "create_entry_for_section"
        ):
            index = candidate
            break
    if index is None:
        return
    parse = index.add_entry_from_context

    def add_entry_from_context(page: Page) -> None:
        found = None
        if isinstance(page, GeneratedPage) and not (page.meta.get("search") or {}).get("exclude"):
            found = find(page.content or "")
        if found is None:
            parse(page)
            return
        for section in found:
            if not section.excluded:
                index.create_entry_for_section(section, page.toc, page.url, page)

    index.add_entry_from_context = add_entry_from_context
