"""The check that finds English left on Spanish pages finds it, and only it."""

from __future__ import annotations

from english_words import english_words


def test_english_interface_words_are_found() -> None:
    page = "<body><p>Aquí: <a href='x'>Find sites near you</a></p></body>"
    assert english_words(page) == ["Find", "sites", "near", "you"]


def test_spanish_text_names_marked_english_and_addresses_are_not_english_words() -> None:
    page = (
        "<body><p>Informe de la University of Hawaiʻi at Mānoa, del U.S. Department of Justice "
        "y de <bdi>Town of Ithaca Police</bdi>; véalo allá en https://example.org/the/page "
        "o en sites.json (campo <code>last_verified</code>, columna location_type).</p>"
        '<div lang="en"><p>This summary is not yet translated.</p></div>'
        "<script>var the = 'and';</script></body>"
    )
    assert english_words(page) == []
