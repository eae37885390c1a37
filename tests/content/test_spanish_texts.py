"""The Spanish texts: one term for each of the program's terms, person-first words, and an
entry in the tables for every string the code asks for."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from portal_helpers import REPO_ROOT

from leadportal.render.i18n import script_strings

PACKAGE = REPO_ROOT / "scripts" / "leadportal"
TABLES = PACKAGE / "render" / "strings" / "es"
# Words that label people by drug use or legal status: never in the portal's Spanish.
STIGMA = re.compile(
    r"\b(adict[oa]s?|drogadict[oa]s?|toxic[oó]man[oa]s?|delincuentes?|infractor(es|as?)?|"
    r"yonquis?|viciosos?)\b",
    re.IGNORECASE,
)


def glossary() -> dict[str, Any]:
    config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text("utf-8"))
    plugin = next(
        p["leadportal"] for p in config["plugins"] if isinstance(p, dict) and "leadportal" in p
    )
    return plugin["translations"]["es"]


def spanish_of(record: Path) -> list[str]:
    """Every Spanish string a record holds under translations.es (nested)."""
    data = yaml.safe_load(record.read_text("utf-8")) or {}
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "translations" and isinstance(value, dict):
                    collect(value.get("es"))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    def collect(node: Any) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    walk(data)
    return found


def records() -> list[Path]:
    docs = REPO_ROOT / "docs"
    return [
        *sorted((REPO_ROOT / "sites").glob("*.yml")),
        *sorted((docs / "resources").glob("*.yml")),
        *sorted((docs / "contact").glob("*.yml")),
        docs / "start" / "steps.yml",
    ]


def tables() -> dict[str, str]:
    words: dict[str, str] = {}
    for table in sorted(TABLES.glob("*.yml")):
        words.update(yaml.safe_load(table.read_text("utf-8")) or {})
    return words


def spanish_texts() -> dict[str, str]:
    texts = {
        p.relative_to(REPO_ROOT).as_posix(): p.read_text("utf-8")
        for p in (REPO_ROOT / "docs").rglob("*.es.md")
    }
    for record in records():
        texts[record.relative_to(REPO_ROOT).as_posix()] = "\n".join(spanish_of(record))
    texts["render/strings/es"] = "\n".join(tables().values())
    return texts


def test_every_record_has_its_spanish_text() -> None:
    assert all(spanish_of(record) for record in records())
    assert len(list((REPO_ROOT / "docs").glob("*.es.md"))) == len(
        [p for p in (REPO_ROOT / "docs").glob("*.md") if not p.name.endswith(".es.md")]
    )


def test_no_spanish_text_labels_people_by_drug_use_or_legal_status() -> None:
    found = {name: STIGMA.findall(text) for name, text in spanish_texts().items()}
    assert {name: words for name, words in found.items() if words} == {}


def test_form_stage_options_use_the_glossary_s_stage_names() -> None:
    stages = {english.capitalize(): spanish for english, spanish in glossary()["stages"].items()}
    for form in sorted((REPO_ROOT / "docs" / "contact").glob("*.yml")):
        data = yaml.safe_load(form.read_text("utf-8"))
        for field in (data["translations"]["es"].get("fields") or {}).values():
            for english, spanish in (field.get("options") or {}).items():
                if english in stages:
                    assert spanish == stages[english], (form.name, english)


def test_the_spanish_glossary_page_names_every_stage_as_the_glossary_does() -> None:
    page = (REPO_ROOT / "docs" / "glossary.es.md").read_text("utf-8")
    missing = [label for label in glossary()["stages"].values() if label not in page]
    assert missing == []


PLACEHOLDER = re.compile(r"\{(\w+)\}")


def test_each_translation_keeps_the_placeholders_of_its_english() -> None:
    # A count may be said in words ("El único estado …" for one): only {count} may go.
    wrong = {
        english: spanish
        for english, spanish in tables().items()
        if set(PLACEHOLDER.findall(spanish)) - set(PLACEHOLDER.findall(english))
        or set(PLACEHOLDER.findall(english)) - set(PLACEHOLDER.findall(spanish)) - {"count"}
    }
    assert wrong == {}


CALL = re.compile(r"""(?<![.\w])(?:t|lp_t|t_html)\(\s*(["'])((?:\\.|(?!\1).)+?)\1""")


TRANSLATORS = {"t", "t_html", "lp_t", "words_for"}


def python_strings(source: str) -> list[str]:
    """The literal first arguments of t(...) calls in Python (adjacent literals joined)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else None
        first = node.args[0]
        if name in TRANSLATORS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append(first.value)
    return found


def asked_for() -> dict[str, str]:
    """Every literal string the templates, the Python and the scripts ask a table for."""
    wanted: dict[str, str] = {}
    for source in PACKAGE.rglob("*.py"):
        for text in python_strings(source.read_text("utf-8")):
            wanted.setdefault(text, source.relative_to(REPO_ROOT).as_posix())
    templates = [
        *PACKAGE.rglob("templates/*.html"),
        *PACKAGE.rglob("theme/**/*.html"),
        *(REPO_ROOT / "overrides").rglob("*.html"),
        *(REPO_ROOT / "overrides").rglob("*.xml"),
    ]
    for source in templates:
        for match in CALL.finditer(source.read_text("utf-8")):
            wanted.setdefault(match.group(2), source.relative_to(REPO_ROOT).as_posix())
    for script in PACKAGE.rglob("assets/*.js"):
        for text in script_strings(script.read_text("utf-8")):
            wanted.setdefault(text, script.relative_to(REPO_ROOT).as_posix())
    return wanted


def test_every_string_the_code_asks_for_has_its_spanish() -> None:
    words = tables()
    missing = {text: where for text, where in asked_for().items() if text not in words}
    assert missing == {}


@pytest.mark.parametrize(
    "key", ["stages", "referral_pathways", "partner_roles", "document_kinds", "topics", "audiences"]
)
def test_the_glossary_labels_every_vocabulary_value(key: str) -> None:
    from leadportal.records.settings import DEFAULT_VOCABULARIES

    assert sorted(glossary()[key]) == sorted(DEFAULT_VOCABULARIES[key])


def test_no_two_tables_give_one_english_text_different_spanish() -> None:
    """The tables are merged into one: a key in two files must say the same in both."""
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for table in sorted(TABLES.glob("*.yml")):
        for english, spanish in (yaml.safe_load(table.read_text("utf-8")) or {}).items():
            if english in seen and seen[english][1] != spanish:
                first, said = seen[english]
                clashes.append(f"{english!r}: {first} {said!r}, {table.name} {spanish!r}")
            seen.setdefault(english, (table.name, spanish))
    assert clashes == []
