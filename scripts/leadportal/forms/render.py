"""One form record -> the HTML of its page: labelled fields, backend attributes, spam trap.

Everything a template prints is escaped by Jinja; attributes are built here as (name, value)
pairs so the template never assembles markup from strings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from leadportal.portal.translated import option_label
from leadportal.records.form_backend import LANGUAGE_FIELD, Backend, mailto_href
from leadportal.records.models import Form, FormField
from leadportal.records.settings import Settings
from leadportal.render.i18n import ENGLISH, ENGLISH_NAMES, EnglishText, t
from leadportal.render.i18n import language as spoken_language
from leadportal.render.templating import render
from leadportal.render.urls import relative_url

GROUP_TYPES = {"radio", "checkboxes"}
INPUT_TYPES = {"text", "email", "tel", "url", "date", "number"}
Attrs = list[tuple[str, str]]


@dataclass(frozen=True)
class Choice:
    """One option: `value` is what is sent (always the record's option), `label` what it says."""

    id: str
    value: str
    label: str = ""

    @property
    def shown(self) -> str:
        return self.label or self.value

    @property
    def is_english(self) -> bool:
        """An option left in English on a page in another language."""
        return isinstance(self.label, EnglishText)

    @property
    def plain(self) -> bool:
        """The English page's `<option>Value</option>`: the label is the value itself."""
        return self.shown == self.value and not self.is_english


@dataclass(frozen=True)
class FieldView:
    """What the template needs for one field; ids are stable and unique on the page."""

    field: FormField
    id: str
    choices: tuple[Choice, ...] = ()  # radio and checkboxes
    options: tuple[Choice, ...] = ()  # select

    @property
    def help_id(self) -> str:
        return f"{self.id}-help" if self.field.help else ""

    @property
    def is_group(self) -> bool:
        return self.field.type in GROUP_TYPES

    @property
    def control_attrs(self) -> Attrs:
        """Attributes of the single control (input, select, textarea) of a non-group field."""
        f = self.field
        attrs: Attrs = [("id", self.id), ("name", f.name)]
        if f.type in INPUT_TYPES:
            attrs.insert(0, ("type", f.type))
        if f.type == "checkbox":
            attrs = [("type", "checkbox"), *attrs, ("value", "yes")]
        if f.type == "number":
            attrs.append(("inputmode", "decimal"))
        if f.autocomplete:
            attrs.append(("autocomplete", f.autocomplete))
        if self.help_id:
            attrs.append(("aria-describedby", self.help_id))
        if f.type == "textarea":
            attrs.append(("rows", "6"))
        if f.required:
            attrs.append(("required", ""))
        return attrs


def field_id(name: str) -> str:
    return f"lp-f-{name}"


Labeller = Callable[[str, str], str]  # (field name, option) -> what the option says


def same_words(field: str, option: str) -> str:
    return option


def field_view(f: FormField, labels: Labeller = same_words) -> FieldView:
    base = field_id(f.name)
    choices = tuple(
        Choice(f"{base}-{i}", option, labels(f.name, option))
        for i, option in enumerate(f.options, 1)
    )
    if f.type in GROUP_TYPES:
        return FieldView(f, base, choices=choices)
    return FieldView(f, base, options=choices)


@dataclass(frozen=True)
class FormView:
    slug: str
    form: Form
    backend: Backend
    fields: tuple[FieldView, ...]
    attrs: Attrs
    hidden: Attrs
    honeypot: str
    failure_email: str
    assets: str  # relative URL of the folder holding forms.js and forms.css
    language: str = ENGLISH  # sent with every message, in the hidden `language` field


def thanks_path(forms_dir: str, slug: str) -> str:
    """The thank-you page, relative to the site root."""
    return f"{forms_dir}/{slug}/thanks/"


def absolute_url(settings: Settings, path: str) -> str:
    return urljoin(settings.site_url.rstrip("/") + "/", path) if settings.site_url else ""


def root_path(settings: Settings, path: str) -> str:
    """`/lead/contact/x/thanks/` for a portal at https://example.org/lead/ (Netlify's action)."""
    base = urlsplit(settings.site_url).path or "/"
    return base.rstrip("/") + "/" + path


def form_attrs(slug: str, form: Form, backend: Backend, settings: Settings) -> Attrs:
    thanks = thanks_path(settings.forms_dir, slug)
    attrs: Attrs = [("id", "lp-form"), ("class", "lp-form"), ("method", "post")]
    if backend.kind == "mailto":
        attrs += [
            ("action", mailto_href(backend.address, form.subject or form.title)),
            ("enctype", "text/plain"),
        ]
    elif backend.kind == "netlify":
        attrs += [
            ("action", root_path(settings, thanks)),
            ("name", slug),
            ("data-netlify", "true"),
            ("netlify-honeypot", settings.form_honeypot),
        ]
    else:
        attrs.append(("action", backend.address))
    return attrs + data_attrs(slug, form, backend, settings)


def data_attrs(slug: str, form: Form, backend: Backend, settings: Settings) -> Attrs:
    """What forms.js reads: how to send, where to fall back to, how long to wait."""
    return [
        ("data-lp-form", slug),
        ("data-kind", backend.kind),
        ("data-encoding", backend.encoding),
        ("data-email", backend.email),
        ("data-subject", form.subject or form.title),
        ("data-honeypot", "" if backend.is_mailto else settings.form_honeypot),
        ("data-min-seconds", "0" if backend.is_mailto else str(settings.form_min_seconds)),
        ("data-language-line", language_line(spoken_language())),
    ]


def language_line(language: str) -> str:
    """The last line of an e-mail written with the form: which language it was sent in."""
    name = t(ENGLISH_NAMES.get(language, language))
    return t("Language: {name} ({code})", name=name, code=language)


def hidden_inputs(slug: str, form: Form, backend: Backend, settings: Settings) -> Attrs:
    """Hidden (name, value) pairs: the language the form was sent in, then what the backend
    understands (nothing more for e-mail)."""
    language: Attrs = [(LANGUAGE_FIELD, spoken_language())]
    if backend.kind == "netlify":
        return [("form-name", slug), *language]
    if backend.kind != "post":
        return language
    hidden: Attrs = []
    thanks = absolute_url(settings, thanks_path(settings.forms_dir, slug))
    if thanks and settings.form_redirect_field:
        hidden.append((settings.form_redirect_field, thanks))
    if form.subject:
        hidden.append(("_subject", form.subject))
    return hidden + language


def option_labeller(form: Form, language: str) -> Labeller:
    """What each option says in `language` (the English page shows the option itself)."""
    if language == ENGLISH:
        return same_words
    return lambda field, option: option_label(form, field, option, language)


def form_view(slug: str, form: Form, backend: Backend, settings: Settings) -> FormView:
    """`form` as its page shows it in the language being built (the record keeps its
    `translations`, where the option labels are)."""
    spoken = spoken_language()
    labels = option_labeller(form, spoken)
    return FormView(
        slug=slug,
        form=form,
        backend=backend,
        fields=tuple(field_view(f, labels) for f in form.fields),
        attrs=form_attrs(slug, form, backend, settings),
        hidden=hidden_inputs(slug, form, backend, settings),
        honeypot="" if backend.is_mailto else settings.form_honeypot,
        failure_email=backend.email,
        assets=relative_url(f"{settings.forms_dir}/{slug}/", "assets/leadportal/"),
        language=spoken,
    )


def fields_html(view: FormView) -> str:
    """Only the fields (for the golden rendering cases)."""
    return render("forms/fields.html", view=view)


def form_page_html(view: FormView) -> str:
    return render("forms/page.html", view=view)
