"""Regenerate tests/forms/cases/*.html from the current templates (review every diff!)."""

from __future__ import annotations

from form_html_cases import case_files, rendered_fields

if __name__ == "__main__":
    for case in case_files():
        case.with_suffix(".html").write_text(rendered_fields(case), encoding="utf-8")
        print(f"form_html/{case.stem}.html")
