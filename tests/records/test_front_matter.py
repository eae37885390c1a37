"""Front matter of hand-written pages: read as MkDocs reads it, broken or unclosed front matter
is a problem line, and a page that only starts with a horizontal rule is a page."""

from __future__ import annotations

import pytest

from leadportal.records.front_matter import mkdocs_source, read_page

NEVER_CLOSED = (
    "p.md:1:1: the front matter that starts here is never closed (end it with a line of "
    "three dashes (---); or, for a horizontal rule at the top, leave the line after it empty)"
)


@pytest.mark.parametrize(
    ("text", "meta", "body"),
    [
        ("---\ntitle: Hello\n---\n# Page\n", {"title": "Hello"}, "# Page\n"),
        ("---\ntitle: Hello\n...\n# Page\n", {"title": "Hello"}, "# Page\n"),
        ("---\ntitle: Hello\n---", {"title": "Hello"}, ""),
        ("---\r\ntitle: Hello\r\n---\r\nText\r\n", {"title": "Hello"}, "Text\n"),
        ("\ufeff---\ntitle: Hello\n---\nText\n", {"title": "Hello"}, "Text\n"),
        ("---\n\n# Page\n\ntext\n", {}, "---\n\n# Page\n\ntext\n"),
        ("---\nA paragraph between rules\n---\n", {}, "---\nA paragraph between rules\n---\n"),
        ("# Page\n\n---\ntitle: not front matter\n---\n", {}, None),
    ],
    ids=["dashes", "dots", "closed at the end", "CRLF", "BOM", "rule", "paragraph", "later"],
)
def test_valid_pages_are_read_like_mkdocs(text: str, meta: dict[str, str], body: str) -> None:
    page = read_page(text, "p.md")
    assert page.problems == []
    assert page.meta == meta
    if body is not None:
        assert page.body == body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: Hello\n# Page\n", NEVER_CLOSED),
        (
            "---\ntitle: [Hello\n---\n# Page\n",
            "p.md:3:1: front matter: YAML syntax error: expected ',' or ']', but got "
            "'<stream end>' (in a flow sequence that starts on line 2) "
            "(check indentation, colons and quotes on this line or the one before)",
        ),
        (
            "---\ntitle: Hello\ntitle: Again\n---\n",
            "p.md:3:1: title: front matter: key appears twice (first on line 2) "
            "(remove one of the two)",
        ),
    ],
    ids=["never closed", "broken YAML", "duplicate key"],
)
def test_broken_front_matter_is_a_problem_at_its_line(text: str, expected: str) -> None:
    assert [str(p) for p in read_page(text, "p.md").problems] == [expected]


def test_mkdocs_reads_front_matter_closed_without_a_final_newline() -> None:
    assert mkdocs_source("---\ntitle: Hello\n---") == "---\ntitle: Hello\n---\n"
    assert mkdocs_source("---\ntitle: Hello\n---\n# Page\n") is None
    assert mkdocs_source("# Page\n") is None
