"""The portal in other languages: one MkDocs build per language, each into /<language>/.

The English build (mkdocs.yml as written) runs the build of every language under
`translations:` when it is done, into <site_dir>/<language>/, from the same docs/ with:
the theme's interface in that language, the nav titles and site texts from render/strings,
each page's `<name>.<language>.md` in place of `<name>.md`, and no internal pages, record
files or document files (its pages link the English build's copies).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from leadportal.render.i18n import ENGLISH, LANGUAGE_NAMES, words_for
from leadportal.render.urls import in_root, relative_url


def twin_source(src_uri: str, language: str) -> str:
    """`about.md` -> `about.es.md`: where a page's text in `language` is kept."""
    return src_uri.removesuffix(".md") + f".{language}.md"


def is_translation_source(src_uri: str, languages: Mapping[str, Any]) -> bool:
    """Whether a file is a page's text in another language (`about.es.md`)."""
    stem = src_uri.removesuffix(".md")
    return src_uri.endswith(".md") and any(stem.endswith(f".{code}") for code in languages)


def translated_nav(nav: Any, language: str) -> Any:
    """mkdocs.yml's nav with each title in `language` (pages keep their paths)."""
    if isinstance(nav, list):
        return [translated_nav(item, language) for item in nav]
    if isinstance(nav, dict):
        return {words_for(str(k), language): translated_nav(v, language) for k, v in nav.items()}
    return nav


def translated_theme(theme: Mapping[str, Any], language: str) -> dict[str, Any]:
    """The theme options with the interface in `language` and the palette toggles' names."""
    palette = []
    for scheme in theme.get("palette") or []:
        toggle = dict(scheme.get("toggle") or {})
        if "name" in toggle:
            toggle["name"] = words_for(str(toggle["name"]), language)
        palette.append({**scheme, **({"toggle": toggle} if toggle else {})})
    return {**theme, "language": language, **({"palette": palette} if palette else {})}


def language_overrides(raw: Mapping[str, Any], site_dir: str, language: str) -> dict[str, Any]:
    """The top-level mkdocs.yml keys the build in `language` replaces."""
    overrides: dict[str, Any] = {
        "site_dir": str(Path(site_dir) / language),
        "theme": translated_theme(raw.get("theme") or {}, language),
    }
    if raw.get("site_url"):
        overrides["site_url"] = urljoin(str(raw["site_url"]), f"{language}/")
    for key in ("site_name", "site_description", "copyright"):
        if raw.get(key):
            overrides[key] = words_for(str(raw[key]), language)
    if raw.get("nav"):
        overrides["nav"] = translated_nav(raw["nav"], language)
    return overrides


def alternates(url: str, language: str, languages: list[str]) -> list[dict[str, str]]:
    """The same page in each language, as links relative to the page at `url` (an address
    relative to the root of the build in `language`)."""
    here = in_root(language, url)
    return [
        {
            "lang": code,
            "name": LANGUAGE_NAMES.get(code, code),
            "link": relative_url(here, in_root(code, url)),
        }
        for code in [ENGLISH, *languages]
    ]


def portal_root(site_url: str, language: str) -> str:
    """The English root of the portal, from the site_url of the build in `language`."""
    suffix = f"{language}/"
    if language != ENGLISH and site_url.endswith(suffix):
        return site_url.removesuffix(suffix)
    return site_url


def hreflang_links(site_url: str, url: str, language: str, languages: list[str]) -> list[dict]:
    """Absolute addresses of the page in every language, plus `x-default` (the English)."""
    if not site_url:
        return []  # hreflang needs absolute addresses
    root = portal_root(site_url, language)
    links = [
        {"lang": code, "href": urljoin(root, in_root(code, url))} for code in [ENGLISH, *languages]
    ]
    return [*links, {"lang": "x-default", "href": links[0]["href"]}]


def hreflang_html(links: list[dict[str, str]]) -> str:
    """The `<link rel="alternate" hreflang>` elements of a page's twins, escaped."""
    return "\n".join(
        f'<link rel="alternate" hreflang="{html.escape(link["lang"])}" '
        f'href="{html.escape(link["href"])}">'
        for link in links
    )
