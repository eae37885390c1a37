"""The web editor at /admin/: its page, its generated config.yml and the vendored editor.

Static files, not pages, so they stay out of the navigation, the sitemap and the search index.
The editor (Sveltia CMS) and its fonts are served from the portal itself, so the page's own
Content-Security-Policy names no other host except the Git host's API it publishes to.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from urllib.parse import urlsplit

from leadportal.admin.editor_config import editor_config_text, form_field_names
from leadportal.admin.vendor import EDITOR_SCRIPT, VENDOR_DIR, vendor_outputs
from leadportal.portal.model import Portal
from leadportal.records.settings import Settings
from leadportal.render.outputs import Output

# What each Git host's editor backend talks to (its API) and shows (avatars).
GIT_HOSTS: dict[str, dict[str, list[str]]] = {
    "github": {
        "connect": ["https://api.github.com"],
        "img": ["https://avatars.githubusercontent.com"],
    },
    "gitlab": {
        "connect": ["https://gitlab.com"],
        "img": ["https://gitlab.com", "https://secure.gravatar.com"],
    },
    "gitea": {"connect": [], "img": []},
}


def origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def admin_policy(settings: Settings) -> str:
    """The editor's own Content-Security-Policy (public pages get the strict one from csp.py).

    Its scripts and fonts are the portal's own; it injects its styles and previews uploads
    from blob: addresses; it talks to the Git host's API (and the sign-in helper, if set).
    """
    host = GIT_HOSTS.get(settings.cms_backend, {"connect": [], "img": []})
    helper = [found] if (found := origin(settings.cms_auth_url)) else []
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *host["img"]],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", "blob:", "data:", *host["connect"], *helper],
        "frame-src": ["'self'", "blob:"],
        "worker-src": ["'self'", "blob:"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
    return "; ".join(
        f"{name} {' '.join(dict.fromkeys(sources))}" for name, sources in directives.items()
    )


def admin_page(settings: Settings) -> str:
    """The editor's page: its script goes in <body> (it mounts itself there as it loads)."""
    policy = escape(admin_policy(settings))
    guide = (settings.docs_dir / "staff" / "index.md").is_file()  # a portal may have none
    staff_guide = 'the <a href="../staff/">staff guide</a>' if guide else "the staff guide"
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="robots" content="noindex, nofollow">',
            f"<title>Edit the content · {escape(settings.site_name)}</title>",
            '<link href="config.yml" type="application/yaml" rel="cms-config-url">',
            "</head>",
            "<body>",
            "<noscript>The editor needs JavaScript. Staff can also edit the YAML files in the "
            f"repository: see {staff_guide}.</noscript>",
            f'<script src="{VENDOR_DIR.removeprefix("admin/")}/{EDITOR_SCRIPT}"></script>',
            "</body>",
            "</html>",
            "",
        ]
    )


def admin_files(portal: Portal) -> Iterator[Output]:
    yield Output("admin/index.html", admin_page(portal.settings))
    forms = form_field_names(
        (form.record.title, [field.name for field in form.record.fields]) for form in portal.forms
    )
    yield Output("admin/config.yml", editor_config_text(portal.settings, forms))
    yield from vendor_outputs()
