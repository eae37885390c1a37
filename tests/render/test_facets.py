"""Facet counts of the library's filters (assets/library.js applies the same rules)."""

from __future__ import annotations

from library_fixture import facet_items, fixture_entries

from leadportal.render.facets import facet_counts, visible

# The fixture portal's public documents, by slug:
#   community-toolkit         toolkit, topics implementation + harm reduction, printable
#   no-topic-guide            template, no topic at all, printable
#   quotes-and-script-report  evaluation, topics evaluation + harm reduction
#   systems-brief             policy brief, topics systems change + implementation + evaluation


def slugs_for(selection: dict[str, list[str]], query: str = "") -> list[str]:
    entries = fixture_entries()
    return [entries[i].slug for i in visible(facet_items(), selection, query)]


def test_without_choices_every_value_counts_every_document_that_has_it() -> None:
    counts = facet_counts(facet_items(), {})
    assert counts["topic"] == {
        "implementation": 2,
        "harm reduction": 2,
        "evaluation": 2,
        "systems change": 1,
    }
    assert counts["kind"] == {"toolkit": 1, "template": 1, "evaluation": 1, "policy brief": 1}
    assert counts["printable"] == {"printable": 2}
    assert counts["stage"] == {"exploring": 2, "developing": 2, "operating": 1, "launching": 1}


def test_a_document_with_no_topic_counts_for_no_topic_but_is_listed_until_one_is_chosen() -> None:
    assert sum(facet_counts(facet_items(), {})["topic"].values()) == 7  # 2 + 0 + 2 + 3
    assert "no-topic-guide" in slugs_for({})
    assert "no-topic-guide" not in slugs_for({"topic": ["implementation"]})


def test_choosing_a_topic_narrows_the_other_facets_but_not_its_own() -> None:
    selection = {"topic": ["implementation"]}
    counts = facet_counts(facet_items(), selection)
    assert slugs_for(selection) == ["community-toolkit", "systems-brief"]
    assert counts["topic"] == facet_counts(facet_items(), {})["topic"]
    assert counts["kind"] == {"toolkit": 1, "template": 0, "evaluation": 0, "policy brief": 1}
    assert counts["printable"] == {"printable": 1}


def test_values_within_a_facet_are_alternatives_and_facets_combine() -> None:
    either = {"topic": ["systems change", "harm reduction"]}
    assert slugs_for(either) == ["community-toolkit", "quotes-and-script-report", "systems-brief"]
    both = {**either, "printable": ["printable"]}
    assert slugs_for(both) == ["community-toolkit"]
    counts = facet_counts(facet_items(), both)
    # A document in several topics counts once for each of them.
    assert counts["topic"] == {
        "implementation": 1,
        "harm reduction": 1,
        "evaluation": 0,
        "systems change": 0,
    }


def test_the_text_filter_applies_to_the_list_and_every_count() -> None:
    assert slugs_for({}, "REFERRALS community") == ["community-toolkit"]
    counts = facet_counts(facet_items(), {}, "referrals")
    assert counts["kind"] == {"toolkit": 1, "template": 0, "evaluation": 0, "policy brief": 0}
    assert slugs_for({}, "no such words") == []
