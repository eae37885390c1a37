"""The web editor at /admin/: Decap CMS's page and its generated config.yml.

Static files, not pages, so they stay out of the navigation, the sitemap and the search index.
This page alone loads a script from another host (Decap, from its CDN; `cms_script` in
mkdocs.yml), so it carries its own Content-Security-Policy instead of the public pages' one;
every public page stays self-contained.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from urllib.parse import urlsplit

from leadportal.admin.decap import decap_config_text
from leadportal.portal.model import Portal
from leadportal.records.settings import DEFAULT_CMS_SCRIPT, Settings
from leadportal.render.outputs import Output

# Subresource integrity of the pinned default script (the file as the npm package ships it).
KNOWN_INTEGRITY = {
    DEFAULT_CMS_SCRIPT: "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p",
}
IDENTITY_WIDGET = "https://identity.netlify.com/v1/netlify-identity-widget.js"


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else "'self'"


def admin_policy(settings: Settings) -> str:
    """The editor's own Content-Security-Policy (public pages get the strict one from csp.py).

    Decap needs its CDN, eval (it compiles its config schema at run time), inline styles,
    and https: connections to the Git host; Netlify Identity needs its widget's origin.
    """
    scripts = ["'self'", "'unsafe-eval'", origin(settings.cms_script)]
    frames = ["'self'"]
    if settings.cms_backend == "git-gateway":
        scripts.append(origin(IDENTITY_WIDGET))
        frames.append(origin(IDENTITY_WIDGET))
    directives = {
        "default-src": ["'self'"],
        "script-src": list(dict.fromkeys(scripts)),
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", "https:"],
        "frame-src": frames,
        "worker-src": ["'self'", "blob:"],
        "form-action": ["'self'", "https:"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def script_tag(url: str) -> str:
    integrity = KNOWN_INTEGRITY.get(url)
    extra = f' integrity="{integrity}" crossorigin="anonymous"' if integrity else ""
    return f'<script src="{escape(url)}"{extra}></script>'


def admin_page(settings: Settings) -> str:
    """Decap's page: its script goes in <body> (it mounts itself there as it loads)."""
    identity = [script_tag(IDENTITY_WIDGET)] if settings.cms_backend == "git-gateway" else []
    policy = escape(admin_policy(settings))
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
            '<link href="config.yml" type="text/yaml" rel="cms-config-url">',
            *identity,
            "</head>",
            "<body>",
            "<noscript>The editor needs JavaScript. Staff can also edit the YAML files in the "
            "repository: see the staff guide.</noscript>",
            script_tag(settings.cms_script),
            "</body>",
            "</html>",
            "",
        ]
    )


def admin_files(portal: Portal) -> Iterator[Output]:
    yield Output("admin/index.html", admin_page(portal.settings))
    yield Output("admin/config.yml", decap_config_text(portal.settings))
