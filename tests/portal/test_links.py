"""Links between records: the documents about a site and its three nearest sites on the
site's page, the sites a document is about on the document's page."""

from __future__ import annotations

import json
import re

from site_html_cases import SETTINGS

from leadportal.library.pages import library_pages
from leadportal.opendata.exports import data_files
from leadportal.portal.links import miles_between, nearest_sites
from leadportal.portal.model import Portal, SiteEntry, build_portal
from leadportal.records.loaded import Loaded, Records
from leadportal.records.models import Document, Site
from leadportal.records.positions import Parsed
from leadportal.sites.pages import distance_words, site_page

# A small fixture: five public sites with coordinates, one without.
PLACES = {
    "seattle": ("Seattle", "WA", 47.6062, -122.3321),
    "everett": ("Everett", "WA", 47.9790, -122.2021),
    "olympia": ("Olympia", "WA", 47.0379, -122.9007),
    "portland": ("Portland", "OR", 45.5152, -122.6784),
    "santa-fe": ("Santa Fe", "NM", 35.6870, -105.9378),
    "unplaced": ("Nowhere", "WA", None, None),
}


def entry(slug: str) -> SiteEntry:
    city, state, lat, lon = PLACES[slug]
    site = Site.model_validate(
        {
            "name": f"{city} LEAD",
            "stage": "operating",
            "jurisdiction": {"city": city, "state": state},
        }
    )
    return SiteEntry(slug, f"sites/{slug}.yml", site, lat, lon)


def document(slug: str, title: str, published: str, sites: list[str]) -> Loaded[Document]:
    record = Document.model_validate(
        {
            "title": title,
            "kind": "evaluation",
            "summary": "What it found.",
            "published": published,
            "url": f"https://example.org/{slug}/",
            "sites": sites,
        }
    )
    return Loaded(slug, f"docs/resources/{slug}.yml", record, Parsed(None))


DOCUMENTS = (
    document("seattle-2015", "Seattle evaluation", "2015", ["seattle"]),
    document("seattle-2017", "Seattle recidivism", "2017", ["seattle", "everett"]),
    document("santa-fe-2018", "Santa Fe evaluation", "2018", ["santa-fe", "hidden"]),
)
PORTAL = Portal(SETTINGS, sites=tuple(entry(slug) for slug in PLACES), documents=DOCUMENTS)


def test_great_circle_distance_in_miles() -> None:
    # Seattle to Portland is about 145 miles in a straight line.
    assert round(miles_between(47.6062, -122.3321, 45.5152, -122.6784)) == 145
    assert miles_between(47.6, -122.3, 47.6, -122.3) == 0


def test_the_three_nearest_other_sites_nearest_first() -> None:
    near = nearest_sites(PORTAL, entry("seattle"))
    assert [(n.entry.slug, round(n.miles), round(n.km)) for n in near] == [
        ("everett", 26, 43),
        ("olympia", 47, 76),
        ("portland", 145, 234),
    ]


def test_distances_in_words() -> None:
    assert distance_words(0.4, 0.6) == "under 1 mile (under 2 km)"
    assert distance_words(1.2, 1.9) == "1 mile (2 km)"
    assert distance_words(1234.4, 1986.6) == "1,234 miles (1,987 km)"


def test_no_nearest_sites_without_coordinates() -> None:
    assert nearest_sites(PORTAL, entry("unplaced")) == []


def site_html(slug: str) -> str:
    return str(site_page(entry(slug), PORTAL).content)


def test_a_site_page_links_its_documents_newest_first() -> None:
    html = site_html("seattle")
    section = html.split('id="documents-about-this-site"')[1].split("</ul>")[0]
    assert re.findall(r'href="([^"]+)"', section) == [
        "../../resources/seattle-2017/",
        "../../resources/seattle-2015/",
    ]
    assert "Santa Fe evaluation" not in html


def test_a_site_page_names_its_nearest_sites_with_distances() -> None:
    section = site_html("seattle").split('id="nearest-sites"')[1].split("</ul>")[0]
    assert 'href="../everett/"' in section
    assert "26 miles (43 km) away" in section
    assert section.index("Everett") < section.index("Olympia") < section.index("Portland")


def test_a_site_without_documents_or_coordinates_has_neither_section() -> None:
    html = site_html("unplaced")
    assert "documents-about-this-site" not in html and "nearest-sites" not in html


def document_html(slug: str) -> str:
    pages = {str(out.path): str(out.content) for out in library_pages(PORTAL)}
    return pages[f"resources/{slug}.md"]


def test_a_document_page_links_its_public_sites_only() -> None:
    section = document_html("santa-fe-2018").split('id="sites-it-is-about"')[1].split("</ul>")[0]
    assert re.findall(r'href="([^"]+)"', section) == ["../../sites/santa-fe/"]
    both = document_html("seattle-2017").split('id="sites-it-is-about"')[0]
    assert "About these sites" in document_html("seattle-2017")
    assert "sites-it-is-about" not in both


def loaded_site(slug: str, public: bool = True) -> Loaded[Site]:
    record = entry(slug).site.model_copy(update={"public": public})
    return Loaded(slug, f"sites/{slug}.yml", record, Parsed(None))


def test_open_data_carries_the_links_and_never_a_site_that_is_not_public() -> None:
    records = Records(
        sites=[loaded_site("seattle"), loaded_site("santa-fe", public=False)],
        documents=[  # by slug, as the loader hands them on
            document("both", "Two sites", "2016", ["santa-fe", "seattle"]),
            document("seattle-2015", "Seattle evaluation", "2015", ["seattle"]),
        ],
    )
    portal = build_portal(records, SETTINGS)
    files = {o.path: json.loads(o.content) for o in data_files(portal) if o.path.endswith(".json")}
    sites = {s["slug"]: s for s in files["data/sites.json"]["sites"]}
    assert sites["seattle"]["documents"] == ["both", "seattle-2015"]
    documents = {d["slug"]: d for d in files["data/documents.json"]["documents"]}
    assert documents["both"]["sites"] == ["seattle"]
    assert "santa-fe" not in json.dumps(files)
