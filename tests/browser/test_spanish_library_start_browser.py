"""The Spanish library and "Start here" in Chromium, on the built portal's /es/: a topic chosen
by its Spanish label narrows the list (the value is the English key), and the chooser leads
to a Spanish path page whose script speaks Spanish too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

expect = pytest.importorskip("playwright.sync_api").expect


def assert_clean(guarded: Any) -> None:
    """Nothing left 127.0.0.1, no script errors. Material's language switcher fetches
    sitemap.xml at the absolute hreflang addresses on every page, English or Spanish (CSP
    blocks it; not this family's doing): those console errors alone are let through."""
    assert guarded.blocked_requests == []
    assert guarded.page_errors == [] and guarded.dialogs == []
    others = [e for e in guarded.console_errors if "sitemap.xml" not in e]
    assert others == []


def shown_slugs(page: Any) -> list[str]:
    return page.eval_on_selector_all(  # type: ignore[no-any-return]
        "li.lp-entry:not([hidden])", "items => items.map(li => li.dataset.lpSlug)"
    )


def test_choosing_a_topic_in_spanish_narrows_the_library(
    built_real_portal: Path, serve_dir: Callable[[Path], str], guarded_page: Any
) -> None:
    page = guarded_page.page
    page.goto(serve_dir(built_real_portal) + "es/resources/")
    status = page.locator("[data-lp-status]")
    expect(status).to_have_text("Se muestran los 16 documentos.")
    page.get_by_role("group", name="Tema").get_by_label("Reducción de daños").check()
    expect(status).to_have_text("Se muestran 4 de 16 documentos.")
    shown = shown_slugs(page)
    assert len(shown) == 4 and "lead-community-toolkit" in shown
    assert "topic=harm+reduction" in page.url  # the English value, as on the English page
    page.get_by_label("Palabras del título, los temas o el resumen").fill("zzzz-nada")
    expect(status).to_have_text(
        "Ningún documento coincide con estas opciones. Quite una opción para ver más."
    )
    page.get_by_role("button", name="Quitar todas las opciones").click()
    expect(status).to_have_text("Se muestran los 16 documentos.")
    assert_clean(guarded_page)


def test_the_spanish_chooser_leads_to_a_spanish_path(
    built_real_portal: Path, serve_dir: Callable[[Path], str], guarded_page: Any
) -> None:
    page = guarded_page.page
    page.goto(serve_dir(built_real_portal) + "es/start/")
    expect(page.locator("h1")).to_have_text("Empiece aquí")
    page.get_by_role("link", name="Exploración").click()
    expect(page.locator("h1")).to_have_text("Empiece aquí: exploración")
    page.get_by_role("link", name="Fiscalía", exact=True).click()
    expect(page.locator("h1")).to_have_text("Su camino en LEAD: exploración, fiscalía")
    assert "/es/start/exploring/prosecutor/" in page.url
    expect(page.get_by_role("button", name="Imprimir este camino")).to_be_visible()

    page.get_by_label("Ciudad, condado, código postal (ZIP) o estado").fill("Tucson")
    page.get_by_role("button", name="Mostrar los sitios más cercanos").click()
    expect(page.locator("[data-lp-place-status]")).to_have_text(
        "Se muestran los sitios más cercanos a Tucson, AZ."
    )
    expect(page.locator("[data-lp-peers-intro]")).to_have_text(
        "Los sitios más avanzados cercanos a Tucson, AZ, primero los más cercanos."
    )
    texts = page.locator("[data-lp-peers-list] li").all_inner_texts()
    assert len(texts) == 5 and all(" millas)" in t for t in texts), texts
    assert all(("(en funcionamiento, a" in t) or ("(lanzamiento, a" in t) for t in texts)

    help_link = page.get_by_role("link", name="Solicitar asistencia técnica")
    href = help_link.get_attribute("href") or ""
    assert "stage=Exploring" in href and "sector=Prosecution" in href
    help_link.click()
    assert "/es/contact/request-technical-assistance/" in page.url
    expect(page.locator("input[name=stage][value=Exploring]")).to_be_checked()
    assert_clean(guarded_page)
