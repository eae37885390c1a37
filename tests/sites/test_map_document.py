"""The map document as text: escaping, determinism, document basics, assets, compact data."""

from __future__ import annotations

import re

import pytest
from contrast import contrast
from portal_helpers import VENDOR

from leadportal.sites.map_data import (
    DARK_SCHEME,
    LIGHT_SCHEME,
    STAGE_PALETTE,
    MapOptions,
    MapPoint,
    json_for_script,
    stage_codes,
)
from leadportal.sites.map_document import asset_paths, render_map

HOSTILE = '</script><script>alert(1)</script> O\'Hare & "Sons" \u2028 שלום Zürich'


def point(
    slug: str = "seattle",
    name: str = "Seattle LEAD",
    stage: str = "operating",
    url: str | None = None,
) -> MapPoint:
    return MapPoint(
        slug,
        name,
        "Seattle, WA",
        stage,
        47.60621,
        -122.33207,
        url if url is not None else f"../{slug}/",
    )


def test_hostile_name_never_appears_raw():
    document = render_map([point(name=HOSTILE)], MapOptions(title="Sites & <b>more</b>"))
    assert "<script>alert(1)" not in document
    assert "</script><script>" not in document
    assert "\u2028" not in document
    assert "<b>more</b>" not in document
    assert "<title>Sites &amp; &lt;b&gt;more&lt;/b&gt;</title>" in document
    # The only closing script tags are those of real script elements.
    assert document.count("</script>") == document.count("<script")


def test_json_for_script_round_trips_through_json():
    import json

    encoded = json_for_script([HOSTILE, 1.5])
    assert json.loads(encoded) == [HOSTILE, 1.5]
    assert not re.search(r"[<>&\u2028\u2029]", encoded)


def test_two_renders_are_identical():
    points = [point("a", "A"), point("b", "B", "paused")]
    assert render_map(points, MapOptions()) == render_map(points, MapOptions())


def test_document_has_language_title_and_a_zoomable_viewport():
    document = render_map([point()], MapOptions(title="LEAD sites", lang="es"))
    assert '<html lang="es">' in document
    assert "<title>LEAD sites</title>" in document
    viewport = re.search(r'<meta name="viewport" content="([^"]*)"', document)
    assert viewport is not None
    assert "maximum-scale" not in viewport.group(1)
    assert "user-scalable" not in viewport.group(1)
    assert "<noscript>" in document and 'href="../"' in document


def test_without_tiles_the_document_names_no_other_host():
    document = render_map([point()], MapOptions(tiles=None))
    assert not re.search(r"https?:|//[a-z]", document, re.IGNORECASE)


def test_tiles_and_their_attribution_are_used_when_given():
    options = MapOptions(tiles="https://tiles.example/{z}/{x}/{y}.png", attribution="© Tiles")
    document = render_map([point()], options)
    assert "https://tiles.example/{z}/{x}/{y}.png" in document
    assert "\\u00a9 Tiles" in document or "© Tiles" in document


def test_every_referenced_asset_is_vendored():
    prefix = "../../assets/vendor/"
    document = render_map([point()], MapOptions(asset_prefix=prefix))
    referenced = re.findall(r'(?:src=|href=|[\[,])"' + re.escape(prefix) + r'([^"]+)"', document)
    assert sorted(referenced) == sorted(asset_paths())
    for path in referenced:
        assert (VENDOR / path).is_file(), path
        assert (VENDOR / path.split("/")[0] / "LICENSE").is_file()


def test_legend_lists_every_stage_with_its_count():
    points = [
        point("a", stage="operating"),
        point("b", stage="operating"),
        point("c", "C", "ended"),
    ]
    document = render_map(points, MapOptions())
    legend = re.search(r'<section class="lp-legend".*?</section>', document, re.DOTALL)
    assert legend is not None
    text = re.sub(r"<[^>]+>", "|", legend.group(0))
    for expected in ["Operating: 2 sites", "Ended: 1 site", "Exploring: 0 sites"]:
        assert expected in text


def test_stage_codes_are_unique_even_when_labels_share_a_letter():
    codes = stage_codes(["Exploring", "Developing", "Ended", "Operating"])
    assert codes == ["Ex", "D", "En", "O"]
    assert len(set(codes)) == len(codes)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("fill", "text"), STAGE_PALETTE)
def test_stage_letters_are_readable_on_their_colour(fill: str, text: str):
    light, dark = sorted([_luminance(fill), _luminance(text)], reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5


def test_unknown_stage_and_absolute_urls_are_refused():
    with pytest.raises(ValueError, match="'dormant' is not one of"):
        render_map([point(stage="dormant")], MapOptions())
    with pytest.raises(ValueError, match="must be a relative URL"):
        render_map([point(url="javascript:alert(1)")], MapOptions())


def test_urls_outside_the_shared_pattern_are_kept():
    document = render_map(
        [point("a", "A"), point("b", "B", url="../elsewhere/b.html")], MapOptions()
    )
    assert '"../elsewhere/b.html"' in document
    assert document.count('"../a/"') == 2, (
        "only in the list's and the drawing's links: the marker data derives it from the slug"
    )


def test_per_site_cost_is_compact():
    import gzip

    def size(count: int) -> int:
        points = [
            MapPoint(
                f"city-{i}",
                f"City {i} LEAD",
                f"City {i}, WA",
                "operating",
                40 + i * 1e-3,
                -100 - i * 1e-3,
                f"../city-{i}/",
            )
            for i in range(count)
        ]
        return len(gzip.compress(render_map(points, MapOptions()).encode(), mtime=0))

    assert (size(1000) - size(0)) / 1000 < 40


SCHEMES = {"light": LIGHT_SCHEME, "dark": DARK_SCHEME}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_map_colours_keep_contrast_in_both_schemes(scheme: str):
    colours = SCHEMES[scheme]
    assert contrast(colours.cluster_text, colours.cluster_fill) >= 4.5, "cluster counts"
    assert contrast(colours.cluster_fill, colours.background) >= 3, "cluster bubbles"
    assert contrast(colours.marker_edge, colours.background) >= 3, "stage markers' edge"
    assert contrast(colours.outline, colours.background) >= 3, "state outlines"
    assert contrast(colours.panel_text, colours.panel_bg) >= 4.5, "legend text"
    assert contrast(colours.link, colours.panel_bg) >= 4.5, "links in popups and the list"
    assert contrast(colours.focus, colours.background) >= 3, "focus ring"


def test_clusters_use_the_portal_palette_not_the_library_green():
    document = render_map([point()], MapOptions())
    assert LIGHT_SCHEME.cluster_fill == "#0f4c4c", "the portal's --lp-primary"
    assert f"--lp-map-cluster-fill: {LIGHT_SCHEME.cluster_fill}" in document
    assert ".leaflet-container .marker-cluster div { background: var(--lp-map-cluster-fill)" in (
        document
    )


def test_the_drawing_holds_every_site_inside_its_view_box():
    from leadportal.sites.map_data import DEFAULT_STAGES, stage_styles
    from leadportal.sites.map_svg import static_map

    far = [
        MapPoint("h", "Honolulu LEAD", "Honolulu, HI", "paused", 21.3, -157.86, "../h/"),
        MapPoint("b", "Bangor LEAD", "Bangor, ME", "exploring", 44.8, -68.77, "../b/"),
        point(),
    ]
    svg = static_map(far, stage_styles(DEFAULT_STAGES))
    width, height = map(int, re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups())
    dots = [(int(x), int(y)) for x, y in re.findall(r'cx="(-?\d+)" cy="(-?\d+)"', svg)]
    assert len(dots) == 3
    assert all(0 < x < width and 0 < y < height for x, y in dots)
    assert 'aria-hidden="true"' in svg and 'tabindex="-1"' in svg, "the list is the way in"
    assert "<title>Honolulu LEAD, Honolulu, HI: Paused</title>" in svg
    assert len(svg) < 40_000, "the outlines are simplified to the drawing's resolution"
