"""The contact pages as the generator writes them for the fixture portal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from leadportal.build.generate import generate
from leadportal.forms.pages import first_sentence
from leadportal.records.settings import Settings
from leadportal.render.outputs import split_page


def fixture_settings(root: Path, **options: object) -> Settings:
    values: dict[str, object] = {"form_email": "lead-fixture@example.org", **options}
    return Settings(
        root=root,
        docs_dir=root / "docs",
        site_url="https://example.org/lead/",
        today=dt.date(2026, 11, 26),
        **values,  # type: ignore[arg-type]
    )


def outputs(root: Path, **options: object) -> dict[str, str]:
    result = generate(fixture_settings(root, **options))
    assert result.ok, [str(p) for p in result.problems]
    return {o.path: str(o.content) for o in result.outputs}


def test_each_form_gets_a_page_a_thank_you_page_and_the_script(fixture_portal: Path) -> None:
    files = outputs(fixture_portal)
    for path in (
        "contact/index.md",
        "contact/contact-us.md",
        "contact/contact-us/thanks.md",
        "assets/leadportal/forms.js",
        "assets/leadportal/forms.css",
    ):
        assert path in files, path
    assert "contact/netlify-forms.html" not in files
    thanks = split_page(files["contact/contact-us/thanks.md"])[1]
    assert '<a href="../../">Back to the contact page</a>' in thanks


def test_contact_index_lists_forms_with_one_line_and_other_ways(fixture_portal: Path) -> None:
    body = split_page(outputs(fixture_portal)["contact/index.md"])[1]
    assert '<li><a href="contact-us/">Contact us</a>: Write to us.</li>' in body
    assert 'href="mailto:lead-fixture@example.org"' in body
    assert "Other ways to reach the Bureau" in body


def test_other_ways_text_comes_from_settings_as_safe_markdown(fixture_portal: Path) -> None:
    text = "Call [our line](tel:+12065550100). <script>x</script>"
    body = split_page(outputs(fixture_portal, contact_other_ways=text)["contact/index.md"])[1]
    assert '<a href="tel:+12065550100">our line</a>' in body
    assert "<script>" not in body


def test_netlify_gets_a_static_skeleton_of_every_form(fixture_portal: Path) -> None:
    record = fixture_portal / "docs/contact/contact-us.yml"
    record.write_text(record.read_text().replace("action:", "# action:"))
    files = outputs(fixture_portal, form_backend_kind="netlify")
    skeleton = files["contact/netlify-forms.html"]
    assert '<form name="contact-us" data-netlify="true" netlify-honeypot="website_url"' in skeleton
    assert '<textarea name="message"></textarea>' in skeleton
    assert '<input name="email">' in skeleton


def test_mailto_forms_have_no_thank_you_page(fixture_portal: Path) -> None:
    record = fixture_portal / "docs/contact/contact-us.yml"
    record.write_text(
        record.read_text().replace("https://forms.example.org/f/fixture", "mailto:a@example.org")
    )
    files = outputs(fixture_portal, form_email="")
    assert "contact/contact-us.md" in files and "contact/contact-us/thanks.md" not in files


def test_a_web_backend_without_an_e_mail_to_fall_back_on_stops_the_build(
    fixture_portal: Path,
) -> None:
    result = generate(fixture_settings(fixture_portal, form_email=""))
    assert [str(p) for p in result.problems] == [
        "docs/contact/contact-us.yml:6:1: action: no e-mail address to offer when sending fails "
        "(set `form_email` under leadportal in mkdocs.yml)"
    ]
    assert not result.ok and result.outputs == []


def test_first_sentence_is_plain_text() -> None:
    assert first_sentence("Tell **us** more. Then [wait](x).\n\nSecond.") == "Tell us more."
    assert first_sentence("Missing? Tell us.") == "Missing?"
    assert first_sentence("About 3.5 sites. More.") == "About 3.5 sites."
    assert first_sentence("") == ""


def test_a_field_may_not_take_the_configured_honeypot_name(fixture_portal: Path) -> None:
    record = fixture_portal / "docs/contact/contact-us.yml"
    record.write_text(record.read_text().replace("name: message", "name: trap"))
    result = generate(fixture_settings(fixture_portal, form_honeypot="trap"))
    assert [str(p) for p in result.problems] == [
        "docs/contact/contact-us.yml:3:1: fields: field name 'trap' is reserved for the spam trap "
        "(choose another name)"
    ]
