"""One form record -> the HTML of its page: labelled fields, backend attributes, spam trap.

Everything a template prints is escaped by Jinja; attributes are built here as (name, value)
pairs so the template never assembles markup from strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from leadportal.records.form_backend import Backend, mailto_href
from leadportal.records.models import Form, FormField
from leadportal.records.settings import Settings
from leadportal.render.templating import render
from leadportal.render.urls import relative_url

GROUP_TYPES = {"radio", "checkboxes"}
INPUT_TYPES = {"text", "email", "tel", "url", "date", "number"}
Attrs = list[tuple[str, str]]


@dataclass(frozen=True)
class Choice:
    id: str
    value: str


@dataclass(frozen=True)
class FieldView:
    """What the template needs for one field; ids are stable and unique on the page."""

    field: FormField
    id: str
    choices: tuple[Choice, ...] = ()

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


def field_view(f: FormField) -> FieldView:
    base = field_id(f.name)
    choices = tuple(Choice(f"{base}-{i}", option) for i, option in enumerate(f.options, 1))
    return FieldView(f, base, choices if f.type in GROUP_TYPES else ())


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
    ]


def hidden_inputs(slug: str, form: Form, backend: Backend, settings: Settings) -> Attrs:
    """Hidden (name, value) pairs the backend understands; none for e-mail."""
    if backend.kind == "netlify":
        return [("form-name", slug)]
    if backend.kind != "post":
        return []
    hidden: Attrs = []
    thanks = absolute_url(settings, thanks_path(settings.forms_dir, slug))
    if thanks and settings.form_redirect_field:
        hidden.append((settings.form_redirect_field, thanks))
    if form.subject:
        hidden.append(("_subject", form.subject))
    return hidden


def form_view(slug: str, form: Form, backend: Backend, settings: Settings) -> FormView:
    return FormView(
        slug=slug,
        form=form,
        backend=backend,
        fields=tuple(field_view(f) for f in form.fields),
        attrs=form_attrs(slug, form, backend, settings),
        hidden=hidden_inputs(slug, form, backend, settings),
        honeypot="" if backend.is_mailto else settings.form_honeypot,
        failure_email=backend.email,
        assets=relative_url(f"{settings.forms_dir}/{slug}/", "assets/leadportal/"),
    )


def fields_html(view: FormView) -> str:
    """Only the fields (for the golden rendering cases)."""
    return render("forms/fields.html", view=view)


def form_page_html(view: FormView) -> str:
    return render("forms/page.html", view=view)
