"""The documents for one stage and role, best first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from leadportal.records.loaded import Loaded
from leadportal.records.models import Document, StageGuide
from leadportal.records.roles import Role
from leadportal.render.dates import iso_date


@dataclass(frozen=True)
class Ranked:
    """The ranked documents, and whether they are for every role (none was for this one)."""

    documents: tuple[Loaded[Document], ...]
    for_every_role: bool = False


def for_stage_and_role(
    guide: StageGuide, role: Role, documents: Sequence[Loaded[Document]]
) -> Ranked:
    """Documents for the stage written for the role; if there are none, all for the stage."""
    at_stage = [d for d in documents if guide.stage in d.record.stages]
    for_role = [d for d in at_stage if set(d.record.audience) & set(role.audiences)]
    if for_role:
        return Ranked(tuple(rank(for_role, guide, role)))
    return Ranked(tuple(rank(at_stage, guide, role)), for_every_role=bool(at_stage))


def rank(
    documents: Sequence[Loaded[Document]], guide: StageGuide, role: Role
) -> list[Loaded[Document]]:
    """Best first: the stage's own picks (in steps.yml order), then documents written for more
    of the role's audiences, then those made for fewer stages (closer to this one), then the
    newest; the same by slug."""
    picks = {slug: i for i, slug in enumerate(guide.documents)}
    return sorted(
        documents,
        key=lambda d: (
            picks.get(d.slug, len(picks)),
            -len(set(d.record.audience) & set(role.audiences)),
            len(d.record.stages),
            -_latest_day(d.record),
            d.slug,
        ),
    )


def _latest_day(doc: Document) -> int:
    """The newer of `published` and `updated` as a day number (a year counts as its 1 Jan)."""
    days = [
        dt.date.fromisoformat(iso_date(v)).toordinal() for v in (doc.published, doc.updated) if v
    ]
    return max(days)
