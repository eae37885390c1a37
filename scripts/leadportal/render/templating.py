"""The Jinja environment for generated page bodies: autoescaped, with the filters they share."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup

from leadportal.render import safe_markdown
from leadportal.render.urls import relative_url

# Each output family keeps its templates beside its code; a template is named "<family>/<file>".
FAMILIES = ("render", "sites", "library", "forms", "opendata", "sitemap", "start")


def _markdown(text: str | None, shift: int = 1) -> Markup:
    return Markup(safe_markdown.render(text or "", shift))


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
    env.globals["relative_url"] = relative_url
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
