"""Read the portal's settings from mkdocs.yml without MkDocs (for the command line)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from leadportal.records.settings import Settings, settings_from


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may carry `!ENV` and `!!python/name:` tags; their values don't matter here."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "leadportal" in entry:
            return dict(entry["leadportal"] or {})
        if entry == "leadportal":
            return {}
    return {}


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data (tags such as `!ENV` read as None)."""
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def read_settings(config_file: Path, **extra: Any) -> Settings:
    config = read_config(config_file)
    root = config_file.resolve().parent
    docs_dir = root / str(config.get("docs_dir") or "docs")
    return settings_from(
        root,
        docs_dir,
        plugin_options(config),
        site_name=str(config.get("site_name") or "LEAD Portal"),
        site_url=str(config.get("site_url") or ""),
        **extra,
    )


def published_site_url(config_file: Path) -> str:
    """site_url as mkdocs.yml writes it ("" when unset or given by a tag such as `!ENV`)."""
    value = read_config(config_file).get("site_url")
    return value if isinstance(value, str) else ""
