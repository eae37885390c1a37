"""The portal's own words in each language: the English text is the key, a table per language
gives its translation (render/strings/<language>/*.yml, one file per output family).

Renderers and templates call `t("Sites in {state}", state=...)`; the language is the one being
built (`speaking("es")` around a build's rendering). Record prose left in English is an
`EnglishText`, which the templates mark `lang="en"` and say is not yet translated.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from importlib import resources
from typing import Any

import yaml
from markupsafe import Markup, escape

from leadportal.places.us_states import state_name
from leadportal.records.language import ENGLISH, EnglishText

__all__ = [
    "ENGLISH",
    "EnglishText",
    "language",
    "speaking",
    "state_label",
    "t",
    "t_html",
    "t_in",
]

# Each language's own name, as the switcher shows it.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}
# Languages by their English name: the editor shows these to staff, and the pages say them in
# their own language through the tables (a document's language, the language a form was sent in).
ENGLISH_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "pt": "Portuguese",
    "zh": "Chinese",
    "vi": "Vietnamese",
    "ko": "Korean",
    "tl": "Tagalog",
    "ar": "Arabic",
    "ru": "Russian",
    "ht": "Haitian Creole",
}

_current: ContextVar[str] = ContextVar("leadportal_language", default=ENGLISH)


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Render in `language` for the duration of the block."""
    token = _current.set(language)
    try:
        yield
    finally:
        _current.reset(token)


def language() -> str:
    return _current.get()


@cache
def table(language: str) -> dict[str, str]:
    """English -> `language` for every string of the portal's interface."""
    folder = resources.files("leadportal.render").joinpath("strings", language)
    words: dict[str, str] = {}
    if not folder.is_dir():
        return words
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".yml"):
            words.update(yaml.safe_load(item.read_text(encoding="utf-8")) or {})
    return {str(k): str(v) for k, v in words.items()}


def state_label(code: str) -> str:
    """A state's name in the language being built: `NM` -> `Nuevo México` in Spanish."""
    return state_name(code, language())


def words_for(text: str, in_language: str | None = None) -> str:
    """`text` in the language being built; English (the key itself) when no table has it."""
    spoken = in_language or language()
    return text if spoken == ENGLISH else table(spoken).get(text, text)


def t(text: str, **values: Any) -> str:
    """The portal's words for `text`, with `{name}` placeholders filled from `values`."""
    words = words_for(text)
    return words.format(**values) if values else words


def t_in(language: str) -> Any:
    """`t_html` bound to one language, for the theme's templates (overrides/), which MkDocs
    renders outside `speaking`."""

    def translate(text: str, **values: Any) -> Markup:
        with speaking(language):
            return t_html(text, **values)

    return translate


def t_html(text: str, **values: Any) -> Markup:
    """`t` for templates: the words escaped, values escaped unless they are Markup already."""
    words = Markup(escape(words_for(text)))
    return words.format(**values) if values else words


SCRIPT_STRING = re.compile(r"""\blpT\(\s*(["'])((?:\\.|(?!\1).)*)\1""")


def script_strings(script: str) -> list[str]:
    """The strings a script asks for with `lpT("...")`, in order, each once."""
    # Escapes such as \u2026 are read as JavaScript reads them; other characters stay as written.
    found = [
        m.group(2).encode("latin-1", "backslashreplace").decode("unicode_escape")
        for m in SCRIPT_STRING.finditer(script)
    ]
    return list(dict.fromkeys(found))


def script_table(scripts: list[str], in_language: str) -> dict[str, str]:
    """The translations the scripts need, for the page's `lp-strings` block."""
    wanted = [text for script in scripts for text in script_strings(script)]
    return {text: words_for(text, in_language) for text in dict.fromkeys(wanted)}


def strings_block(scripts: list[str], in_language: str | None = None) -> str:
    """The `<script type="application/json" id="lp-strings">` a page in another language
    carries for its scripts' `lpT`; nothing on English pages (the scripts' keys are English)."""
    spoken = in_language or language()
    if spoken == ENGLISH:
        return ""
    words = json.dumps(script_table(scripts, spoken), ensure_ascii=False, sort_keys=True)
    safe = words.replace("</", "<\\/")  # no `</script>` inside the block
    return f'<script type="application/json" id="lp-strings">{safe}</script>'


def untranslated_note() -> Markup:
    """Said under record prose that has no translation in the page's language yet."""
    return Markup('<p class="lp-untranslated">{}</p>').format(t("This text is not yet translated."))


def untranslated_page(html: str) -> Markup:
    """A content page shown in English in another language's build, marked and said so."""
    note = Markup('<p class="lp-untranslated">{}</p>\n').format(
        t("This page is not yet translated.")
    )
    return note + Markup('<div lang="en">\n{}\n</div>').format(Markup(html))
