"""The link checker finds every kind of breakage in a small handmade site, and none in ours."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadportal.build.linkcheck import check_site, parse_page, target_path
from leadportal.cli import main

SITE_URL = "https://example.org/lead/"

GOOD_PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="../assets/site.css">
<link rel="alternate" type="application/rss+xml" href="../feed.xml">
<link rel="canonical" href="https://example.org/lead/about/">
<script src="../assets/app.js"></script></head><body>
<h2 id="contacts">Contacts</h2><a name="old-anchor"></a>
<a href="#contacts">here</a> <a href="./#old-anchor">old</a> <a href="../">home</a>
<a href="../about/#contacts">again</a> <a href="/lead/about/">root-relative</a>
<a href="https://other.example.net/x">other host</a> <a href="mailto:a@example.org">mail</a>
<img src="../assets/logo.png" srcset="../assets/logo.png 1x, ../assets/logo.png 2x">
<iframe src="../map/"></iframe><form action="../thanks/"></form>
</body></html>"""

BROKEN_PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="../assets/missing.css">
<link rel="alternate" type="application/rss+xml" href="../missing-feed.xml">
<script src="../assets/missing.js"></script></head><body>
<a href="../nowhere/">missing page</a> <a href="../about/#no-such-id">missing fragment</a>
<a href="#nope">missing local fragment</a> <a href="../../../etc/passwd">out of the site</a>
<a href="/other-site/">outside the site path</a> <a href="javascript:alert(1)">script</a>
<a href="https://example.org/lead/gone/">own address, missing page</a>
<img src="../assets/missing.png"> <iframe src="../missing-map/"></iframe>
<form action="../missing-action/"></form> <a href="">empty</a>
</body></html>"""


def write(root: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def sitemap(*paths: str) -> str:
    entries = "".join(f"<url><loc>{SITE_URL}{p}</loc></url>" for p in paths)
    return f'<?xml version="1.0"?><urlset>{entries}</urlset>'


def good_site(root: Path) -> Path:
    return write(
        root,
        {
            "index.html": '<a href="about/">about</a>',
            "about/index.html": GOOD_PAGE,
            "map/index.html": "<p>map</p>",
            "thanks/index.html": "<p>thanks</p>",
            "feed.xml": "<rss/>",
            "assets/site.css": "",
            "assets/app.js": "",
            "assets/logo.png": "",
            "sitemap.xml": sitemap("", "about/", "map/"),
        },
    )


def test_a_sound_site_has_no_broken_link(tmp_path: Path) -> None:
    report = check_site(good_site(tmp_path), SITE_URL)
    assert report.broken == []
    assert report.external == {"https://other.example.net/x"}
    assert report.pages == 4 and report.checked >= 17


def test_every_kind_of_breakage_is_reported_once(tmp_path: Path) -> None:
    root = good_site(tmp_path)
    write(root, {"broken/index.html": BROKEN_PAGE, "sitemap.xml": sitemap("", "gone/")})
    lines = [str(b) for b in check_site(root, SITE_URL).broken]
    assert lines == sorted(
        [
            "broken/index.html: ../assets/missing.css (no such file)",
            "broken/index.html: ../missing-feed.xml (no such file)",
            "broken/index.html: ../assets/missing.js (no such file)",
            "broken/index.html: ../nowhere/ (no such file)",
            "broken/index.html: ../about/#no-such-id (no element with id 'no-such-id')",
            "broken/index.html: #nope (no element with id 'nope')",
            "broken/index.html: ../../../etc/passwd (leads out of the site)",
            "broken/index.html: /other-site/ (outside the site's path /lead/)",
            "broken/index.html: javascript:alert(1) (javascript: address)",
            "broken/index.html: https://example.org/lead/gone/ (no such file)",
            "broken/index.html: ../assets/missing.png (no such file)",
            "broken/index.html: ../missing-map/ (no such file)",
            "broken/index.html: ../missing-action/ (no such file)",
            'broken/index.html: "" (empty address)',
            "sitemap.xml: https://example.org/lead/gone/ (no such file)",
        ]
    )


def test_sitemap_entries_must_be_below_site_url(tmp_path: Path) -> None:
    root = good_site(tmp_path)
    write(
        root, {"sitemap.xml": "<urlset><url><loc>https://elsewhere.example/</loc></url></urlset>"}
    )
    (line,) = [str(b) for b in check_site(root, SITE_URL).broken]
    assert line == f"sitemap.xml: https://elsewhere.example/ (not below site_url {SITE_URL})"


def test_directory_links_resolve_to_their_index_and_escapes_are_decoded() -> None:
    assert target_path("../a%20b/", "x/index.html", "") == ("a b/index.html", "", "")
    assert target_path("./", "x/index.html", "") == ("x/index.html", "", "")
    assert target_path("#top", "x/index.html", "") == ("x/index.html", "top", "")
    assert target_path(" JaVaScRiPt:alert(1)", "index.html", "")[2] == "javascript: address"
    assert target_path("data:text/html,x", "index.html", "")[2] == "data: address"
    assert target_path("data:image/png;base64,AAAA", "index.html", "") == (None, "", "")


def test_raw_html_links_are_all_collected() -> None:
    links = parse_page(GOOD_PAGE).links
    assert {
        "../assets/site.css",
        "../feed.xml",
        "../assets/app.js",
        "../map/",
        "../thanks/",
    } <= set(links)
    assert {"contacts", "old-anchor"} <= parse_page(GOOD_PAGE).ids


def test_command_exits_1_and_prints_each_broken_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = good_site(tmp_path / "site")
    write(root, {"x/index.html": '<a href="../nowhere/">x</a>'})
    (tmp_path / "mkdocs.yml").write_text(f"site_name: T\nsite_url: {SITE_URL}\n")
    assert main(["-f", str(tmp_path / "mkdocs.yml"), "linkcheck"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "x/index.html: ../nowhere/ (no such file)"
    assert out[-1].endswith("1 broken")


def test_fixture_portal_has_no_broken_link(built_fixture: Path) -> None:
    report = check_site(built_fixture, "https://example.org/lead/")
    assert [str(b) for b in report.broken] == []
    assert report.pages >= 8 and report.checked > 100


def test_real_portal_has_no_broken_link(built_real_portal: Path) -> None:
    report = check_site(built_real_portal, "https://portal.leadbureau.org/")
    assert [str(b) for b in report.broken] == []
    assert report.pages >= 20 and report.checked > 500
