"""Golden rendering cases: tests/forms/cases/<name>.yml (a form record) + <name>.html."""

from __future__ import annotations

from pathlib import Path

import yaml

from leadportal.forms.render import fields_html, form_view
from leadportal.records.form_backend import backend_for
from leadportal.records.models import Form
from leadportal.records.settings import Settings

CASES = Path(__file__).parents[1] / "forms" / "cases"
SETTINGS = Settings(
    root=Path("/portal"),
    docs_dir=Path("/portal/docs"),
    site_url="https://example.org/lead/",
    form_backend="https://forms.example.org/f/abc",
    form_email="bureau@example.org",
)


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.yml"))


def rendered_fields(case: Path, settings: Settings = SETTINGS) -> str:
    form = Form.model_validate(yaml.safe_load(case.read_text(encoding="utf-8")))
    backend = backend_for(form, settings)
    assert backend is not None
    return fields_html(form_view(case.stem, form, backend, settings))
