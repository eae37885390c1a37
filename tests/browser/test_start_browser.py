""" "Start here" in Chromium, as a visitor walks it: "we are exploring, I am a prosecutor, in
Tucson" in two clicks and a place, the nearest sites further along, the request form filled
in, axe clean on every page of the walk, and the whole path readable without JavaScript."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from chromium_pages import axe_violations, guard_page

expect = pytest.importorskip("playwright.sync_api").expect


def test_exploring_prosecutor_in_tucson(
    built_real_portal: Path, serve_dir: Callable[[Path], str], guarded_page: Any
) -> None:
    page = guarded_page.page
    page.goto(serve_dir(built_real_portal))
    page.get_by_role("link", name="Start here").first.click()
    assert axe_violations(page, allowed={}) == []
    page.get_by_role("link", name="Exploring").click()
    assert axe_violations(page, allowed={}) == []
    page.get_by_role("link", name="Prosecutor", exact=True).click()
    expect(page.locator("h1")).to_contain_text("exploring, prosecutor")

    # Without a place: sites further along, spread across the country.
    peers = page.locator("[data-lp-peers-list] li")
    expect(peers).to_have_count(5)
    assert "Seattle" in peers.all_inner_texts()[0]

    page.get_by_label("City, county, ZIP code or state").fill("Tucson")
    page.get_by_role("button", name="Show the nearest sites").click()
    expect(page.locator("[data-lp-place-status]")).to_contain_text("nearest to Tucson, AZ")
    expect(peers).to_have_count(5)
    texts = peers.all_inner_texts()
    assert all("miles away" in t for t in texts), texts
    miles = [int(t.rsplit(", ", 1)[1].split(" ")[0].replace(",", "")) for t in texts]
    assert miles == sorted(miles)
    assert all(("(operating" in t) or ("(launching" in t) for t in texts)
    assert "Tucson" in page.url  # after the #, so it travels on but never reaches the server
    assert axe_violations(page, allowed={}) == []

    help_link = page.get_by_role("link", name="Request technical assistance")
    href = help_link.get_attribute("href") or ""
    assert "stage=Exploring" in href and "role=Prosecutor" in href
    assert "#jurisdiction=Tucson&state=AZ" in href
    help_link.click()
    expect(page.locator("input[name=stage][value=Exploring]")).to_be_checked()
    expect(page.locator("input[name=role]")).to_have_value("Prosecutor")
    expect(page.locator("select[name=sector]")).to_have_value("Prosecution")
    expect(page.locator("input[name=jurisdiction]")).to_have_value("Tucson")
    expect(page.locator("input[name=state]")).to_have_value("AZ")
    guarded_page.assert_clean()


def test_a_place_that_names_no_place_says_what_to_type(
    built_real_portal: Path, serve_dir: Callable[[Path], str], guarded_page: Any
) -> None:
    page = guarded_page.page
    page.goto(serve_dir(built_real_portal) + "start/exploring/prosecutor/#place=Tuscon%2C%20Arizna")
    expect(page.locator("[data-lp-place-status]")).to_contain_text("is not a US state we know")
    spread = page.locator("[data-lp-peers-list] li").all_inner_texts()
    assert not any("miles away" in t for t in spread)  # the spread order stays
    page.get_by_label("City, county, ZIP code or state").fill("85701")
    page.get_by_role("button", name="Show the nearest sites").click()
    expect(page.locator("[data-lp-place-status]")).to_contain_text("ZIP code 85701")
    page.get_by_role("button", name="Forget my place").click()
    assert "place=" not in page.url
    assert (
        page.get_by_role("link", name="Request technical assistance")
        .get_attribute("href")
        .endswith("stage=Exploring")
    )  # type: ignore[union-attr]
    guarded_page.assert_clean()


def test_the_path_is_complete_without_javascript(
    built_real_portal: Path, serve_dir: Callable[[Path], str], chromium: Any
) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        guarded = guard_page(context.new_page())
        page = guarded.page
        page.goto(serve_dir(built_real_portal) + "start/")
        page.get_by_role("link", name="Exploring").click()
        page.get_by_role("link", name="Prosecutor", exact=True).click()
        expect(page.locator(".lp-start-steps li").first).to_be_visible()
        expect(page.locator(".lp-start-docs li").first).to_be_visible()
        expect(page.locator("[data-lp-peers-list] li")).to_have_count(5)
        expect(page.locator("[data-lp-place]")).to_be_hidden()  # it needs the script
        href = page.get_by_role("link", name="Request technical assistance").get_attribute("href")
        assert href and "stage=Exploring" in href and "role=Prosecutor" in href
        guarded.assert_clean()
    finally:
        context.close()
