"""The portal's look: palette contrast in both schemes, no third-party requests, theme choices."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from contrast import contrast
from portal_helpers import REPO_ROOT
from site_files import html_files

CSS = REPO_ROOT / "docs/stylesheets/portal.css"
SCHEME_BLOCK = re.compile(r'\[data-md-color-scheme="(\w+)"\]\s*\{([^}]*)\}')
VARIABLE = re.compile(r"(--lp-[\w-]+):\s*(#[0-9a-fA-F]{6})")

# (foreground, background, minimum): text needs 4.5:1, focus rings and UI parts 3:1.
PAIRS = [
    ("--lp-link", "--lp-bg", 4.5),
    ("--lp-accent", "--lp-bg", 4.5),
    ("--lp-on-primary", "--lp-primary", 4.5),
    ("--lp-focus", "--lp-bg", 3.0),
    ("--lp-focus-on-primary", "--lp-primary", 3.0),
    ("--lp-footer-link", "--lp-footer-bg", 4.5),
    ("--lp-focus-on-primary", "--lp-footer-bg", 3.0),
    ("--lp-link", "--lp-card-bg", 4.5),
]


def palettes() -> dict[str, dict[str, str]]:
    css = CSS.read_text("utf-8")
    return {scheme: dict(VARIABLE.findall(body)) for scheme, body in SCHEME_BLOCK.findall(css)}


def test_both_schemes_define_every_colour() -> None:
    found = palettes()
    assert set(found) == {"default", "slate"}
    needed = {name for pair in PAIRS for name in pair[:2]}
    for scheme, colours in found.items():
        assert needed <= set(colours), scheme


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize(("fg", "bg", "minimum"), PAIRS)
def test_palette_contrast(scheme: str, fg: str, bg: str, minimum: float) -> None:
    colours = palettes()[scheme]
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= minimum, f"{scheme}: {fg} on {bg} is {ratio:.2f}:1"


def mkdocs_config() -> dict[str, object]:
    # mkdocs.yml may hold !!python tags in future; none today, so safe_load is enough.
    return yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text("utf-8"))  # type: ignore[no-any-return]


def test_theme_uses_no_external_fonts_social_cards_or_analytics() -> None:
    config = mkdocs_config()
    theme = config["theme"]
    assert isinstance(theme, dict)
    assert theme["font"] is False
    assert theme["logo"] == "assets/wordmark.svg"
    assert "navigation.tabs" in theme["features"]
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]  # type: ignore[union-attr]
    assert "social" not in plugins and "privacy" not in plugins
    extra = config.get("extra") or {}
    assert isinstance(extra, dict)
    assert "analytics" not in extra and "consent" not in extra
    assert "stylesheets/portal.css" in config["extra_css"]  # type: ignore[operator]


LOADING_TAG = re.compile(r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>")
URL_ATTRIBUTE = re.compile(r'\s(?:src|href|data|srcset)="([^"]+)"')
NOT_LOADED = re.compile(r'rel="(?:canonical|alternate)"')  # links that name a URL, load nothing


def test_no_page_loads_anything_from_another_host(built_real_portal: Path) -> None:
    """Static check of every page; the browser test repeats it with requests blocked."""
    offenders = []
    for file in html_files(built_real_portal):
        for tag in LOADING_TAG.findall(file.read_text("utf-8")):
            if NOT_LOADED.search(tag):
                continue
            for url in URL_ATTRIBUTE.findall(tag):
                if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                    offenders.append(f"{file.relative_to(built_real_portal)}: {tag}")
    assert offenders == []


def test_no_page_sets_cookies_or_loads_fonts_from_google(built_real_portal: Path) -> None:
    for file in html_files(built_real_portal):
        text = file.read_text("utf-8")
        assert "document.cookie" not in text, file
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, file
        assert 'data-md-component="consent"' not in text, file


def test_wordmark_has_a_text_alternative(built_real_portal: Path) -> None:
    html = (built_real_portal / "index.html").read_text("utf-8")
    assert re.search(r'<img src="assets/wordmark.svg" alt="LEAD Portal"', html)
    assert (
        '<title id="wordmark-title">LEAD Portal</title>'
        in (REPO_ROOT / "docs/assets/wordmark.svg").read_text()
    )


@pytest.mark.parametrize(
    "page", ["index.html", "about/index.html", "sites/seattle-king-county/index.html"]
)
def test_footer_links_are_relative(built_real_portal: Path, page: str) -> None:
    html = (built_real_portal / page).read_text("utf-8")
    footer = html[html.index('class="lp-footer-links"') :]
    footer = footer[: footer.index("</ul>")]
    prefix = "../" * page.count("/")
    for target, text in [
        ("data/", "Open data"),
        ("privacy/", "Privacy and accessibility"),
        ("sitemap/", "Site map"),
    ]:
        assert f'<a href="{prefix}{target}">{text}</a>' in footer


def test_404_links_are_absolute_from_the_portal_root(
    built_real_portal: Path, built_fixture: Path
) -> None:
    html = (built_real_portal / "404.html").read_text("utf-8")
    for href in ("/sites/", "/resources/", "/contact/", "/sitemap/"):
        assert f'<a href="{href}">' in html
    assert "search" in html.lower()
    # The fixture portal is configured for a sub-path (site_url .../lead/) and has no overrides;
    # its 404 page still links its assets from that sub-path.
    assert 'href="/lead/assets/' in (built_fixture / "404.html").read_text("utf-8")


FORM_ACTION = re.compile(r'<form\b[^>]*\saction="([^"]*)"')


def configured_actions() -> set[str]:
    """Form backends that mkdocs.yml or a form record names: the only hosts a form may post to."""
    actions = set()
    for plugin in mkdocs_config()["plugins"]:  # type: ignore[union-attr]
        if isinstance(plugin, dict) and plugin.get("leadportal"):
            actions.add(str(plugin["leadportal"].get("form_backend") or ""))
    for record in (REPO_ROOT / "docs/contact").glob("*.yml"):
        actions.add(str(yaml.safe_load(record.read_text("utf-8")).get("action") or ""))
    return actions - {""}


def destination(url: str) -> tuple[str, str]:
    """Where a form goes: (scheme, host) for a web address, ("mailto", address) for e-mail."""
    parts = urlsplit(html.unescape(url))
    return (parts.scheme, parts.path if parts.scheme == "mailto" else parts.netloc)


def test_forms_post_only_to_a_configured_backend(built_real_portal: Path) -> None:
    allowed = {destination(action) for action in configured_actions()}
    assert allowed, "the real portal configures a form destination"
    for file in html_files(built_real_portal):
        for action in FORM_ACTION.findall(file.read_text("utf-8")):
            external = urlsplit(action).scheme in ("http", "https", "mailto")
            assert not external or destination(action) in allowed, f"{file}: {action}"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_summary_bars_stand_out_from_the_page(scheme: str) -> None:
    # The bars once used the header teal, 1.57:1 on the dark background: whatever palette
    # colour the bar rule names must reach 3:1 (a graphical object) in both schemes.
    css = (REPO_ROOT / "scripts/leadportal/sites/assets/site-page.css").read_text("utf-8")
    bar_rule = re.search(r"^\.lp-bar \{([^}]*)\}", css, re.MULTILINE)
    assert bar_rule is not None
    colour = re.search(r"border-top:[^;]*var\((--lp-[\w-]+)", bar_rule.group(1))
    assert colour is not None, "the bar colour is not a palette colour"
    colours = palettes()[scheme]
    ratio = contrast(colours[colour.group(1)], colours["--lp-bg"])
    assert ratio >= 3.0, f"{scheme}: bars {colour.group(1)} are {ratio:.2f}:1"
