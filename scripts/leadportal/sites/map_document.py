"""The participating-sites map as one standalone HTML document, built with folium.

folium supplies the document skeleton (Figure, Map, asset links); our own elements add
the tiles (probed first), the offline state outlines, the clustered site markers, the
legend and the list of sites by state.
The sites travel as one compact JSON array and a short script makes the markers, so a
site costs tens of bytes instead of a folium Marker's ~0.7 KB.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence

import folium
from branca.element import Element, Figure
from folium.elements import JSCSSMixin
from folium.template import Template

from leadportal.render.i18n import ENGLISH, strings_block
from leadportal.sites.map_data import (
    DARK_SCHEME,
    LIGHT_SCHEME,
    MapOptions,
    MapPoint,
    MapScheme,
    StageStyle,
    check_points,
    json_for_script,
    point_bounds,
    point_rows,
    stage_counts,
    stage_styles,
    url_template,
)
from leadportal.sites.map_list import LIST_ID, site_list
from leadportal.sites.map_svg import static_map

__all__ = ["MapOptions", "MapPoint", "asset_paths", "render_map"]

LEAFLET_JS = "leaflet/leaflet.js"
LEAFLET_CSS = "leaflet/leaflet.css"
CLUSTER_JS = "leaflet.markercluster/leaflet.markercluster.js"
CLUSTER_CSS = (
    "leaflet.markercluster/MarkerCluster.css",
    "leaflet.markercluster/MarkerCluster.Default.css",
)
STATES_JS = "us-atlas/us-states-lines.js"
MIN_ZOOM = 1  # a phone fits Hawaii and Maine in one view only from zoom 1.75
MAX_ZOOM = 18
# Before the first paint: marks a framed map (the page around it lists the sites) and
# picks the colour scheme the portal shows. The portal's theme keeps the visitor's choice
# in localStorage under "<site path>.__palette"; a choice made on the page around the
# frame arrives as a storage event. With no choice (or the automatic one), the system's.
HEAD_SCRIPT = """(function (root, scope) {
  if (window.self !== window.top) root.dataset.embed = "";
  var system = window.matchMedia("(prefers-color-scheme: dark)");
  function pick() {
    var dark = system.matches;
    try {
      var key = new URL(scope, location).pathname + ".__palette";
      var color = (JSON.parse(localStorage.getItem(key)) || {}).color;
      if (color && color.media !== "(prefers-color-scheme)") dark = color.scheme === "slate";
    } catch (e) { /* storage refused: the system's scheme */ }
    root.dataset.scheme = dark ? "dark" : "light";
  }
  pick();
  window.addEventListener("storage", pick);
  if (system.addEventListener) system.addEventListener("change", pick);
})(document.documentElement, %s);"""
TILE_FAILURES_BEFORE_GIVING_UP = 4  # after a good probe: a host that fails now and then
FIT_PADDING = 24  # px: half a cluster bubble (40 px) plus a margin
FIT_MAX_ZOOM = 9  # one site, or a few in one county, still shows its surroundings


def asset_paths() -> list[str]:
    """Every vendored file the document refers to, relative to the asset prefix."""
    return [LEAFLET_JS, LEAFLET_CSS, CLUSTER_JS, *CLUSTER_CSS, STATES_JS]


def _asset(options: MapOptions, path: str) -> str:
    # branca writes link URLs into attributes unescaped.
    return html.escape(options.asset_prefix + path)


class MapFigure(Figure):
    """folium's Figure with a language, a title, a zoomable viewport and scripts in the body."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang }}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        "<title>{{ this.page_title }}</title>\n"
        '<meta name="description" content="{{ this.description }}">\n'
        "{% if this.canonical %}"
        '<link rel="canonical" href="{{ this.canonical }}">\n'
        "{% endif %}"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No icon of its own: without this line the browser asks for /favicon.ico (a 404
        # and a console error on most hosts). An empty picture, which the link check allows.
        '<link rel="icon" href="data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org'
        '%2F2000%2Fsvg%22%2F%3E">\n'
        "<script>{{ this.head_script }}</script>\n"
        "{{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        "<body>\n"
        '<div class="lp-map-screen">\n'
        "{{ this.preamble }}\n"
        "{{ this.html.render(**kwargs) }}\n"
        "</div>\n"
        "{{ this.after_map }}\n"
        # The vendored scripts load after the first paint (the drawing and the legend show
        # meanwhile) and in order; the map is drawn once the last one has run. If one
        # fails to load, the drawing stays.
        "<script>\n"
        "(function (sources, draw) {\n"
        "  function load() {\n"
        "    var left = sources.length;\n"
        "    sources.forEach(function (src) {\n"
        '      var script = document.createElement("script");\n'
        "      script.src = src;\n"
        "      script.async = false;\n"
        "      script.onload = function () { if (--left === 0) draw(); };\n"
        "      document.head.appendChild(script);\n"
        "    });\n"
        "  }\n"
        "  requestAnimationFrame(function () { setTimeout(load, 0); });\n"
        "})(SCRIPT_SOURCES, function () {\n"
        "{{ this.script.render(**kwargs) }}\n"
        "});\n"
        "</script>\n"
        "</body>\n"
        "</html>\n"
    )

    def __init__(self, options: MapOptions) -> None:
        super().__init__()
        del self.header._children["meta_http"]  # replaced by <meta charset> in the template
        self.lang = html.escape(options.lang)
        self.page_title = html.escape(options.title)
        self.description = html.escape(options.texts.description)
        self.canonical = html.escape(options.canonical) if options.canonical else ""
        texts = options.texts
        self.head_script = HEAD_SCRIPT % json_for_script(options.site_root)
        self.after_map = ""
        self.preamble = (
            f'<a class="lp-skip" href="#{LIST_ID}">{html.escape(texts.skip_map)}</a>\n'
            f'<header class="lp-map-bar"><h1>{html.escape(texts.map_label)}</h1>'
            f'<a href="{html.escape(options.list_url)}" target="_top">'
            f"{html.escape(texts.list_short)}</a></header>"
        )


def noscript_note(options: MapOptions) -> str:
    """Above the drawing, inside the map's box, so the drawing and legend still fit."""
    texts = options.texts
    link = (
        f'<a href="{html.escape(options.list_url)}" target="_top">'
        f"{html.escape(texts.list_link)}</a>"
    )
    sentence = html.escape(texts.noscript).replace("{link}", link)
    return f'<noscript><p class="lp-noscript">{sentence}</p></noscript>'


# Leaflet's own words (zoom buttons, the popup's close button, its credit's title) in the
# document's language; run before the map is made, only in a language other than English.
LEAFLET_WORDS = r"""{
  const lpWords = JSON.parse(document.getElementById("lp-strings")?.textContent || "{}");
  const lpT = (text, values = {}) =>
    (lpWords[text] || text)
      .replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
  L.Control.Zoom.mergeOptions({zoomInTitle: lpT("Zoom in"), zoomOutTitle: lpT("Zoom out")});
  const prefix = L.Control.Attribution.prototype.options.prefix;
  if (typeof prefix === "string") {
    const title = lpT("A JavaScript library for interactive maps")
      .replace(/[&"<>]/g, (c) => "&#" + c.charCodeAt(0) + ";");
    const credit = prefix.replace(/title="[^"]*"/, 'title="' + title + '"');
    L.Control.Attribution.mergeOptions({prefix: credit});
  }
  L.Map.addInitHook(function () {
    this.on("popupopen", function (e) {
      const close = e.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) close.setAttribute("aria-label", lpT("Close popup"));
    });
  });
}
"""


def leaflet_words(options: MapOptions) -> str:
    """`LEAFLET_WORDS` for a document in another language; nothing in English."""
    return "" if options.lang == ENGLISH else LEAFLET_WORDS


def words_block(options: MapOptions) -> str:
    """The `lp-strings` block `LEAFLET_WORDS` reads (the plugin does not render this page)."""
    return strings_block([LEAFLET_WORDS], options.lang) if options.lang != ENGLISH else ""


class SiteMap(folium.Map):
    """folium's Map without its CDN assets, zoom-blocking viewport and page-wide styles."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
<style>
html, body { height: 100%; margin: 0; padding: 0; }
.lp-map-screen { display: flex; flex-direction: column; height: 100vh; height: 100dvh; }
#{{ this.get_name() }} { position: relative; flex: 1; min-height: 0;
  background: var(--lp-map-background); }
/* Until Leaflet takes the box over (and without JavaScript): the drawing, legend below. */
#{{ this.get_name() }}:not(.leaflet-container) { display: flex; flex-direction: column; }
#{{ this.get_name() }}:not(.leaflet-container) .lp-legend { align-self: flex-end;
  margin: 0 10px 10px; }
.leaflet-container { font-size: 1rem; }
{{ this.stylesheet }}
</style>
        {% endmacro %}

        {% macro html(this, kwargs) %}
<div class="folium-map" id="{{ this.get_name() }}" role="region"
 aria-label="{{ this.label }}" aria-describedby="lp-map-keys">{{ this.inside }}</div>
<p class="lp-sr" id="lp-map-keys">{{ this.keys_hint }}</p>
        {% endmacro %}

        {% macro script(this, kwargs) %}
{{ this.leaflet_words -}}
var {{ this.get_name() }} = L.map("{{ this.get_name() }}", {{ this.options|tojavascript }});
        {% endmacro %}
        """
    )

    def __init__(self, options: MapOptions, stylesheet: str) -> None:
        super().__init__(
            location=options.center,
            zoom_start=options.zoom,
            tiles=None,
            center=list(options.center),
            keyboard=True,
        )
        # Clustering needs a maximum zoom, which a map without tiles does not have.
        # Fractional zoom lets the first view fit the sites snugly at every width.
        self.options.update(min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM, zoom_snap=0.25)
        # No preset view: the markers script fits the first view to the sites, so no tile
        # of a view nobody sees is asked for.
        del self.options["center"], self.options["zoom"]
        self.default_js = [("leaflet", _asset(options, LEAFLET_JS))]
        self.default_css = [("leaflet_css", _asset(options, LEAFLET_CSS))]
        self.label = html.escape(options.texts.map_label)
        self.keys_hint = html.escape(options.texts.keys_hint)
        self.stylesheet = stylesheet
        self.leaflet_words = leaflet_words(options)
        self.inside = ""  # what the box shows before Leaflet draws in it
        # Map.__init__ creates and fills a Figure of its own; ours replaces it.
        self._parent = None  # type: ignore[assignment]


class QuietTiles(JSCSSMixin):
    """Raster tiles, asked for only once one probe tile has loaded.

    Chromium logs every failed request as a console error, whatever asks for it (measured
    for an image element, Image(), fetch in no-cors mode, link prefetch and a CSS
    background): a blocked or unreachable tile host would log one error per tile of the
    view (12 to 24). One probe logs at most one; after a failure the map keeps to its
    state outlines and, for an hour, this browser does not ask again.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
(function (map, url, options) {
  var key = "leadportal.tilesFailedAt", hour = 36e5;
  function failedLately() {
    try { return Date.now() - Number(localStorage.getItem(key) || 0) < hour; }
    catch (e) { return false; }
  }
  function remember() { try { localStorage.setItem(key, String(Date.now())); } catch (e) {} }
  // "?preview" (the home page's picture of the map) keeps to the outlines: no other host.
  if (failedLately() || location.search === "?preview") return;
  var layer = L.tileLayer(url, options), failures = 0;
  layer.on("tileerror", function () {
    if (++failures === {{ this.max_failures }}) { map.removeLayer(layer); remember(); }
  });
  var probe = new Image();
  probe.onload = function () { layer.addTo(map); };
  probe.onerror = remember;
  probe.src = L.Util.template(url, L.extend({s: "a", r: "", z: 0, x: 0, y: 0}, options));
})({{ this._parent.get_name() }}, {{ this.url_json }}, {{ this.options_json }});
        {% endmacro %}
        """
    )

    def __init__(self, options: MapOptions) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "QuietTiles"
        self.default_js = []
        self.default_css = []
        self.max_failures = TILE_FAILURES_BEFORE_GIVING_UP
        self.url_json = json_for_script(options.tiles)
        self.options_json = json_for_script(
            {"attribution": options.attribution, "minZoom": MIN_ZOOM, "maxZoom": MAX_ZOOM}
        )


class StateOutlines(JSCSSMixin):
    """US state borders drawn under the tiles, so the map reads even when tiles fail."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
(function (map) {
  var lines = window.leadportalUsStates || [];
  var latlngs = lines.map(function (flat) {
    var out = [], lon = 0, lat = 0;
    for (var i = 0; i < flat.length; i += 2) {
      lon += flat[i]; lat += flat[i + 1];
      out.push([lat / 1000, lon / 1000]);
    }
    return out;
  });
  map.createPane("lpOutlines").style.zIndex = 150;
  L.polyline(latlngs, {
    pane: "lpOutlines", interactive: false, className: "lp-outline", weight: 1,
    attribution: {{ this.attribution|tojavascript }}
  }).addTo(map);
})({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, options: MapOptions) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "StateOutlines"
        self.default_js = [("us_states", _asset(options, STATES_JS))]
        self.default_css = []
        self.attribution = html.escape(options.texts.outline_attribution)


class SiteMarkers(JSCSSMixin):
    """Clustered markers built in the browser from one compact JSON array."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
(function (map, cfg, rows) {
  var root = document.documentElement;
  // The map is one tab stop (arrow keys pan, + and - zoom); the list of sites by state
  // is the keyboard's way to each site, so markers and clusters are no tab stops.
  L.Marker.mergeOptions({keyboard: false});
  var zoomButtons = map.getContainer().querySelectorAll(".leaflet-control-zoom a");
  for (var z = 0; z < zoomButtons.length; z++) zoomButtons[z].tabIndex = -1;
  var icons = cfg.stages.map(function (s) {
    return L.divIcon({
      className: s.cls, html: s.html, iconSize: [22, 22], iconAnchor: [11, 11]
    });
  });
  function siteUrl(row) {
    return row.length > 6 ? row[6] : cfg.urlPrefix + row[5] + cfg.urlSuffix;
  }
  function textNode(tag, cls, text) {
    var el = document.createElement(tag);
    el.className = cls;
    el.textContent = text;
    return el;
  }
  function popupContent(row) {
    var box = document.createElement("div");
    var name = textNode("a", "lp-popup-name", row[3]);
    name.setAttribute("href", siteUrl(row));
    name.setAttribute("target", "_top");
    box.appendChild(name);
    box.appendChild(textNode("p", "lp-popup-place", row[4]));
    box.appendChild(textNode("p", "lp-popup-stage", cfg.stages[row[2]].label));
    return box;
  }
  function clusterIcon(cluster) {
    var n = cluster.getChildCount();
    var size = n < 10 ? "small" : n < 100 ? "medium" : "large";
    return L.divIcon({
      html: "<div><span>" + n + '<span class="lp-sr"> ' +
        (n === 1 ? cfg.siteOneHtml : cfg.siteManyHtml) + "</span></span></div>",
      className: "marker-cluster marker-cluster-" + size,
      iconSize: [40, 40]
    });
  }
  var popup = L.popup({offset: [0, -8], maxWidth: 260});
  var opener = null;
  function openSite(marker, byKeyboard) {
    opener = marker;
    popup.setLatLng(marker.getLatLng())
      .setContent(popupContent(rows[marker.options.row]))
      .openOn(map);
    if (byKeyboard) popup.getElement().querySelector("a").focus();
  }
  L.DomEvent.on(map.getContainer(), "keydown", function (ev) {
    var el = popup.getElement();
    if (ev.key === "Escape" && popup.isOpen() && el.contains(ev.target)) map.closePopup();
  });
  map.on("popupclose", function (e) {
    var el = e.popup.getElement();
    if (opener && opener._icon && el && el.contains(document.activeElement)) opener._icon.focus();
  });
  function done() { root.dataset.markers = String(rows.length); }
  var group = L.markerClusterGroup({
    chunkedLoading: true,
    iconCreateFunction: clusterIcon,
    // Called before the group's final redraw of the last chunk: report after it.
    chunkProgress: function (processed, total) {
      if (processed === total) Promise.resolve().then(done);
    }
  });
  group.on("click keypress", function (e) {
    var key = e.originalEvent && e.originalEvent.key;
    if (e.type === "click" || key === "Enter") openSite(e.layer, e.type === "keypress");
  });
  var markers = new Array(rows.length);
  for (var i = 0; i < rows.length; i++) {
    var row = rows[i];
    markers[i] = L.marker([row[0], row[1]], {icon: icons[row[2]], title: row[3], row: i});
  }
  var legend = document.querySelector(".lp-legend");
  if (legend) {
    // In the bottom-right corner above the attribution: one column of controls, so the
    // two never overlap, however narrow the map.
    var Legend = L.Control.extend({onAdd: function () {
      L.DomEvent.disableClickPropagation(legend);
      L.DomEvent.disableScrollPropagation(legend);
      return legend;
    }});
    new Legend({position: "bottomright"}).addTo(map);
  }
  var fitted = null;
  function viewKey() { return map.getCenter().toString() + "@" + map.getZoom(); }
  // The first view holds every site clear of the zoom buttons, the legend and the
  // attribution; a resize fits again until the visitor moves the map.
  function fitAll() {
    if (!cfg.bounds) {
      map.setView(cfg.center, cfg.zoom);
    } else {
      var box = map.getContainer();
      var zoom = box.querySelector(".leaflet-control-zoom");
      var corner = box.querySelector(".leaflet-bottom.leaflet-right");
      var left = zoom ? zoom.offsetLeft + zoom.offsetWidth : 0;
      map.fitBounds(cfg.bounds, {
        paddingTopLeft: [Math.max(cfg.pad, left + 8), cfg.pad],
        paddingBottomRight: [cfg.pad, cfg.pad + (corner ? corner.offsetHeight : 0)],
        maxZoom: cfg.fitMaxZoom
      });
    }
    fitted = viewKey();
  }
  fitAll();
  map.on("resize", function () { if (fitted === viewKey()) fitAll(); });
  group.addTo(map);
  group.addLayers(markers);
  if (!rows.length) done();
})({{ this._parent.get_name() }}, {{ this.config_json }}, {{ this.rows_json }});
        {% endmacro %}
        """
    )

    def __init__(self, options: MapOptions, points: Sequence[MapPoint]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "SiteMarkers"
        self.default_js = [("markercluster", _asset(options, CLUSTER_JS))]
        self.default_css = [
            (f"markercluster_css_{i}", _asset(options, path)) for i, path in enumerate(CLUSTER_CSS)
        ]
        styles = stage_styles(options.stages)
        check_points(points, styles)
        prefix, suffix = url_template(points)
        config = {
            "stages": [
                {"cls": icon_class(style), "html": icon_html(style), "label": style.label}
                for style in styles
            ],
            "urlPrefix": prefix,
            "urlSuffix": suffix,
            "siteOneHtml": html.escape(options.texts.site_one),
            "siteManyHtml": html.escape(options.texts.site_many),
            "bounds": point_bounds(points),
            "center": list(options.center),
            "zoom": options.zoom,
            "pad": FIT_PADDING,
            "fitMaxZoom": FIT_MAX_ZOOM,
        }
        self.config_json = json_for_script(config)
        self.rows_json = json_for_script(point_rows(points, styles))


def icon_class(style: StageStyle) -> str:
    return f"lp-m lp-{style.shape} lp-k{style.index}"


def icon_html(style: StageStyle) -> str:
    return f'<b aria-hidden="true">{html.escape(style.code)}</b>'


def scheme_variables(scheme: MapScheme) -> str:
    return " ".join(
        f"--lp-map-{name.replace('_', '-')}: {value};" for name, value in vars(scheme).items()
    )


def stylesheet(styles: Sequence[StageStyle]) -> str:
    rules = [
        f":root {{ {scheme_variables(LIGHT_SCHEME)} }}",
        f':root[data-scheme="dark"] {{ {scheme_variables(DARK_SCHEME)} color-scheme: dark; }}',
        # Without JavaScript (no saved choice can be read): the system's scheme.
        "@media (prefers-color-scheme: dark) { :root:not([data-scheme]) {"
        f" {scheme_variables(DARK_SCHEME)} color-scheme: dark; }} }}",
        "body { background: var(--lp-map-background); color: var(--lp-map-panel-text); }",
        ".lp-sr { position: absolute; width: 1px; height: 1px; overflow: hidden;"
        " clip: rect(0 0 0 0); white-space: nowrap; }",
        ".lp-m { display: flex; align-items: center; justify-content: center;"
        " font: 700 11px/1 system-ui, sans-serif; }",
        ".lp-m::before { content: ''; position: absolute; inset: 1px; box-sizing: border-box;"
        " background: var(--lp-fill); border: 2px solid var(--lp-map-marker-edge); }",
        ".lp-m b { position: relative; color: var(--lp-text); }",
        ".lp-m:focus-visible { outline: 3px solid var(--lp-map-focus); outline-offset: 2px; }",
        ".lp-circle::before { border-radius: 50%; }",
        ".lp-square::before { inset: 2px; border-radius: 2px; }",
        ".lp-diamond::before { inset: 4px; transform: rotate(45deg); }",
        # Clusters in the portal's palette instead of MarkerCluster's green (its stylesheet
        # comes later, hence the longer selectors).
        ".leaflet-container .marker-cluster {"
        " background: color-mix(in srgb, var(--lp-map-cluster-fill) 35%, transparent); }",
        ".leaflet-container .marker-cluster div { background: var(--lp-map-cluster-fill);"
        " color: var(--lp-map-cluster-text); font: 700 13px/30px system-ui, sans-serif;"
        " box-shadow: 0 0 0 1px var(--lp-map-background); }",
        ".lp-outline { stroke: var(--lp-map-outline); }",
        ".lp-static-map { display: block; width: 100%; flex: 1; min-height: 0; }",
        ".leaflet-container .lp-static-map { display: none; }",
        # vector-effect is an attribute in the drawing (HTML checkers refuse it in CSS).
        ".lp-static-outline { fill: none; stroke: var(--lp-map-outline); stroke-width: 1;"
        " stroke-linejoin: round; }",
        ".lp-static-map circle { fill: var(--lp-fill); stroke: var(--lp-map-marker-edge);"
        " stroke-width: 2; }",
        # The drawing scales with the width; dots keep about 12 px across on a phone.
        # (A transform rather than the SVG 2 `r` property, which HTML checkers refuse.)
        ".lp-static-map circle { transform-box: fill-box; transform-origin: center; }",
        "@media (max-width: 40em) { .lp-static-map circle { transform: scale(2); } }",
        # Leaflet's own controls and popups in the scheme's colours.
        ".leaflet-container a { color: var(--lp-map-link); }",
        ".leaflet-bar a, .leaflet-bar a:hover, .leaflet-popup-content-wrapper,"
        " .leaflet-popup-tip { background: var(--lp-map-panel-bg);"
        " color: var(--lp-map-panel-text); }",
        ".leaflet-container .leaflet-control-attribution {"
        " background: color-mix(in srgb, var(--lp-map-panel-bg) 88%, transparent);"
        " color: var(--lp-map-panel-text); }",
        # Raster tiles are drawn light: inverted, with hues turned back, they read as a dark map.
        ':root[data-scheme="dark"] .leaflet-tile-pane {'
        " filter: invert(1) hue-rotate(180deg) brightness(0.95) contrast(0.9); }",
        ".lp-legend { background: var(--lp-map-panel-bg); color: var(--lp-map-panel-text);"
        " max-height: 45vh; overflow: auto; padding: 6px 10px; border-radius: 4px;"
        " box-shadow: 0 1px 4px rgba(0,0,0,.4); font: 14px/1.4 system-ui, sans-serif; }",
        ".lp-legend h2 { font-size: 1em; margin: 0 0 4px; }",
        ".lp-legend ul { list-style: none; margin: 0; padding: 0; }",
        ".lp-legend li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }",
        ".lp-legend .lp-m { position: relative; width: 22px; height: 22px; flex: none; }",
        # On a phone the legend takes two columns, so it leaves the map most of the height.
        "@media (max-width: 30em) { .lp-legend { font-size: 13px; }"
        " .lp-legend ul { display: grid; grid-template-columns: auto auto; column-gap: 10px; }"
        " .lp-legend li { margin: 0; } }",
        # Above the (empty) map, which covers the page when scripts do not run.
        ".lp-noscript { margin: 0; padding: 0.5em 1em;"
        " background: var(--lp-map-panel-bg); color: var(--lp-map-panel-text);"
        " font: 16px/1.4 system-ui, sans-serif; }",
        ".lp-skip { position: absolute; left: 8px; top: -100px; z-index: 1002; padding: 8px;"
        " background: var(--lp-map-panel-bg); color: var(--lp-map-link); }",
        ".lp-skip:focus { top: 8px; }",
        "a { color: var(--lp-map-link); }",
        "a:focus-visible, .leaflet-container:focus-visible {"
        " outline: 3px solid var(--lp-map-focus); outline-offset: -3px; }",
        ".lp-site-list { max-width: 48rem; margin: 0 auto; padding: 1rem 1rem 2rem;"
        " font: 16px/1.5 system-ui, sans-serif; }",
        ".lp-site-list h3 { margin: 1.2em 0 0.3em; font-size: 1.1em; }",
        ".lp-site-list ul { margin: 0; padding-left: 1.2em; }",
        # In a frame the page around the map lists the sites (the /sites/ table).
        "[data-embed] .lp-site-list, [data-embed] .lp-skip, [data-embed] .lp-map-bar a {"
        " display: none; }",
        # The full-screen map's title bar, with the way back to the list; in a frame the
        # page around it has both, so the title is only for screen readers there.
        ".lp-map-bar { display: flex; flex-wrap: wrap; align-items: baseline;"
        " column-gap: 1rem; padding: 0.4rem 1rem; background: var(--lp-map-panel-bg);"
        " color: var(--lp-map-panel-text); font: 16px/1.4 system-ui, sans-serif;"
        " border-bottom: 1px solid var(--lp-map-outline); }",
        ".lp-map-bar h1 { margin: 0; font-size: 1.2rem; }",
        "[data-embed] .lp-map-bar { position: absolute; width: 1px; height: 1px;"
        " overflow: hidden; clip: rect(0 0 0 0); padding: 0; border: 0; }",
        ".lp-popup-name { font-weight: 700; }",
        ".leaflet-popup-content p { margin: 0.25em 0 0; }",
    ]
    rules += [
        f".lp-k{style.index} {{ --lp-fill: {style.fill}; --lp-text: {style.text}; }}"
        for style in styles
    ]
    return "\n".join(rules)


class Legend(Element):
    """The stage legend as ordinary HTML after the map, with a count per stage."""

    def __init__(self, options: MapOptions, points: Sequence[MapPoint]) -> None:
        styles = stage_styles(options.stages)
        counts = stage_counts(points, styles)
        texts = options.texts
        items = "".join(
            f'<li><span class="{icon_class(style)}" aria-hidden="true">'
            f"<b>{html.escape(style.code)}</b></span>"
            f"{html.escape(style.label)}: {count} "
            f"{html.escape(texts.site_one if count == 1 else texts.site_many)}</li>"
            for style, count in zip(styles, counts, strict=True)
        )
        super().__init__(
            '<section class="lp-legend" aria-labelledby="lp-legend-heading">'
            f'<h2 id="lp-legend-heading">{html.escape(texts.legend_heading)}</h2>'
            f"<ul>{items}</ul></section>"
        )


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


def _number_elements(figure: Figure) -> None:
    """Replace folium's random element ids so equal input renders byte-identical output."""
    for number, element in enumerate(_walk(figure)):
        element._id = str(number)


def build_figure(points: Sequence[MapPoint], options: MapOptions) -> Figure:
    styles = stage_styles(options.stages)
    figure = MapFigure(options)
    site_map = SiteMap(options, stylesheet(styles))
    figure.add_child(site_map, name="map")
    if options.tiles is not None:
        QuietTiles(options).add_to(site_map)
    StateOutlines(options).add_to(site_map)
    SiteMarkers(options, points).add_to(site_map)
    site_map.inside = (
        noscript_note(options) + static_map(points, styles) + Legend(options, points).render()
    )
    # After the map in the document (folium adds the map's own HTML only while rendering).
    figure.after_map = site_list(points, options, styles) + words_block(options)
    _number_elements(figure)
    return figure


SCRIPT_LINK = re.compile(r'<script src="([^"]+)"></script>\s*')


def scripts_after_paint(document: str) -> str:
    """folium's ``<script src>`` links in the head become the loader's list of sources."""
    sources = [html.unescape(src) for src in SCRIPT_LINK.findall(document)]
    document = SCRIPT_LINK.sub("", document)
    return document.replace("SCRIPT_SOURCES", json_for_script(sources), 1)


def render_map(points: Sequence[MapPoint], options: MapOptions) -> str:
    """The complete map document for ``points``; equal input gives equal output."""
    return scripts_after_paint(build_figure(points, options).render())
