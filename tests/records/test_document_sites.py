"""A document's `sites:`: each must name a site record (did-you-mean when it does not), each
once; a site that is not public is a reminder, never a reason to refuse the publish."""

from __future__ import annotations

from pathlib import Path

from leadportal.records.loader import load_records
from leadportal.records.mkdocs_yml import read_settings

RECORD = """\
title: An evaluation of Albany's LEAD
kind: evaluation
summary: What the evaluation found.
published: 2019
url: https://example.org/albany-evaluation/
sites:
{sites}
"""


def problems_with(portal: Path, *slugs: str) -> list[str]:
    file = portal / "docs" / "resources" / "albany-evaluation.yml"
    items = "\n".join(f"  - {slug}" for slug in slugs)
    file.write_text(RECORD.format(sites=items), encoding="utf-8")
    records = load_records(read_settings(portal / "mkdocs.yml"))
    return [str(p) for p in records.problems if p.path.endswith("albany-evaluation.yml")]


def test_a_public_site_is_accepted(fixture_portal: Path) -> None:
    assert problems_with(fixture_portal, "albany-ny") == []


def test_an_unknown_site_is_an_error_with_line_and_did_you_mean(fixture_portal: Path) -> None:
    assert problems_with(fixture_portal, "albany-ny", "albany-nyy") == [
        "docs/resources/albany-evaluation.yml:8:5: sites[1]: 'albany-nyy' is not a site of "
        "this portal (did you mean 'albany-ny'? use the file name of a record in sites/ "
        "without .yml)"
    ]
    records = load_records(read_settings(fixture_portal / "mkdocs.yml"))
    assert [p.is_error for p in records.problems if "albany-nyy" in p.message] == [True]


def test_a_site_named_twice_is_refused(fixture_portal: Path) -> None:
    assert problems_with(fixture_portal, "albany-ny", "albany-ny") == [
        "docs/resources/albany-evaluation.yml:6:1: sites: 'albany-ny' is listed twice "
        "(name each site once)"
    ]


def test_a_site_that_is_not_public_is_a_reminder_only(fixture_portal: Path) -> None:
    found = problems_with(fixture_portal, "hidden-site")
    assert found == [
        "docs/resources/albany-evaluation.yml:7:5: warning: sites[0]: 'hidden-site' is not "
        "public, so this document's page does not link it (publish the site, or leave it "
        "named until it is)"
    ]
    records = load_records(read_settings(fixture_portal / "mkdocs.yml"))
    reminder = [p for p in records.problems if "hidden-site" in p.message]
    assert not reminder[0].stops_publishing
