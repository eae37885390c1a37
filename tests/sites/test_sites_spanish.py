"""The sites pages in Spanish, as a Spanish-speaking visitor reads them: the interface in
Spanish, vocabulary values shown with their glossary labels while filters, data attributes and
addresses keep the English keys, and English record prose marked lang="en"."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import fields, replace
from functools import cache

import pytest
from portal_helpers import REPO_ROOT
from site_html_cases import CASES, SETTINGS, entry_for, portal_for

from leadportal.build.generate import check
from leadportal.portal.model import Portal, build_portal
from leadportal.portal.translated import in_language
from leadportal.records.mkdocs_yml import read_settings
from leadportal.records.tiles import OSM_ATTRIBUTION
from leadportal.render.i18n import script_strings, speaking, table
from leadportal.render.outputs import page_meta, split_page
from leadportal.sites.directory import FACET_LEGENDS, site_directory
from leadportal.sites.map_data import MapTexts, stage_codes
from leadportal.sites.map_document import LEAFLET_WORDS, render_map
from leadportal.sites.map_page import map_options, map_points
from leadportal.sites.pages import site_page
from leadportal.sites.stages import stage_pages
from leadportal.sites.states import state_pages
from leadportal.sites.words import distance_away, launched_words, number

SITES_CODE = REPO_ROOT / "scripts" / "leadportal" / "sites"
SCRIPTS = (
    SITES_CODE / "assets" / "sites.js",
    REPO_ROOT / "scripts" / "leadportal" / "render" / "assets" / "place-lookup.js",
)
ENGLISH_WORDS = (
    "About this site",
    "Stage history",
    "Partners",
    "launched",
    "(leaves this site)",
    "All participating sites",
    "Narrow the list",
    "Sites near you",
    "shown.",
)


@cache
def real_portal() -> Portal:
    settings = read_settings(REPO_ROOT / "mkdocs.yml")
    result = check(settings)
    assert result.ok, result.problems
    return build_portal(result.records, settings, result.places)


def spanish(portal: Portal) -> Portal:
    return in_language(portal, "es")


def pages(renderer, portal: Portal) -> dict[str, tuple[dict, str]]:  # type: ignore[no-untyped-def]
    """path -> (meta, body) of the pages `renderer` writes for `portal` in Spanish."""
    with speaking("es"):
        outputs = list(renderer(spanish(portal)))
    found = {}
    for output in outputs:
        if output.path.endswith(".md"):
            front, body = split_page(str(output.content))
            found[output.path] = (page_meta(front), body)
    return found


def visible_text(body: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def glossary_portal(*entries):  # type: ignore[no-untyped-def]
    """A portal of the golden cases with the real glossary (mkdocs.yml `translations:`)."""
    glossary = read_settings(REPO_ROOT / "mkdocs.yml").translations
    return portal_for(*entries, settings=replace(SETTINGS, translations=glossary))


# ---- a site's page ----


def test_a_site_page_speaks_spanish_and_marks_an_untranslated_summary() -> None:
    case = entry_for(CASES / "verified.yml")  # its record has no translations
    entry = replace(case, site=case.site.model_copy(update={"summary": "Bangor runs LEAD."}))
    portal = spanish(glossary_portal(entry))
    with speaking("es"):
        output = site_page(portal.sites[0], portal)
    front, body = split_page(str(output.content))
    text = visible_text(body)
    for words in (
        "Sobre este sitio",
        "Historial de etapas",
        "Socios",
        "Contactos",
        "Correo electrónico",
        "Teléfono",
        "lanzado en 2017",
        "Datos verificados hace 2 meses, el 15 de septiembre de 2026 .",
        "Sitios LEAD® en Maine",
        "Todos los sitios participantes",
    ):
        assert words in text, words
    for words in ENGLISH_WORDS:
        assert words not in text, words
    # Glossary labels for the stage and partner roles; the addresses keep the English keys.
    assert '<strong class="lp-stage lp-stage--operating">En funcionamiento</strong>' in body
    roles = re.findall(r"<dt>([^<]+)</dt>", body[body.index('class="lp-partners"') :])
    assert roles == ["Policía", "Gestión de casos", "Financiación"]
    assert 'href="../stages/operating/"' in body
    # The summary has no Spanish: English, marked as such, with the note.
    assert '<div lang="en"><p>Bangor runs LEAD.</p></div>' in body
    assert "Este texto aún no está traducido al español." in body
    # Contact roles are the record's own words: English, marked.
    assert '<bdi lang="en">Program coordination</bdi>' in body
    meta = page_meta(front)
    assert meta["description"].startswith(
        "LEAD® en Bangor, Penobscot County, Maine: en funcionamiento, lanzado en 2017."
    )


def test_a_translated_summary_is_spanish_and_not_marked_english() -> None:
    portal = real_portal()
    entry = next(e for e in portal.sites if e.site.translations.get("es"))
    summary = entry.site.translations["es"].summary
    found = pages(lambda p: (site_page(e, p) for e in p.sites if e.slug == entry.slug), portal)
    ((_meta, body),) = found.values()
    assert '<div lang="en">' not in body
    assert " ".join(summary.split()[:4]) in body


def test_distances_and_launch_dates_in_spanish() -> None:
    with speaking("es"):
        assert distance_away(3.2, 5.1) == "a 3 millas (5 km)"
        assert distance_away(1.2, 1.9) == "a 1 milla (2 km)"
        assert distance_away(0.4, 0.6) == "a menos de 1 milla (menos de 2 km)"
        assert number(1234) == "1234" and number(12345) == "12.345"
        assert launched_words("2011-10-03") == "lanzado el 3 de octubre de 2011"
        assert launched_words("2011-10") == "lanzado en octubre de 2011"
        assert launched_words("2011") == "lanzado en 2011"
    # English keeps its words.
    assert distance_away(1234.4, 1986.6) == "1,234 miles (1,987 km) away"
    assert launched_words("2011-10-03") == "launched October 3, 2011"


def test_nearest_sites_say_their_distance_in_spanish() -> None:
    found = pages(lambda p: (site_page(e, p) for e in p.sites[:3]), real_portal())
    bodies = "".join(body for _, body in found.values())
    near = re.findall(r'<ul class="lp-nearest-sites".*?</ul>', bodies, re.DOTALL)
    assert near
    assert re.search(r", a (menos de 1 milla|[\d.]+ millas?) \(", near[0])
    assert "away" not in near[0] and "miles" not in near[0]


# ---- /sites/ ----


def test_the_list_speaks_spanish_and_its_filters_keep_the_english_values() -> None:
    portal = real_portal()
    ((meta, body),) = pages(site_directory, portal).values()
    assert meta["title"] == "Sitios participantes"
    assert meta["description"].startswith("Todos los sitios LEAD®")
    text = visible_text(body)
    for words in ("Filtrar la lista", "Sitios cerca de usted", "Ordenar por distancia"):
        assert words in text
    assert f"Se muestran los {len(portal.sites)} sitios." in text
    for words in ENGLISH_WORDS:
        assert words not in text, words
    # The label changes; the value sent, the data attributes and the addresses do not.
    assert re.search(
        r'value="arrest diversion"><label [^>]*>Desvío en lugar del arresto <span', body
    )
    assert re.search(r'value="operating"><label [^>]*>En funcionamiento <span', body)
    legends = re.findall(r"<legend>([^<]+)</legend>", body)
    assert legends == ["Etapa", "Vía de derivación"]
    facets = [json.loads(f) for f in re.findall(r"data-lp-facets='([^']+)'", body)]
    assert {value for f in facets for value in f["stage"]} <= set(
        portal.settings.vocabulary("stages")
    )
    assert 'href="stages/operating/"' in body


# ---- state, stage, states and summary pages ----


def test_state_stage_and_summary_pages_have_spanish_titles_and_words() -> None:
    portal = real_portal()
    found = {**pages(state_pages, portal), **pages(stage_pages, portal)}
    meta, body = found["sites/states/wa.md"]
    assert meta["title"] == "Sitios LEAD® en Washington"
    assert re.match(
        r"\d+ sitios? LEAD® en Washington \(en funcionamiento: \d+", meta["description"]
    )
    assert "sitios LEAD® públicos en Washington (en funcionamiento:" in body
    meta, body = found["sites/stages/operating.md"]
    assert meta["title"] == "Sitios LEAD®: en funcionamiento"
    assert "en la etapa «en funcionamiento»." in body
    meta, body = found["sites/summary.md"]
    assert meta["title"] == "Sitios LEAD®: resumen nacional"
    assert "Lanzamientos por año" in body and "Todas las etapas" in body
    meta, body = found["sites/states/index.md"]
    assert "La página de cada estado" in body
    for _meta, body in found.values():
        text = visible_text(body)
        for words in ("Sites by", "National summary", "public LEAD", "Not known", "Launched"):
            assert words not in text, words


def test_states_go_by_their_spanish_names_on_spanish_pages() -> None:
    portal = real_portal()
    found = {**pages(state_pages, portal), **pages(stage_pages, portal)}
    meta, body = found["sites/states/nm.md"]
    assert meta["title"] == "Sitios LEAD® en Nuevo México"
    assert "New Mexico" not in visible_text(body)
    meta, body = found["sites/states/nc.md"]
    assert meta["title"] == "Sitios LEAD® en Carolina del Norte"
    _meta, index = found["sites/states/index.md"]
    names = re.findall(r'<a href="[a-z]{2}/">([^<]+)</a>', index)
    assert "Nueva York" in names and "Nuevo México" in names and "New York" not in names
    assert names == sorted(names, key=str.casefold), "by their Spanish names"
    ((_meta, listed),) = pages(site_directory, portal).values()
    assert '<a href="states/nm/">Nuevo México</a>' in listed
    assert '<option value="NM" data-lp-label="Nuevo México">Nuevo México (1)</option>' in listed
    options = re.findall(r'<option value="[A-Z]{2}" data-lp-label="([^"]+)"', listed)
    assert options == sorted(options, key=str.casefold), "the state filter by Spanish names"
    santa_fe = re.search(r'<tr class="lp-site-row" data-lp-slug="santa-fe"[^>]*>', listed)
    assert santa_fe is not None
    text = re.search(r'data-lp-text="([^"]*)"', santa_fe.group(0))
    assert text is not None and "nuevo méxico" in text.group(1) and "new mexico" in text.group(1)
    ((_meta, site),) = pages(
        lambda p: (site_page(e, p) for e in p.sites if e.slug == "santa-fe"), portal
    ).values()
    assert "Santa Fe, Santa Fe County, Nuevo México" in visible_text(site)
    assert "New Mexico Sentencing Commission" in visible_text(site), "a partner's name stays"


def test_english_pages_keep_the_english_state_names() -> None:
    portal = real_portal()
    outputs = {o.path: str(o.content) for o in state_pages(portal)}
    assert 'title: "LEAD® sites in New Mexico"' in outputs["sites/states/nm.md"]


# ---- the map document ----


def map_document(language: str) -> str:
    portal = in_language(real_portal(), language)
    with speaking(language):
        return render_map(map_points(portal.sites), map_options(portal))


def test_the_map_document_speaks_spanish() -> None:
    document = map_document("es")
    assert '<html lang="es">' in document
    assert "<title>Mapa de los sitios participantes - " in document
    assert '<h2 id="lp-legend-heading">Etapas</h2>' in document
    assert re.search(r"En funcionamiento: \d+ sitios</li>", document)
    assert "Sin JavaScript, este mapa no puede ampliarse" in document
    assert '<h2 id="lp-sites-by-state-heading">Sitios por estado</h2>' in document
    assert "colaboradores de" in document  # the OpenStreetMap credit
    block = re.search(r'<script type="application/json" id="lp-strings">([^<]*)</script>', document)
    assert block is not None
    assert json.loads(block.group(1))["Zoom in"] == "Acercar"
    for words in ("Stages", "Sites by state", "Without JavaScript", "contributors"):
        assert words not in document, words


def test_the_english_map_document_has_no_words_block() -> None:
    document = map_document("en")
    assert 'id="lp-strings"' not in document and "L.Control.Zoom" not in document


def test_spanish_stage_labels_still_get_distinct_letter_codes() -> None:
    portal = spanish(real_portal())
    labels = [portal.stage_label(s) for s in portal.settings.vocabulary("stages")]
    codes = stage_codes(labels)
    assert len(set(codes)) == len(codes), codes


# ---- the tables hold every string the family writes ----


def python_keys() -> set[str]:
    keys: set[str] = set()
    for path in SITES_CODE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("t", "counted"):
                keys |= {a.value for a in node.args if isinstance(a, ast.Constant)}
    for path in (SITES_CODE / "templates").glob("*.html"):
        found = re.findall(
            r"""\bt(?:_text)?\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""",
            path.read_text(encoding="utf-8"),
        )
        keys |= {ast.literal_eval(k) for k in found}
    keys |= {str(f.default) for f in fields(MapTexts)} | set(FACET_LEGENDS.values())
    return {k for k in keys if isinstance(k, str)} | {OSM_ATTRIBUTION}


@pytest.mark.parametrize(
    "source",
    ["python and templates", *[p.name for p in SCRIPTS], "map document"],
)
def test_every_string_has_its_spanish(source: str) -> None:
    if source == "python and templates":
        keys = python_keys()
    elif source == "map document":
        keys = set(script_strings(LEAFLET_WORDS))
    else:
        path = next(p for p in SCRIPTS if p.name == source)
        keys = set(script_strings(path.read_text(encoding="utf-8")))
    assert len(keys) > 3
    missing = sorted(k for k in keys if k not in table("es"))
    assert missing == []
