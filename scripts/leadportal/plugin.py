"""The MkDocs adapter: check records before anything is written, then add generated files."""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from leadportal.build.generate import generate
from leadportal.build.generated_page import GeneratedPage, index_generated_pages_quickly, nav_titles
from leadportal.build.language_build import build_languages, scripts_words
from leadportal.build.languages import (
    alternates,
    hreflang_html,
    hreflang_links,
    is_translation_source,
    twin_source,
)
from leadportal.build.orientation import breadcrumb, menu_owner
from leadportal.build.preview import PageMemo, memoise_template, run_fingerprint, set_aside
from leadportal.build.template_cache import keep_compiled
from leadportal.portal.home_stats import home_stats
from leadportal.portal.model import Portal
from leadportal.records.file_checks import document_files
from leadportal.records.front_matter import MAX_PAGE_BYTES, mkdocs_source
from leadportal.records.loader import FileMemo
from leadportal.records.mkdocs_yml import config_text, published_site_url
from leadportal.records.options import OptionsError, option_positions
from leadportal.records.safe_read import NotAFile, read_file
from leadportal.records.settings import Settings, plugin_option_defaults, settings_from
from leadportal.records.working_on import internal_error_problem
from leadportal.render.csp import Policy, policy_for, with_csp
from leadportal.render.i18n import ENGLISH, speaking, t_in, untranslated_page
from leadportal.render.outputs import Output, head_html, page_meta, split_page
from leadportal.render.templating import environment
from leadportal.start.guide_markdown import expand, has_marker

log = logging.getLogger("mkdocs.plugins.leadportal")
# Outside the mkdocs.* loggers, which --strict counts: reminders are shown, never fatal.
reminders = logging.getLogger("leadportal.reminders")


def _config_class() -> type[base.Config]:
    """The plugin's options are the Settings fields, so the two can never drift apart."""
    options: dict[str, Any] = {"enabled": c.Type(bool, default=True)}
    for name, default in plugin_option_defaults().items():
        # Any value passes here: on_config checks them all and names each line (options.py).
        value = dict(default) if isinstance(default, Mapping) else default
        options[name] = c.Type(object, default=value)
    return type("LeadPortalConfig", (base.Config,), options)


LeadPortalConfig = _config_class()


def settings_for(config: MkDocsConfig, options: dict[str, Any], *, serving: bool) -> Settings:
    config_file = Path(config.config_file_path).resolve()
    translations = options.get("translations")
    language = str(config.theme["language"] or ENGLISH)
    if not isinstance(translations, Mapping) or language not in translations:
        language = ENGLISH  # e.g. the theme in Spanish without the portal's translations
    return settings_from(
        config_file.parent,
        Path(config.docs_dir),
        options,
        option_positions(config_text(config_file)),
        site_name=config.site_name,
        site_url=config.site_url or "",
        language=language,
        # `mkdocs serve` has put its own address in site_url by now.
        published_url=published_site_url(config_file) if serving else "",
    )


# Theme templates the portal needs whatever its overrides/: the language switcher.
THEME_PARTS = str(Path(__file__).parent / "build" / "theme")


def _material_index(dirs: list[str]) -> int:
    """Where Material's own templates are in the theme's folders (after any custom_dir)."""
    for index, folder in enumerate(dirs):
        if Path(folder).name == "templates" and Path(folder).parent.name == "material":
            return index
    return 0


def _is_generated(page: object) -> bool:
    return isinstance(page, GeneratedPage)


class LeadPortalPlugin(BasePlugin[LeadPortalConfig]):  # type: ignore[valid-type]
    def __init__(self) -> None:
        self.outputs: list[Output] = []
        self.pages: dict[str, tuple[dict[str, Any], str]] = {}  # path -> (meta, body)
        self.settings: Settings | None = None
        self.home: dict[str, Any] = {}
        self.private_files: set[str] = set()
        self.policy: Policy | None = None
        self.portal: Portal | None = None
        self.serving = False
        self.dirty = False
        self.memo = PageMemo()  # `mkdocs serve`: pages of the previous run (build/preview.py)
        self.record_memo = FileMemo()  # and its records, read and validated
        self.deleting: list[threading.Thread] = []  # old preview files, deleted meanwhile
        self.files: Files | None = None
        self.titles: dict[str, str] | None = None  # page address -> title, once all are read
        self.lit: Page | None = None  # the menu page lit for the page being rendered
        self.menu_pages: dict[str, Page] = {}  # address -> page, for the pages in the menus
        self.document_files: set[str] = set()  # files documents name (relative to docs/)
        self.untranslated_pages: set[str] = set()  # pages without their <name>.<lang>.md

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` injects an inline live-reload script that no build-time hash covers.
        self.serving = command == "serve"
        self.dirty = dirty  # `serve --dirty` keeps the previous files: nothing to set aside

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not getattr(self.config, "enabled", True):
            return config
        try:
            self.settings = settings_for(config, dict(self.config), serving=self.serving)
            keep_compiled(environment())
            if self.serving:
                self.record_memo.next_run()
            result = generate(
                self.settings,
                self.record_memo if self.serving else None,
                language=self.settings.language,
            )
        except OptionsError as error:
            for problem in error.problems:
                log.error(str(problem))
            raise PluginError("mkdocs.yml has a problem; nothing was written.") from None
        except Exception as error:  # a bug: one line naming the file, not a traceback
            log.error(str(internal_error_problem(error)))
            raise PluginError(
                "the build stopped on an internal error; nothing was written."
            ) from None
        # The English build has shown every problem; the other languages' builds repeat none.
        shown = result.problems if self.english or not result.ok else []
        for problem in shown:
            if problem.is_error:
                log.error(str(problem))
            else:
                (log if problem.stops_publishing else reminders).warning(str(problem))
        # Warnings stop the English build; the other languages' builds follow it.
        stopping = [
            p for p in result.problems if p.stops_publishing and (self.english or p.is_error)
        ]
        # Under --strict a warning fails the build: say so now, before site/ is touched.
        if not result.ok or (config.strict and stopping):
            errors = sum(p.is_error for p in stopping)
            raise PluginError(
                f"{errors} error(s) and {len(stopping) - errors} warning(s) in the records; "
                "nothing was written. Fix the lines above and build again "
                "(`leadportal check` lists them too)."
            )
        self.outputs = result.outputs
        self.private_files = set(result.private_files)
        self.policy = None if self.serving or result.portal is None else policy_for(result.portal)
        self.pages = {}
        for output in self.outputs:
            if output.is_page:
                front, body = split_page(str(output.content))
                self.pages[output.path] = (page_meta(front), body)
        self.home = home_stats(result.portal) if result.portal else {}
        self.portal = result.portal
        self.document_files = set(document_files(result.records.documents, self.settings))
        if self.settings.translations:
            # Truthy but not iterable: the theme's header includes the language switcher
            # (overrides/partials/alternate.html, fed by on_page_context), and its own hreflang
            # links, which the `url` filter would mangle for other builds' pages, are left out.
            config.extra["alternate"] = True
            if THEME_PARTS not in config.theme.dirs:
                config.theme.dirs.insert(_material_index(config.theme.dirs), THEME_PARTS)
        return config

    @property
    def english(self) -> bool:
        return self.settings is None or self.settings.language == ENGLISH

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.serving and getattr(self.config, "enabled", True):
            worker = set_aside(Path(config.site_dir))
            self.deleting = [t for t in self.deleting if t.is_alive()] + (
                [worker] if worker else []
            )
        if getattr(self.config, "enabled", True) and self.pages:
            find = self.memo.sections if self.serving else None
            index_generated_pages_quickly(config, *([find] if find else []))

    def has_twins(self, page: Page) -> bool:
        """Whether the page exists in every language (all public pages but internal ones)."""
        settings = self.settings
        return bool(settings and settings.translations) and not settings.is_internal(  # type: ignore[union-attr]
            page.file.src_uri
        )

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        if getattr(self.config, "enabled", True):
            keep_compiled(env)
            # The theme's templates (overrides/) say the portal's own words with lp_t("...").
            env.globals["lp_t"] = t_in(self.settings.language if self.settings else ENGLISH)
            # sitemap.xml is rendered before the pages: give each page its twins now.
            languages = sorted(self.settings.translations) if self.settings else []
            for file in files.documentation_pages():
                page = file.page
                if page is not None and self.has_twins(page):
                    here = (page.url, self.settings.language, languages)  # type: ignore[union-attr]
                    page.lead_hreflang = hreflang_links(config.site_url or "", *here)  # type: ignore[attr-defined]
        if not (self.serving and self.pages and getattr(self.config, "enabled", True)):
            return env
        config_file = Path(config.config_file_path or "mkdocs.yml")
        self.memo.start_run(run_fingerprint(config_file, config.theme.dirs, self.home))
        names = {str(meta.get("template", "main.html")) for meta, _ in self.pages.values()}
        for name in sorted(names):
            memoise_template(env.get_template(name), name, self.memo, _is_generated)
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not getattr(self.config, "enabled", True) or self.settings is None:
            return files
        record_folders = (self.settings.resources_dir + "/", self.settings.forms_dir + "/")
        for file in list(files):
            is_record = file.src_uri == self.settings.start_steps or (
                file.src_uri.startswith(record_folders) and file.src_uri.endswith((".yml", ".yaml"))
            )
            # Files that only `public: false` documents name are not published either.
            if is_record or file.src_uri in self.private_files:
                files.remove(file)
        languages = self.settings.translations
        for file in list(files):
            if is_translation_source(file.src_uri, languages):
                files.remove(file)  # `about.es.md`: shown by the Spanish build at /es/about/
            elif not self.english and self._not_in_twin(file.src_uri):
                files.remove(file)
            elif not self.english and file.is_documentation_page():
                self._use_translation(file)
        titles = nav_titles(config.nav)
        for output in self.outputs:
            existing = files.get_file_from_path(output.path)
            if existing is not None:
                log.warning(
                    f"docs/{output.path} is replaced by a generated file; rename or remove it"
                )
                files.remove(existing)
            file = File.generated(
                config, output.path, content=output.content, inclusion=InclusionLevel.NOT_IN_NAV
            )
            files.append(file)
            if output.path in self.pages:
                # Generated bodies are finished HTML: no Markdown pass (the costliest build step).
                GeneratedPage(titles.get(output.path), file, config, *self.pages[output.path])
        return files

    def _not_in_twin(self, src_uri: str) -> bool:
        """Files a build in another language leaves to the English one: internal pages, the
        JSON Schemas, and the documents' own files (its pages link the English copies)."""
        assert self.settings is not None
        return (
            self.settings.is_internal(src_uri)
            or src_uri.startswith("schemas/")
            or src_uri in self.document_files
        )

    def _use_translation(self, file: File) -> None:
        assert self.settings is not None
        if not file.abs_src_path:
            return
        source = self.settings.docs_dir / twin_source(file.src_uri, self.settings.language)
        raw = read_file(source, self.settings.root, MAX_PAGE_BYTES)
        if isinstance(raw, NotAFile):
            self.untranslated_pages.add(file.src_uri)  # shown in English, marked as such
        else:
            text = raw.decode("utf-8-sig", "replace")
            file.content_string = mkdocs_source(text) or text

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if getattr(self.config, "enabled", True) and self.settings and self.english:
            build_languages(config, self.settings)

    def on_shutdown(self) -> None:
        for worker in self.deleting:
            worker.join()

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.settings is not None and self.settings.is_internal(page.file.src_uri):
            # Staff and benchmark pages: out of search and sitemap.xml, noindex (main.html).
            search = page.meta.get("search")
            page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
            page.meta["robots"] = "noindex"
        # A page asking for the stages and steps (the implementation page) gets them here.
        if self.portal is None or not has_marker(markdown):
            return markdown
        if not self.portal.guides:
            log.warning(
                f"docs/{page.file.src_uri} asks for the stages and steps, but there is no "
                f"docs/{self.portal.settings.start_steps}; add it or remove the marker"
            )
        return expand(markdown, page.file.src_uri, self.portal)

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # A page without its text in this language (no <name>.<language>.md yet): the
        # English, marked as English, and said so.
        if self.settings is not None and page.file.src_uri in self.untranslated_pages:
            with speaking(self.settings.language):
                return str(untranslated_page(html))
        return html

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        # Front matter closed on the last line without a newline: MkDocs would show it as text.
        source = page.file.abs_src_path
        if not getattr(self.config, "enabled", True) or self.settings is None or not source:
            return None
        raw = read_file(Path(source), self.settings.root, MAX_PAGE_BYTES)
        return (
            None if isinstance(raw, NotAFile) else mkdocs_source(raw.decode("utf-8-sig", "replace"))
        )

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        self.files, self.titles = files, None
        self.menu_pages = {p.url: p for p in nav.pages}
        return nav

    def page_titles(self) -> dict[str, str]:
        # MkDocs reads every page before it renders the first, so all titles are known here.
        if self.titles is None:
            pages = [f.page for f in self.files.documentation_pages()] if self.files else []
            self.titles = {p.url: p.title for p in pages if p is not None and p.title}
        return self.titles

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        # The home page template (overrides/home.html) shows these live counts.
        context["lead_home"] = self.home  # type: ignore[typeddict-unknown-key]
        if self.settings is None:
            return context
        if self.has_twins(page):
            languages = sorted(self.settings.translations)
            here = (page.url, self.settings.language, languages)
            context["lead_alternates"] = alternates(*here)  # type: ignore[typeddict-unknown-key]
            context["lead_hreflang"] = page.lead_hreflang  # type: ignore[typeddict-unknown-key,attr-defined]
        # Pages outside the menus light the tab they belong to, and show the way back up.
        context["lead_breadcrumb"] = breadcrumb(page.url, self.page_titles())  # type: ignore[typeddict-unknown-key]
        if self.menu_pages.get(page.url) is not page:
            owner = menu_owner(page.url, self.menu_pages, self.settings.menu_homes)
            if owner is not None:
                self.lit = self.menu_pages[owner]
                self.lit.active = True
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.lit is not None:
            self.lit.active = False
            self.lit = None
        # Stylesheets, scripts and feed links that generated pages ask for, whatever the theme.
        extra = page.meta.get("leadportal_head") if isinstance(page, GeneratedPage) else None
        if extra and "</head>" in output:
            output = output.replace("</head>", head_html(extra) + "\n</head>", 1)
        twins = getattr(page, "lead_hreflang", None)
        if twins and "</head>" in output:  # absolute, as hreflang wants
            output = output.replace("</head>", hreflang_html(twins) + "\n</head>", 1)
        if self.settings is not None and not self.english and "</body>" in output:
            block = scripts_words(self.settings.language)
            output = output.replace("</body>", block + "\n</body>", 1)
        return with_csp(output, self.policy) if self.policy else output

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if self.policy and template_name.endswith(".html"):
            return with_csp(output_content, self.policy)
        return output_content
