"""The Jinja environment for generated page bodies: autoescaped, with the filters they share."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup, escape

from leadportal.render import safe_markdown
from leadportal.render.i18n import EnglishText, t_html, untranslated_note
from leadportal.render.urls import relative_url

# Each output family keeps its templates beside its code; a template is named "<family>/<file>".
FAMILIES = ("render", "sites", "library", "forms", "opendata", "sitemap", "start")


def _markdown(text: str | None, shift: int = 1) -> Markup:
    html = Markup(safe_markdown.render(text or "", shift))
    if isinstance(text, EnglishText):
        return Markup('<div lang="en">{}</div>\n{}').format(html, untranslated_note())
    return html


def marked(text: str | None) -> Markup:
    """Inline record text; English left on a page in another language says it is English."""
    if isinstance(text, EnglishText):
        return Markup('<span lang="en">{}</span>').format(text)
    return Markup(escape(text or ""))


@cache
def environment() -> Environment:
    env = Environment(
        loader=PrefixLoader(
            {family: PackageLoader(f"leadportal.{family}", "templates") for family in FAMILIES}
        ),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # packaged templates do not change during a build: no stat per page
    )
    env.filters["markdown"] = _markdown
    env.filters["marked"] = marked
    env.globals["t"] = t_html
    env.globals["relative_url"] = relative_url
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
