"""The Spanish build's site map, open data page and theme pages, as a visitor reads them."""

from __future__ import annotations

from pathlib import Path

from portals import REPO

from leadportal.build.generate import generate
from leadportal.records.mkdocs_yml import read_settings
from leadportal.render.outputs import split_page


def spanish_outputs() -> dict[str, str]:
    result = generate(read_settings(REPO / "mkdocs.yml"), language="es")
    assert result.ok, [str(p) for p in result.problems if p.is_error]
    return {o.path: str(o.content) for o in result.outputs}


def test_the_spanish_site_map_and_data_page() -> None:
    files = spanish_outputs()
    front, sitemap = split_page(files["sitemap/index.md"])
    assert "Mapa del sitio web" in front
    assert (
        '<a href="../">Inicio</a>' in sitemap
        and '<a href="../about/">Acerca de LEAD</a>' in sitemap
    )
    assert ".es/" not in sitemap  # a page's Spanish text is the page, not a page of its own
    assert ">Sitios participantes</h2>" in sitemap and ">Formularios</h3>" in sitemap
    front, data = split_page(files["data/index.md"])
    assert "Datos abiertos" in front
    # The one set of files, written by the English build at the portal's root.
    assert '<a href="../../data/sites.csv" download>' in data
    assert '<a href="../../data/hsds/datapackage.json" download>' in data
    assert '<a href="../../sites/feed.xml">feed.xml</a>' in data
    assert "<strong>Licencia:</strong>" in data
    assert "Field" not in data and '<th scope="col">Campo</th>' in data


def test_the_english_site_map_lists_no_spanish_texts() -> None:
    result = generate(read_settings(REPO / "mkdocs.yml"))
    sitemap = next(str(o.content) for o in result.outputs if o.path == "sitemap/index.md")
    assert ".es/" not in sitemap and '<a href="../about/">About LEAD</a>' in sitemap


def test_the_built_spanish_theme_pages(built_real_portal: Path) -> None:
    es = built_real_portal / "es"
    page_404 = (es / "404.html").read_text(encoding="utf-8")
    assert "<h1>Página no encontrada</h1>" in page_404
    assert (
        '<a href="/es/sitemap/">Mapa del sitio web</a>, que enumera todas las páginas' in page_404
    )
    home = (es / "index.html").read_text(encoding="utf-8")
    assert "Encuentre LEAD cerca de usted" in home and "Cambiar al modo oscuro" in home
    assert '<nav aria-label="Información del portal">' in home
    assert "Este portal reúne <strong data-lp-total>" in home
    tabs = home[home.index('class="md-tabs__list"') :]
    for title in ("Inicio", "Acerca de LEAD", "Sitios", "Recursos", "Apoyo"):
        assert f"{title}\n" in tabs or f">{title}<" in tabs, title
    contact = (es / "contact/contact-us/index.html").read_text(encoding="utf-8")
    assert 'aria-label="Ruta de navegación"' in contact
