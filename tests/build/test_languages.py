"""The build of each other language: its config, the switcher's links and the hreflang set."""

from __future__ import annotations

from leadportal.build.languages import (
    alternates,
    hreflang_links,
    is_translation_source,
    language_overrides,
    portal_root,
    translated_nav,
    twin_source,
)

ES = {"es": {}}


def test_a_page_s_spanish_text_sits_beside_it() -> None:
    assert twin_source("about.md", "es") == "about.es.md"
    assert twin_source("start/index.md", "es") == "start/index.es.md"
    assert is_translation_source("about.es.md", ES)
    assert is_translation_source("contact/index.es.md", ES)
    assert not is_translation_source("about.md", ES)
    assert not is_translation_source("resources/guide.es.pdf", ES)
    assert not is_translation_source("notes.fr.md", ES)  # not a language of this portal


def test_the_switcher_leads_to_the_same_page_in_the_other_language() -> None:
    english = {a["lang"]: a["link"] for a in alternates("sites/seattle/", "en", ["es"])}
    assert english == {"en": "./", "es": "../../es/sites/seattle/"}
    spanish = {a["lang"]: a["link"] for a in alternates("sites/seattle/", "es", ["es"])}
    assert spanish == {"en": "../../../sites/seattle/", "es": "./"}
    home = {a["lang"]: a["link"] for a in alternates("", "es", ["es"])}
    assert home == {"en": "../", "es": "./"}
    names = [a["name"] for a in alternates("", "en", ["es"])]
    assert names == ["English", "Español"]


def test_hreflang_links_are_absolute_both_ways_with_an_english_default() -> None:
    from_spanish = hreflang_links("https://p.example/lead/es/", "about/", "es", ["es"])
    from_english = hreflang_links("https://p.example/lead/", "about/", "en", ["es"])
    assert (
        from_spanish
        == from_english
        == [
            {"lang": "en", "href": "https://p.example/lead/about/"},
            {"lang": "es", "href": "https://p.example/lead/es/about/"},
            {"lang": "x-default", "href": "https://p.example/lead/about/"},
        ]
    )
    assert hreflang_links("", "about/", "en", ["es"]) == []  # no site_url: no relative hreflang


def test_the_spanish_build_is_configured_below_es_with_spanish_titles() -> None:
    raw = {
        "site_url": "https://p.example/",
        "site_name": "LEAD Portal",
        "theme": {
            "name": "material",
            "language": "en",
            "palette": [{"scheme": "default", "toggle": {"name": "Switch to the dark scheme"}}],
        },
        "nav": [{"Home": "index.md"}, {"About LEAD": ["about.md"]}, "privacy.md"],
    }
    got = language_overrides(raw, "/out/site", "es")
    assert got["site_dir"] == "/out/site/es"
    assert got["site_url"] == "https://p.example/es/"
    assert got["theme"]["language"] == "es"
    assert got["theme"]["name"] == "material"
    assert got["theme"]["palette"][0]["toggle"]["name"] != "Switch to the dark scheme"
    assert portal_root(got["site_url"], "es") == "https://p.example/"
    nav = got["nav"]
    assert nav[2] == "privacy.md"  # a page without a title keeps its Spanish page's own
    assert list(nav[0].values()) == ["index.md"] and list(nav[0]) != ["Home"]
    assert translated_nav(["a.md"], "es") == ["a.md"]
