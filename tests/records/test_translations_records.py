"""`translations:` in the record tools: `leadportal format` keeps it last and never changes
what it says; a malformed one is a problem with file:line, never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from open_data_support import speak_spanish

from leadportal.records.format_command import formatted_text
from leadportal.records.loader import load_records
from leadportal.records.mkdocs_yml import read_settings

FORM = """\
title: Ask us
fields:
  - {name: email, label: Your e-mail, type: email, required: true}
  - {name: topic, label: About, type: select, options: [Training, Data]}
action: https://forms.example.org/f/ask
translations:
  es:
    fields:
      topic:
        options: {Data: Datos, Training: "Capacitación: cursos"}
        label: Tema
    success: |
      Gracias.

      Le respondemos pronto.
    title: Pregúntenos
public: true
"""


def test_format_keeps_translations_last_and_says_the_same() -> None:
    text = formatted_text(FORM, "form")
    assert text is not None
    assert [k for k in yaml.safe_load(text)] == [
        "title",
        "fields",
        "action",
        "public",
        "translations",
    ]
    before, after = yaml.safe_load(FORM)["translations"], yaml.safe_load(text)["translations"]
    assert after["es"]["fields"] == before["es"]["fields"]  # keyed words kept, every one
    assert after["es"]["title"] == before["es"]["title"]
    assert after["es"]["success"] == before["es"]["success"].rstrip("\n")  # as the editor keeps
    assert list(after["es"]) == ["title", "success", "fields"]  # FormText's order
    assert list(after["es"]["fields"]["topic"]["options"]) == ["Data", "Training"]  # as written
    assert formatted_text(text, "form") == text  # formatted once, left alone


def test_format_keeps_a_language_the_portal_does_not_have() -> None:
    text = FORM.replace("  es:\n", "  fr:\n")
    formatted = formatted_text(text, "form")
    assert formatted is not None and "  fr:\n" in formatted  # `check` explains it; not dropped


NAMES = st.sampled_from(["es", "xx", "summary", "title", "fields", "label", "options", "", "1"])
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.dates(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(NAMES, inner, max_size=3),
    max_leaves=8,
)
BROKEN = st.dictionaries(NAMES, VALUES, min_size=1, max_size=3).filter(
    lambda value: not _valid(value)
) | VALUES.filter(lambda value: not isinstance(value, dict))


def _valid(value: dict) -> bool:
    """Translations that are fine as they are (then there is no problem to find)."""
    es = value.get("es")
    return set(value) <= {"es"} and (
        es is None
        or es == {}
        or (
            isinstance(es, dict)
            and set(es) <= {"title"}
            and isinstance(es.get("title"), str)
            and es["title"].strip() != ""
        )
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(broken=BROKEN)
def test_malformed_translations_give_a_problem_with_file_and_line(
    fixture_portal: Path, broken: object
) -> None:
    root = fixture_portal.parent / "each"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(fixture_portal, root)
    speak_spanish(root)
    record = root / "docs" / "contact" / "ask-us.yml"
    data = yaml.safe_load(FORM)
    data["translations"] = broken
    record.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    records = load_records(read_settings(root / "mkdocs.yml"))  # never raises
    mine = [p for p in records.errors if p.path.endswith("ask-us.yml")]
    assert mine, broken
    assert all(p.line > 0 for p in mine), [str(p) for p in mine]
