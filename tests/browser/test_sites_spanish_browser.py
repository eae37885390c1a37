"""/es/sites/ in Chromium: near-me from a typed city sorts the list and says so in Spanish, and
a filter still filters (its value is the English key) with a Spanish status line."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from chromium_pages import GuardedPage

expect = pytest.importorskip("playwright.sync_api").expect


def test_near_me_and_a_filter_on_the_spanish_list(
    offline_real_site: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    base = serve_dir(offline_real_site)
    page.goto(base + "es/sites/")
    assert page.get_attribute("html", "lang") == "es"
    rows = page.eval_on_selector_all(
        "tr.lp-site-row", "rows => rows.map(tr => [tr.dataset.lpSlug, tr.dataset.lpFacets])"
    )
    total = len(rows)
    assert page.inner_text("[data-lp-status]") == f"Se muestran los {total} sitios."

    page.fill("#lp-near-place", "Seattle, WA")
    page.click("text=Ordenar por distancia")
    status = page.locator("[data-lp-near-status]")
    expect(status).to_contain_text("Ordenados por distancia desde Seattle, WA")
    text = status.inner_text()
    assert text.startswith("Ordenados por distancia desde Seattle, WA: el más cercano es ")
    assert text.rstrip().endswith(("a menos de 1 milla.", "millas.", "milla."))
    assert "Sorted" not in text and "away" not in text
    first = page.eval_on_selector(
        "tr.lp-site-row",
        "tr => [tr.dataset.lpSlug, tr.querySelector('[data-lp-distance]').innerText]",
    )
    assert first[0] == "seattle-king-county"
    assert first[1] in ("Menos de 1 milla", "1 milla") or first[1].endswith("millas")
    assert "Distancia" in page.inner_text("th[data-lp-distance-head]")

    # The filter's value is the English key; the status line is Spanish.
    operating = [slug for slug, facets in rows if "operating" in json.loads(facets)["stage"]]
    assert 0 < len(operating) < total
    page.check('.lp-option input[name="stage"][value="operating"]')
    expect(page.locator("[data-lp-status]")).to_have_text(
        f"Se muestran {len(operating)} de {total} sitios."
    )
    shown = page.eval_on_selector_all(
        "tr.lp-site-row:not([hidden])", "rows => rows.map(tr => tr.dataset.lpSlug)"
    )
    assert sorted(shown) == sorted(operating)
    assert page.url.endswith("?stage=operating#near=Seattle%2C+WA")
    guarded_page.assert_clean()


def test_near_me_knows_a_state_by_its_spanish_name(
    offline_real_site: Path, serve_dir: Callable[[Path], str], guarded_page: GuardedPage
) -> None:
    page = guarded_page.page
    page.goto(serve_dir(offline_real_site) + "es/sites/")
    status = page.locator("[data-lp-near-status]")
    # As a tired visitor types it (no accent), and the English name, which still works.
    for typed in ("nuevo mexico", "New Mexico"):
        page.fill("#lp-near-place", typed)
        page.click("text=Ordenar por distancia")
        expect(page).to_have_url(re.compile(re.escape("#near=" + quote_plus(typed)) + "$"))
        expect(status).to_contain_text(
            "Ordenados por distancia desde Nuevo México: el más cercano es"
        )
        assert page.get_attribute("tr.lp-site-row", "data-lp-slug") == "santa-fe"
    guarded_page.assert_clean()
