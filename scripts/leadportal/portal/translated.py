"""The portal in another language: each record's `translations.<language>` over its English
text, and the vocabulary and role labels of mkdocs.yml's glossary (`translations:`).

A field without a translation keeps its English words as an `EnglishText`, which the pages
mark `lang="en"`; `untranslated` counts those fields for `leadportal check`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from leadportal.portal.model import Portal
from leadportal.records.language import ENGLISH, EnglishText
from leadportal.records.loaded import Loaded
from leadportal.records.models import Document, Form, FormField, Site, StageGuide
from leadportal.records.problems import REMINDER, Problem
from leadportal.records.roles import Role
from leadportal.records.settings import Settings

SITE_FIELDS = ("summary",)
DOCUMENT_FIELDS = ("title", "summary")
FORM_FIELDS = ("title", "intro", "success")


def _over(english: Any, translated: Any) -> Any:
    """The translated text, or the English marked as English (empty stays empty)."""
    if translated:
        return translated
    return EnglishText(english) if isinstance(english, str) and english else english


def _texts(record: Any, fields: Iterable[str], words: Any) -> dict[str, Any]:
    return {name: _over(getattr(record, name), getattr(words, name, None)) for name in fields}


def site_in(site: Site, language: str) -> Site:
    words = site.translations.get(language)
    return site.model_copy(update=_texts(site, SITE_FIELDS, words))


def document_in(document: Document, language: str) -> Document:
    words = document.translations.get(language)
    return document.model_copy(update=_texts(document, DOCUMENT_FIELDS, words))


def field_in(field: FormField, words: Any) -> FormField:
    """A field with its label and help in the language; its options (the values sent) stay."""
    return field.model_copy(update=_texts(field, ("label", "help"), words))


def option_label(form: Form, field: str, option: str, language: str) -> str:
    """What a choice says in `language`; the value sent is always `option` itself."""
    words = form.translations.get(language)
    text = words.fields.get(field) if words else None
    if language == ENGLISH:
        return option
    return (text.options.get(option) if text else None) or EnglishText(option)


def form_in(form: Form, language: str) -> Form:
    words = form.translations.get(language)
    fields = [field_in(f, words.fields.get(f.name) if words else None) for f in form.fields]
    return form.model_copy(update={**_texts(form, FORM_FIELDS, words), "fields": fields})


def guide_in(guide: StageGuide, language: str) -> StageGuide:
    words = guide.translations.get(language)
    update: dict[str, Any] = {"meaning": _over(guide.meaning, words and words.meaning)}
    for name in ("steps", "offers"):
        translated = getattr(words, name, None) if words else None
        english = getattr(guide, name)
        update[name] = list(translated) if translated else [EnglishText(s) for s in english]
    return guide.model_copy(update=update)


def role_in(role: Role, labels: Mapping[str, str]) -> Role:
    return replace(role, label=labels.get(role.slug) or EnglishText(role.label))


def _loaded(items: tuple[Loaded[Any], ...], translate: Any, language: str) -> tuple[Any, ...]:
    return tuple(replace(item, record=translate(item.record, language)) for item in items)


def in_language(portal: Portal, language: str) -> Portal:
    """`portal` as its pages in `language` show it; English returns it unchanged."""
    if language == ENGLISH:
        return portal
    glossary = portal.settings.translations.get(language) or {}
    sites = tuple(replace(e, site=site_in(e.site, language)) for e in portal.sites)
    return replace(
        portal,
        language=language,
        sites=sites,
        documents=_loaded(portal.documents, document_in, language),
        forms=_loaded(portal.forms, form_in, language),
        guides=tuple(guide_in(g, language) for g in portal.guides),
        roles=tuple(role_in(r, glossary.get("roles") or {}) for r in portal.roles),
    )


def _missing_in(record: Any, fields: Iterable[str], words: Any) -> int:
    return sum(bool(getattr(record, f)) and not getattr(words, f, None) for f in fields)


def _missing(record: Any, fields: Iterable[str], language: str) -> int:
    return _missing_in(record, fields, record.translations.get(language))


def _form_missing(form: Form, language: str) -> int:
    words = form.translations.get(language)
    count = _missing(form, FORM_FIELDS, language)
    for field in form.fields:
        text = words.fields.get(field.name) if words else None
        count += sum(
            bool(getattr(field, f)) and not getattr(text, f, None) for f in ("label", "help")
        )
        count += sum(o not in (text.options if text else {}) for o in field.options)
    return count


def pages_without(settings: Settings, language: str) -> list[str]:
    """Public content pages (docs/**/*.md) that have no `<name>.<language>.md` beside them."""
    others = tuple(f".{code}.md" for code in settings.translations)
    missing = []
    for page in sorted(settings.docs_dir.rglob("*.md")):
        src = page.relative_to(settings.docs_dir).as_posix()
        if src.endswith(others) or settings.is_internal(src):
            continue
        if not page.with_name(page.name.removesuffix(".md") + f".{language}.md").is_file():
            missing.append(src)
    return missing


def untranslated(portal: Portal) -> list[Problem]:
    """One reminder per language: how many texts the public records still lack in it."""
    problems = []
    for language in sorted(portal.settings.translations):
        counts = {
            "site": sum(_missing(e.site, SITE_FIELDS, language) for e in portal.sites),
            "document": sum(
                _missing(d.record, DOCUMENT_FIELDS, language) for d in portal.documents
            ),
            "form": sum(_form_missing(f.record, language) for f in portal.forms),
            "content page": len(pages_without(portal.settings, language)),
        }
        if any(counts.values()):
            parts = ", ".join(
                f"{n} content page(s)" if kind == "content page" else f"{n} in {kind} records"
                for kind, n in counts.items()
                if n
            )
            problems.append(
                Problem(
                    "mkdocs.yml",
                    field=f"translations.{language}",
                    message=f"{sum(counts.values())} text(s) not yet translated: {parts}",
                    hint=f"add them under `translations: {{{language}: ...}}` in each record "
                    f"and as <page>.{language}.md beside each page; until then the pages show "
                    "the English, marked as such",
                    severity=REMINDER,
                )
            )
    return problems
