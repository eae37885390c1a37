"""The loader against golden cases: each input record gives exactly the expected problem lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from record_cases import case_files, problem_lines

CASES = case_files()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_case_gives_expected_problem_lines(case: Path, tmp_path: Path) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert problem_lines(case, tmp_path) == expected


def test_there_are_cases_for_every_kind() -> None:
    kinds = {c.parent.name for c in CASES}
    assert kinds == {"sites", "resources", "contact"}
    assert len(CASES) >= 30


def test_only_valid_cases_are_free_of_problems() -> None:
    valid = {"valid-full", "valid-url", "valid-file", "valid-form", "valid-local-action", "bom"}
    for case in CASES:
        has_problems = bool(case.with_suffix(".expected").read_text().strip())
        assert has_problems == (case.stem not in valid), case.name
