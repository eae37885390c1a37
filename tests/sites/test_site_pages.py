"""Site pages, state pages, the summary and the staleness warnings, as people see them."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from portal_helpers import run_mkdocs
from site_html_cases import CASES, SETTINGS, case_files, entry_for, portal_for, rendered_page

from leadportal import cli
from leadportal.build.generate import generate
from leadportal.build.linkcheck import target_path
from leadportal.portal.model import SiteEntry
from leadportal.portal.site_checks import add_months, months_between, verification
from leadportal.records.mkdocs_yml import read_settings
from leadportal.records.models import Partner, Site
from leadportal.records.settings import Settings
from leadportal.sites.pages import partner_groups, site_page, tel_href
from leadportal.sites.states import bar_width, launches_per_year

GOLDEN = case_files()


@pytest.mark.parametrize("case", GOLDEN, ids=[c.stem for c in GOLDEN])
def test_site_page_is_exactly_the_golden_page(case: Path) -> None:
    # Regenerate with `cd tests && ../.venv/bin/python write_site_html.py`; review the diff.
    assert rendered_page(case) == case.with_suffix(".md").read_text(encoding="utf-8")


def test_hostile_names_are_shown_as_text_never_as_markup() -> None:
    page = rendered_page(CASES / "hostile.yml")
    assert "<script" not in page and "<b>" not in page and "<i>" not in page
    assert "<img" not in page and "javascript:" not in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page  # a partner's name, as text
    assert "Ley &amp; Orden &#34;Policía&#34;" in page
    assert "Municipalité d&#39;Élan" in page
    assert "Bureau &lt;b&gt;&amp;amp;&lt;/b&gt; Co" in page  # an entity stays as typed
    # Right-to-left names are isolated so "(leaves this site)" keeps its place.
    assert "<bdi>שירותים קהילתיים</bdi>" in page
    assert 'href="https://example.org/lead?a=1&amp;b=O&#39;Brien"' in page


def test_stage_history_is_a_timeline_oldest_first_in_words() -> None:
    page = rendered_page(CASES / "hostile.yml")  # the record lists it out of order
    timeline = page[page.index('<ol class="lp-timeline">') : page.index("</ol>")]
    steps = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>: (\w+)', timeline)
    assert steps == [
        ("2014", "2014", "Exploring"),
        ("2015-11-02", "November 2, 2015", "Launching"),
        ("2016-03", "March 2016", "Operating"),
    ]


def test_partners_are_grouped_by_role_in_vocabulary_order() -> None:
    partners = [
        Partner(name="Funder A", role="funder"),
        Partner(name="Police", role="law enforcement"),
        Partner(name="Clinic", role="case management"),
        Partner(name="Sheriff", role="law enforcement"),
    ]
    groups = partner_groups(partners, SETTINGS.vocabulary("partner_roles"))
    assert [(g.role, [p.name for p in g.partners]) for g in groups] == [
        ("law enforcement", ["Police", "Sheriff"]),
        ("case management", ["Clinic"]),
        ("funder", ["Funder A"]),
    ]
    page = rendered_page(CASES / "verified.yml")
    roles = re.findall(r"<dt>([^<]+)</dt>", page[page.index('class="lp-partners"') :])
    assert roles == ["Law enforcement", "Case management", "Funder"]


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("206-555-0100", "tel:+12065550100"),
        ("555 0100", "tel:5550100"),  # not ten digits: no country code is guessed
        ("1 207 555 0199", "tel:+12075550199"),
        ("+44 20 7946 0958", "tel:+442079460958"),
        ("505 555-0100 x12", "tel:+15055550100;ext=12"),
        ("505.555.0100 ext. 7", "tel:+15055550100;ext=7"),
    ],
)
def test_phone_numbers_become_tappable_digits(phone: str, href: str) -> None:
    assert tel_href(phone) == href


def test_contacts_are_tappable_mailto_and_tel_links() -> None:
    page = rendered_page(CASES / "verified.yml")
    assert '<a href="mailto:lead@example.org">lead@example.org</a>' in page
    assert '<a href="tel:+12075550100">207-555-0100</a>' in page
    assert '<a href="tel:+442079460958">+44 20 7946 0958</a>' in page


def test_maps_links_only_when_coordinates_are_known() -> None:
    hostile = rendered_page(CASES / "hostile.yml")
    assert '<a href="geo:35.57000,-106.33000">Open in a maps app</a>' in hostile
    assert (
        'href="https://www.openstreetmap.org/?mlat=35.57000&amp;mlon=-106.33000'
        '#map=13/35.57000/-106.33000"' in hostile
    )
    assert "<iframe" not in hostile and "<img" not in hostile  # links only: nothing loads
    minimal = rendered_page(CASES / "minimal.yml")
    assert "geo:" not in minimal and "openstreetmap" not in minimal


def test_linkcheck_accepts_geo_links() -> None:
    assert target_path("geo:35.57,-106.33", "sites/x/index.html", "") == (None, "", "")


def test_correction_link_fills_in_the_site_when_the_form_exists() -> None:
    page = rendered_page(CASES / "minimal.yml")
    assert (
        '<a href="../../contact/suggest-a-correction/?site=minimal">Suggest a correction</a>'
        in page
    )
    entry = entry_for(CASES / "minimal.yml")
    without_form = str(site_page(entry, replace(portal_for(entry), forms=())).content)
    assert "Suggest a correction" not in without_form


def test_links_back_to_the_list_and_the_state() -> None:
    page = rendered_page(CASES / "minimal.yml")
    assert '<a href="../">All participating sites</a>' in page
    assert '<a href="../states/wa/">LEAD® sites in Washington</a>' in page


@pytest.mark.parametrize(
    ("verified", "shown"),
    [
        ("2026-11-20", "Verified less than a month ago, on"),
        ("2026-10-26", "Verified 1 month ago, on"),
        ("2025-11-26", "Verified 12 months ago, on"),
    ],
)
def test_verified_line_counts_months_from_the_build_day(verified: str, shown: str) -> None:
    page = page_verified_on(verified)
    assert shown in page
    assert "may be out of date" not in page


def test_stale_sites_say_so_on_their_page() -> None:
    page = page_verified_on("2025-09-01")
    assert (
        'Verified 14 months ago, on <time datetime="2025-09-01">September 1, 2025</time>'
        " — this may be out of date." in page
    )
    assert "lp-verified--stale" in page


def test_a_site_never_verified_says_so_visibly() -> None:
    page = rendered_page(CASES / "minimal.yml")
    assert "Not yet verified" in page
    assert "Verified " not in page


def page_verified_on(day: str) -> str:
    entry = entry_for(CASES / "minimal.yml")
    site = entry.site.model_copy(update={"last_verified": dt.date.fromisoformat(day)})
    changed = SiteEntry(entry.slug, entry.path, site)
    return str(site_page(changed, portal_for(changed)).content)


@pytest.mark.parametrize(
    ("earlier", "later", "months"),
    [
        ("2025-01-31", "2025-02-28", 0),
        ("2025-01-31", "2025-03-01", 1),
        ("2024-11-26", "2026-11-26", 24),
        ("2026-12-01", "2026-11-26", 0),  # a date after the build day: not negative
    ],
)
def test_months_between_counts_whole_months(earlier: str, later: str, months: int) -> None:
    assert months_between(dt.date.fromisoformat(earlier), dt.date.fromisoformat(later)) == months


def test_add_months_keeps_the_day_or_the_month_end() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2025, 11, 26), 12) == dt.date(2026, 11, 26)


def test_staleness_starts_the_day_after_the_threshold() -> None:
    entry = entry_for(CASES / "minimal.yml")
    today = dt.date(2026, 11, 26)

    def stale(day: str, limit: int = 12) -> bool:
        site = entry.site.model_copy(update={"last_verified": dt.date.fromisoformat(day)})
        return verification(SiteEntry("x", "x", site), today, limit).stale

    assert not stale("2025-11-26")
    assert stale("2025-11-25")
    assert not stale("2025-11-25", limit=13)


# --- the build: warnings, states, summary, search ------------------------------------------

ALBANY = "sites/albany-ny.yml"


def verified_portal(root: Path, last_verified: str, **options: object) -> Settings:
    record = root / ALBANY
    record.write_text(record.read_text() + f"last_verified: {last_verified}\n")
    return read_settings(root / "mkdocs.yml", today=dt.date(2026, 11, 26), **options)


def test_a_stale_site_is_a_warning_at_its_last_verified_line(fixture_portal: Path) -> None:
    result = generate(verified_portal(fixture_portal, "2025-01-15"))
    assert result.ok
    line = len((fixture_portal / ALBANY).read_text().splitlines())
    assert [str(p) for p in result.problems] == [
        f"{ALBANY}:{line}:1: warning: last_verified: the details were last verified "
        "22 months ago (2025-01-15), longer ago than 12 months (check them with the site, "
        "correct what changed and set last_verified to that day; this does not stop the build)"
    ]


def test_the_staleness_threshold_is_a_setting(fixture_portal: Path) -> None:
    result = generate(verified_portal(fixture_portal, "2025-01-15", stale_after_months=24))
    assert result.problems == []


def test_never_verified_and_recently_verified_sites_give_no_warning(fixture_portal: Path) -> None:
    result = generate(verified_portal(fixture_portal, "2026-06-01"))
    assert result.problems == []
    assert (
        generate(read_settings(fixture_portal / "mkdocs.yml")).problems == []
    )  # no site of the fixture has last_verified set


@pytest.mark.slow
def test_a_stale_site_is_reported_but_does_not_stop_a_strict_build(
    fixture_portal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = fixture_portal / ALBANY
    record.write_text(record.read_text() + "last_verified: 2020-02-01\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795651200")  # 2026-11-26
    result = run_mkdocs(fixture_portal)
    assert result.returncode == 0, result.stderr
    assert f"{ALBANY}:" in result.stderr and "last verified 81 months ago" in result.stderr
    page = (fixture_portal / "site/sites/albany-ny/index.html").read_text("utf-8")
    assert "this may be out of date" in page


def test_leadportal_check_lists_stale_sites_and_passes(
    fixture_portal: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    record = fixture_portal / ALBANY
    record.write_text(record.read_text() + "last_verified: 2020-02-01\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795651200")
    assert cli.main(["-f", str(fixture_portal / "mkdocs.yml"), "check"]) == 0
    assert f"{ALBANY}:" in capsys.readouterr().err


def test_a_site_cannot_take_the_address_of_a_portal_page(fixture_portal: Path) -> None:
    (fixture_portal / "sites/summary.yml").write_text(
        "name: S\nstage: exploring\njurisdiction: {city: S, state: TX}\n"
    )
    problems = [str(p) for p in generate(read_settings(fixture_portal / "mkdocs.yml")).problems]
    assert (
        "sites/summary.yml: the file name 'summary' is taken by the portal's own "
        "/sites/summary/ page (rename the file, e.g. after the site's city or county)"
    ) in problems


def test_state_pages_list_public_sites_only(built_fixture: Path) -> None:
    states = built_fixture / "sites/states"
    assert sorted(p.name for p in states.iterdir() if p.is_dir()) == ["nm", "ny"]  # no TX
    ny = (states / "ny/index.html").read_text("utf-8")
    assert '<th scope="row"><a href="../../albany-ny/">Albany LEAD</a></th>' in ny
    assert "<td>Albany, Albany County</td>\n<td>Operating</td>\n<td>2016</td>" in ny
    assert "1 public LEAD® site in New York: 1 operating." in ny
    index = (states / "index.html").read_text("utf-8")
    assert '<a href="nm/">New Mexico</a> (1 site)' in index
    assert "Texas" not in index


def test_stage_pages_list_exactly_the_public_sites_of_their_stage(built_fixture: Path) -> None:
    stages = built_fixture / "sites/stages"
    # Developing has only the private site and paused, launching, ended none: no page.
    assert sorted(p.name for p in stages.iterdir() if p.is_dir()) == ["exploring", "operating"]
    operating = (stages / "operating/index.html").read_text("utf-8")
    rows = re.findall(r'<th scope="row"><a href="([^"]+)">', operating)
    assert rows == ["../../albany-ny/"]
    # Generated pages break the line after each cell (search reads words, not run-together cells).
    assert "<td>Albany, Albany County</td>\n<td>New York</td>\n<td>2016</td>" in operating
    assert "1 public LEAD® site at the stage “operating”." in operating
    assert '<a href="../exploring/">Exploring (1)</a>' in operating
    exploring = (stages / "exploring/index.html").read_text("utf-8")
    assert re.findall(r'<th scope="row"><a href="([^"]+)">', exploring) == [
        "../../quotes-and-script/"
    ]
    assert "Canary" not in exploring + operating


def test_the_list_and_each_site_page_link_the_stage_pages(built_fixture: Path) -> None:
    sites = (built_fixture / "sites/index.html").read_text("utf-8")
    start = sites.index('class="lp-stage-links"')
    nav = sites[start : sites.index("</nav>", start)]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a> \((\d+)\)', nav) == [
        ("stages/exploring/", "Exploring", "1"),
        ("stages/operating/", "Operating", "1"),
    ]  # in vocabulary order; a stage with no public site has no link
    albany = (built_fixture / "sites/albany-ny/index.html").read_text("utf-8")
    assert '<dt>Stage</dt>\n<dd><a href="../stages/operating/">Operating</a></dd>' in albany


def test_stage_pages_are_in_the_site_map_like_state_pages(built_fixture: Path) -> None:
    html_map = (built_fixture / "sitemap/index.html").read_text("utf-8")
    xml_map = (built_fixture / "sitemap.xml").read_text("utf-8")
    for page in ("states/ny/", "stages/operating/", "stages/exploring/"):
        assert f'href="../sites/{page}"' in html_map, page
        assert f"/sites/{page}</loc>" in xml_map, page
    assert "stages/developing/" not in html_map + xml_map


def test_summary_counts_public_sites_in_tables(built_fixture: Path) -> None:
    html = (built_fixture / "sites/summary/index.html").read_text("utf-8")
    assert "2 public LEAD® sites in 2 states." in html
    assert html.count("<caption>") == 3
    rows = dict(
        re.findall(r'<th scope="row">(\w[\w ]*)</th>\n<td><span class="lp-tally">(\d+)', html)
    )
    assert rows["Exploring"] == "1" and rows["Operating"] == "1" and rows["Developing"] == "0"
    assert rows["All stages"] == "2"
    assert rows["2016"] == "1"
    assert "1 site has no launch year on record" in html
    for width in re.findall(r"lp-bar--(\d+)", html):  # every bar has a rule in the style sheet
        css = (built_fixture / "assets/leadportal/site-page.css").read_text()
        assert f".lp-bar--{width} {{" in css


def test_site_pages_are_boosted_in_search_with_their_words(built_real_portal: Path) -> None:
    index = json.loads((built_real_portal / "search/search_index.json").read_text())
    docs = [d for d in index["docs"] if d["location"] == "sites/ithaca/"]
    assert len(docs) == 1 and docs[0]["boost"] == 4
    text = docs[0]["title"] + " " + docs[0]["text"]
    for words in ("Ithaca", "Tompkins County", "New York", "Greater Ithaca Activities Center"):
        assert words in text, words
    located = {d["location"].split("#")[0] for d in index["docs"]}
    assert {"sites/states/ny/", "sites/states/", "sites/summary/"} <= located


def test_sites_outside_the_vocabulary_order_still_render() -> None:
    site = Site.model_validate(
        {"name": "X", "stage": "ended", "jurisdiction": {"city": "X", "state": "GU"}}
    )
    entry = SiteEntry("x", "sites/x.yml", site)
    page = str(site_page(entry, portal_for(entry)).content)
    assert "X, Guam" in page and '<a href="../states/gu/">Guam</a>' in page


def test_bars_are_proportional_and_never_hide_a_site() -> None:
    assert [bar_width(n, 27) for n in (0, 1, 13, 27)] == [0, 5, 50, 100]


def test_launches_per_year_include_years_without_launches() -> None:
    entries = [entry_for(CASES / name) for name in ("hostile.yml", "verified.yml", "minimal.yml")]
    rows = [(row.label, row.count) for row in launches_per_year(entries)]
    assert rows == [("2016", 1), ("2017", 1)]
    assert launches_per_year([entry_for(CASES / "minimal.yml")]) == []


def test_summary_bars_are_hidden_from_screen_readers(built_fixture: Path) -> None:
    html = (built_fixture / "sites/summary/index.html").read_text("utf-8")
    bars = re.findall(r'<span class="lp-bar[^"]*"[^>]*>', html)
    assert bars and all('aria-hidden="true"' in bar for bar in bars)
