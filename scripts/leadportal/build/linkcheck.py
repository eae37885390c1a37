"""Check every link of a built site: href, src and form actions in all HTML (raw HTML too),
`#fragment` targets, and every sitemap.xml entry. No network: other hosts are only counted.

A link to the portal's own address (site_url) is checked as a link inside the site.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from leadportal.records.problems import visible

URL_ATTRIBUTES = {"href", "src", "action", "poster", "data", "formaction"}
IGNORED_SCHEMES = {"mailto", "tel", "sms", "geo"}
UNSAFE_SCHEMES = {"javascript", "vbscript", "data", "file"}
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass(frozen=True, order=True)
class Broken:
    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return visible(f"{self.page}: {self.link} ({self.reason})")


@dataclass
class Report:
    pages: int = 0
    checked: int = 0
    external: set[str] = field(default_factory=set)
    broken: list[Broken] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.pages} pages, {self.checked} links checked, "
            f"{len(self.external)} external addresses not fetched, {len(self.broken)} broken"
        )


@dataclass(frozen=True)
class PageLinks:
    ids: frozenset[str]
    links: tuple[str, ...]


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in URL_ATTRIBUTES and (name != "data" or tag == "object"):
                self.links.append(value.strip())
            elif name == "srcset":
                self.links += [c.split()[0] for c in value.split(",") if c.strip()]


def parse_page(html: str) -> PageLinks:
    parser = _LinkParser()
    parser.feed(html)
    parser.close()
    return PageLinks(frozenset(parser.ids), tuple(parser.links))


def site_prefix(site_url: str) -> str:
    """`https://example.org/lead/` -> `/lead/`; no site_url -> `/`."""
    path = urlsplit(site_url).path if site_url else "/"
    return path if path.endswith("/") else path + "/"


def target_path(link: str, page_path: str, site_url: str) -> tuple[str | None, str, str]:
    """(file path in the site or None when not ours, fragment, reason when unusable)."""
    compact = re.sub(r"[\x00-\x20\x7f]", "", link)
    scheme = SCHEME.match(compact)
    if site_url and link.startswith(site_url):
        link = site_prefix(site_url) + link[len(site_url) :].lstrip("/")
    elif scheme:
        name = scheme.group(1).lower()
        if name == "data" and compact[5:].lower().startswith("image/"):
            return None, "", ""  # an inline picture: nothing to follow, nothing runs
        if name in UNSAFE_SCHEMES:
            return None, "", f"{name}: address"
        return None, "", "" if name in IGNORED_SCHEMES | {"http", "https"} else f"{name}: address"
    elif link.startswith("//"):
        return None, "", ""
    parts = urlsplit(link)
    path = unquote(parts.path)
    if path.startswith("/"):
        prefix = site_prefix(site_url)
        if not (path + "/").startswith(prefix):
            return None, parts.fragment, f"outside the site's path {prefix}"
        resolved = path[len(prefix) :]
    else:
        resolved = posixpath.join(posixpath.dirname(page_path), path) if path else page_path
    normal = posixpath.normpath(resolved) if resolved else "."
    if normal.startswith("../") or normal == "..":
        return None, parts.fragment, "leads out of the site"
    if resolved.endswith("/") or normal == ".":
        normal = posixpath.join(normal, "index.html")
    return normal.removeprefix("./"), unquote(parts.fragment), ""


def is_external(link: str, site_url: str) -> bool:
    if site_url and link.startswith(site_url):
        return False
    return link.lower().startswith(("http://", "https://", "//"))


class Site:
    """A built site folder; pages are parsed once, when first needed."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def exists(self, path: str) -> bool:
        return (self.root / path).is_file()

    def is_dir(self, path: str) -> bool:
        return (self.root / path).is_dir()

    @cache  # noqa: B019 - one Site per check, dropped with it
    def page(self, path: str) -> PageLinks:
        return parse_page((self.root / path).read_text(encoding="utf-8", errors="replace"))


def check_link(site: Site, page: str, link: str, site_url: str) -> str:
    """Why `link` on `page` is broken, or '' when it is fine."""
    path, fragment, reason = target_path(link, page, site_url)
    if reason or path is None:
        return reason
    if not site.exists(path):
        if site.is_dir(path) and site.exists(path + "/index.html"):
            return ""
        return "no such file"
    if fragment and path.endswith(".html") and fragment not in site.page(path).ids:
        return f"no element with id '{fragment}'"
    return ""


def html_pages(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def check_pages(site: Site, pages: Iterable[str], site_url: str, report: Report) -> None:
    for page in pages:
        report.pages += 1
        for link in site.page(page).links:
            if not link:
                report.broken.append(Broken(page, '""', "empty address"))
                continue
            if is_external(link, site_url):
                report.external.add(link)
                continue
            report.checked += 1
            reason = check_link(site, page, link, site_url)
            if reason:
                report.broken.append(Broken(page, link, reason))


def sitemap_entries(root: Path) -> list[str]:
    sitemap = root / "sitemap.xml"
    if not sitemap.is_file():
        return []
    return re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap.read_text(encoding="utf-8"))


def check_sitemap(site: Site, site_url: str, report: Report) -> None:
    for entry in sitemap_entries(site.root):
        report.checked += 1
        if not site_url or not entry.startswith(site_url):
            report.broken.append(Broken("sitemap.xml", entry, f"not below site_url {site_url}"))
            continue
        reason = check_link(site, "index.html", entry, site_url)
        if reason:
            report.broken.append(Broken("sitemap.xml", entry, reason))


def check_site(root: Path, site_url: str = "") -> Report:
    """Every link of the built site in `root`; `site_url` as in mkdocs.yml."""
    site = Site(root)
    report = Report()
    check_pages(site, html_pages(root), site_url, report)
    check_sitemap(site, site_url, report)
    report.broken.sort()
    return report


def report_lines(report: Report) -> Iterator[str]:
    yield from (str(b) for b in report.broken)
    yield report.summary()
