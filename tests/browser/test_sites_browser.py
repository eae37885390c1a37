"""/sites/ in Chromium: filters and live counts, the address, the text filter, near-me from a
typed place and from the browser's location, no request off 127.0.0.1, axe, and JS off."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from chromium_pages import GuardedPage, axe_violations, guard_page
from page_walk import stand_in_tiles
from portal_helpers import FIXTURE_PORTAL, REPO_ROOT

from leadportal.build.generate import check
from leadportal.portal.model import build_portal
from leadportal.records.mkdocs_yml import read_settings
from leadportal.records.tiles import OSM_URL
from leadportal.render.facets import facet_counts
from leadportal.sites.directory import SITE_FACETS, site_rows

expect = pytest.importorskip("playwright.sync_api").expect
Page = object  # playwright's Page (imported lazily by the conftest)

# Sites with coordinates for the distance tests (the real ones get theirs from the geocode
# cache); Boise has none, so it must sort last with "Distance unknown".
NEAR_SITES = {
    "seattle": "name: Seattle Test LEAD\nstage: operating\n"
    "jurisdiction: {city: Seattle, county: King County, state: WA}\n"
    "location: {lat: 47.6062, lon: -122.3321}\nreferral_pathways: [arrest diversion]\n"
    "partners:\n  - {name: Evergreen Treatment Services, role: case management}\n",
    "portland-me": "name: Portland Maine Test LEAD\nstage: developing\n"
    "jurisdiction: {city: Portland, state: ME}\nlocation: {lat: 43.6591, lon: -70.2568}\n",
    "boise": "name: Boise Test LEAD\nstage: exploring\njurisdiction: {city: Boise, state: ID}\n",
}


@pytest.fixture(scope="module")
def near_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture portal plus NEAR_SITES, built; returns its site/ folder.

    Not --strict: a public site without coordinates (Boise) is a warning by design.
    """
    root = tmp_path_factory.mktemp("near") / "portal"
    shutil.copytree(FIXTURE_PORTAL, root)
    for slug, text in NEAR_SITES.items():
        (root / "sites" / f"{slug}.yml").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return root / "site"


def open_sites(page: Page, site: Path, base: str) -> str:
    """Go to /sites/ of the built `site`; returns its URL.

    These portals use the default OpenStreetMap tiles: the embedded map's tile requests get
    blank stand-in tiles (tests/browser/test_site_map_page_browser.py checks who asks them).
    """
    stand_in_tiles(page, urlsplit(OSM_URL).hostname or "")
    url = base + "sites/"
    page.goto(url)  # type: ignore[attr-defined]
    return url


def shown_slugs(page: Page) -> list[str]:
    return page.eval_on_selector_all(  # type: ignore[attr-defined,no-any-return]
        "tr.lp-site-row:not([hidden])", "rows => rows.map(tr => tr.dataset.lpSlug)"
    )


def shown_counts(page: Page) -> dict[str, dict[str, int]]:
    """facet -> value -> the count the page shows beside it (checkboxes and the state menu)."""
    pairs = page.eval_on_selector_all(  # type: ignore[attr-defined]
        ".lp-option input",
        """inputs => inputs.map(input => [input.name, input.value,
            document.querySelector(`label[for="${input.id}"] [data-lp-count]`).textContent])""",
    )
    pairs += page.eval_on_selector_all(  # type: ignore[attr-defined]
        "select[name=state] option[value]:not([value=''])",
        "options => options.map(o => ['state', o.value, o.textContent.match(/\\((\\d+)\\)$/)[0]])",
    )
    counts: dict[str, dict[str, int]] = {facet: {} for facet in SITE_FACETS}
    for facet, value, text in pairs:
        counts[facet][value] = int(text.strip("()"))
    return counts


def expected_counts(root: Path, selection: dict[str, list[str]], query: str = "") -> object:
    settings = read_settings(root / "mkdocs.yml")
    result = check(settings)
    rows = site_rows(build_portal(result.records, settings, result.places))
    return facet_counts([(r.facets, r.text) for r in rows], selection, query, names=SITE_FACETS)


def status(page: Page) -> str:
    return page.inner_text("[data-lp-status]")  # type: ignore[attr-defined,no-any-return]


def near_status(page: Page) -> str:
    return page.inner_text("[data-lp-near-status]")  # type: ignore[attr-defined,no-any-return]


def distances(page: Page) -> list[list[str]]:
    return page.eval_on_selector_all(  # type: ignore[attr-defined,no-any-return]
        "tr.lp-site-row",
        "rows => rows.map(tr => [tr.dataset.lpSlug,"
        " tr.querySelector('[data-lp-distance]').innerText])",
    )


def sort_near(page: Page, text: str, *, click: bool = False) -> None:
    """Type a place and press Enter (or click the button: its hover colour then fades, which
    axe can catch half-way)."""
    page.fill("#lp-near-place", text)  # type: ignore[attr-defined]
    if click:
        page.click("text=Sort by distance")  # type: ignore[attr-defined]
    else:
        page.press("#lp-near-place", "Enter")  # type: ignore[attr-defined]
    # expect() polls without eval, which the page's Content-Security-Policy forbids.
    expect(page.locator("[data-lp-near-status]")).not_to_contain_text("Looking up")  # type: ignore[attr-defined]


def test_filters_count_and_keep_the_view_in_the_address(
    built_fixture: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    url = open_sites(page, built_fixture, serve_dir(built_fixture))
    assert page.is_visible("form.lp-filters")
    assert status(page) == "All 2 sites shown."
    assert shown_counts(page) == expected_counts(FIXTURE_PORTAL, {})

    page.check('.lp-option input[name="stage"][value="operating"]')
    assert shown_slugs(page) == ["albany-ny"]
    assert status(page) == "1 of 2 sites shown."
    assert page.url == url + "?stage=operating"
    assert shown_counts(page) == expected_counts(FIXTURE_PORTAL, {"stage": ["operating"]})
    assert shown_counts(page)["state"] == {"NM": 0, "NY": 1}

    page.reload()
    assert page.is_checked('.lp-option input[name="stage"][value="operating"]')
    assert shown_slugs(page) == ["albany-ny"]

    page.click("text=Clear all choices")
    assert shown_slugs(page) == ["albany-ny", "quotes-and-script"]
    page.select_option("select[name=state]", "NM")
    assert shown_slugs(page) == ["quotes-and-script"]
    assert page.url == url + "?state=NM"
    page.select_option("select[name=state]", "")
    page.fill("input[name=words]", "peña")
    assert shown_slugs(page) == ["quotes-and-script"]
    assert "words=pe%C3%B1a" in page.url
    page.fill("input[name=words]", "police department")  # a partner's name
    assert shown_slugs(page) == ["albany-ny"]
    page.fill("input[name=words]", "nowhere at all")
    assert shown_slugs(page) == []
    assert status(page) == "No sites match these choices. Clear a choice to see more."
    guarded_page.assert_clean()


def test_a_typed_zip_sorts_by_distance_and_shows_miles(
    near_portal: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_sites(page, near_portal, serve_dir(near_portal))
    assert not any("places" in r for r in requests)  # fetched only when near-me is used
    assert not page.is_visible("th[data-lp-distance-head]")
    assert not page.is_visible("text=Back to the order by name")

    sort_near(page, "98104", click=True)
    rows = distances(page)
    assert [slug for slug, _ in rows] == [
        "seattle",
        "quotes-and-script",
        "albany-ny",
        "portland-me",
        "boise",
    ]
    assert rows[0][1] == "Under 1 mile"
    assert (
        rows[2][1].endswith(" miles") and 2100 < int(rows[2][1].split()[0].replace(",", "")) < 2500
    )
    assert rows[-1][1] == "Distance unknown"
    assert page.is_visible("th[data-lp-distance-head]")
    assert (
        "Sorted by distance from ZIP code 98104: nearest is Seattle Test LEAD, under 1 mile away."
        in near_status(page)
    )
    assert [r.rsplit("/", 1)[1] for r in requests if "places" in r] == ["places-zip.json"]
    # The place is kept after the "#", which browsers never send to the server.
    assert urlsplit(page.url).fragment == "near=98104"
    assert urlsplit(page.url).query == ""

    page.click("text=Back to the order by name")
    assert urlsplit(page.url).fragment == ""
    assert [slug for slug, _ in distances(page)][:2] == ["albany-ny", "boise"]
    assert not page.is_visible("th[data-lp-distance-head]")
    assert not page.is_visible("text=Back to the order by name")
    guarded_page.assert_clean()


def test_typed_names_pick_sensibly_offer_choices_and_explain_failures(
    near_portal: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    open_sites(page, near_portal, serve_dir(near_portal))

    sort_near(page, "Portland")
    assert "Sorted by distance from Portland, OR: nearest is" in near_status(page)
    assert page.is_visible(".lp-near-choices button:text-is('Portland, ME')")
    assert distances(page)[0][0] == "seattle"
    page.click(".lp-near-choices button:text-is('Portland, ME')")
    assert "Sorted by distance from Portland, ME" in near_status(page)
    assert distances(page)[0] == ["portland-me", "Under 1 mile"]

    sort_near(page, "King County")
    assert "more than one “King County”" in near_status(page)
    page.click(".lp-near-choices button:text-is('King County, WA')")
    assert distances(page)[0][0] == "seattle"

    for text, first in [
        ("Seattle, WA", "seattle"),
        ("albany ny", "albany-ny"),
        ("Maine", "portland-me"),
    ]:
        sort_near(page, text)
        assert distances(page)[0][0] == first, text

    sort_near(page, "Xyzzyville")
    assert "We could not find “Xyzzyville”" in near_status(page)
    sort_near(page, "Seattle, Narnia")
    assert "“Narnia” is not a US state we know" in near_status(page)
    sort_near(page, "00000")
    assert "ZIP code 00000 is not in our list" in near_status(page)
    guarded_page.assert_clean()


def in_viewport(page: Page, selector: str) -> bool:
    return page.eval_on_selector(  # type: ignore[attr-defined,no-any-return]
        selector,
        """e => { const r = e.getBoundingClientRect();
                  return r.top >= 0 && r.bottom <= window.innerHeight; }""",
    )


def test_near_me_brings_the_nearest_site_into_view_on_a_phone(
    near_portal: Path, serve_dir: Callable[[Path], str], chromium: object
) -> None:
    context = chromium.new_context(viewport={"width": 375, "height": 700})  # type: ignore[attr-defined]
    try:
        guarded = guard_page(context.new_page())
        page = guarded.page
        open_sites(page, near_portal, serve_dir(near_portal))
        page.click("#lp-near-heading")  # the panel is folded on a phone
        assert not in_viewport(page, "tr.lp-site-row")
        sort_near(page, "Seattle, WA", click=True)
        assert distances(page)[0][0] == "seattle"
        assert in_viewport(page, "tr.lp-site-row")  # the first row: the nearest site
        # The live region (role=status) tells a screen-reader user what happened.
        assert page.get_attribute("[data-lp-near-status]", "role") == "status"
        assert near_status(page).startswith(
            "Sorted by distance from Seattle, WA: nearest is Seattle Test LEAD"
        )
        guarded.assert_clean()
    finally:
        context.close()


def test_an_unknown_place_clears_the_distance_sort_and_says_so(
    near_portal: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    open_sites(page, near_portal, serve_dir(near_portal))
    sort_near(page, "98104")
    assert page.is_visible("th[data-lp-distance-head]")
    sort_near(page, "Xyzzyville")
    assert not page.is_visible("th[data-lp-distance-head]")
    assert not page.is_visible("[data-lp-distance]")
    assert [slug for slug, _ in distances(page)][:2] == ["albany-ny", "boise"]
    text = near_status(page)
    assert "We could not find “Xyzzyville”. Try a city and state (Seattle, WA)" in text
    assert "The list is back in the order by name." in text
    assert urlsplit(page.url).fragment == ""
    guarded_page.assert_clean()


def test_a_page_opened_with_a_place_in_the_address_sorts_at_once(
    near_portal: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    url = open_sites(page, near_portal, serve_dir(near_portal))
    page.goto(url + "#near=98104")
    page.reload()
    expect(page.locator("[data-lp-near-status]")).to_contain_text("Sorted by distance")
    assert distances(page)[0] == ["seattle", "Under 1 mile"]
    assert page.input_value("#lp-near-place") == "98104"
    assert page.is_visible("th[data-lp-distance-head]")
    guarded_page.assert_clean()


def test_the_browser_location_sorts_without_fetching_places(
    near_portal: Path, serve_dir: Callable[[Path], str], chromium: object
) -> None:
    context = chromium.new_context(  # type: ignore[attr-defined]
        geolocation={"latitude": 43.66, "longitude": -70.25}, permissions=["geolocation"]
    )
    try:
        guarded = guard_page(context.new_page())
        page = guarded.page
        requests: list[str] = []
        # The page's own requests: the embedded map's tiles are the map's, not near-me's.
        page.on(
            "request",
            lambda request: (
                requests.append(request.url) if request.frame == page.main_frame else None
            ),
        )
        open_sites(page, near_portal, serve_dir(near_portal))
        page.click("text=Use my location")
        expect(page.locator("[data-lp-near-status]")).to_contain_text("your location")
        assert [slug for slug, _ in distances(page)][:2] == ["portland-me", "albany-ny"]
        assert not any("places" in r for r in requests)
        assert all(r.startswith("http://127.0.0.1:") for r in requests)
        guarded.assert_clean()
    finally:
        context.close()


def test_axe_finds_nothing_before_and_after_near_me(
    near_portal: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    open_sites(page, near_portal, serve_dir(near_portal))
    assert axe_violations(page) == []
    sort_near(page, "Portland")
    page.check('.lp-option input[name="stage"][value="operating"]')
    assert axe_violations(page) == []
    guarded_page.assert_clean()


def test_with_javascript_off_the_whole_list_is_there(
    built_real_portal: Path, serve_dir: Callable[[Path], str], chromium: object
) -> None:
    context = chromium.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(serve_dir(built_real_portal) + "sites/")
        names = page.eval_on_selector_all(
            "tr.lp-site-row th a", "links => links.map(a => a.textContent)"
        )
        assert len(names) == len(list((REPO_ROOT / "sites").glob("*.yml")))
        assert "Seattle & King County LEAD" in names
        assert page.is_visible("table.lp-sites") and not page.is_visible("form.lp-filters")
        assert page.inner_text(".lp-count-line").startswith(f"{len(names)} participating sites in ")
        # Narrowing by stage without script: the stage links lead to a page per stage.
        page.get_by_role("navigation", name="Sites by stage:").get_by_role(
            "link", name="Paused"
        ).click()
        assert page.url.endswith("/sites/stages/paused/")
        stages = page.eval_on_selector_all(
            "tbody th a", "links => links.map(a => a.getAttribute('href').split('/')[2])"
        )
        paused = [
            path.stem
            for path in (REPO_ROOT / "sites").glob("*.yml")
            if "\nstage: paused\n" in path.read_text("utf-8")
        ]
        assert sorted(stages) == sorted(paused) and paused
    finally:
        context.close()


def test_real_portal_filters_and_axe(
    built_real_portal: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    url = open_sites(page, built_real_portal, serve_dir(built_real_portal))
    total = len(shown_slugs(page))
    assert status(page) == f"All {total} sites shown."
    assert shown_counts(page) == expected_counts(REPO_ROOT, {})
    page.check('.lp-option input[name="stage"][value="operating"]')
    operating = expected_counts(REPO_ROOT, {})["stage"]["operating"]  # type: ignore[index]
    assert len(shown_slugs(page)) == operating < total
    assert status(page) == f"{operating} of {total} sites shown."
    assert shown_counts(page) == expected_counts(REPO_ROOT, {"stage": ["operating"]})
    page.reload()
    assert len(shown_slugs(page)) == operating
    page.fill("input[name=words]", "seattle")
    assert "seattle-king-county" in shown_slugs(page)
    assert page.url == url + "?words=seattle&stage=operating"
    assert axe_violations(page) == []
    guarded_page.assert_clean()
