"""Faceted filtering (the resource library and the sites list); `library/assets/library.js`
and `sites/assets/sites.js` mirror these rules.

Within one facet the chosen values are alternatives (any of them); across facets every facet
must match. The count beside a value is how many documents would be listed if that value were
chosen too: every other facet's choice and the text filter apply, the facet's own choice does
not. A document with no value in a facet counts for none of its values.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    name: str
    legend: str
    options: tuple[Option, ...]


FACETS = ("kind", "topic", "audience", "stage", "printable")

Values = Mapping[str, Sequence[str]]  # facet -> the document's values in it
Selection = Mapping[str, Collection[str]]  # facet -> chosen values (empty: no choice)


def words(query: str) -> list[str]:
    return query.lower().split()


def matches_text(text: str, query: str) -> bool:
    """Every word of the query occurs in the text (case-insensitive)."""
    haystack = text.lower()
    return all(word in haystack for word in words(query))


def matches(values: Values, selection: Selection, skip: str | None = None) -> bool:
    """Whether a document fits every facet's choice except `skip`'s."""
    for facet, chosen in selection.items():
        if facet == skip or not chosen:
            continue
        if not set(values.get(facet, ())) & set(chosen):
            return False
    return True


def visible(items: Sequence[tuple[Values, str]], selection: Selection, query: str) -> list[int]:
    """Indexes of the documents that the choice and the text filter leave listed."""
    return [
        i
        for i, (values, text) in enumerate(items)
        if matches(values, selection) and matches_text(text, query)
    ]


def facet_counts(
    items: Sequence[tuple[Values, str]],
    selection: Selection,
    query: str = "",
    names: Sequence[str] = FACETS,
) -> dict[str, dict[str, int]]:
    """facet -> value -> count, for every value that any item has (see module doc).

    `names` are the facets counted: the library's by default, the site directory's too.
    """
    counts: dict[str, dict[str, int]] = {facet: {} for facet in names}
    for values, text in items:
        text_ok = matches_text(text, query)
        for facet in names:
            fits = text_ok and matches(values, selection, skip=facet)
            for value in values.get(facet, ()):
                counts[facet][value] = counts[facet].get(value, 0) + int(fits)
    return counts
