"""Pages outside the menus light their tab and show the way back up (build/orientation.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leadportal.build.orientation import Crumb, ancestors, breadcrumb, menu_owner

MENU = ["", "about/", "sites/", "resources/", "bureau/", "contact/", "privacy/"]
HOMES = {"data/": "resources/", "start/": "implementing-lead/"}
TITLES = {"": "Home", "sites/": "Sites", "sites/states/": "States", "resources/": "Resources"}


def test_ancestors_run_from_home_down() -> None:
    assert ancestors("sites/states/wa/") == ["", "sites/", "sites/states/"]
    assert ancestors("about/") == [""]
    assert ancestors("") == [""]


@pytest.mark.parametrize(
    ("url", "trail"),
    [
        ("sites/seattle/", [("Home", ""), ("Sites", "")]),
        ("sites/states/wa/", [("Home", ""), ("Sites", ""), ("States", "")]),
        ("resources/topics/evaluation/", [("Home", ""), ("Resources", "")]),  # no topics/ page
        ("sites/", []),  # right below home: the header already links home
        ("", []),
    ],
)
def test_breadcrumb_goes_through_the_pages_that_exist(
    url: str, trail: list[tuple[str, str]]
) -> None:
    assert [c.title for c in breadcrumb(url, TITLES)] == [title for title, _ in trail]
    assert all(isinstance(c, Crumb) and c.url in TITLES for c in breadcrumb(url, TITLES))


@pytest.mark.parametrize(
    ("url", "owner"),
    [
        ("sites/seattle/", "sites/"),
        ("sites/states/wa/", "sites/"),
        ("contact/request-technical-assistance/", "contact/"),
        ("resources/lead-toolkit/", "resources/"),
        ("data/", "resources/"),
        ("start/", None),  # its home, implementing-lead/, is not in this menu
        ("somewhere-else/", None),
    ],
)
def test_a_page_outside_the_menus_belongs_to_a_tab(url: str, owner: str | None) -> None:
    assert menu_owner(url, MENU, HOMES) == owner


ACTIVE_TAB = re.compile(r'md-tabs__item md-tabs__item--active">\s*<a href="([^"]*)"')
BREADCRUMB = re.compile(r'<nav class="lp-breadcrumb" aria-label="Breadcrumb">(.*?)</nav>', re.S)
LINK = re.compile(r'<a href="([^"]*)"')


@pytest.mark.parametrize(
    ("page", "tab"),
    [
        ("sites/seattle-king-county/index.html", "sites/"),
        ("sites/states/wa/index.html", "sites/"),
        ("sites/summary/index.html", "sites/"),
        ("resources/lead-community-toolkit/index.html", "resources/"),
        ("contact/contact-us/index.html", "bureau/"),  # the Support section's first page
        ("data/index.html", "resources/"),
        ("start/index.html", "about/"),
    ],
)
def test_the_built_portal_lights_the_right_tab_and_links_up(
    built_real_portal: Path, page: str, tab: str
) -> None:
    file = built_real_portal / page
    html = file.read_text("utf-8")
    lit = ACTIVE_TAB.findall(html)
    assert len(lit) == 1, f"{page}: {len(lit)} active tabs"
    assert (file.parent / lit[0]).resolve() == (built_real_portal / tab).resolve()
    trail = BREADCRUMB.search(html)
    if page.count("/") == 1:  # right below home: the header's home link is the way up
        assert trail is None
        return
    assert trail, f"{page} has no breadcrumb"
    links = LINK.findall(trail.group(1))
    assert len(links) >= 3 and 'aria-current="page"' in trail.group(1)
    for href in links:
        target = (file.parent / href).resolve()
        assert (target / "index.html").is_file() or target.is_file(), f"{page}: {href} is broken"


def test_pages_in_the_menus_keep_their_own_tab_and_no_breadcrumb(built_real_portal: Path) -> None:
    html = (built_real_portal / "about/index.html").read_text("utf-8")
    assert len(ACTIVE_TAB.findall(html)) == 1
    assert BREADCRUMB.search(html) is None
