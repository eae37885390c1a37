"""The plugin's options in mkdocs.yml, checked before they are used: one problem line each,
at its line in mkdocs.yml, instead of a traceback far away."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml

from leadportal.records.language import LANGUAGE_CODE
from leadportal.records.problems import Problem
from leadportal.records.suggest import did_you_mean

Where = Mapping[str, tuple[int, int]]  # option name -> (line, column) in mkdocs.yml


class OptionsError(Exception):
    """mkdocs.yml cannot be used as it is; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "a list"
    return "a mapping" if isinstance(value, Mapping) else "nothing" if value is None else "a value"


def _fits(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, list | tuple):
        return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
    if isinstance(default, Mapping):
        return isinstance(value, Mapping)
    return isinstance(value, type(default))


def _example(name: str, default: Any) -> str:
    if isinstance(default, list | tuple):
        return f"a list of text, e.g. {name}: [{', '.join(map(str, list(default)[:2]))}]"
    if isinstance(default, Mapping):
        return f"e.g. {name}: {{stages: [exploring, operating]}}"
    return f"e.g. {name}: {default if default != '' else '…'}"


def option_problems(
    options: Mapping[str, Any],
    defaults: Mapping[str, Any],
    vocabularies: tuple[str, ...],
    where: Where,
    shown_as: str = "mkdocs.yml",
) -> list[Problem]:
    """A problem for each option of the wrong kind, and for each unknown option."""
    problems = []
    for name, value in options.items():
        line, col = where.get(name, (0, 0))
        if name == "enabled":
            continue
        if name not in defaults:
            hint = did_you_mean(str(name), list(defaults)) or "see the README for the options"
            problems.append(Problem(shown_as, line, col, name, "unknown leadportal option", hint))
        elif not _fits(value, defaults[name]):
            message = f"expected {_kind(defaults[name])}, got {_kind(value)}"
            problems.append(
                Problem(shown_as, line, col, name, message, _example(name, defaults[name]))
            )
        elif name == "vocabularies":
            problems += _vocabulary_problems(value, vocabularies, (line, col), shown_as)
        elif name == "translations":
            problems += _translation_problems(value, vocabularies, (line, col), shown_as)
    return problems


# What a language's glossary may hold: a label per vocabulary value, per Start-here role, and
# the program's fixed terms (mkdocs.yml, translations.<language>).
GLOSSARY_PARTS = ("roles", "terms")
LANGUAGE_KEY = re.compile(LANGUAGE_CODE)


def _translation_problems(
    value: Mapping[str, Any], vocabularies: tuple[str, ...], at: tuple[int, int], shown_as: str
) -> list[Problem]:
    problems = []
    parts = (*vocabularies, *GLOSSARY_PARTS)
    for language, glossary in value.items():
        field = f"translations.{language}"
        if not (isinstance(language, str) and LANGUAGE_KEY.match(language)):
            message = f"'{language}' is not a language code"
            hint = "e.g. es (two or three letters)"
            problems.append(Problem(shown_as, *at, field, message, hint))
            continue
        if not isinstance(glossary, Mapping):
            message = f"expected a mapping of labels, got {_kind(glossary)}"
            problems.append(Problem(shown_as, *at, field, message, "e.g. es: {stages: {...}}"))
            continue
        for part, labels in glossary.items():
            if part not in parts:
                hint = did_you_mean(str(part), list(parts)) or f"one of {', '.join(parts)}"
                problems.append(Problem(shown_as, *at, f"{field}.{part}", "unknown part", hint))
            elif not isinstance(labels, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in labels.items()
            ):
                problems.append(
                    Problem(
                        shown_as,
                        *at,
                        f"{field}.{part}",
                        f"expected English -> {language} words, got {_kind(labels)}",
                        f"e.g. {part}: {{English: words in {language}}}",
                    )
                )
    return problems


def _vocabulary_problems(
    value: Mapping[str, Any], names: tuple[str, ...], at: tuple[int, int], shown_as: str
) -> list[Problem]:
    problems = []
    for name, words in value.items():
        field = f"vocabularies.{name}"
        if name not in names:
            hint = did_you_mean(str(name), list(names)) or f"one of {', '.join(names)}"
            problems.append(Problem(shown_as, *at, field, "unknown vocabulary", hint))
        elif (
            not isinstance(words, list | tuple)
            or not words
            or not all(isinstance(w, str) and w.strip() for w in words)
        ):
            problems.append(
                Problem(
                    shown_as,
                    *at,
                    field,
                    f"expected a list of words, got {_kind(words)}",
                    f"e.g. {name}: [first, second]",
                )
            )
    return problems


def option_positions(text: str) -> dict[str, tuple[int, int]]:
    """Where each option under `- leadportal:` starts in mkdocs.yml (best effort: {} if the
    file's shape is unusual)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    plugins = _value(root, "plugins")
    entries = plugins.value if isinstance(plugins, yaml.SequenceNode) else []
    for entry in entries:
        ours = _value(entry, "leadportal")
        if isinstance(ours, yaml.MappingNode):
            return {
                str(key.value): (key.start_mark.line + 1, key.start_mark.column + 1)
                for key, _ in ours.value
                if isinstance(key, yaml.ScalarNode)
            }
    return {}


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            found: yaml.Node = value_node
            return found
    return None
