"""mkdocs.yml and the plugin's options: a problem line at the option's line, never a traceback,
and one line naming the file for a failure nobody expected."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadportal import cli
from leadportal.records import loader
from leadportal.records.mkdocs_yml import read_settings
from leadportal.records.options import OptionsError, option_problems
from leadportal.records.settings import VOCABULARY_NAMES, plugin_option_defaults

CONFIG = "site_name: Test\nplugins:\n  - leadportal:\n{options}\n"


def problems(tmp_path: Path, options: str) -> list[str]:
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(options=options), encoding="utf-8")
    with pytest.raises(OptionsError) as refused:
        read_settings(tmp_path / "mkdocs.yml")
    return [str(p) for p in refused.value.problems]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            "      sites_dir: 5",
            [
                "mkdocs.yml:4:7: sites_dir: expected text, got a whole number "
                "(e.g. sites_dir: sites)"
            ],
        ),
        (
            "      max_file_mb: '25'\n      public_default: true",
            [
                "mkdocs.yml:4:7: max_file_mb: expected a whole number, got text "
                "(e.g. max_file_mb: 25)",
                "mkdocs.yml:5:7: public_default: unknown leadportal option "
                "(see the README for the options)",
            ],
        ),
        (
            "      vocabularies: [operating]",
            [
                "mkdocs.yml:4:7: vocabularies: expected a mapping, got a list "
                "(e.g. vocabularies: {stages: [exploring, operating]})"
            ],
        ),
        (
            "      vocabularies: {stages: operating, stage: [a]}",
            [
                "mkdocs.yml:4:7: vocabularies.stages: expected a list of words, got text "
                "(e.g. stages: [first, second])",
                "mkdocs.yml:4:7: vocabularies.stage: unknown vocabulary (did you mean 'stages'?)",
            ],
        ),
        (
            "      translations: {es: 5, Spanish: {}}",
            [
                "mkdocs.yml:4:7: translations.es: expected a mapping of labels, got a whole "
                "number (e.g. es: {stages: {...}})",
                "mkdocs.yml:4:7: translations.Spanish: 'Spanish' is not a language code "
                "(e.g. es (two or three letters))",
            ],
        ),
        (
            "      translations: {es: {stage: {operating: Activo}, roles: [police]}}",
            [
                "mkdocs.yml:4:7: translations.es.stage: unknown part (did you mean 'stages'?)",
                "mkdocs.yml:4:7: translations.es.roles: expected English -> es words, got a "
                "list (e.g. roles: {English: words in es})",
            ],
        ),
        (
            "      allowed_file_types: pdf",
            [
                "mkdocs.yml:4:7: allowed_file_types: expected a list, got text "
                "(a list of text, e.g. allowed_file_types: [pdf, doc])"
            ],
        ),
    ],
)
def test_options_of_the_wrong_kind_are_problem_lines(
    tmp_path: Path, options: str, expected: list[str]
) -> None:
    assert problems(tmp_path, options) == expected


def test_a_yaml_error_in_mkdocs_yml_is_a_problem_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: [Test\n", encoding="utf-8")
    assert cli.main(["-f", str(tmp_path / "mkdocs.yml"), "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("mkdocs.yml:2:1: YAML syntax error: expected ',' or ']'")
    assert "<unicode string>" not in err and "Traceback" not in err


def test_an_unexpected_failure_is_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites/a.yml").write_text("name: A\n", encoding="utf-8")

    def broken(*args: object) -> object:
        raise KeyError("surprise")

    monkeypatch.setattr(loader, "validate", broken)
    assert cli.main(["-f", str(tmp_path / "mkdocs.yml"), "check"]) == 1
    assert capsys.readouterr().err == (
        "sites/a.yml: internal error while reading this file (KeyError: 'surprise') (this is a "
        "bug in the generator, not in your files: please report it with this line; every "
        "other line above is a real problem to fix)\n"
    )


@settings(max_examples=40, deadline=None)
@given(
    glossary=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=8,
    )
)
def test_any_malformed_glossary_is_a_problem_line_never_a_crash(glossary: object) -> None:
    options = {"translations": {"es": glossary}}
    defaults = plugin_option_defaults()
    found = option_problems(options, defaults, VOCABULARY_NAMES, {"translations": (4, 7)})
    good = isinstance(glossary, dict) and all(
        k in (*VOCABULARY_NAMES, "roles", "terms")
        and isinstance(v, dict)
        and all(isinstance(a, str) and isinstance(b, str) and b.strip() for a, b in v.items())
        for k, v in glossary.items()
    )
    assert bool(found) is not good
    assert all(str(p).startswith("mkdocs.yml:4:7: translations.es") for p in found)
