"""The documents of a path, best first (data cases in cases/documents.yml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from leadportal.records.loaded import Loaded
from leadportal.records.models import Document, StageGuide
from leadportal.records.positions import Parsed
from leadportal.records.roles import Role
from leadportal.start.documents import for_stage_and_role

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "documents.yml").read_text("utf-8"))


def library(documents: dict[str, dict[str, Any]]) -> list[Loaded[Document]]:
    return [
        Loaded(
            slug,
            f"docs/resources/{slug}.yml",
            Document(
                title=slug,
                kind="guide",
                summary="A summary.",
                published=str(fields["published"]),
                url="https://example.org/" + slug,
                stages=fields["stages"],
                audience=fields["audience"],
            ),
            Parsed(None),
        )
        for slug, fields in sorted(documents.items())
    ]


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_document_ranking(case: dict[str, Any]) -> None:
    guide = StageGuide(
        stage=case["stage"], meaning="A sentence.", steps=["A step."], documents=case["picks"]
    )
    role = Role("someone", "Someone", tuple(case["audiences"]))
    ranked = for_stage_and_role(guide, role, library(CASES["documents"]))
    assert [d.slug for d in ranked.documents] == case["expected"]
    assert ranked.for_every_role is case["for_every_role"]
