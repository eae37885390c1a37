"""The vendored editor asks no other host for its fonts, and every file it names is vendored."""

from __future__ import annotations

import re

from leadportal.admin.vendor import (
    editor_script,
    fonts_named,
    local_fonts,
    vendor_folder,
    vendor_outputs,
)


def test_every_font_the_editor_names_is_vendored() -> None:
    original = (vendor_folder() / "sveltia-cms/sveltia-cms.js").read_text(encoding="utf-8")
    named = fonts_named(original)
    assert len(named) == 3
    fonts = {item.name for item in (vendor_folder() / "fonts").iterdir()}
    assert set(named) <= fonts, set(named) - fonts


def test_the_published_script_loads_fonts_from_the_portal() -> None:
    script = editor_script()
    font_urls = re.findall(r"url\(([^)]*\.woff2)\)", script)
    assert font_urls and all(url.startswith("vendor/fonts/") for url in font_urls), font_urls


def test_font_addresses_are_rewritten_and_nothing_else() -> None:
    text = "a{src:url(https://cdn.example/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2)}"
    assert local_fonts(text, "f/") == "a{src:url(f/noto-mono-latin-400-normal.woff2)}"
    assert (
        local_fonts("url(https://example.org/x.woff2)", "f/") == "url(https://example.org/x.woff2)"
    )


def test_licences_and_versions_are_published_with_the_files() -> None:
    paths = {output.path for output in vendor_outputs()}
    assert {
        "admin/vendor/sveltia-cms/sveltia-cms.js",
        "admin/vendor/sveltia-cms/LICENSE",
        "admin/vendor/sveltia-cms/VERSION",
        "admin/vendor/fonts/LICENSE-material-symbols-outlined",
    } <= paths
