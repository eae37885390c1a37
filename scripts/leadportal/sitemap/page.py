"""The HTML site map (/sitemap/): every page of the portal by section, from the final outputs.

It runs after every other renderer (it needs their outputs) and also reads the Markdown pages
in the docs folder, so a page that any renderer adds is listed without changes here.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from leadportal.portal.model import Portal
from leadportal.records.front_matter import MAX_PAGE_BYTES, read_page
from leadportal.records.safe_read import NotAFile, read_file
from leadportal.render.i18n import ENGLISH, state_label, t
from leadportal.render.outputs import Output, page, split_page
from leadportal.render.templating import render
from leadportal.render.urls import page_url, relative_url

SITEMAP_PAGE = "sitemap/index.md"
SITEMAP_URL = page_url(SITEMAP_PAGE)
DATA_FOLDER = "data"
HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
TITLE_LINE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)
HTML_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Link:
    title: str
    href: str


@dataclass
class Group:
    heading: str
    links: list[Link] = field(default_factory=list)


@dataclass
class Section:
    heading: str
    overview: list[Link] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)


def link(path: str, title: str) -> Link:
    if path.endswith(".md"):
        target = page_url(path)
    else:
        target = path.removesuffix("index.html") if path.endswith("/index.html") else path
    return Link(title, relative_url(SITEMAP_URL, target))


def front_matter_title(front: str) -> str | None:
    match = TITLE_LINE.search(front)
    if not match:
        return None
    raw = match.group(1)
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw.strip("'\"")
    return html.unescape(str(value))


def markdown_title(text: str, fallback: str) -> str:
    front, body = split_page(text)
    heading = HEADING.search(body)
    return front_matter_title(front) or (heading.group(1) if heading else fallback)


def page_title(file: Path, root: Path, fallback: str) -> str:
    """A hand-written page's title; the fallback when it cannot be read (the check says why)."""
    raw = read_file(file, root, MAX_PAGE_BYTES)
    if isinstance(raw, NotAFile):
        return fallback
    page = read_page(raw.decode("utf-8", "replace"), "")
    title = page.meta.get("title")
    heading = HEADING.search(page.body)
    return str(title) if title else (heading.group(1) if heading else fallback)


def is_translation(path: str, languages: Iterable[str]) -> bool:
    """`about.es.md`: a page's text in another language, shown at the page's own address."""
    stem = path.removesuffix(".md")
    return any(stem.endswith(f".{code}") for code in languages)


def text_in(file: Path, language: str) -> Path:
    """The file holding a page's text in `language` (`about.es.md`), else the page's own."""
    if language == ENGLISH:
        return file
    twin = file.with_name(f"{file.stem}.{language}.md")
    return twin if twin.is_file() else file


def docs_pages(
    docs_dir: Path,
    generated: set[str],
    root: Path,
    internal: Callable[[str], bool],
    languages: Sequence[str] = (),
    language: str = ENGLISH,
) -> list[tuple[str, str]]:
    """(path, title) of every public hand-written Markdown page, the home page first; a page
    in `language` has the title of its text in that language, when there is one."""
    pages = []
    for file in sorted(docs_dir.rglob("*.md")):
        path = file.relative_to(docs_dir).as_posix()
        if path in generated or internal(path) or not file.is_file():
            continue
        if is_translation(path, languages):
            continue
        home = t("Home")
        fallback = home if path == "index.md" else file.stem.replace("-", " ").capitalize()
        title = home if path == "index.md" else page_title(text_in(file, language), root, fallback)
        pages.append((path, title))
    return sorted(pages, key=lambda p: (p[0] != "index.md", p[1].casefold()))


def grouped(links: Iterable[tuple[str, Link]]) -> list[Group]:
    groups: dict[str, list[Link]] = defaultdict(list)
    for key, item in links:
        groups[key].append(item)
    return [
        Group(key, sorted(groups[key], key=lambda x: x.title.casefold())) for key in sorted(groups)
    ]


def record_groups(portal: Portal) -> dict[str, tuple[str, list[Group]]]:
    """Per folder: the section heading and the record pages grouped (sites by state, documents
    by kind, forms in one group)."""
    s = portal.settings
    sites = grouped(
        (
            state_label(e.site.jurisdiction.state),
            link(f"sites/{e.slug}.md", e.site.name),
        )
        for e in portal.sites
    )
    docs = grouped(
        (
            portal.label("document_kinds", d.record.kind).capitalize(),
            link(f"{s.resources_dir}/{d.slug}.md", d.record.title),
        )
        for d in portal.documents
    )
    forms = grouped(
        (t("Forms"), link(f"{s.forms_dir}/{f.slug}.md", f.record.title)) for f in portal.forms
    )
    return {
        "sites": (t("Participating sites"), sites),
        s.resources_dir: (t("Resource library"), docs),
        s.forms_dir: (t("Contact"), forms),
    }


def record_paths(portal: Portal) -> set[str]:
    s = portal.settings
    return (
        {f"sites/{e.slug}.md" for e in portal.sites}
        | {f"{s.resources_dir}/{d.slug}.md" for d in portal.documents}
        | {f"{s.forms_dir}/{f.slug}.md" for f in portal.forms}
    )


def output_title(output: Output) -> str:
    """The title of a generated page, a standalone HTML document (e.g. the map), or a file."""
    if output.is_page:
        return markdown_title(str(output.content), output.path)
    if output.path.endswith(".html"):
        text = output.content if isinstance(output.content, str) else output.content.decode()
        found = HTML_TITLE.search(text)
        if found:
            return html.unescape(found.group(1).strip())
    # A download: its path inside its folder (`hsds/services.csv`), so sub-folders stay together.
    return output.path.split("/", 1)[-1]


def is_listed(output: Output) -> bool:
    """Pages, standalone HTML documents and the open-data downloads; not scripts or styles."""
    top = output.path.split("/", 1)[0]
    return output.is_page or output.path.endswith(".html") or top == DATA_FOLDER


def sections(portal: Portal, outputs: Sequence[Output]) -> list[Section]:
    generated = {o.path for o in outputs}
    content = Section(
        t("Pages"),
        [
            link(path, title)
            for path, title in docs_pages(
                portal.settings.docs_dir,
                generated,
                portal.settings.root,
                portal.settings.is_internal,
                sorted(portal.settings.translations),
                portal.language,
            )
        ],
    )
    by_folder: dict[str, Section] = {}
    for folder, (heading, groups) in record_groups(portal).items():
        by_folder[folder] = Section(heading, groups=groups)
    records = record_paths(portal)
    extra: dict[str, list[tuple[str, Link]]] = defaultdict(list)
    for output in outputs:
        folder = output.path.split("/", 1)[0] if "/" in output.path else ""
        if (
            output.path in records
            or output.path == SITEMAP_PAGE
            or portal.settings.is_internal(output.path)
            or not is_listed(output)
        ):
            continue
        extra[folder].append((output.path, link(output.path, output_title(output))))
    for folder, found in sorted(extra.items()):
        found.sort(key=lambda item: (item[0] != f"{folder}/index.md", item[1].title.casefold()))
        links = [item for _, item in found]
        if not folder:
            content.overview.extend(links)
            continue
        heading = t("Open data") if folder == DATA_FOLDER else folder_heading(folder)
        by_folder.setdefault(folder, Section(heading)).overview.extend(links)
    return [content, *(s for s in by_folder.values() if s.overview or s.groups)]


def folder_heading(folder: str) -> str:
    """A section named after its folder (`start` -> "Start"), in the page's language."""
    return t(folder.replace("-", " ").capitalize())


def sitemap_outputs(portal: Portal, outputs: Sequence[Output]) -> Iterator[Output]:
    """The /sitemap/ page, listing the hand-written pages and every generated one."""
    yield page(
        SITEMAP_PAGE,
        t("Site map"),
        render("sitemap/sitemap.html", sections=sections(portal, outputs)),
        description=t("Every page of the portal, by section."),
    )
