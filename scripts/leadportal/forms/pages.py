"""The contact pages: /contact/, one page per form, its thank-you page, and the form scripts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources

from markupsafe import Markup

from leadportal.forms.render import form_page_html, form_view, thanks_path
from leadportal.portal.model import Portal
from leadportal.records.form_backend import LANGUAGE_FIELD, backend_for, fallback_email
from leadportal.records.loaded import Loaded
from leadportal.records.models import Form
from leadportal.records.settings import Settings
from leadportal.render import safe_markdown
from leadportal.render.i18n import ENGLISH, EnglishText, t, words_for
from leadportal.render.outputs import Output, page
from leadportal.render.templating import render
from leadportal.render.urls import relative_url

ASSETS_DIR = "assets/leadportal"
ASSET_FILES = ("forms.js", "forms.css")
NETLIFY_SKELETON = "netlify-forms.html"
SENTENCE_END = re.compile(r"[.?!](?=\s|$)")


def first_sentence(markdown_text: str) -> str:
    """The intro's first sentence as plain text, for the one-line list on /contact/."""
    paragraph = markdown_text.strip().split("\n\n", 1)[0]
    text = " ".join(Markup(safe_markdown.render(paragraph)).striptags().split())
    end = SENTENCE_END.search(text)
    return text[: end.start() + 1] if end else text


def first_line(intro: str) -> str:
    """The list's line for a form, marked English when its intro is not translated."""
    line = first_sentence(intro)
    return EnglishText(line) if isinstance(intro, EnglishText) else line


def other_ways(portal: Portal) -> str:
    """mkdocs.yml's `contact_other_ways` in the page's language: the bundled text has its
    translation in the forms table; a text staff wrote themselves stays English, marked so."""
    text = portal.settings.contact_other_ways
    if portal.language == ENGLISH or not text:
        return text
    translated = words_for(text, portal.language)
    return translated if translated != text else EnglishText(text)


def index_page(portal: Portal) -> Output:
    folder = portal.settings.forms_dir
    body = render(
        "forms/index.html",
        forms=portal.forms,
        lines={f.slug: first_line(f.record.intro) for f in portal.forms},
        email=fallback_email(portal.settings),
        other_ways=other_ways(portal),
        assets=relative_url(f"{folder}/", f"{ASSETS_DIR}/"),
    )
    return page(f"{folder}/index.md", t("Contact the LEAD Support Bureau"), body)


def form_pages(portal: Portal) -> Iterator[Output]:
    settings = portal.settings
    folder = settings.forms_dir
    yield index_page(portal)
    for entry in portal.forms:
        backend = backend_for(entry.record, settings)
        if backend is None:  # the loader already reported it; the build stops
            continue
        view = form_view(entry.slug, entry.record, backend, settings)
        yield page(f"{folder}/{entry.slug}.md", entry.record.title, form_page_html(view))
        if not backend.is_mailto:  # an e-mail program never comes back to a page
            yield thanks_page(portal, entry.slug, entry.record.success)
    yield from asset_files()
    netlify = [f for f in portal.forms if backend_kind(f.record, settings) == "netlify"]
    if netlify and portal.language == ENGLISH:  # one list of forms and fields for Netlify
        yield netlify_skeleton(netlify, settings)


def backend_kind(form: Form, settings: Settings) -> str:
    backend = backend_for(form, settings)
    return backend.kind if backend else ""


def thanks_page(portal: Portal, slug: str, success: str | None) -> Output:
    path = thanks_path(portal.settings.forms_dir, slug)
    back = relative_url(path, f"{portal.settings.forms_dir}/")
    body = render("forms/thanks.html", success=success, back=back)
    return page(path.rstrip("/") + ".md", t("Thank you"), body, search={"exclude": True})


def asset_files() -> Iterator[Output]:
    folder = resources.files("leadportal.forms") / "assets"
    for name in ASSET_FILES:
        yield Output(f"{ASSETS_DIR}/{name}", (folder / name).read_text(encoding="utf-8"))


def netlify_skeleton(forms: list[Loaded[Form]], settings: Settings) -> Output:
    """A static page listing every Netlify form and field, which Netlify reads at deploy time."""
    body = render(
        "forms/netlify_forms.html",
        forms=forms,
        honeypot=settings.form_honeypot,
        language_field=LANGUAGE_FIELD,
    )
    return Output(f"{settings.forms_dir}/{NETLIFY_SKELETON}", body)
