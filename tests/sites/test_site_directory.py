"""The /sites/ page as HTML: every public site, escaped, counted, ready for the script."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from portal_helpers import FIXTURE_PORTAL

from leadportal.build import generate
from leadportal.build.generate import check
from leadportal.portal.model import Portal, build_portal
from leadportal.records.mkdocs_yml import read_settings
from leadportal.render.facets import facet_counts
from leadportal.render.outputs import split_page
from leadportal.sites.directory import SITE_FACETS, count_line, site_directory, site_rows

SITE = """name: {name}
stage: {stage}
jurisdiction: {{city: {city}, state: {state}}}
{extra}
"""


def portal_of(root: Path) -> Portal:
    settings = read_settings(root / "mkdocs.yml")
    result = check(settings)
    assert result.ok, result.problems
    return build_portal(result.records, settings, result.places)


def outputs(portal: Portal) -> dict[str, str | bytes]:
    return {o.path: o.content for o in site_directory(portal)}


def body_of(portal: Portal) -> str:
    page = outputs(portal)["sites/index.md"]
    assert isinstance(page, str)
    return split_page(page)[1]


def rows_html(body: str) -> list[str]:
    return re.findall(r'<tr class="lp-site-row".*?</tr>', body, re.DOTALL)


def test_every_public_site_is_a_row_and_the_hidden_one_is_absent() -> None:
    body = body_of(portal_of(FIXTURE_PORTAL))
    rows = rows_html(body)
    assert [re.search(r'data-lp-slug="([^"]+)"', r).group(1) for r in rows] == [  # type: ignore[union-attr]
        "albany-ny",
        "quotes-and-script",
    ]
    assert "Canary" not in body and "hidden-site" not in body and "Zq7xK" not in body
    assert "2 participating sites in 2 states." in body
    assert '<th scope="row"><a href="albany-ny/"><bdi>Albany LEAD</bdi></a></th>' in rows[0]
    assert "<td>Albany, Albany County</td>" in rows[0]
    assert '<a href="states/ny/">New York</a>' in rows[0]
    assert "<td>2016</td>" in rows[0]


def test_hostile_names_are_text_never_markup() -> None:
    body = body_of(portal_of(FIXTURE_PORTAL))
    assert "<script>alert" not in body and "<b>Blanca" not in body
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in body
    assert "Peña &lt;b&gt;Blanca&lt;/b&gt;" in body
    row = rows_html(body)[1]
    text = unescape(re.search(r'data-lp-text="([^"]*)"', row).group(1))  # type: ignore[union-attr]
    assert text.startswith('o\'brien & søn "lead" <script>') and "مرحبا" in text
    assert "'" not in re.search(r"data-lp-facets='([^']*)'", row).group(1)  # type: ignore[union-attr]


def test_rows_carry_what_the_script_filters_and_sorts_by() -> None:
    row = rows_html(body_of(portal_of(FIXTURE_PORTAL)))[0]
    facets = json.loads(unescape(re.search(r"data-lp-facets='([^']*)'", row).group(1)))  # type: ignore[union-attr]
    assert facets == {"stage": ["operating"], "state": ["NY"], "pathway": []}
    assert 'data-lp-lat="42.6526" data-lp-lon="-73.7562"' in row
    assert (
        'data-lp-text="albany lead albany albany county new york ny albany police department"'
        in row
    )


def test_filter_counts_are_those_of_facets_py() -> None:
    portal = portal_of(FIXTURE_PORTAL)
    body = body_of(portal)
    rows = site_rows(portal)
    counts = facet_counts([(r.facets, r.text) for r in rows], {}, names=SITE_FACETS)
    assert counts == {
        "stage": {"operating": 1, "exploring": 1},
        "state": {"NY": 1, "NM": 1},
        "pathway": {},
    }
    assert '<option value="NM" data-lp-label="New Mexico">New Mexico (1)</option>' in body
    assert (
        'value="operating"><label for="lp-stage-2">Operating '
        '<span class="lp-facet-count" data-lp-count>(1)</span>' in body
    )
    assert 'name="pathway"' not in body  # no site has a pathway: no empty group


def test_the_form_fields_are_the_address_parameters() -> None:
    body = body_of(portal_of(FIXTURE_PORTAL))
    names = set(re.findall(r'<(?:input|select)[^>]*\sname="([^"]+)"', body))
    assert names == {"words", "stage", "state", "near"}
    assert '<form class="lp-filters" data-lp-filters hidden method="get" action="./"' in body


def test_map_frame_skip_link_and_private_near_me() -> None:
    body = body_of(portal_of(FIXTURE_PORTAL))
    assert (
        '<iframe class="lp-map-frame" src="map/" title="Map of participating sites" loading="lazy">'
        in body
    )
    assert '<a href="map/">Open the map full screen</a>' in body
    skip = re.search(r'<a class="lp-skip-map" href="#([^"]+)"', body).group(1)  # type: ignore[union-attr]
    assert body.index("<iframe") < body.index(f'id="{skip}"')
    assert "never sent anywhere" in body
    assert 'data-lp-table-places="places.json" data-lp-table-zips="places-zip.json"' in body
    assert "style=" not in body and "<script" not in body


def test_without_coordinates_there_is_no_near_me_box(fixture_portal: Path) -> None:
    for record in (fixture_portal / "sites").glob("*.yml"):
        text = record.read_text(encoding="utf-8")
        record.write_text(re.sub(r"(?m)^location:.*\n", "", text), encoding="utf-8")
    portal = portal_of(fixture_portal)
    body = body_of(portal)
    assert "data-lp-near" not in body and "data-lp-lat" not in body
    assert len(rows_html(body)) == 2
    assert not [path for path in outputs(portal) if path.endswith(".json")]  # nothing to fetch


def test_pathways_and_a_single_site_read_right(fixture_portal: Path) -> None:
    for record in (fixture_portal / "sites").glob("*.yml"):
        record.unlink()
    extra = "referral_pathways: [social contact]\nlaunched: 2019-05-01"
    (fixture_portal / "sites" / "solo.yml").write_text(
        SITE.format(name="Solo", stage="operating", city="Boise", state="ID", extra=extra)
    )
    portal = portal_of(fixture_portal)
    body = body_of(portal)
    assert count_line(site_rows(portal)) == "1 participating site in 1 state."
    assert "All 1 site shown." in body
    assert 'name="pathway" value="social contact"><label for="lp-pathway-1">Social contact' in body
    assert "<td>2019</td>" in body


def test_the_directory_ships_its_script_style_and_place_tables() -> None:
    files = outputs(portal_of(FIXTURE_PORTAL))
    assert sorted(files) == [
        "assets/leadportal/sites.css",
        "assets/leadportal/sites.js",
        "sites/index.md",
        "sites/places-zip.json",
        "sites/places.json",
    ]
    page = files["sites/index.md"]
    assert isinstance(page, str)
    assert '"href": "../assets/leadportal/sites.css"' in page
    assert '"src": "../assets/leadportal/sites.js"' in page


def test_the_directory_is_a_renderer_and_the_only_sites_index() -> None:
    assert site_directory in generate.RENDERERS
    settings = read_settings(FIXTURE_PORTAL / "mkdocs.yml")
    result = generate.generate(settings)
    assert result.ok, result.problems
    assert [o.path for o in result.outputs].count("sites/index.md") == 1
