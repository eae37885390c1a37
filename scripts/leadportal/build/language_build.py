"""Run the build of each language under `translations:` after the English one (MkDocs)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from leadportal.build.languages import language_overrides
from leadportal.records.mkdocs_yml import read_config
from leadportal.records.settings import Settings
from leadportal.render.i18n import strings_block
from leadportal.render.templating import FAMILIES


def build_languages(config: MkDocsConfig, settings: Settings) -> None:
    """`mkdocs build` once more per language, into <site_dir>/<language>/; under --strict a
    warning there fails the English build too (MkDocs counts every mkdocs.* warning)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    raw = read_config(Path(config.config_file_path))
    # `mkdocs serve` has put its own address in site_url: the other languages follow it.
    raw = {**raw, "site_url": config.site_url or raw.get("site_url")}
    for language in sorted(settings.translations):
        overrides = language_overrides(raw, config.site_dir, language)
        other = load_config(config.config_file_path, strict=config.strict, **overrides)
        other.plugins.on_startup(command="build", dirty=False)
        try:
            build(other)
        finally:
            other.plugins.on_shutdown()


@cache
def page_scripts() -> list[str]:
    """The text of every script the portal's pages load, for their `lpT` strings."""
    scripts = []
    for family in FAMILIES:
        folder = resources.files(f"leadportal.{family}").joinpath("assets")
        if folder.is_dir():
            names = sorted(i.name for i in folder.iterdir() if i.name.endswith(".js"))
            scripts += [folder.joinpath(n).read_text(encoding="utf-8") for n in names]
    return scripts


@cache
def scripts_words(language: str) -> str:
    """The `lp-strings` block every page in `language` carries: the same for all of them."""
    return strings_block(page_scripts(), language)
