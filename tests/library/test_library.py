"""The library model: dates, sizes, ordering, related documents (pure functions)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

from library_fixture import fixture_entries

from leadportal.build.generate import generate
from leadportal.library.atom import ATOM as ATOM_NS
from leadportal.library.atom import atom_date, entry_id, link_to
from leadportal.library.catalog import (
    Entry,
    FileInfo,
    newest_first,
    recent,
    related,
    size_label,
    topic_index,
    topic_slug,
)
from leadportal.records.settings import Settings
from leadportal.render.dates import human_date, iso_date

ATOM = "{" + ATOM_NS + "}"


def test_partial_dates_read_naturally_and_sort_as_their_first_day() -> None:
    assert human_date("2017") == "2017"
    assert human_date("2023-07") == "July 2023"
    assert human_date("2016-03-05") == "March 5, 2016"
    assert iso_date("2023-07") == "2023-07-01"
    assert atom_date("2017") == "2017-01-01T00:00:00Z"
    assert atom_date("2016-03-31") == "2016-03-31T00:00:00Z"


def test_sizes_are_stated_the_way_readers_expect() -> None:
    assert size_label(19) == "19 bytes"
    assert size_label(15_000) == "15 KB"
    assert size_label(3 * 1024 * 1024 + 200_000) == "3.2 MB"


def test_topic_slugs_are_web_addresses() -> None:
    assert topic_slug("harm reduction") == "harm-reduction"
    assert topic_slug("Law & order") == "law-order"


def by_slug() -> dict[str, Entry]:
    return {e.slug: e for e in fixture_entries()}


def test_newest_first_uses_the_later_of_published_and_updated() -> None:
    order = [e.slug for e in newest_first(fixture_entries())]
    # systems-brief: published 2024-02-10, updated 2025-01; the toolkit: 2023.
    assert order == [
        "systems-brief",
        "community-toolkit",
        "quotes-and-script-report",
        "no-topic-guide",
    ]
    assert [e.slug for e in recent(fixture_entries(), 2)] == ["systems-brief", "community-toolkit"]


def test_same_dates_are_ordered_by_slug_whatever_the_input_order() -> None:
    entries = [
        replace(e, doc=e.doc.model_copy(update={"published": "2020", "updated": None}))
        for e in fixture_entries()
    ]
    expected = sorted(e.slug for e in entries)
    assert [e.slug for e in newest_first(entries)] == expected
    assert [e.slug for e in newest_first(entries[::-1])] == expected


def test_related_documents_rank_by_shared_topics_then_slug() -> None:
    entries = by_slug()
    toolkit = entries["community-toolkit"]  # implementation, harm reduction
    index = topic_index(list(entries.values()))
    ranked = related(toolkit, index)
    # one shared topic each: ties by slug; the document without topics is never related
    assert [e.slug for e in ranked] == ["quotes-and-script-report", "systems-brief"]
    brief = entries["systems-brief"]  # systems change, implementation, evaluation
    assert [e.slug for e in related(brief, index)] == [
        "community-toolkit",
        "quotes-and-script-report",
    ]
    assert related(entries["no-topic-guide"], index) == []


def test_feed_entry_ids_depend_on_the_slug_only() -> None:
    assert entry_id("community-toolkit") == entry_id("community-toolkit")
    assert entry_id("community-toolkit") != entry_id("systems-brief")
    assert entry_id("community-toolkit").startswith("urn:uuid:")


def test_files_are_measured_and_named_by_type() -> None:
    entries = by_slug()
    toolkit_file = entries["community-toolkit"].file
    assert toolkit_file is not None
    assert (toolkit_file.path, toolkit_file.format, toolkit_file.size) == (
        "resources/files/toolkit.pdf",
        "PDF",
        19,
    )
    notes = entries["no-topic-guide"].file
    assert notes is not None and notes.format == "Word document"
    assert entries["systems-brief"].file is None


def test_a_portal_without_documents_still_has_a_library_and_a_valid_feed(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    settings = Settings(root=tmp_path, docs_dir=tmp_path / "docs", site_url="https://x.org/")
    result = generate(settings)
    assert result.ok
    outputs = {o.path: str(o.content) for o in result.outputs}
    assert "There are 0 documents." in outputs["resources/index.md"]
    assert not any(path.startswith("resources/topics/") for path in outputs)
    feed = ET.fromstring(outputs["resources/feed.xml"])
    assert feed.findtext(f"{ATOM}updated") == "1970-01-01T00:00:00Z"
    assert feed.findall(f"{ATOM}entry") == []


def test_file_links_survive_unusual_file_names() -> None:
    info = FileInfo("resources/files/notes #2 (draft)?.pdf", "PDF", 10)
    assert info.url == "resources/files/notes%20%232%20%28draft%29%3F.pdf"


def test_feed_links_without_site_url_are_relative_to_the_feed(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path, docs_dir=tmp_path / "docs")
    assert link_to(settings, "resources/toolkit/") == "toolkit/"
    assert link_to(settings, "resources/feed.xml") == "feed.xml"
    with_url = Settings(root=tmp_path, docs_dir=tmp_path / "docs", site_url="https://x.org/a/")
    assert link_to(with_url, "resources/toolkit/") == "https://x.org/a/resources/toolkit/"
