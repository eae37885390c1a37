"""The MkDocs adapter: check records before anything is written, then add generated files."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .generate import generate
from .outputs import Output, split_page
from .settings import Settings, settings_from

log = logging.getLogger("mkdocs.plugins.leadportal")


class LeadPortalConfig(base.Config):
    enabled = c.Type(bool, default=True)
    sites_dir = c.Type(str, default="sites")
    resources_dir = c.Type(str, default="resources")
    forms_dir = c.Type(str, default="contact")
    geocode_cache = c.Type(str, default="sites/geocode-cache.json")
    vocabularies = c.Type(dict, default={})
    form_backend = c.Type(str, default="")
    stale_after_months = c.Type(int, default=12)
    tiles = c.Type(str, default="openstreetmap")
    tiles_attribution = c.Type(str, default="")


def settings_for(config: MkDocsConfig, options: dict[str, Any]) -> Settings:
    root = Path(config.config_file_path).resolve().parent
    return settings_from(
        root,
        Path(config.docs_dir),
        options,
        site_name=config.site_name,
        site_url=config.site_url or "",
    )


class LeadPortalPlugin(BasePlugin[LeadPortalConfig]):
    def __init__(self) -> None:
        self.outputs: list[Output] = []
        self.bodies: dict[str, str] = {}
        self.settings: Settings | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.settings = settings_for(config, dict(self.config))
        result = generate(self.settings)
        for problem in result.problems:
            (log.error if problem.is_error else log.warning)(str(problem))
        if not result.ok:
            errors = sum(p.is_error for p in result.problems)
            raise PluginError(
                f"{errors} problem(s) in the records; nothing was written. "
                "Fix the lines above and build again (`leadportal check` lists them too)."
            )
        self.outputs = result.outputs
        self.bodies = {o.path: split_page(str(o.content))[1] for o in self.outputs if o.is_page}
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.settings is None:
            return files
        record_folders = (self.settings.resources_dir + "/", self.settings.forms_dir + "/")
        for file in list(files):
            if file.src_uri.startswith(record_folders) and file.src_uri.endswith((".yml", ".yaml")):
                files.remove(file)
        for output in self.outputs:
            existing = files.get_file_from_path(output.path)
            if existing is not None:
                log.warning(
                    f"docs/{output.path} is replaced by a generated file; rename or remove it"
                )
                files.remove(existing)
            files.append(
                File.generated(
                    config, output.path, content=output.content, inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Generated bodies are finished HTML: skip the Markdown pass (the costliest build step).
        return "" if page.file.src_uri in self.bodies else markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self.bodies.get(page.file.src_uri, html)
