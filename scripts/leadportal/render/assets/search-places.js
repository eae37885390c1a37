/* "Nearest LEAD sites to …" above the search results, when what the visitor types in the
   search box looks like a US place: a five-digit ZIP code, or a word starting with a capital
   (Albuquerque, "Santa Fe, NM"). Loaded with the search index, on first use of search
   (search-on-demand.js); the place tables and the sites' coordinates (data/sites.geojson)
   are fetched only when a query looks like a place. Nothing typed leaves the browser. */
(function () {
  "use strict";
  const lpWords = JSON.parse(document.getElementById("lp-strings")?.textContent || "{}");
  const lpT = (text, values = {}) =>
    (lpWords[text] || text).replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
  const places = window.leadportalPlaces;
  const base = window.leadportalSearchBase || "";
  // The open data files are written once, by the English build at the portal's root: a page
  // in another language (<html lang="es">, under /es/) reaches them one folder up.
  const pageLanguage = document.documentElement.lang || "en";
  const shared = pageLanguage === "en" ? base : base + "../";
  const input = document.querySelector("[data-md-component='search-query']");
  const output = document.querySelector("[data-md-component='search-result']");
  if (!places || !input || !output) return;

  const lookup = places.lookup({ Places: base + "sites/places.json", Zips: base + "sites/places-zip.json" });
  const LOOKS_LIKE_PLACE = /^(?:\d{5}|\p{Lu}[\p{L}.'’-]*(?:[ ,]+[\p{L}.'’-]+){0,4})$/u;
  const WAIT_MS = 300;
  let sitesPromise = null;
  let timer = 0;
  let asked = 0;

  const box = document.createElement("div");
  box.className = "lp-search-places";
  box.setAttribute("role", "status");
  output.parentNode.insertBefore(box, output);

  function sites() {
    sitesPromise = sitesPromise || fetch(shared + "data/sites.geojson", { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        return data.features.filter(function (f) { return f.geometry; }).map(function (f) {
          const j = f.properties.jurisdiction;
          return {
            slug: f.properties.slug,
            name: f.properties.name,
            where: [j.city || j.county, j.state].filter(Boolean).join(", "),
            lat: f.geometry.coordinates[1],
            lon: f.geometry.coordinates[0],
          };
        });
      });
    sitesPromise.catch(function () { sitesPromise = null; });
    return sitesPromise;
  }

  function clear() {
    box.replaceChildren();
  }

  function link(href, text) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function show(place, typed, nearest) {
    const heading = document.createElement("p");
    heading.className = "lp-search-places__title";
    heading.textContent = lpT("Nearest LEAD sites to {place}", { place: place.label });
    const list = document.createElement("ol");
    nearest.forEach(function (near) {
      const item = document.createElement("li");
      item.append(link(base + "sites/" + near.site.slug + "/", near.site.name));
      item.append(" — " + near.site.where + ", " + places.milesText(near.miles));
      list.append(item);
    });
    const all = document.createElement("p");
    all.append(link(base + "sites/#near=" + encodeURIComponent(typed), lpT("All sites by distance from {place}", { place: place.label })));
    box.replaceChildren(heading, list, all);
  }

  function suggest(typed, ticket) {
    Promise.all([lookup.resolve(typed), sites()]).then(function (found) {
      const answer = found[0];
      if (ticket !== asked || !answer.place) {
        if (ticket === asked) clear();
        return;
      }
      const nearest = found[1]
        .map(function (site) { return { site: site, miles: places.haversineMiles(answer.place, site) }; })
        .sort(function (a, b) { return a.miles - b.miles || a.site.slug.localeCompare(b.site.slug); })
        .slice(0, 3);
      if (nearest.length) show(answer.place, typed, nearest);
      else clear();
    }).catch(function () {
      if (ticket === asked) clear();
    });
  }

  function onInput() {
    const typed = input.value.trim();
    asked += 1;
    const ticket = asked;
    clearTimeout(timer);
    if (!LOOKS_LIKE_PLACE.test(typed)) {
      clear();
      return;
    }
    timer = setTimeout(function () { suggest(typed, ticket); }, WAIT_MS);
  }

  input.addEventListener("input", onInput);
  // What was typed (or pasted) while this script was still loading.
  if (input.value.trim()) onInput();
})();
