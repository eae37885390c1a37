"""The canonical layout: what the web editor writes, read back to the same values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from leadportal import cli
from leadportal.records.format_command import formatted_text
from leadportal.records.layout import dump, in_schema_order, same_values
from leadportal.records.models import Document, Form, Site

# Text as the editor's `yaml` library (options of admin/editor_config.OUTPUT) writes it.
SCALARS = [
    ("plain words", "plain words"),
    ("Seattle, WA", "Seattle, WA"),
    ("2016-05", "2016-05"),
    ("123", "'123'"),
    ("true", "'true'"),
    ("yes", "'yes'"),  # YAML 1.1 (the portal's reader) would read a boolean
    ("", "''"),
    ("- a dash", "'- a dash'"),
    ("a: colon", "'a: colon'"),
    ("it's", "it's"),
    ("'quoted'", "\"'quoted'\""),
    ("# not a comment", "'# not a comment'"),
    ("https://example.org/a#b", "https://example.org/a#b"),
]


@pytest.mark.parametrize(("value", "written"), SCALARS)
def test_scalars_are_written_as_the_editor_writes_them(value: str, written: str) -> None:
    assert dump({"k": value}) == f"k: {written}\n"
    assert yaml.safe_load(dump({"k": value})) == {"k": value}


def test_multiline_text_is_a_literal_block_with_the_right_chomping() -> None:
    assert dump({"s": "one\n\ntwo\n"}) == "s: |\n  one\n\n  two\n"
    assert dump({"s": "one\ntwo"}) == "s: |-\n  one\n  two\n"
    assert yaml.safe_load(dump({"s": "one\n\ntwo\n"})) == {"s": "one\n\ntwo\n"}


def test_keys_follow_the_schema_and_unknown_keys_are_kept() -> None:
    data = {
        "public": False,
        "jurisdiction": {"state": "WA", "city": "Tacoma"},
        "stage": "operating",
        "name": "X",
        "zzz": 1,
        "last_verified": None,
    }
    assert list(in_schema_order(data, Site)) == ["name", "stage", "jurisdiction", "public", "zzz"]
    assert list(in_schema_order(data, Site)["jurisdiction"]) == ["city", "state"]


def test_a_missing_public_is_written_out_so_the_editor_never_shows_it_off() -> None:
    assert in_schema_order({"name": "X"}, Site)["public"] is True


def test_lists_are_indented_under_their_key() -> None:
    text = dump({"partners": [{"name": "A", "role": "funder"}], "topics": ["x", "y"]})
    assert text == "partners:\n  - name: A\n    role: funder\ntopics:\n  - x\n  - y\n"


def test_a_changed_value_is_detected() -> None:
    before = {"title": "A", "published": dt.date(2016, 5, 1)}
    assert same_values(before, {"title": "A ", "published": "2016-05-01"}, Document)
    assert not same_values(before, {"title": "B", "published": "2016-05-01"}, Document)


def test_flow_style_record_is_rewritten_with_the_same_values() -> None:
    text = (
        "# yaml-language-server: $schema=../docs/schemas/site.schema.json\n"
        'name: "X"\nstage: operating\njurisdiction: {state: WA, city: Tacoma}\n'
        "referral_pathways: [arrest diversion]\nlast_verified:\n"
    )
    assert formatted_text(text, "site") == (
        "name: X\nstage: operating\njurisdiction:\n  city: Tacoma\n  state: WA\n"
        "referral_pathways:\n  - arrest diversion\npublic: true\n"
    )


MODELS = {"sites": Site, "resources": Document, "contact": Form}


def run(root: Path, *args: str) -> int:
    return cli.main(["-f", str(root / "mkdocs.yml"), *args])


def test_format_rewrites_every_record_once_and_check_then_passes(
    fixture_portal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = sorted(fixture_portal.glob("sites/*.yml")) + sorted(
        fixture_portal.glob("docs/*/*.yml")
    )
    before = {path: yaml.safe_load(path.read_text()) for path in records}
    assert run(fixture_portal, "format") == 0
    assert run(fixture_portal, "format", "--check") == 0
    assert "0 not in the canonical layout" in capsys.readouterr().out
    for path, data in before.items():
        text = path.read_text()
        assert not text.startswith("#"), path
        assert same_values(data, yaml.safe_load(text), MODELS[path.parent.name]), path
    assert run(fixture_portal, "check") == 0, capsys.readouterr().err


def test_format_leaves_a_broken_record_alone(
    fixture_portal: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = fixture_portal / "sites/broken.yml"
    broken.write_text("name: [unclosed\n")
    assert run(fixture_portal, "format") == 1
    assert "sites/broken.yml: not valid YAML; left as it is" in capsys.readouterr().err
    assert broken.read_text() == "name: [unclosed\n"
