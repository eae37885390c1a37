"""The resource library's model: one entry per public document, with what its pages show."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote

from leadportal.portal.model import Portal
from leadportal.records.file_checks import document_file
from leadportal.records.loaded import Loaded
from leadportal.records.models import Document
from leadportal.render.dates import iso_date
from leadportal.render.i18n import t

# Extension -> how the file type is named for readers.
FILE_FORMATS = {
    "pdf": "PDF",
    "doc": "Word document",
    "docx": "Word document",
    "xls": "Excel spreadsheet",
    "xlsx": "Excel spreadsheet",
    "ppt": "PowerPoint presentation",
    "pptx": "PowerPoint presentation",
    "odt": "OpenDocument text",
    "ods": "OpenDocument spreadsheet",
    "odp": "OpenDocument presentation",
    "png": "PNG image",
    "jpg": "JPEG image",
    "jpeg": "JPEG image",
    "gif": "GIF image",
    "webp": "WebP image",
    "mp4": "MP4 video",
    "webm": "WebM video",
}
RECENT_COUNT = 5
RELATED_COUNT = 5


@dataclass(frozen=True)
class FileInfo:
    path: str  # relative to the site root, e.g. "resources/files/toolkit.pdf"
    format: str
    size: int

    @property
    def size_label(self) -> str:
        return size_label(self.size)

    @property
    def format_label(self) -> str:
        """The file type in the language being built ("Word document": "documento de Word")."""
        return t(self.format)

    @property
    def url(self) -> str:
        """The path as a URL: spaces, `#` and `?` in file names must not break the link."""
        return quote(self.path)


@dataclass(frozen=True)
class Entry:
    slug: str
    doc: Document
    url: str  # relative to the site root, e.g. "resources/toolkit/"
    file: FileInfo | None
    # More words for the text filter: the kind and topics as a page in another language
    # shows them (English pages need none: their labels are the values).
    labels: tuple[str, ...] = ()

    @property
    def latest(self) -> str:
        """The newer of `published` and `updated`, as a partial date."""
        return max(self.doc.published, self.doc.updated or "", key=date_key)

    @property
    def facets(self) -> dict[str, list[str]]:
        return {
            "kind": [self.doc.kind],
            "topic": list(self.doc.topics),
            "audience": list(self.doc.audience),
            "stage": list(self.doc.stages),
            "printable": ["printable"] if self.doc.printable else [],
        }

    @property
    def text(self) -> str:
        """What the text filter searches: title, topics, summary, publisher, authors."""
        d = self.doc
        parts = [d.title, d.kind, *d.topics, d.summary, d.publisher or "", *d.authors]
        parts += self.labels
        return " ".join(" ".join(parts).split())


def file_info(loaded: Loaded[Document], portal: Portal) -> FileInfo | None:
    target = document_file(loaded, portal.settings)
    if target is None:
        return None
    path = target.relative_to(portal.settings.docs_dir.resolve()).as_posix()
    extension = target.suffix.lower().lstrip(".")
    return FileInfo(path, FILE_FORMATS.get(extension, extension.upper()), target.stat().st_size)


def entries(portal: Portal) -> list[Entry]:
    """Every public document, sorted by slug; file sizes are measured now, at build time."""
    folder = portal.settings.resources_dir
    return [
        Entry(d.slug, d.record, f"{folder}/{d.slug}/", file_info(d, portal), labels(d, portal))
        for d in portal.documents
    ]


def labels(loaded: Loaded[Document], portal: Portal) -> tuple[str, ...]:
    """The document's kind and topics in the portal's language, when that is not English."""
    if portal.language == "en":
        return ()
    doc = loaded.record
    kind = portal.label("document_kinds", doc.kind)
    return (kind, *(portal.label("topics", topic) for topic in doc.topics))


def newest_first(items: list[Entry]) -> list[Entry]:
    """By latest date, newest first; the same date by slug."""
    by_slug = sorted(items, key=lambda e: e.slug)
    return sorted(by_slug, key=lambda e: date_key(e.latest), reverse=True)


def recent(items: list[Entry], count: int = RECENT_COUNT) -> list[Entry]:
    return newest_first(items)[:count]


def topic_index(items: list[Entry]) -> dict[str, list[Entry]]:
    """topic -> the entries that have it (built once: related() would be quadratic without)."""
    index: dict[str, list[Entry]] = {}
    for entry in items:
        for topic in entry.doc.topics:
            index.setdefault(topic, []).append(entry)
    return index


def related(entry: Entry, index: dict[str, list[Entry]], count: int = RELATED_COUNT) -> list[Entry]:
    """Documents sharing topics with `entry`: most shared topics first, then by slug."""
    shared: Counter[str] = Counter()
    by_slug: dict[str, Entry] = {}
    for topic in set(entry.doc.topics):
        for other in index.get(topic, ()):
            if other.slug != entry.slug:
                shared[other.slug] += 1
                by_slug[other.slug] = other
    ranked = sorted(shared, key=lambda slug: (-shared[slug], slug))
    return [by_slug[slug] for slug in ranked[:count]]


def topic_slug(topic: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")


def date_key(partial: str) -> str:
    """A sortable key for a year, year-month or date: missing parts sort first."""
    return iso_date(partial) if partial else ""


def size_label(size: int) -> str:
    """Bytes as readers expect them: `900 bytes`, `12 KB`, `1.4 MB` (in Spanish `1,4 MB`)."""
    if size < 1024:
        return t("{count} bytes", count=size) if size != 1 else t("1 byte")
    if size < 1024 * 1024:
        return t("{count} KB", count=round(size / 1024))
    units, tenths = f"{size / (1024 * 1024):.1f}".split(".")
    return t("{units}.{tenths} MB", units=units, tenths=tenths)
