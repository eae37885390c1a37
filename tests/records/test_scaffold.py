"""`leadportal new`: a record that passes `check` as written, and never an overwrite."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from portals import add_plugin_options

from leadportal import cli
from leadportal.records.mkdocs_yml import read_settings
from leadportal.records.schema import record_schema

FOLDERS = {"site": "sites", "document": "docs/resources", "form": "docs/contact"}


def run(root: Path, *args: str) -> int:
    return cli.main(["-f", str(root / "mkdocs.yml"), *args])


@pytest.mark.parametrize("kind", sorted(FOLDERS))
def test_new_record_passes_check_as_written(
    fixture_portal: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(fixture_portal, "new", kind, "brand-new") == 0
    written = fixture_portal / FOLDERS[kind] / "brand-new.yml"
    text = written.read_text()
    first_line = text.splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema=")
    schema_file = written.parent / first_line.split("$schema=")[1]
    assert schema_file.resolve() == (fixture_portal / f"docs/schemas/{kind}.schema.json")
    capsys.readouterr()
    assert run(fixture_portal, "check") == 0, capsys.readouterr().err
    assert "public: false" in text  # an unfinished record is never published by accident


@pytest.mark.parametrize("kind", sorted(FOLDERS))
def test_every_optional_example_is_valid_once_uncommented(
    fixture_portal: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(fixture_portal, "new", kind, "everything") == 0
    written = fixture_portal / FOLDERS[kind] / "everything.yml"
    lines = written.read_text().splitlines()
    uncommented = [
        re.sub(r"^# ", "", line) if re.match(r"^# (\w+:|  |- )", line) else line for line in lines
    ]
    text = "\n".join(uncommented) + "\n"
    text = re.sub(r"(?m)^file: .*\n", "", text)  # a document takes `url` or `file`, not both
    written.write_text(text)
    capsys.readouterr()
    assert run(fixture_portal, "check") == 0, capsys.readouterr().err


@pytest.mark.parametrize("kind", sorted(FOLDERS))
def test_every_schema_field_is_offered(fixture_portal: Path, kind: str) -> None:
    assert run(fixture_portal, "new", kind, "offered") == 0
    text = (fixture_portal / FOLDERS[kind] / "offered.yml").read_text()
    settings = read_settings(fixture_portal / "mkdocs.yml")
    for field in record_schema(kind, settings)["properties"]:
        assert re.search(rf"(?m)^(# )?{field}:", text), field


def test_vocabulary_comments_follow_the_settings(
    fixture_portal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_plugin_options(fixture_portal / "mkdocs.yml", vocabularies="{stages: [planning, running]}")
    assert run(fixture_portal, "new", "site", "custom") == 0
    text = (fixture_portal / "sites/custom.yml").read_text()
    assert "# required; one of: planning, running\nstage: planning\n" in text
    capsys.readouterr()
    run(fixture_portal, "check")
    assert "custom.yml" not in capsys.readouterr().err


def test_new_refuses_to_overwrite(fixture_portal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = fixture_portal / "sites/albany-ny.yml"
    before = existing.read_bytes()
    assert run(fixture_portal, "new", "site", "albany-ny") == 1
    assert "sites/albany-ny.yml already exists; nothing was written" in capsys.readouterr().err
    assert existing.read_bytes() == before


def test_new_rejects_a_name_that_cannot_be_a_slug(
    fixture_portal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(fixture_portal, "new", "site", "../escape") == 2
    assert "cannot be a record name" in capsys.readouterr().err
    assert not (fixture_portal / "escape.yml").exists()
