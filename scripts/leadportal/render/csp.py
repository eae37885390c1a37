"""Content Security Policy: a meta tag in every HTML file, allowing our own origin only,
plus the form backends on pages and the configured tile host in the map document.

Inline scripts (the theme's and the map's) are allowed by their sha256 hash, computed from
the finished HTML, so an injected script never runs. Styles may be inline (the Markdown
table extension and the map library write style attributes) but never from another origin.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from html import escape
from urllib.parse import urlsplit

from leadportal.portal.model import Portal
from leadportal.records.settings import Settings
from leadportal.records.tiles import tiles_for
from leadportal.render.outputs import Output

Policy = Mapping[str, tuple[str, ...]]

META_NAME = "Content-Security-Policy"
INLINE_SCRIPT = re.compile(
    r"<script\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL
)
SCRIPT_TYPE = re.compile(r"\btype\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)
SCRIPT_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
EXISTING_META = re.compile(
    r"<meta\s+http-equiv=[\"']?Content-Security-Policy[\"']?[^>]*>\s*", re.IGNORECASE
)
CHARSET_META = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
HEAD_START = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
SUBDOMAIN_TEMPLATE = re.compile(r"^\{[a-z]+\}\.")
SOURCE_HOST = re.compile(r"^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:[0-9]{1,5})?$")


def source_of(url: str) -> str | None:
    """The CSP source for an http(s) URL (`https://*.host` for a `{s}` sub-domain), or None.

    Anything but a plain host name and port is refused, so a URL cannot add directives.
    """
    parts = urlsplit(url.strip())
    host = SUBDOMAIN_TEMPLATE.sub("*.", parts.netloc.rsplit("@", 1)[-1], count=1).lower()
    if parts.scheme not in {"http", "https"} or not SOURCE_HOST.match(host):
        return None
    return f"{parts.scheme}://{host}"


def tile_source(settings: Settings) -> str | None:
    """The CSP source of the configured map tiles, or None when the map has no tiles."""
    tiles = tiles_for(settings)
    return source_of(tiles.url) if tiles else None


def form_sources(actions: Iterable[str]) -> tuple[list[str], list[str]]:
    """(connect sources, form-action sources) for the form backends."""
    connect: list[str] = []
    targets: list[str] = []
    for action in actions:
        if action.lower().startswith("mailto:"):
            targets.append("mailto:")
        elif source := source_of(action):
            connect.append(source)
            targets.append(source)
    return connect, targets


def _unique(sources: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(sources))


def base_policy(settings: Settings, form_actions: Iterable[str]) -> Policy:
    """The policy of every page, before the hashes of its own inline scripts.

    Pages show no map tiles themselves (the map is a document of its own, in a frame).
    """
    actions = [a for a in (settings.form_backend, *form_actions) if a]
    connect, targets = form_sources(actions)
    return {
        "default-src": ("'self'",),
        "script-src": ("'self'",),
        "style-src": ("'self'", "'unsafe-inline'"),
        "img-src": ("'self'", "data:"),
        "font-src": ("'self'",),
        "connect-src": _unique(["'self'", *connect]),
        "frame-src": ("'self'",),
        "worker-src": ("'self'",),
        "form-action": _unique(["'self'", *targets]),
        "base-uri": ("'self'",),
        "object-src": ("'none'",),
    }


def map_policy(settings: Settings) -> Policy:
    """The map document's policy: its own files, plus images from the tile host if any.

    It sends nothing anywhere, so it allows no form backend.
    """
    source = tile_source(settings)
    return {
        **base_policy(settings, []),
        "img-src": _unique(["'self'", "data:", *([source] if source else [])]),
        "connect-src": ("'self'",),
        "form-action": ("'self'",),
    }


def policy_for(portal: Portal) -> Policy:
    """The base policy of a portal: its settings and the actions of its public forms."""
    actions = [f.record.action for f in portal.forms if f.record.action]
    return base_policy(portal.settings, actions)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (JSON data blocks excluded)."""
    scripts = []
    for match in INLINE_SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        kind = SCRIPT_TYPE.search(attributes)
        if SCRIPT_SRC.search(attributes):
            continue
        if (kind.group(1).lower() if kind else "") in JAVASCRIPT_TYPES:
            scripts.append(body)
    return scripts


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy_text(policy: Policy) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def page_policy(html: str, policy: Policy) -> Policy:
    hashes = _unique(script_hash(s) for s in inline_scripts(html))
    return {**policy, "script-src": (*policy["script-src"], *hashes)}


def with_csp(html: str, policy: Policy) -> str:
    """`html` with its policy meta as the first thing after <meta charset> (or <head>).

    A policy governs only what follows it, so it must come before every script.
    """
    html = EXISTING_META.sub("", html)
    content = escape(policy_text(page_policy(html, policy)), quote=False).replace('"', "&quot;")
    meta = f'<meta http-equiv="{META_NAME}" content="{content}">'
    anchor = CHARSET_META.search(html) or HEAD_START.search(html)
    if anchor is None:
        return meta + "\n" + html
    return html[: anchor.end()] + "\n" + meta + html[anchor.end() :]


def has_policy(html: str) -> bool:
    return EXISTING_META.search(html) is not None


def secure_outputs(outputs: Iterable[Output], policy: Policy) -> list[Output]:
    """Standalone HTML outputs with the page policy added, unless they carry their own
    (the map document does: it alone may load map tiles)."""
    return [
        Output(o.path, with_csp(o.content, policy))
        if o.path.endswith(".html") and isinstance(o.content, str) and not has_policy(o.content)
        else o
        for o in outputs
    ]
