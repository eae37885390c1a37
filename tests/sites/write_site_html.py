"""Regenerate tests/sites/cases/*.md from the current templates (review every diff!)."""

from __future__ import annotations

from site_html_cases import case_files, rendered_page

if __name__ == "__main__":
    for case in case_files():
        case.with_suffix(".md").write_text(rendered_page(case), encoding="utf-8")
        print(f"site_html/{case.stem}.md")
