"""docs/start/steps.yml and the `roles` setting: every problem with its file, line, field and
a fix, all in one run; a portal without the file has no "Start here" and no problem."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from leadportal.records.loader import load_records
from leadportal.records.mkdocs_yml import read_settings
from leadportal.records.roles import roles_of, roles_problems

STEPS = """\
stages:
  - stage: exploring
    meaning: A community learns what LEAD is.
    steps: [Bring partners together.]
    documents: [community-toolkit]
  - stage: explorng
    meaning: Partners agree how LEAD will work.
    steps: []
  - stage: launching
    meaning: Referrals begin.
    steps: [Train together.]
    documents: [community-toolkit, no-such-document, hidden-report]
    ofers: [Training]
"""


def problems_with(portal: Path, steps: str) -> list[str]:
    file = portal / "docs" / "start" / "steps.yml"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(steps, encoding="utf-8")
    records = load_records(read_settings(portal / "mkdocs.yml"))
    return [str(p) for p in records.problems if p.path == "docs/start/steps.yml"]


def test_every_problem_of_the_steps_file_is_reported_with_its_line(fixture_portal: Path) -> None:
    assert problems_with(fixture_portal, STEPS) == [
        "docs/start/steps.yml:6:5: stages[1].stage: 'explorng' is not one of exploring, "
        "developing, launching, operating, paused, ended (did you mean 'exploring'?)",
        "docs/start/steps.yml:8:5: stages[1].steps: is an empty list (add at least one item)",
        "docs/start/steps.yml:13:5: stages[2].ofers: unknown key (did you mean 'offers'?)",
    ]


def test_documents_must_be_public_library_documents(fixture_portal: Path) -> None:
    fixed = STEPS.replace("explorng", "developing").replace("steps: []", "steps: [Agree.]")
    fixed = fixed.replace("ofers", "offers")
    assert problems_with(fixture_portal, fixed) == [
        "docs/start/steps.yml:12:36: stages[2].documents[1]: 'no-such-document' is not a public "
        "document of the library (use the file name of a record in docs/resources/ without .yml)",
        "docs/start/steps.yml:12:54: stages[2].documents[2]: 'hidden-report' is not a public "
        "document of the library (use the file name of a record in docs/resources/ without .yml)",
    ]


def test_a_stage_listed_twice_is_named(fixture_portal: Path) -> None:
    twice = STEPS.replace("explorng", "exploring").replace("steps: []", "steps: [Agree.]")
    twice = twice.replace("ofers", "offers").replace(", no-such-document, hidden-report", "")
    assert problems_with(fixture_portal, twice) == [
        "docs/start/steps.yml:6:5: stages[1].stage: 'exploring' is listed twice "
        "(keep one entry per stage and merge their steps)"
    ]


def test_a_portal_without_steps_has_no_problem_and_no_steps(fixture_portal: Path) -> None:
    records = load_records(read_settings(fixture_portal / "mkdocs.yml"))
    assert records.steps is None
    assert not [p for p in records.problems if "start" in p.path or "roles" in p.field]


def test_roles_with_mistakes_are_named_and_left_out(fixture_portal: Path) -> None:
    settings = read_settings(fixture_portal / "mkdocs.yml")
    roles = {
        "prosecutor": {"label": "Prosecutor", "audiences": ["prosecutor"]},
        "Public Defender": {"label": "Public defender", "audiences": ["public defenders"]},
        "funder": {"label": "Funder", "audiences": ["funders"], "sectr": "Funder"},
        "evaluator": {"audiences": []},
        "police": {"label": "Police or sheriff", "audiences": ["law enforcement"]},
    }
    settings = replace(settings, roles=roles)
    assert [str(p) for p in roles_problems(settings)] == [
        "mkdocs.yml: leadportal.roles.prosecutor.audiences: 'prosecutor' is not an audience "
        "(did you mean 'prosecutors'?)",
        "mkdocs.yml: leadportal.roles.Public Defender: 'Public Defender' cannot be part of a web "
        "address (use lower-case letters, digits and -, e.g. public-defender)",
        "mkdocs.yml: leadportal.roles.funder.sectr: unknown key (did you mean 'sector'?)",
        "mkdocs.yml: leadportal.roles.evaluator.label: is required (e.g. prosecutor: {label: "
        "Prosecutor, audiences: [prosecutors], sector: Prosecution})",
        "mkdocs.yml: leadportal.roles.evaluator.audiences: expected a list of audiences (e.g. "
        "prosecutor: {label: Prosecutor, audiences: [prosecutors], sector: Prosecution})",
    ]
    assert [role.slug for role in roles_of(settings)] == ["police"]
