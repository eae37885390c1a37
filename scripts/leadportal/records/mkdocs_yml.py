"""Read the portal's settings from mkdocs.yml without MkDocs (for the command line)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from leadportal.records.options import OptionsError, option_positions
from leadportal.records.positions import Lines, decode, syntax_problem
from leadportal.records.problems import Problem
from leadportal.records.safe_read import NotAFile, file_problem, read_file
from leadportal.records.settings import Settings, settings_from

MAX_CONFIG_BYTES = 1_000_000


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may carry `!ENV` and `!!python/name:` tags; their values don't matter here."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    plugins = config.get("plugins") or []
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and "leadportal" in entry:
            options = entry["leadportal"] or {}
            if not isinstance(options, dict):
                problem = Problem(
                    "mkdocs.yml",
                    message="the leadportal options are not a mapping",
                    hint="write each option on its own line below `- leadportal:`",
                )
                raise OptionsError([problem])
            return dict(options)
        if entry == "leadportal":
            return {}
    return {}


def config_text(config_file: Path) -> str:
    """The text of mkdocs.yml; OptionsError when it cannot be read as text."""
    raw = read_file(config_file, config_file.resolve().parent, MAX_CONFIG_BYTES, "mkdocs.yml")
    shown = config_file.name
    if isinstance(raw, NotAFile):
        raise OptionsError([file_problem(shown, raw)])
    text, problems = decode(raw, shown)
    if text is None:
        raise OptionsError(problems)
    return text


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data (tags such as `!ENV` read as None); OptionsError names the
    line of a YAML error, or says the file holds no settings."""
    text = config_text(config_file)
    try:
        config = yaml.load(text, Loader=_TolerantLoader) or {}
    except yaml.MarkedYAMLError as error:
        raise OptionsError([syntax_problem(error, config_file.name, Lines(text))]) from None
    except (yaml.YAMLError, RecursionError):
        problem = Problem(config_file.name, 1, 1, "", "cannot be read as YAML")
        raise OptionsError([problem]) from None
    if not isinstance(config, dict):
        problem = Problem(
            config_file.name, 1, 1, "", "expected settings as `key: value` lines", "see the README"
        )
        raise OptionsError([problem])
    return config


def read_settings(config_file: Path, **extra: Any) -> Settings:
    config = read_config(config_file)
    root = config_file.resolve().parent
    docs_dir = root / str(config.get("docs_dir") or "docs")
    options = plugin_options(config)
    return settings_from(
        root,
        docs_dir,
        options,
        option_positions(config_text(config_file)) if options else None,
        site_name=str(config.get("site_name") or "LEAD Portal"),
        site_url=str(config.get("site_url") or ""),
        **extra,
    )


def published_site_url(config_file: Path) -> str:
    """site_url as mkdocs.yml writes it ("" when unset or given by a tag such as `!ENV`)."""
    try:
        value = read_config(config_file).get("site_url")
    except OptionsError:
        return ""  # MkDocs read the same file: it says what is wrong
    return value if isinstance(value, str) else ""
