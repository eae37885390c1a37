/* Load the search index when the visitor first uses search, not with every page.

   Material's script asks for search/search_index.json as soon as a page opens; with
   thousands of sites that file is megabytes that most visitors never need. This script runs
   before Material's and holds back that one request until the search box is focused or
   opened (by click, tap, or the "/", "s" and "f" keys, which all focus it), or the page was
   opened from a search result (`?h=` highlights the words found). Everything else about
   search is Material's own: the same index, worker and results. */
(function () {
  "use strict";
  var INDEX_PATH = /\/search\/search_index\.json$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var released = new URLSearchParams(location.search).has("h");
  // The portal's root, from this script's own address (…/assets/javascripts/this.js).
  var base = document.currentScript ? document.currentScript.src.replace(/assets\/javascripts\/[^/]*$/, "") : "";

  function isIndex(url) {
    try {
      return INDEX_PATH.test(new URL(String(url), location.href).pathname);
    } catch (error) {
      return false;
    }
  }

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (request) {
      send.apply(request[0], request[1]);
    });
    loadPlaceSuggestions();
  }

  // Issue 17 (search finds places): the nearest-sites suggestion loads with the index.
  function loadScript(src, then) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = then;
    document.head.appendChild(script);
  }

  function loadPlaceSuggestions() {
    if (!base || window.leadportalSearchBase !== undefined) return;
    window.leadportalSearchBase = base;
    var assets = base + "assets/leadportal/";
    var suggest = function () { loadScript(assets + "search-places.js"); };
    if (window.leadportalPlaces) suggest();
    else loadScript(assets + "place-lookup.js", suggest);
  }

  function usesSearch(target) {
    return target instanceof Element && !!target.closest(".md-search, [for='__search'], #__search");
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.lpHeldIndex = isIndex(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.lpHeldIndex && !released) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  ["focusin", "pointerdown", "change"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (usesSearch(event.target)) release();
    }, true);
  });
})();
