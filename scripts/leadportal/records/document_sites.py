"""A document's `sites:` must name site records: an unknown slug is an error with a 'did you
mean'; a site that is not public is a reminder only (its page does not exist, so the document
page simply does not link it, and hiding a site must not stop a publish)."""

from __future__ import annotations

from collections.abc import Sequence

from leadportal.records.loaded import Loaded
from leadportal.records.models import Document, Site
from leadportal.records.problems import REMINDER, Problem
from leadportal.records.suggest import did_you_mean

UNKNOWN_HINT = "use the file name of a record in sites/ without .yml"


def document_site_problems(
    documents: Sequence[Loaded[Document]], sites: Sequence[Loaded[Site]]
) -> list[Problem]:
    public = {s.slug for s in sites if s.record.public}
    known = {s.slug for s in sites}
    problems = []
    for document in documents:
        for i, slug in enumerate(document.record.sites):
            if slug in public:
                continue
            line, col = document.parsed.where(("sites", i))
            where = (document.path, line, col, f"sites[{i}]")
            if slug in known:
                problems.append(
                    Problem(
                        *where,
                        f"'{slug}' is not public, so this document's page does not link it",
                        "publish the site, or leave it named until it is",
                        severity=REMINDER,
                    )
                )
            else:
                hint = did_you_mean(slug, sorted(known))
                problems.append(
                    Problem(
                        *where,
                        f"'{slug}' is not a site of this portal",
                        f"{hint} {UNKNOWN_HINT}" if hint else UNKNOWN_HINT,
                    )
                )
    return problems
