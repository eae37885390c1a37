"""The resource library's pages: the faceted list, a page per document and per topic."""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

from markupsafe import Markup

from leadportal.library import catalog as library
from leadportal.library.atom import feed
from leadportal.library.catalog import Entry
from leadportal.portal.links import sites_of
from leadportal.portal.model import Portal
from leadportal.render.dates import human_date, iso_date
from leadportal.render.facets import Facet, Option, facet_counts
from leadportal.render.i18n import ENGLISH, ENGLISH_NAMES, t
from leadportal.render.outputs import Output, page
from leadportal.render.shared_assets import filters_script, filters_style
from leadportal.render.templating import render
from leadportal.render.urls import link_to_shared, page_url, relative_url

ASSETS = "assets/leadportal"
STYLE = f"{ASSETS}/library.css"
SCRIPT = f"{ASSETS}/library.js"
SEARCH_BOOST = 3  # documents rank above ordinary pages that use the same words
FACET_LEGENDS = {
    "kind": "Kind of document",
    "topic": "Topic",
    "audience": "Written for",
    "stage": "Helps sites that are",
    "printable": "Printing",
}


@dataclass(frozen=True)
class Topic:
    name: str  # the vocabulary value (filters and addresses keep it)
    url: str
    count: int
    label: str = ""  # as the pages show it; the name itself in English

    @property
    def shown(self) -> str:
        return self.label or self.name


def library_pages(portal: Portal) -> Iterator[Output]:
    """Every page and file of the library: index, documents, topics, feed, script and style."""
    items = library.entries(portal)
    topics = topic_list(items, portal)
    yield library_index(items, topics, portal)
    index = library.topic_index(items)
    for entry in items:
        yield document_page(entry, index, topics, portal)
    for topic in topics:
        yield topic_page(topic, items, topics, portal)
    if portal.language == ENGLISH:  # one feed, in English: other languages' pages link it
        yield Output(feed_path(portal), feed(items, portal.settings))
    for path in (STYLE, SCRIPT):
        name = path.rsplit("/", 1)[1]
        yield Output(
            path, resources.files("leadportal.library").joinpath("assets", name).read_text()
        )


def feed_path(portal: Portal) -> str:
    return f"{portal.settings.resources_dir}/feed.xml"


def feed_href(here: str, portal: Portal) -> str:
    """The link to the library's feed (the English build writes the only one)."""
    return link_to_shared(here, feed_path(portal), portal.language)


def head(here: str, *, feed: str = "", script: bool = False) -> list[dict[str, str]]:
    """Elements for the page's <head> (see outputs.head_html), with relative URLs; `feed` is
    the link to the library's feed, for the page that announces it."""
    items = [filters_style(here)] if script else []  # only the index has the filter form
    items.append({"rel": "stylesheet", "href": relative_url(here, STYLE)})
    if feed:
        items.append(
            {
                # Not rel="alternate" alone: Material takes every such link for another
                # language's version and fetches a sitemap.xml beside it.
                "rel": "alternate feed",
                "type": "application/atom+xml",
                "title": t("New documents in the resource library"),
                "href": feed,
            }
        )
    if script:
        items += [filters_script(here), {"src": relative_url(here, SCRIPT), "defer": "defer"}]
    return items


def library_index(items: list[Entry], topics: list[Topic], portal: Portal) -> Output:
    path = f"{portal.settings.resources_dir}/index.md"
    here = page_url(path)
    body = render(
        "library/index.html",
        **helpers(here, portal),
        entries=items,
        listed=library.newest_first(items),
        recent=library.recent(items),
        topics=topics,
        facets=facets(items, portal),
        feed_url=feed_href(here, portal),
        feed_words=text_only(t("library's Atom feed")),
    )
    return page(
        path,
        t("Resource library"),
        body,
        description=t(
            "Toolkits, guides, evaluations and reports about LEAD®, to read or download."
        ),
        leadportal_head=head(here, feed=feed_href(here, portal), script=True),
    )


def document_page(
    entry: Entry, index: dict[str, list[Entry]], topics: list[Topic], portal: Portal
) -> Output:
    path = f"{portal.settings.resources_dir}/{entry.slug}.md"
    here = page_url(path)
    doc = entry.doc
    by_name = {topic.name: topic for topic in topics}
    body = render(
        "library/document.html",
        **helpers(here, portal),
        entry=entry,
        doc=doc,
        topics=[by_name[topic] for topic in doc.topics],
        stage_labels=[portal.stage_label(s).lower() for s in doc.stages],
        file_url=link_to_shared(here, entry.file.url, portal.language) if entry.file else "",
        in_other_language=doc.language != portal.language and portal.language != ENGLISH,
        related=library.related(entry, index),
        sites=sites_of(portal, doc),
        host=urlsplit(doc.url).hostname if doc.url else "",
        language=t(ENGLISH_NAMES[doc.language]) if doc.language in ENGLISH_NAMES else doc.language,
        permalink=absolute(portal, entry.url),
        library_url=page_url(f"{portal.settings.resources_dir}/index.md"),
    )
    return page(
        path,
        doc.title,
        body,
        description=f"{kind_label(doc.kind, portal).capitalize()}, {human_date(doc.published)}"
        + (f", {doc.publisher}" if doc.publisher else ""),
        search={"boost": SEARCH_BOOST},
        leadportal_head=head(here),
    )


def topic_page(topic: Topic, items: list[Entry], topics: list[Topic], portal: Portal) -> Output:
    path = topic.url.removesuffix("/") + ".md"
    here = topic.url
    listed = library.newest_first([e for e in items if topic.name in e.doc.topics])
    body = render(
        "library/topic.html",
        **helpers(here, portal),
        topic=topic.shown,
        entries=listed,
        others=[t for t in topics if t != topic],
        library_url=page_url(f"{portal.settings.resources_dir}/index.md"),
    )
    return page(
        path,
        t("Topic: {topic}", topic=topic.shown),
        body,
        description=t("Documents in the LEAD® resource library on {topic}.", topic=topic.shown),
        leadportal_head=head(here),
    )


def helpers(here: str, portal: Portal) -> dict[str, object]:
    return {
        "here": here,
        "iso_date": iso_date,
        "human_date": human_date,
        "date_key": library.date_key,
        "kind_label": lambda kind: kind_label(kind, portal),
        "labels_of": lambda vocabulary, values: ", ".join(
            portal.label(vocabulary, value) for value in values
        ),
    }


def text_only(words: str) -> Markup:
    """Words for a text node, escaped as the templates' own text was (an apostrophe stays)."""
    return Markup(html.escape(words, quote=False))


def kind_label(kind: str, portal: Portal) -> str:
    return portal.label("document_kinds", kind)


def topic_list(items: Sequence[Entry], portal: Portal) -> list[Topic]:
    """Topics that have documents, in vocabulary order, with their page URL."""
    folder = portal.settings.resources_dir
    topics = []
    for name in portal.settings.vocabulary("topics"):
        count = sum(name in e.doc.topics for e in items)
        if count:
            url = f"{folder}/topics/{library.topic_slug(name)}/"
            topics.append(Topic(name, url, count, portal.label("topics", name)))
    return topics


def facets(items: Sequence[Entry], portal: Portal) -> list[Facet]:
    """The filter form's choices: values some document has, in vocabulary order, with counts."""
    counts = facet_counts([(e.facets, e.text) for e in items], {})
    settings = portal.settings
    orders = {
        "kind": settings.vocabulary("document_kinds"),
        "topic": settings.vocabulary("topics"),
        "audience": settings.vocabulary("audiences"),
        "stage": settings.vocabulary("stages"),
        "printable": ("printable",),
    }
    labels = {
        "kind": lambda v: portal.label("document_kinds", v).capitalize(),
        "topic": lambda v: portal.label("topics", v).capitalize(),
        "audience": lambda v: portal.label("audiences", v).capitalize(),
        "stage": portal.stage_label,
        "printable": printable_label,
    }
    result = []
    for name, order in orders.items():
        options = tuple(
            Option(value, labels[name](value), counts[name][value])
            for value in order
            if counts[name].get(value)
        )
        if options:
            result.append(Facet(name, t(FACET_LEGENDS[name]), options))
    return result


def printable_label(_value: str) -> str:
    return t("Made for printing")


def absolute(portal: Portal, url: str) -> str:
    """`url` (relative to the site root) under site_url, or as a root path without one."""
    base = portal.settings.site_url
    return (base.rstrip("/") + "/" + url) if base else "/" + url
