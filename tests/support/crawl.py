"""Serve a built site under a sub-path on 127.0.0.1 and crawl it: every link, asset and action.

    with serve_under(site_dir, "/lead/") as base:          # http://127.0.0.1:PORT/lead/
        result = crawl(base, start=html_pages(site_dir, base), site_url="https://example.org/lead/")
    assert result.broken() == []
    assert result.missing_fragments() == []              # #anchors that name no id on the page

Only the crawled server (127.0.0.1 and its port) is fetched. Absolute links that start with
`site_url` (the sitemap, canonical links) are checked against the local copy; links to other
servers are recorded, never fetched.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

LOCAL_HOST = "127.0.0.1"
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:")
URL_ATTRIBUTES = {"href", "src", "action", "poster", "data", "formaction", "cite"}
# Attributes that make the browser load something, as opposed to links a person follows.
ASSET_TAGS = {"script", "img", "iframe", "source", "audio", "video", "embed", "object", "track"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
SITEMAP_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


@dataclass(frozen=True)
class Link:
    """One reference found in a fetched file."""

    source: str  # URL of the page or stylesheet it was found in
    tag: str
    attribute: str
    url: str  # absolute, without the fragment
    fragment: str

    @property
    def loads_asset(self) -> bool:
        return self.tag in ASSET_TAGS or (self.tag == "link" and self.attribute == "href")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.base: str | None = None
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        if tag == "base" and values.get("href"):
            self.base = values["href"]
        for name, value in values.items():
            if name in URL_ATTRIBUTES and value.strip():
                self.refs.append((tag, name, value.strip()))
            elif name in {"srcset", "imagesrcset"}:
                for candidate in value.split(","):
                    if candidate.strip():
                        self.refs.append((tag, name, candidate.split()[0]))
            elif name == "style":
                self.refs += [(tag, "style", url) for url in css_urls(value)]
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").partition("url=")[2].strip()
            if target:
                self.refs.append((tag, "content", target))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.refs += [("style", "css", url) for url in css_urls(data)]


def css_urls(css: str) -> list[str]:
    return [m.group(2) or m.group(4) for m in CSS_URL.finditer(css)]


@dataclass
class CrawlResult:
    status: dict[str, int] = field(default_factory=dict)  # every local URL fetched
    links: list[Link] = field(default_factory=list)
    ids: dict[str, set[str]] = field(default_factory=dict)  # HTML page URL -> its ids
    pages: list[str] = field(default_factory=list)

    def broken(self) -> list[str]:
        """One line per reference to a local URL that did not answer 200."""
        return sorted(
            {
                f"{link.source}: <{link.tag} {link.attribute}> {link.url} -> {status}"
                for link in self.links
                if (status := self.status.get(link.url, 200)) != 200
            }
        )

    def missing_fragments(self) -> list[str]:
        """References to `page#id` where the page has no element with that id."""
        return sorted(
            {
                f"{link.source}: {link.url}#{link.fragment}"
                for link in self.links
                if link.fragment
                and link.url in self.ids
                and unquote(link.fragment) not in self.ids[link.url]
            }
        )

    def external(self, *, assets_only: bool = False) -> list[Link]:
        """References to other servers (assets only: what a browser would load by itself)."""
        return [
            link
            for link in self.links
            if link.url not in self.status and (link.loads_asset or not assets_only)
        ]


def resolve(reference: str, source: str, base: str, site_url: str | None) -> tuple[str, str] | None:
    """(absolute URL, fragment) of a reference, or None for schemes that are not fetched."""
    if reference.lower().startswith(SKIPPED_SCHEMES):
        return None
    absolute = urljoin(source, reference)
    if site_url and absolute.startswith(site_url):
        absolute = base + absolute[len(site_url) :]
    url, fragment = urldefrag(absolute)
    return url, fragment


def is_served(url: str, base: str) -> bool:
    """Whether `url` belongs to the server being crawled (same host and port)."""
    return urlsplit(url).netloc == urlsplit(base).netloc


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""
    except urllib.error.URLError:
        return 0, "", b""


def crawl(base: str, start: Iterable[str], site_url: str | None = None) -> CrawlResult:
    """Fetch `start` and everything local they reference, breadth first."""
    result = CrawlResult()
    queue = list(dict.fromkeys(start))
    seen = set(queue)
    while queue:
        url = queue.pop(0)
        status, content_type, body = fetch(url)
        result.status[url] = status
        found = _references(url, content_type, body, result)
        for tag, attribute, reference in found:
            resolved = resolve(reference, url, base, site_url)
            if resolved is None:
                continue
            link = Link(url, tag, attribute, *resolved)
            result.links.append(link)
            if is_served(link.url, base) and link.url not in seen:
                seen.add(link.url)
                queue.append(link.url)
    return result


def _references(
    url: str, content_type: str, body: bytes, result: CrawlResult
) -> list[tuple[str, str, str]]:
    text = body.decode("utf-8", errors="replace")
    if content_type == "text/html":
        extractor = _Extractor()
        extractor.feed(text)
        result.pages.append(url)
        result.ids[url] = extractor.ids
        return extractor.refs
    if content_type == "text/css":
        return [("css", "url", ref) for ref in css_urls(text)]
    if url.endswith("sitemap.xml"):
        return [("sitemap", "loc", loc) for loc in SITEMAP_LOC.findall(text)]
    return []


def html_pages(site_dir: Path, base: str) -> list[str]:
    """The URL of every HTML file of a built site (directory URLs for index.html)."""
    urls = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        urls.append(
            base + (relative[: -len("index.html")] if path.name == "index.html" else relative)
        )
    return urls


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder under `prefix` only; everything else, and bare folders, answer 404."""

    prefix = "/"
    extensions_map = {  # noqa: RUF012 (the base class declares it as a plain class attribute)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".yml": "text/yaml",
    }

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if not clean.startswith(self.prefix):
            return "/nonexistent/outside-the-prefix"
        return super().translate_path("/" + clean[len(self.prefix) :])

    def list_directory(self, path: str | Path) -> None:
        self.send_error(404, "no index.html here")
        return None

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_under(folder: Path, prefix: str = "/lead/") -> Iterator[str]:
    """Serve `folder` at http://127.0.0.1:PORT<prefix>; yields that base URL."""
    handler_class = type("Handler", (_SubPathHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
