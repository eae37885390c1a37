"""Form records rendered to HTML: golden cases per field type, backends, escaping, pages."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml
from form_html_cases import SETTINGS, case_files, rendered_fields

from leadportal.forms.render import form_page_html, form_view
from leadportal.records.form_backend import (
    backend_for,
    mailto_href,
    settings_problems,
)
from leadportal.records.models import FIELD_TYPES, Form
from leadportal.records.settings import Settings

CASES = case_files()
FORM = Form.model_validate(
    {
        "title": "Contact us",
        "subject": "Hello & welcome",
        "fields": [
            {"name": "name", "label": "Name", "required": True},
            {"name": "topic", "label": "Topic", "type": "radio", "options": ["A", "B"]},
        ],
    }
)


def settings(**changes: object) -> Settings:
    return dataclasses.replace(SETTINGS, **changes)  # type: ignore[arg-type]


def page_for(form: Form, s: Settings, slug: str = "contact-us") -> str:
    backend = backend_for(form, s)
    assert backend is not None
    return form_page_html(form_view(slug, form, backend, s))


def form_tag(html: str) -> str:
    match = re.search(r"<form[^>]*>", html)
    assert match
    return match.group(0)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_field_renders_as_the_golden_html(case: Path) -> None:
    assert rendered_fields(case) == case.with_suffix(".html").read_text(encoding="utf-8")


def test_there_is_a_golden_case_for_every_field_type() -> None:
    types = {yaml.safe_load(c.read_text())["fields"][0].get("type") for c in CASES}
    assert set(FIELD_TYPES) <= types


def test_record_text_cannot_become_markup() -> None:
    html = rendered_fields(next(c for c in CASES if c.stem == "hostile"))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_post_backend_gets_the_fields_and_a_redirect_to_our_thank_you_page() -> None:
    html = page_for(FORM, settings())
    tag = form_tag(html)
    assert 'action="https://forms.example.org/f/abc"' in tag and 'method="post"' in tag
    assert "enctype" not in tag and 'data-encoding="form"' in tag
    assert (
        '<input type="hidden" name="_next" '
        'value="https://example.org/lead/contact/contact-us/thanks/">' in html
    )
    assert '<input type="hidden" name="_subject" value="Hello &amp; welcome">' in html
    trap = re.search(r'<input type="text" id="lp-trap"[^>]*>', html)
    assert trap and 'name="website_url"' in trap.group(0)
    assert 'tabindex="-1"' in trap.group(0) and 'autocomplete="off"' in trap.group(0)
    assert '<div class="lp-trap" aria-hidden="true">' in html


def test_redirect_field_and_encoding_come_from_settings() -> None:
    html = page_for(FORM, settings(form_redirect_field="_redirect", form_encoding="json"))
    assert 'name="_redirect"' in html and 'name="_next"' not in html
    assert 'data-encoding="json"' in form_tag(html)


def test_netlify_backend_has_what_netlify_detects() -> None:
    html = page_for(FORM, settings(form_backend="", form_backend_kind="netlify"))
    tag = form_tag(html)
    assert 'name="contact-us"' in tag and 'data-netlify="true"' in tag
    assert 'netlify-honeypot="website_url"' in tag
    assert 'action="/lead/contact/contact-us/thanks/"' in tag
    assert '<input type="hidden" name="form-name" value="contact-us">' in html
    assert 'name="_next"' not in html


def test_mailto_backend_posts_plain_text_to_the_address_without_js() -> None:
    html = page_for(FORM, settings(form_backend="mailto:bureau@example.org", form_email=""))
    tag = form_tag(html)
    assert 'action="mailto:bureau@example.org?subject=Hello%20%26%20welcome"' in tag
    assert 'enctype="text/plain"' in tag and 'method="post"' in tag
    assert "lp-trap" not in html
    # Only the language: without the script, the e-mail body lists it as `language=en`.
    assert re.findall(r'<input type="hidden"[^>]*>', html) == [
        '<input type="hidden" name="language" value="en">'
    ]
    assert 'href="mailto:bureau@example.org"' in html


def test_a_record_action_overrides_the_portal_backend() -> None:
    form = FORM.model_copy(update={"action": "mailto:other@example.org"})
    backend = backend_for(form, settings())
    assert backend and backend.kind == "mailto" and backend.address == "other@example.org"
    form = FORM.model_copy(update={"action": "https://elsewhere.example.org/x"})
    backend = backend_for(form, settings(form_backend="mailto:bureau@example.org"))
    assert backend and backend.kind == "post" and backend.email == "bureau@example.org"


def test_no_backend_at_all_is_none() -> None:
    assert backend_for(FORM, settings(form_backend="")) is None


def test_page_links_its_script_relatively_for_sub_path_deploys() -> None:
    html = page_for(FORM, settings())
    assert '<script src="../../assets/leadportal/forms.js" defer></script>' in html
    assert 'href="../../assets/leadportal/forms.css"' in html


def test_required_is_said_in_words() -> None:
    html = page_for(FORM, settings())
    assert 'Name <span class="lp-required">(required)</span>' in html
    assert "“(required)” must be filled in" in html


def test_mailto_href_encodes_every_part() -> None:
    href = mailto_href("bureau@example.org", "A & B", "line 1\nline 2 ?=&")
    assert href == (
        "mailto:bureau@example.org?subject=A%20%26%20B&body=line%201%0Aline%202%20%3F%3D%26"
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"form_backend_kind": "smtp"}, "leadportal.form_backend_kind"),
        ({"form_backend_kind": "mailto"}, "leadportal.form_backend_kind"),
        ({"form_encoding": "xml"}, "leadportal.form_encoding"),
        ({"form_backend": "http://forms.example.org/f"}, "leadportal.form_backend"),
        ({"form_honeypot": "Web-Site"}, "leadportal.form_honeypot"),
        ({"form_min_seconds": -1}, "leadportal.form_min_seconds"),
    ],
)
def test_bad_portal_wide_settings_are_problems_in_mkdocs_yml(
    changes: dict[str, object], field: str
) -> None:
    problems = settings_problems(settings(**changes))
    assert [(p.path, p.field) for p in problems] == [("mkdocs.yml", field)]


def test_local_http_backend_is_allowed_for_tests() -> None:
    assert settings_problems(settings(form_backend="http://127.0.0.1:8025/f")) == []
    assert settings_problems(settings(form_backend="http://localhost/f")) == []
