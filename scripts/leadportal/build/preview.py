"""The preview loop (`mkdocs serve`): a save re-renders only the pages it changes.

MkDocs rebuilds the whole site on every save. Most of that time goes into putting each page
into the theme's templates and into finding its search sections, and for a generated page
both depend only on what the page is made of: its body, meta, title and address, the
navigation as that page sees it, the theme files and mkdocs.yml. `PageMemo` keeps the
finished HTML and the search sections of the previous run under a hash of exactly those
inputs, so a page whose inputs did not change is taken from there, byte for byte what the
templates would give again, and every other page is rendered as usual.

Only pages that the generator made are memoised: a Markdown page can have inputs (snippets,
macros, other plugins' context) that this hash would not see. Each run keeps only the
entries it used, so the memo never holds more than one site's worth of pages.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from leadportal.build.search_text import Section, sections

THEME_PACKAGES = ("mkdocs", "mkdocs-material", "jinja2")


def _digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _folder_parts(folder: Path) -> Iterator[str]:
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        yield path.relative_to(folder).as_posix()
        yield hashlib.sha256(path.read_bytes()).hexdigest()


def run_fingerprint(config_file: Path, theme_dirs: Iterable[str], extra: Mapping[str, Any]) -> str:
    """What every page of a run shares: mkdocs.yml, the theme's files and versions, the
    build date and `extra` (the plugin's own context, e.g. the home page counts)."""
    parts = [config_file.read_text(encoding="utf-8") if config_file.is_file() else ""]
    parts += [f"{name}={metadata.version(name)}" for name in THEME_PACKAGES]
    parts.append(os.environ.get("SOURCE_DATE_EPOCH", ""))
    parts.append(json.dumps(extra, sort_keys=True, default=str))
    for folder in theme_dirs:
        parts.append(folder)
        # The installed theme's own files change only with its version (counted above).
        if "site-packages" not in Path(folder).parts:
            parts += _folder_parts(Path(folder))
    return _digest(parts)


def _nav_parts(items: Iterable[Any]) -> Iterator[str]:
    for item in items:
        yield f"{type(item).__name__}|{item.title}|{getattr(item, 'url', '')}|{item.active}"
        children = getattr(item, "children", None)
        if children:
            yield "("
            yield from _nav_parts(children)
            yield ")"


def _toc_parts(items: Iterable[Any]) -> Iterator[str]:
    for item in items:
        yield f"{item.level}|{item.title}|{item.url}"
        yield from _toc_parts(item.children)


def _neighbour(page: Any) -> str:
    return "" if page is None else f"{page.title}|{page.url}"


def page_key(template: str, context: Mapping[str, Any], run: str) -> str:
    """A hash of everything the theme's template reads to render this page."""
    page = context["page"]
    nav = context.get("nav")
    parts = [run, template, str(context.get("base_url", ""))]
    parts += [str(page.file.src_uri), str(page.url), str(page.title), str(page.content)]
    parts.append(json.dumps(page.meta, sort_keys=True, default=str))
    parts += [str(page.canonical_url), str(page.abs_url), str(page.edit_url)]
    parts += [_neighbour(page.previous_page), _neighbour(page.next_page), str(page.is_homepage)]
    parts += [f"{p.title}|{getattr(p, 'url', '')}" for p in page.ancestors]
    parts += list(_toc_parts(page.toc))
    parts += list(_nav_parts(nav.items if nav is not None else ()))
    return _digest(parts)


@dataclass
class PageMemo:
    """Finished pages and search sections of the previous run, for the next one."""

    pages: dict[str, str] = field(default_factory=dict)
    search: dict[str, list[Section] | None] = field(default_factory=dict)
    kept_pages: dict[str, str] = field(default_factory=dict)
    kept_search: dict[str, list[Section] | None] = field(default_factory=dict)
    run: str = ""
    rendered: int = 0  # this run: pages rendered, and pages taken from the memo
    reused: int = 0

    def start_run(self, run: str) -> None:
        """A new build: keep what the last one used, forget the rest."""
        if self.kept_pages or self.kept_search:
            self.pages, self.search = self.kept_pages, self.kept_search
        self.kept_pages, self.kept_search = {}, {}
        self.run, self.rendered, self.reused = run, 0, 0

    def page(self, key: str, render: Callable[[], str]) -> str:
        html = self.pages.get(key)
        if html is None:
            html = render()
            self.rendered += 1
        else:
            self.reused += 1
        self.kept_pages[key] = html
        return html

    def sections(self, content: str) -> list[Section] | None:
        """The page's search sections; copies, as Material's index fills in empty titles."""
        key = _digest([content])
        found = self.search[key] if key in self.search else sections(content)
        self.kept_search[key] = found
        if found is None:
            return None
        return [replace(s, title=list(s.title), text=list(s.text)) for s in found]


def memoise_template(
    template: Any, name: str, memo: PageMemo, is_ours: Callable[[Any], bool]
) -> None:
    """Make `template.render(context)` (MkDocs's only call) take our pages from `memo`.
    Jinja's own inheritance never calls `render`, so other templates are unaffected."""
    render = template.render

    def memo_render(*args: Any, **kwargs: Any) -> str:
        context = args[0] if len(args) == 1 and not kwargs else None
        page = context.get("page") if isinstance(context, Mapping) else None
        if context is None or not is_ours(page):
            return str(render(*args, **kwargs))
        return memo.page(page_key(name, context, memo.run), lambda: str(render(context)))

    template.render = memo_render


def set_aside(site_dir: Path) -> threading.Thread | None:
    """Empty `site_dir` at once for the next run, deleting its old files in the background.

    MkDocs empties the folder before each build by deleting every file, which at thousands of
    sites is a good part of a rebuild. Renaming its entries into a sibling folder takes
    moments, and the folder MkDocs then fills is as empty as its own cleaning leaves it."""
    if not site_dir.is_dir():
        return None
    try:
        aside = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        for entry in site_dir.iterdir():
            entry.rename(aside / entry.name)
    except OSError:
        return None  # MkDocs's own cleaning deletes whatever is left
    worker = threading.Thread(target=shutil.rmtree, args=(aside,), kwargs={"ignore_errors": True})
    worker.start()
    return worker
