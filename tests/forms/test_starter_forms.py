"""The real portal's starter forms: the fields the issue asks for, sent by e-mail to the Bureau."""

from __future__ import annotations

from portal_helpers import REPO_ROOT

from leadportal.build.generate import generate
from leadportal.records.form_backend import backend_for
from leadportal.records.loader import load_records
from leadportal.records.mkdocs_yml import read_settings
from leadportal.records.models import Form

SETTINGS = read_settings(REPO_ROOT / "mkdocs.yml")


def forms() -> dict[str, Form]:
    records = load_records(SETTINGS)
    assert records.problems == []
    return {f.slug: f.record for f in records.forms}


def test_the_four_starter_forms_exist() -> None:
    assert set(forms()) == {
        "contact-us",
        "request-technical-assistance",
        "add-or-update-listing",
        "suggest-a-correction",
    }


def test_technical_assistance_asks_what_the_issue_lists() -> None:
    form = forms()["request-technical-assistance"]
    fields = {f.name: f for f in form.fields}
    # The issue's list, plus an e-mail address without which nobody can follow up.
    assert list(fields) == [
        "name",
        "role",
        "organization",
        "email",
        "sector",
        "jurisdiction",
        "state",
        "stage",
        "request",
        "timeframe",
        "message",
        "consent",
    ]
    assert fields["sector"].options == [
        "Law enforcement",
        "Prosecution",
        "Public defense",
        "Behavioral health",
        "Elected office",
        "Community organization",
        "Evaluator",
        "Funder",
        "Other",
    ]
    assert fields["stage"].options[-1] == "Not sure"
    assert fields["request"].options == [
        "Host a site visit in Seattle",
        "A site visit to us",
        "Presentation or training",
        "Ongoing technical assistance",
        "Evaluation support",
        "Media",
    ]
    assert fields["consent"].type == "checkbox" and fields["consent"].required


def test_listing_form_asks_for_explicit_consent_to_public_listing() -> None:
    consent = next(f for f in forms()["add-or-update-listing"].fields if f.name == "consent_public")
    assert consent.type == "checkbox" and consent.required
    assert "published" in consent.label


def test_correction_form_has_the_site_field_that_site_pages_fill_in() -> None:
    site = next(f for f in forms()["suggest-a-correction"].fields if f.name == "site")
    assert site.required and site.type == "text"


def test_real_portal_sends_by_e_mail_to_the_bureau_without_a_form_service() -> None:
    for form in forms().values():
        backend = backend_for(form, SETTINGS)
        assert backend is not None and backend.kind == "mailto"
        assert backend.address == "info@leadbureau.org"
    result = generate(SETTINGS)
    assert result.ok
    paths = {o.path for o in result.outputs}
    assert "contact/index.md" in paths and "contact/suggest-a-correction.md" in paths
