"""Portal settings: folders, vocabularies and switches, read from the plugin's mkdocs.yml entry."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from leadportal.records.options import OptionsError, Where, option_problems

DEFAULT_VOCABULARIES: dict[str, tuple[str, ...]] = {
    "stages": ("exploring", "developing", "launching", "operating", "paused", "ended"),
    "referral_pathways": ("arrest diversion", "social contact", "community referral"),
    "partner_roles": (
        "project management",
        "law enforcement",
        "prosecution",
        "public defense",
        "case management",
        "behavioral health",
        "housing",
        "local government",
        "community organization",
        "evaluation",
        "funder",
        "other",
    ),
    "document_kinds": (
        "toolkit",
        "guide",
        "evaluation",
        "report",
        "policy brief",
        "fact sheet",
        "template",
        "presentation",
        "training",
        "video",
        "webinar",
        "article",
    ),
    "topics": (
        "harm reduction",
        "case management",
        "systems change",
        "law enforcement",
        "prosecution",
        "implementation",
        "governance",
        "community engagement",
        "evaluation",
        "racial equity",
        "housing",
        "behavioral health",
        "funding",
        "public safety",
        "drug policy",
    ),
    "audiences": (
        "community members",
        "law enforcement",
        "prosecutors",
        "public defenders",
        "case managers",
        "project managers",
        "evaluators",
        "policymakers",
        "funders",
        "behavioral health providers",
    ),
}

VOCABULARY_NAMES = tuple(DEFAULT_VOCABULARIES)

# The roles /start/ asks about: slug (the page address) -> label, the documents' `audience`
# values written for that role, and the technical-assistance form's `sector` answer (if any).
DEFAULT_ROLES: dict[str, dict[str, Any]] = {
    "police": {
        "label": "Police or sheriff",
        "audiences": ["law enforcement"],
        "sector": "Law enforcement",
    },
    "prosecutor": {"label": "Prosecutor", "audiences": ["prosecutors"], "sector": "Prosecution"},
    "public-defender": {
        "label": "Public defender",
        "audiences": ["public defenders"],
        "sector": "Public defense",
    },
    "provider": {
        "label": "Case management or behavioral health provider",
        "audiences": ["case managers", "behavioral health providers"],
        "sector": "Behavioral health",
    },
    "local-government": {
        "label": "Local government",
        "audiences": ["policymakers", "project managers"],
    },
    "community": {
        "label": "Community member or person with lived experience",
        "audiences": ["community members"],
    },
    "funder": {"label": "Funder", "audiences": ["funders"], "sector": "Funder"},
    "evaluator": {"label": "Evaluator", "audiences": ["evaluators"], "sector": "Evaluator"},
}

# File types a document may have (lower-case extensions): PDF, Word, Excel, PowerPoint,
# their OpenDocument equivalents, images and video. SVG is left out: it can carry scripts.
DEFAULT_FILE_TYPES: tuple[str, ...] = (
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "odp",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "mp4",
    "webm",
)


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH (UTC) when set, so rebuilds are byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


FROM_MKDOCS = {"option": False}  # not a plugin option: taken from mkdocs.yml's own keys


@dataclass(frozen=True)
class Settings:
    """Everything the core needs to know about one portal; no MkDocs objects in here."""

    root: Path = field(metadata=FROM_MKDOCS)
    docs_dir: Path = field(metadata=FROM_MKDOCS)
    sites_dir: str = "sites"
    resources_dir: str = "resources"
    forms_dir: str = "contact"
    geocode_cache: str = "sites/geocode-cache.json"
    # `leadportal geocode`: "nominatim" (OpenStreetMap, needs the network and a user agent
    # that names you) or "offline" (the packaged US places: cities, counties, ZIP codes).
    geocoder: str = "nominatim"
    geocoder_user_agent: str = ""  # e.g. "lead-portal/1.0 (bureau@example.org)"
    geocoder_domain: str = "nominatim.openstreetmap.org"  # or your own Nominatim server
    geocoder_timeout: int = 10  # seconds per request
    geocoder_retries: int = 2  # further tries after a timeout or an unavailable service
    vocabularies: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_VOCABULARIES)
    )
    site_name: str = field(default="LEAD Portal", metadata=FROM_MKDOCS)
    site_url: str = field(default="", metadata=FROM_MKDOCS)
    # The language this build renders: theme.language when it is one of `translations`.
    language: str = field(default="en", metadata=FROM_MKDOCS)
    # `mkdocs serve` replaces site_url with its own address; the address the portal is
    # published at stays here for what must not follow it (the schemas' $id). Empty: site_url.
    published_url: str = field(default="", metadata=FROM_MKDOCS)
    today: dt.date = field(default_factory=build_date, metadata=FROM_MKDOCS)
    form_backend: str = ""  # https:// endpoint, mailto:address, or empty (Netlify or per form)
    form_backend_kind: str = ""  # post | netlify | mailto; empty: from the form_backend address
    form_encoding: str = "form"  # form | json: how a post backend gets the fields
    form_email: str = ""  # offered as "Send by e-mail instead"; default: a mailto backend's
    form_honeypot: str = "website_url"
    form_min_seconds: int = 3
    form_redirect_field: str = "_next"  # where a post backend finds the thank-you page
    contact_other_ways: str = ""  # Markdown shown on /contact/ under "Other ways to reach"
    stale_after_months: int = 12
    # "Start here" (/start/): the stages and steps (relative to docs/), the roles, and the
    # form its "request help" button opens with the visitor's answers filled in.
    start_steps: str = "start/steps.yml"
    roles: Mapping[str, Any] = field(default_factory=lambda: dict(DEFAULT_ROLES))
    start_form: str = "request-technical-assistance"
    tiles: str = "openstreetmap"
    tiles_attribution: str = ""
    allowed_file_types: list[str] = field(default_factory=lambda: list(DEFAULT_FILE_TYPES))
    max_file_mb: int = 25
    data_publisher: str = "LEAD Support Bureau"  # credited in the open-data files and feed
    # Web editing (Sveltia CMS at /admin/): the Git host staff publish to (github, gitlab or
    # gitea), the repository (owner/name) and branch, and the sign-in helper's address (the
    # OAuth client the editor documents; without it staff sign in with an access token).
    cms_backend: str = "github"
    cms_repo: str = ""
    cms_branch: str = "main"
    cms_auth_url: str = ""
    # Folders under docs/ whose pages are for the Bureau's own people (the staff guide, the
    # benchmarks): reachable by address, but kept out of the site map, sitemap.xml and search,
    # and marked noindex. A page added to one of them later is caught by the same rule.
    internal_pages: list[str] = field(default_factory=lambda: ["staff/", "benchmarks/"])
    # The menu tab of pages outside the menus whose folder has no tab of its own: folder ->
    # the address of the menu page to light (other folders take the tab of their address).
    menu_homes: Mapping[str, str] = field(
        default_factory=lambda: {"data/": "resources/", "start/": "implementing-lead/"}
    )

    # Other languages of the portal (today `es`): language -> vocabulary labels, role labels
    # and the fixed terms of the program (the glossary). Each language gets a build under /<lang>/.
    translations: Mapping[str, Any] = field(default_factory=dict)

    def is_internal(self, page_path: str) -> bool:
        """Whether a page (its path under docs/, e.g. ``staff/index.md``) is internal."""
        folders = (f"{folder.strip('/')}/" for folder in self.internal_pages if folder.strip("/"))
        return any(page_path.startswith(folder) for folder in folders)

    @property
    def public_url(self) -> str:
        return self.published_url or self.site_url

    @property
    def sites_path(self) -> Path:
        return self.root / self.sites_dir

    @property
    def resources_path(self) -> Path:
        return self.docs_dir / self.resources_dir

    @property
    def steps_path(self) -> Path:
        return self.docs_dir / self.start_steps

    @property
    def forms_path(self) -> Path:
        return self.docs_dir / self.forms_dir

    def vocabulary(self, name: str) -> tuple[str, ...]:
        return tuple(self.vocabularies[name])

    def relative(self, path: Path) -> str:
        """A path as staff see it: relative to the project root, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def vocabularies_from(options: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Defaults, with any vocabulary that mkdocs.yml names replaced as a whole."""
    merged = dict(DEFAULT_VOCABULARIES)
    for name, values in options.items():
        merged[name] = tuple(str(v) for v in values)
    return merged


def plugin_option_defaults() -> dict[str, Any]:
    """Every plugin option (a Settings field not taken from MkDocs) with its default value."""
    options = {}
    for f in fields(Settings):
        if f.metadata.get("option", True):
            factory = f.default_factory
            options[f.name] = f.default if factory is MISSING else factory()
    return options


def settings_from(
    root: Path,
    docs_dir: Path,
    options: Mapping[str, Any],
    where: Where | None = None,
    **extra: Any,
) -> Settings:
    """Settings from the plugin's options (the mapping under `leadportal:` in mkdocs.yml);
    OptionsError lists every option of the wrong kind, at its line (`where`)."""
    defaults = plugin_option_defaults()
    problems = option_problems(options, defaults, VOCABULARY_NAMES, where or {})
    if problems:
        raise OptionsError(problems)
    known = set(defaults)
    values = {k: v for k, v in options.items() if k in known and k != "vocabularies"}
    values.update(extra)
    vocab = vocabularies_from(options.get("vocabularies") or {})
    return Settings(root=root, docs_dir=docs_dir, vocabularies=vocab, **values)
