"""The Content Security Policy: pages allow our own origin, the tiles and the backends only."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from csp_checks import directives, policy_problems
from site_files import html_files

from leadportal.records.settings import Settings
from leadportal.render.csp import (
    base_policy,
    inline_scripts,
    map_policy,
    script_hash,
    secure_outputs,
    source_of,
    with_csp,
)
from leadportal.render.outputs import Output
from leadportal.sites.map_data import MapOptions, MapPoint
from leadportal.sites.map_document import render_map

SETTINGS = Settings(root=Path("/p"), docs_dir=Path("/p/docs"))
PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
    "<script>var a = 1;</script>"
    '<script id="__config" type="application/json">{"a": 1}</script>'
    '<script src="x.js"></script></head><body><script>b()</script></body></html>'
)


def test_sources_are_origins_and_sub_domain_templates_become_wildcards() -> None:
    assert source_of("https://tile.example.org/{z}/{x}/{y}.png") == "https://tile.example.org"
    assert source_of("https://{s}.tiles.example.org/{z}.png") == "https://*.tiles.example.org"
    assert source_of("https://Forms.Example.org:8443/f/x?y=1") == "https://forms.example.org:8443"
    assert source_of("mailto:a@example.org") is None
    assert source_of("javascript:alert(1)") is None


def test_a_url_cannot_smuggle_directives_into_the_policy() -> None:
    for hostile in (
        "https://a.example.org;script-src *",
        "https://a.example.org'unsafe-inline'",
        'https://a.example.org"><script>',
        "https://a.example.org script-src",
    ):
        assert source_of(hostile) is None, hostile


def test_page_policy_names_every_form_backend_and_no_tiles() -> None:
    settings = dataclasses.replace(
        SETTINGS, tiles="https://{s}.tiles.example.org/{z}/{x}/{y}.png", form_backend=""
    )
    policy = base_policy(settings, ["https://forms.example.net/f/1", "mailto:x@example.org"])
    assert policy["img-src"] == ("'self'", "data:"), "only the map document shows tiles"
    assert policy["connect-src"] == ("'self'", "https://forms.example.net")
    assert policy["form-action"] == ("'self'", "https://forms.example.net", "mailto:")
    assert policy["script-src"] == ("'self'",)
    assert policy["object-src"] == ("'none'",)


def test_map_policy_names_the_tile_host_and_no_form_backend() -> None:
    settings = dataclasses.replace(
        SETTINGS,
        tiles="https://{s}.tiles.example.org/{z}/{x}/{y}.png",
        tiles_attribution="T",
        form_backend="https://forms.example.net/f",
    )
    policy = map_policy(settings)
    assert policy["img-src"] == ("'self'", "data:", "https://*.tiles.example.org")
    assert policy["connect-src"] == ("'self'",)
    assert policy["form-action"] == ("'self'",)
    assert policy["script-src"] == ("'self'",)


def test_map_policy_for_openstreetmap_and_for_no_tiles() -> None:
    policy = map_policy(dataclasses.replace(SETTINGS, tiles="openstreetmap"))
    assert policy["img-src"] == ("'self'", "data:", "https://tile.openstreetmap.org")
    for off in ("none", ""):
        assert map_policy(dataclasses.replace(SETTINGS, tiles=off))["img-src"] == (
            "'self'",
            "data:",
        )


def test_inline_scripts_are_hashed_and_data_blocks_and_files_are_not() -> None:
    assert inline_scripts(PAGE) == ["var a = 1;", "b()"]
    policy = directives(with_csp(PAGE, base_policy(SETTINGS, [])))
    assert policy["script-src"] == ["'self'", script_hash("var a = 1;"), script_hash("b()")]


def test_policy_comes_first_in_head_and_is_replaced_not_repeated() -> None:
    secured = with_csp(with_csp(PAGE, base_policy(SETTINGS, [])), base_policy(SETTINGS, []))
    assert secured.count("Content-Security-Policy") == 1
    assert secured.index("Content-Security-Policy") < secured.index("<title>")


def test_map_document_gets_its_own_policy() -> None:
    point = MapPoint("a", "A", "A, WA", "operating", 47.6, -122.3, "../a/")
    document = with_csp(render_map([point], MapOptions()), base_policy(SETTINGS, []))
    policy = directives(document)
    assert len(policy["script-src"]) == 1 + len(inline_scripts(document)) >= 2


def test_a_document_with_its_own_policy_keeps_it() -> None:
    own = with_csp(PAGE, map_policy(SETTINGS))
    secured = secure_outputs(
        [Output("m/index.html", own), Output("p/index.html", PAGE)], base_policy(SETTINGS, [])
    )
    assert secured[0].content == own
    assert "tile.openstreetmap.org" not in str(secured[1].content)
    assert "Content-Security-Policy" in str(secured[1].content)


def test_every_page_of_the_fixture_portal_has_the_policy(built_fixture: Path) -> None:
    allowed = {
        "img-src": {"https://tile.openstreetmap.org"},
        "connect-src": {"https://forms.example.org"},
        "form-action": {"https://forms.example.org"},
    }
    files = html_files(built_fixture)
    assert len(files) >= 8
    assert [p for f in files for p in policy_problems(f, allowed)] == []


@pytest.mark.slow
def test_unlisted_form_backends_stay_out_of_the_policy(fixture_portal: Path) -> None:
    from portal_helpers import run_mkdocs

    hidden = fixture_portal / "docs/contact/hidden-form.yml"
    hidden.write_text(
        "title: Hidden\nfields: [{name: a, label: A}]\n"
        "action: https://zq7xk-backend.example.org/f\npublic: false\n"
    )
    assert run_mkdocs(fixture_portal).returncode == 0
    for file in html_files(fixture_portal / "site"):
        assert "zq7xk" not in file.read_text().lower(), file


def test_every_page_of_the_real_portal_has_the_policy(built_real_portal: Path) -> None:
    allowed = {"img-src": {"https://tile.openstreetmap.org"}, "form-action": {"mailto:"}}
    files = html_files(built_real_portal)
    assert len(files) >= 20
    assert [p for f in files for p in policy_problems(f, allowed)] == []


def test_every_page_of_the_hostile_build_has_the_policy(hostile_site: Path) -> None:
    allowed = {
        "img-src": {"https://tile.example.org"},
        "connect-src": {"https://forms.example.org"},
        "form-action": {"https://forms.example.org"},
    }
    assert [p for f in html_files(hostile_site) for p in policy_problems(f, allowed)] == []
