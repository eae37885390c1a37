"""The hostile-input corpus (tests/support/hostile/): each case gives its exact problem lines, or
builds and shows its payloads as inert text; no case is slow or memory-hungry."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile_cases import (
    Case,
    Cost,
    corpus_files,
    inert_cases,
    load_cases,
    measured,
    portal_with,
    process_peak_bytes,
)
from site_files import html_files

from leadportal.build.generate import generate
from leadportal.build.linkcheck import check_site
from leadportal.places.place_cache import place_files
from leadportal.records.loader import load_records
from leadportal.render.safe_markdown import is_local_url

CASES = load_cases()
PROBLEM_CASES = [case for case in CASES if not case.inert]
INERT_CASES = inert_cases()
# Bounds against blow-ups (alias bombs, quadratic scans), not performance claims.
MAX_SECONDS = 5.0
MAX_BYTES = 300_000_000
SITE_URL = "https://example.org/hostile/"
# Elements no record may bring into the page content.
ACTIVE_TAGS = {"script", "iframe", "frame", "object", "embed", "svg", "style", "link", "meta"}


def ids(cases: list[Case]) -> list[str]:
    return [case.path for case in cases]


def assert_bounded(cost: Cost) -> None:
    assert cost.seconds < MAX_SECONDS, f"took {cost.seconds:.1f} s"
    assert cost.peak_bytes < MAX_BYTES, f"allocated {cost.peak_bytes / 1e6:.0f} MB"
    assert process_peak_bytes() < 4 * MAX_BYTES


def test_corpus_has_forty_files_each_with_one_expectation() -> None:
    files = corpus_files()
    assert len(files) >= 40
    assert {case.path for case in CASES if not case.generated} == files
    for case in CASES:
        assert [bool(case.problems), bool(case.page), bool(case.unlisted)].count(True) == 1, case


def test_corpus_covers_every_record_kind_both_ways() -> None:
    for folder in ("sites/", "docs/resources/", "docs/contact/"):
        assert any(c.path.startswith(folder) for c in PROBLEM_CASES), folder
        assert any(c.path.startswith(folder) and c.page for c in INERT_CASES), folder
        assert any(c.path.startswith(folder) and c.unlisted for c in INERT_CASES), folder


@pytest.mark.parametrize("case", PROBLEM_CASES, ids=ids(PROBLEM_CASES))
def test_case_gives_its_exact_problem_lines(case: Case, tmp_path: Path) -> None:
    settings = portal_with([case], tmp_path)
    records, cost = measured(lambda: load_records(settings))
    assert [str(p) for p in records.problems] == list(case.problems)
    assert_bounded(cost)


@pytest.fixture(scope="module")
def place_tables_cached() -> None:
    """The near-me place tables are a fixed cost of the first build of a run, not of a record:
    fill this run's cache before any case is measured."""
    place_files()


@pytest.mark.parametrize("case", INERT_CASES, ids=ids(INERT_CASES))
@pytest.mark.usefixtures("place_tables_cached")
def test_inert_case_generates_without_problem(case: Case, tmp_path: Path) -> None:
    settings = portal_with([case], tmp_path)
    result, cost = measured(lambda: generate(settings))
    assert [str(p) for p in result.problems] == []
    assert_bounded(cost)


class _Reader(HTMLParser):
    """The text a reader sees, and every element with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None], bool]] = []
        self.skip = 0
        self.content_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "article" and "md-content__inner" in (attributes.get("class") or ""):
            self.content_depth = 1
        elif self.content_depth and tag == "article":
            self.content_depth += 1
        self.elements.append((tag, attributes, self.content_depth > 0))
        self.skip += tag in {"script", "style"}

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in {"script", "style"} and self.skip > 0
        if tag == "article" and self.content_depth:
            self.content_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)


def read(file: Path) -> _Reader:
    reader = _Reader()
    reader.feed(file.read_text(encoding="utf-8"))
    return reader


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "case", [c for c in INERT_CASES if c.page], ids=ids([c for c in INERT_CASES if c.page])
)
def test_payloads_are_shown_as_text(case: Case, hostile_site: Path) -> None:
    page = hostile_site / case.page / "index.html"
    shown = squeeze("".join(read(page).text))
    markup = page.read_text(encoding="utf-8")
    for text in case.text:
        assert squeeze(text) in shown, text
        if "<" in text:
            assert text not in markup, f"raw in the markup: {text}"


def is_packaged_asset(page: Path, tag: str, attributes: dict[str, str | None], site: Path) -> bool:
    """The generator's own script or stylesheet: a local file under the site's assets/.

    A record cannot put a file there, so such an element cannot come from a payload.
    """
    if tag == "iframe":
        return is_sites_map_frame(page, attributes, site)
    url = attributes.get("src") if tag == "script" else attributes.get("href")
    if tag not in {"script", "link"} or not url or not is_local_url(url):
        return False
    if tag == "link" and attributes.get("rel") != "stylesheet":
        return False
    target = (page.parent / url.split("?")[0]).resolve()
    return target.is_file() and target.is_relative_to((site / "assets").resolve())


def is_sites_map_frame(page: Path, attributes: dict[str, str | None], site: Path) -> bool:
    """The map document that /sites/ embeds (site_directory), where the build made one."""
    return (
        page == site / "sites" / "index.html"
        and attributes.get("src") == "map/"
        and (site / "sites" / "map" / "index.html").is_file()
    )


def test_no_payload_becomes_an_element_or_handler(hostile_site: Path) -> None:
    found = []
    for file in html_files(hostile_site):
        for tag, attributes, in_content in read(file).elements:
            handlers = [name for name in attributes if name.startswith("on")]
            if handlers:
                found.append(f"{file.name}: <{tag}> has {handlers}")
            if (
                in_content
                and tag in ACTIVE_TAGS
                and not is_packaged_asset(file, tag, attributes, hostile_site)
            ):
                found.append(f"{file.relative_to(hostile_site)}: <{tag}> in the content")
            if in_content and tag == "img" and not is_local_url(attributes.get("src") or ""):
                found.append(f"{file.relative_to(hostile_site)}: image from {attributes['src']}")
    assert found == []


def test_no_link_is_unsafe_or_broken(hostile_site: Path) -> None:
    report = check_site(hostile_site, SITE_URL)
    # The corpus writes one percent-encoded "scheme" on purpose: a harmless relative path.
    expected = (
        "sites/inert-markdown-encoded-schemes/index.html: %6Aavascript:alert(1) (no such file)"
    )
    assert [str(b) for b in report.broken] == [expected]


def test_unlisted_canaries_appear_in_no_file(hostile_site: Path) -> None:
    canaries = {case.unlisted.lower().encode() for case in INERT_CASES if case.unlisted}
    assert canaries
    files = [f for f in hostile_site.rglob("*") if f.is_file()]
    assert len(files) > 30
    for file in files:
        content = file.read_bytes().lower()
        assert not any(canary in content for canary in canaries), file
        assert not re.search(rb"kq3vz9", content), file
