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
    text = (fixture_portal / FOLDERS[kind] / "brand-new.yml").read_text()
    capsys.readouterr()
    assert run(fixture_portal, "check") == 0, capsys.readouterr().err
    assert text.endswith("public: false\n")  # an unfinished record is never published by accident


@pytest.mark.parametrize("kind", sorted(FOLDERS))
def test_new_record_is_in_the_web_editors_layout(
    fixture_portal: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """No comment the web editor would drop; `leadportal format` finds nothing to change."""
    assert run(fixture_portal, "new", kind, "laid-out") == 0
    text = (fixture_portal / FOLDERS[kind] / "laid-out.yml").read_text()
    assert not [line for line in text.splitlines() if line.lstrip().startswith("#")]
    capsys.readouterr()
    run(fixture_portal, "format", "--check")
    assert "laid-out.yml" not in capsys.readouterr().out


@pytest.mark.parametrize("kind", sorted(FOLDERS))
def test_every_required_field_is_written_in_schema_order(fixture_portal: Path, kind: str) -> None:
    assert run(fixture_portal, "new", kind, "offered") == 0
    text = (fixture_portal / FOLDERS[kind] / "offered.yml").read_text()
    settings = read_settings(fixture_portal / "mkdocs.yml")
    schema = record_schema(kind, settings)
    keys = re.findall(r"(?m)^(\w+):", text)
    assert set(schema["required"]) <= set(keys)
    assert keys == [field for field in schema["properties"] if field in keys]


def test_vocabularies_follow_the_settings(
    fixture_portal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_plugin_options(fixture_portal / "mkdocs.yml", vocabularies="{stages: [planning, running]}")
    assert run(fixture_portal, "new", "site", "custom") == 0
    text = (fixture_portal / "sites/custom.yml").read_text()
    assert "\nstage: planning\n" in text
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


@pytest.mark.parametrize("kind", sorted(FOLDERS))
def test_new_shows_the_translations_block_as_a_commented_example(
    fixture_portal: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_plugin_options(fixture_portal / "mkdocs.yml", translations="{es: {}}")
    assert run(fixture_portal, "new", kind, "with-example") == 0
    shown = capsys.readouterr().out
    example = [line for line in shown.splitlines() if line.startswith("#")]
    assert example[:2] == ["# translations:", "#   es:"]
    record = (fixture_portal / FOLDERS[kind] / "with-example.yml").read_text()
    # Uncommented at the end of the new record, the example is a valid record's last key.
    uncommented = "\n".join(line.removeprefix("# ") for line in example) + "\n"
    (fixture_portal / FOLDERS[kind] / "with-example.yml").write_text(
        record.replace("public: false\n", "public: false\n" + uncommented)
    )
    if kind == "form":  # the example names an `email` field, which a new form has
        assert "name: email" in record
    assert run(fixture_portal, "check") == 0, capsys.readouterr().err


def test_without_other_languages_new_shows_no_example(
    fixture_portal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(fixture_portal, "new", "site", "plain") == 0
    assert "translations" not in capsys.readouterr().out
