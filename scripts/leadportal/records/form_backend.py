"""Where a form sends its messages: a POST endpoint, Netlify Forms or e-mail, and its problems.

The portal-wide backend comes from mkdocs.yml (`form_backend`, `form_backend_kind`,
`form_encoding`); a form record's `action` overrides the address (and with it the kind).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from leadportal.records.loaded import Loaded
from leadportal.records.models import FIELD_NAME, Form
from leadportal.records.problems import Problem
from leadportal.records.settings import Settings

KINDS = ("post", "netlify", "mailto")
ENCODINGS = ("form", "json")
LOCAL_HTTP = re.compile(r"^http://(localhost|127\.0\.0\.1)(:\d+)?(/|$)")
MKDOCS_YML = "mkdocs.yml"
# Every form sends the language it was filled in ("en", "es") in a hidden field of this name.
LANGUAGE_FIELD = "language"


@dataclass(frozen=True)
class Backend:
    """How one form is sent. `address` is the POST URL, or the e-mail address for mailto."""

    kind: str
    address: str
    encoding: str = "form"
    email: str = ""  # for "Send by e-mail instead"

    @property
    def is_mailto(self) -> bool:
        return self.kind == "mailto"


def kind_of(address: str, configured: str = "") -> str:
    if address.startswith("mailto:"):
        return "mailto"
    return configured if configured in KINDS and configured != "mailto" else "post"


def mail_address(address: str) -> str:
    """`mailto:a@b.org?subject=x` -> `a@b.org`."""
    return address.removeprefix("mailto:").split("?", 1)[0]


def fallback_email(settings: Settings) -> str:
    if settings.form_email:
        return settings.form_email
    if settings.form_backend.startswith("mailto:"):
        return mail_address(settings.form_backend)
    return ""


def backend_for(form: Form, settings: Settings) -> Backend | None:
    """The backend a form uses, or None when neither the record nor mkdocs.yml names one."""
    address = form.action or settings.form_backend
    if form.action:
        kind = kind_of(form.action)
    elif settings.form_backend_kind:
        kind = settings.form_backend_kind
    else:
        kind = kind_of(address)
    if not address and kind != "netlify":
        return None
    if kind == "mailto":
        email = mail_address(address)
        return Backend("mailto", email, email=email)
    encoding = "form" if kind == "netlify" else settings.form_encoding
    return Backend(kind, address, encoding, fallback_email(settings))


def mailto_href(email: str, subject: str = "", body: str = "") -> str:
    """A mailto: URL; every part percent-encoded (spaces as %20, which mail programs expect)."""
    params = [f"{k}={quote(v, safe='')}" for k, v in (("subject", subject), ("body", body)) if v]
    return f"mailto:{quote(email, safe='@.+-_')}" + ("?" + "&".join(params) if params else "")


def is_secure(address: str) -> bool:
    scheme = urlsplit(address).scheme
    return scheme in {"https", "mailto"} or bool(LOCAL_HTTP.match(address))


def settings_problems(settings: Settings) -> list[Problem]:
    """The portal-wide form settings, checked once (problems point at mkdocs.yml)."""
    checks = [
        (
            "form_backend_kind",
            settings.form_backend_kind in ("", *KINDS),
            f"'{settings.form_backend_kind}' is not one of {', '.join(KINDS)}",
            "leave it out to take the kind from the form_backend address",
        ),
        (
            "form_backend_kind",
            settings.form_backend_kind != "mailto" or settings.form_backend.startswith("mailto:"),
            "mailto needs form_backend to be a mailto: address",
            "for example form_backend: mailto:info@example.org",
        ),
        (
            "form_encoding",
            settings.form_encoding in ENCODINGS,
            f"'{settings.form_encoding}' is not one of {', '.join(ENCODINGS)}",
            "form sends the fields like a browser; json sends one JSON object",
        ),
        (
            "form_backend",
            not settings.form_backend or is_secure(settings.form_backend),
            f"'{settings.form_backend}' would send messages unencrypted",
            "use the https:// address of the form backend, or mailto:",
        ),
        (
            "form_honeypot",
            bool(FIELD_NAME.match(settings.form_honeypot)),
            f"'{settings.form_honeypot}' cannot be a field name",
            "lower-case letters, digits and _ only, starting with a letter",
        ),
        (
            "form_min_seconds",
            0 <= settings.form_min_seconds <= 60,
            f"{settings.form_min_seconds} seconds is not a sensible wait",
            "a few seconds (default 3) stop robots without slowing people down",
        ),
    ]
    return [
        Problem(MKDOCS_YML, 0, 0, f"leadportal.{name}", message, hint)
        for name, ok, message, hint in checks
        if not ok
    ]


def reserved_name_problems(form: Loaded[Form]) -> list[Problem]:
    """A field named like the hidden field that says which language the form was sent in."""
    return [
        Problem(
            form.path,
            *form.parsed.where(("fields", index, "name")),
            "fields",
            f"field name '{LANGUAGE_FIELD}' is reserved for the language the form is sent in",
            "choose another name",
        )
        for index, field in enumerate(form.record.fields)
        if field.name == LANGUAGE_FIELD
    ]


def form_problems(form: Loaded[Form], settings: Settings) -> list[Problem]:
    """A form that cannot send anything, or has no e-mail to fall back on when sending fails,
    or with a field name the portal itself sends."""
    return reserved_name_problems(form) + backend_problems(form, settings)


def backend_problems(form: Loaded[Form], settings: Settings) -> list[Problem]:
    line, col = form.parsed.where(("action",))
    backend = backend_for(form.record, settings)
    if backend is None:
        return [
            Problem(
                form.path,
                line,
                col,
                "action",
                "this form has nowhere to send messages",
                "add `action:` (an https:// or mailto: address) "
                "or set `form_backend` under leadportal in mkdocs.yml",
            )
        ]
    if not backend.email:
        return [
            Problem(
                form.path,
                line,
                col,
                "action",
                "no e-mail address to offer when sending fails",
                "set `form_email` under leadportal in mkdocs.yml",
            )
        ]
    return []


def all_form_problems(forms: list[Loaded[Form]], settings: Settings) -> list[Problem]:
    found = [p for form in forms for p in form_problems(form, settings)]
    return settings_problems(settings) + found
