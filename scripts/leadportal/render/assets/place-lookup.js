/* Places the visitor names, looked up in the place tables the build publishes beside the
   sites list (decoded as scripts/leadportal/places/place_table.py describes), and distances
   in miles, and the place kept after the `#` of the address. Shared by the sites list
   (sites.js) and the "Start here" pages (start.js). Only our own files are fetched; what the
   visitor types stays in the browser. */
(function () {
  "use strict";

  const lpWords = JSON.parse(document.getElementById("lp-strings")?.textContent || "{}");
  const lpT = (text, values = {}) =>
    (lpWords[text] || text).replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
  const COUNTY_WORDS = ["county", "parish", "borough", "census area", "municipality", "city and borough"];
  const EARTH_MILES = 3958.8;

  // urls: { Places: "…/places.json", Zips: "…/places-zip.json" }, relative to the page.
  function lookup(urls) {
    const tables = {};

    function nameKey(text) {
      return text
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/'/g, "")
        .replace(/[^\p{L}\p{N}\s_]/gu, " ")
        .replace(/\b(saint|ste?)\b/g, "st")
        .replace(/\s+/g, " ")
        .trim();
    }

    function countyKey(text) {
      const key = nameKey(text);
      for (const word of COUNTY_WORDS) {
        if (key.endsWith(" " + word)) {
          return key.slice(0, -word.length - 1);
        }
      }
      return key;
    }

    function load(name) {
      if (!tables[name]) {
        const url = urls[name];
        tables[name] = fetch(url, { credentials: "same-origin" }).then(function (response) {
          if (!response.ok) {
            throw new Error(response.status + " " + url);
          }
          return response.json();
        });
        tables[name].catch(function () {
          delete tables[name]; // let the visitor try again
        });
      }
      return tables[name];
    }

    function add(map, key, place) {
      if (!map.has(key)) {
        map.set(key, []);
      }
      map.get(key).push(place);
    }

    // Flat [name, dlat, dlon, ...extra] rows, each coordinate relative to the previous row's.
    function decodeRows(flat, stride, scale, state, keyOf, into) {
      let lat = 0;
      let lon = 0;
      for (let i = 0; i < flat.length; i += stride) {
        lat += flat[i + 1];
        lon += flat[i + 2];
        add(into, keyOf(flat[i]), {
          label: flat[i] + ", " + state,
          state: state,
          lat: lat / scale,
          lon: lon / scale,
          weight: stride > 3 ? flat[i + 3] : 0,
        });
      }
    }

    function decodePlaces(data) {
      const scale = data.scale;
      const places = { states: new Map(), stateNames: new Map(), cities: new Map(), counties: new Map() };
      const pageLanguage = document.documentElement.lang;
      data.states.forEach(function (row) {
        const others = row[4] || {}; // the state's names in other languages, where they differ
        const label = others[pageLanguage] || row[1];
        const state = { label: label, state: row[0], lat: row[2] / scale, lon: row[3] / scale, weight: 0 };
        places.states.set(row[0], state);
        [row[1]].concat(Object.values(others)).forEach(function (name) {
          places.stateNames.set(nameKey(name), state);
        });
      });
      Object.keys(data.cities).forEach(function (state) {
        decodeRows(data.cities[state], 4, scale, state, nameKey, places.cities);
      });
      Object.keys(data.counties).forEach(function (state) {
        decodeRows(data.counties[state], 3, scale, state, countyKey, places.counties);
      });
      return places;
    }

    function decodeZips(data) {
      const zips = new Map();
      const flat = data.zips;
      let code = 0;
      let lat = 0;
      let lon = 0;
      for (let i = 0; i < flat.length; i += 3) {
        code += flat[i];
        lat += flat[i + 1];
        lon += flat[i + 2];
        const zip = String(code).padStart(5, "0");
        zips.set(zip, { label: lpT("ZIP code {zip}", { zip: zip }), lat: lat / data.scale, lon: lon / data.scale });
      }
      return zips;
    }

    let placesPromise = null;
    let zipsPromise = null;

    function places() {
      placesPromise = placesPromise || load("Places").then(decodePlaces);
      placesPromise.catch(function () {
        placesPromise = null;
      });
      return placesPromise;
    }

    function zips() {
      zipsPromise = zipsPromise || load("Zips").then(decodeZips);
      zipsPromise.catch(function () {
        zipsPromise = null;
      });
      return zipsPromise;
    }

    function stateOf(text, table) {
      const trimmed = text.trim();
      return table.states.get(trimmed.toUpperCase()) || table.stateNames.get(nameKey(trimmed)) || null;
    }

    // "Seattle, WA", "Seattle WA", "Portland Oregon": the name and the state, when it has one.
    function splitState(text, table) {
      const comma = text.lastIndexOf(",");
      if (comma >= 0) {
        return { name: text.slice(0, comma), state: stateOf(text.slice(comma + 1), table) };
      }
      const parts = text.trim().split(/\s+/);
      for (let tail = Math.min(3, parts.length - 1); tail >= 1; tail -= 1) {
        const state = stateOf(parts.slice(-tail).join(" "), table);
        if (state) {
          return { name: parts.slice(0, -tail).join(" "), state: state };
        }
      }
      return { name: text, state: null };
    }

    function byWeight(a, b) {
      return b.weight - a.weight || a.label.localeCompare(b.label, "en");
    }

    function candidates(map, key, state) {
      return (map.get(key) || []).filter(function (place) {
        return !state || place.state === state.state;
      });
    }

    // {place, others} when the text names one place (or one clearly larger than the rest),
    // {choices} when it could be several alike, {error} when it names none.
    function resolve(text) {
      const typed = text.trim();
      if (!typed) {
        return Promise.resolve({ error: lpT("Type a city, county, ZIP code or state first.") });
      }
      const zip = typed.match(/^(\d{5})(?:-\d{4})?$/);
      if (zip) {
        return zips().then(function (table) {
          const place = table.get(zip[1]);
          return place
            ? { place: place, others: [] }
            : { error: lpT("ZIP code {zip} is not in our list of places. Try the name of your city or county.", { zip: zip[1] }) };
        });
      }
      return places().then(function (table) {
        const state = stateOf(typed, table);
        if (state) {
          const cities = (table.cities.get(nameKey(typed)) || []).filter(function (p) {
            return p.weight > 0;
          });
          return { place: state, others: cities.sort(byWeight).slice(0, 3) };
        }
        const parts = splitState(typed, table);
        if (typed.includes(",") && !parts.state) {
          const state = typed.slice(typed.lastIndexOf(",") + 1).trim();
          return { error: lpT("\u201c{state}\u201d is not a US state we know. Write the state as a two-letter code (WA) or its name (Washington).", { state: state }) };
        }
        const key = nameKey(parts.name);
        const county = countyKey(parts.name);
        let found = county === key ? candidates(table.cities, key, parts.state) : [];
        if (found.length === 0) {
          found = candidates(table.counties, county, parts.state);
        }
        found.sort(byWeight);
        if (found.length === 0) {
          return { error: lpT("We could not find \u201c{typed}\u201d. Try a city and state (Seattle, WA), a county (King County, WA), a five-digit ZIP code or a state.", { typed: typed }) };
        }
        if (found.length === 1 || found[0].weight > found[1].weight) {
          return { place: found[0], others: found.slice(1, 6) };
        }
        return { choices: found.slice(0, 12), typed: typed };
      });
    }

    return { resolve: resolve };
  }

  function haversineMiles(a, b) {
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad;
    const dLon = (b.lon - a.lon) * rad;
    const h =
      Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 2 * EARTH_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // Numbers as the page's language writes them (`1,234`; Spanish `1234`, `12.345`).
  function numberText(value) {
    const lang = document.documentElement.lang || "en";
    return value.toLocaleString(lang.startsWith("en") ? "en-US" : lang);
  }

  // "25 miles", as a table cell shows a distance.
  function milesText(miles) {
    if (miles < 1) {
      return lpT("Under 1 mile");
    }
    const whole = Math.round(miles);
    return whole === 1 ? lpT("1 mile") : lpT("{miles} miles", { miles: numberText(whole) });
  }

  // "25 miles away" (in Spanish "a 25 millas"), as a sentence says how far a place is.
  function awayText(miles) {
    if (miles < 1) {
      return lpT("under 1 mile away");
    }
    const whole = Math.round(miles);
    return whole === 1 ? lpT("1 mile away") : lpT("{miles} miles away", { miles: numberText(whole) });
  }

  // A place kept after the `#` of the address (`#near=…`, `#place=…`): browsers never send
  // the fragment to the server, so the place stays in the browser and the page can be shared.
  function fromFragment(name) {
    return new URLSearchParams(location.hash.slice(1)).get(name) || "";
  }

  function withFragment(href, params) {
    const base = href.split("#")[0];
    const text = new URLSearchParams(params).toString();
    return text ? base + "#" + text : base;
  }

  function keepInAddress(params) {
    history.replaceState(null, "", withFragment(location.href, params));
  }

  window.leadportalPlaces = {
    lookup: lookup,
    haversineMiles: haversineMiles,
    milesText: milesText,
    awayText: awayText,
    fromFragment: fromFragment,
    withFragment: withFragment,
    keepInAddress: keepInAddress,
  };
})();
