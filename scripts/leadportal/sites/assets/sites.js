/* The participating sites list: filters with live counts, a text filter, the view kept in
   the page address, and sorting by distance from a place the visitor names or from the
   browser's location. Progressive enhancement: without this script the full table is there.
   The filter rules mirror scripts/leadportal/render/facets.py (as library/assets/library.js does); the place
   tables are decoded as scripts/leadportal/place_table.py describes. The visitor's place never
   leaves the browser: it is not put in the page address, and only our own files are fetched. */
(function () {
  "use strict";

  const FACETS = ["stage", "state", "pathway"];
  const COUNTY_WORDS = ["county", "parish", "borough", "census area", "municipality", "city and borough"];
  const EARTH_MILES = 3958.8;
  const root = document.querySelector("[data-lp-directory]");
  const form = root && root.querySelector("[data-lp-filters]");
  const list = root && root.querySelector("[data-lp-list]");
  const status = root && root.querySelector("[data-lp-status]");
  if (!form || !list || !status) {
    return;
  }
  const caption = root.querySelector("caption");
  const captionText = caption ? caption.textContent : "";

  const rows = Array.from(list.querySelectorAll("tr.lp-site-row"), function (tr, index) {
    const lat = parseFloat(tr.dataset.lpLat);
    const lon = parseFloat(tr.dataset.lpLon);
    return {
      element: tr,
      index: index,
      values: JSON.parse(tr.dataset.lpFacets || "{}"),
      text: (tr.dataset.lpText || "").toLowerCase(),
      point: isNaN(lat) || isNaN(lon) ? null : { lat: lat, lon: lon },
      distanceCell: tr.querySelector("[data-lp-distance]"),
      distance: null,
    };
  });
  const boxes = Array.from(form.querySelectorAll("input[type=checkbox]"));
  const stateSelect = form.querySelector("select[name=state]");
  const query = form.querySelector("input[name=words]");
  const F = window.leadportalFilters; // assets/leadportal/filters.js, loaded first

  /* ---- filters (the rules of facets.py) ---- */

  function currentSelection() {
    const selection = F.selectionOf(FACETS, boxes);
    if (stateSelect && stateSelect.value) {
      selection.state.push(stateSelect.value);
    }
    return selection;
  }

  function sites(count) {
    return count + (count === 1 ? " site" : " sites");
  }

  // The page is built with the first of these sentences: keep the wording in step.
  function statusText(shown) {
    const total = rows.length;
    if (shown === total) {
      return "All " + sites(total) + " shown.";
    }
    if (shown === 0) {
      return "No sites match these choices. Clear a choice to see more.";
    }
    return shown + " of " + sites(total) + " shown.";
  }

  function showCounts(counts) {
    F.showBoxCounts(form, boxes, counts);
    if (stateSelect) {
      Array.from(stateSelect.options).forEach(function (option) {
        if (option.value) {
          option.textContent = option.dataset.lpLabel + " (" + (counts.state[option.value] || 0) + ")";
        }
      });
    }
  }

  function readAddress() {
    const params = new URLSearchParams(location.search);
    F.checkFromAddress(params, boxes);
    if (stateSelect) {
      const state = params.get("state") || "";
      const known = Array.from(stateSelect.options).some(function (option) {
        return option.value === state;
      });
      stateSelect.value = known ? state : "";
    }
    if (query) {
      query.value = params.get("words") || "";
    }
  }

  function update(remember) {
    const selection = currentSelection();
    const queryWords = F.words(query ? query.value : "");
    const shown = F.showFitting(FACETS, rows, selection, queryWords);
    showCounts(F.facetCounts(FACETS, rows, selection, queryWords));
    const text = statusText(shown);
    if (status.textContent !== text) {
      status.textContent = text;
    }
    if (remember) {
      F.writeAddress(FACETS, selection, query ? query.value : "");
    }
  }

  readAddress();
  F.connect(form, boxes, query, update, function () {
    if (stateSelect) {
      stateSelect.value = "";
    }
  });
  update(false);

  /* ---- near me ---- */

  const near = root.querySelector("[data-lp-near]");
  if (!near) {
    return; // no site has coordinates yet
  }
  const placeInput = near.querySelector("input[name=near]");
  const nearStatus = near.querySelector("[data-lp-near-status]");
  const locate = near.querySelector("[data-lp-locate]");
  const clear = near.querySelector("[data-lp-near-clear]");
  const distanceHead = root.querySelector("[data-lp-distance-head]");
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
      const url = near.dataset["lpTable" + name];
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
    data.states.forEach(function (row) {
      const state = { label: row[1], state: row[0], lat: row[2] / scale, lon: row[3] / scale, weight: 0 };
      places.states.set(row[0], state);
      places.stateNames.set(nameKey(row[1]), state);
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
      zips.set(zip, { label: "ZIP code " + zip, lat: lat / data.scale, lon: lon / data.scale });
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
      return Promise.resolve({ error: "Type a city, county, ZIP code or state first." });
    }
    const zip = typed.match(/^(\d{5})(?:-\d{4})?$/);
    if (zip) {
      return zips().then(function (table) {
        const place = table.get(zip[1]);
        return place
          ? { place: place, others: [] }
          : { error: "ZIP code " + zip[1] + " is not in our list of places. Try the name of your city or county." };
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
        return { error: "“" + typed.slice(typed.lastIndexOf(",") + 1).trim() + "” is not a US state we know. Write the state as a two-letter code (WA) or its name (Washington)." };
      }
      const key = nameKey(parts.name);
      const county = countyKey(parts.name);
      let found = county === key ? candidates(table.cities, key, parts.state) : [];
      if (found.length === 0) {
        found = candidates(table.counties, county, parts.state);
      }
      found.sort(byWeight);
      if (found.length === 0) {
        return { error: "We could not find “" + typed + "”. Try a city and state (Seattle, WA), a county (King County, WA), a five-digit ZIP code or a state." };
      }
      if (found.length === 1 || found[0].weight > found[1].weight) {
        return { place: found[0], others: found.slice(1, 6) };
      }
      return { choices: found.slice(0, 12), typed: typed };
    });
  }

  function haversineMiles(a, b) {
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad;
    const dLon = (b.lon - a.lon) * rad;
    const h =
      Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 2 * EARTH_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function milesText(miles) {
    if (miles < 1) {
      return "Under 1 mile";
    }
    const whole = Math.round(miles);
    return whole.toLocaleString("en-US") + (whole === 1 ? " mile" : " miles");
  }

  function byDistance(a, b) {
    if (a.distance === null || b.distance === null) {
      return (a.distance === null) - (b.distance === null) || a.index - b.index;
    }
    return a.distance - b.distance || a.index - b.index;
  }

  function sortFrom(origin) {
    rows.forEach(function (row) {
      row.distance = row.point ? haversineMiles(origin, row.point) : null;
      row.distanceCell.textContent = row.distance === null ? "Distance unknown" : milesText(row.distance);
      row.distanceCell.hidden = false;
    });
    rows.slice().sort(byDistance).forEach(function (row) {
      list.appendChild(row.element);
    });
    distanceHead.hidden = false;
    clear.hidden = false;
    if (caption) {
      caption.textContent = "Participating sites, nearest first to " + origin.label + ", with distance";
    }
  }

  function unsort() {
    rows.forEach(function (row) {
      row.distance = null;
      row.distanceCell.hidden = true;
      row.distanceCell.textContent = "";
      list.appendChild(row.element);
    });
    distanceHead.hidden = true;
    clear.hidden = true;
    if (caption) {
      caption.textContent = captionText;
    }
  }

  function say(parts) {
    nearStatus.replaceChildren();
    parts.forEach(function (part) {
      nearStatus.appendChild(part);
    });
  }

  function paragraph(text, className) {
    const p = document.createElement("p");
    p.textContent = text;
    if (className) {
      p.className = className;
    }
    return p;
  }

  function choiceList(intro, places) {
    const wrap = document.createElement("div");
    wrap.appendChild(paragraph(intro));
    const ul = document.createElement("ul");
    ul.className = "lp-near-choices";
    places.forEach(function (place) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = place.label;
      button.addEventListener("click", function () {
        placeInput.value = place.label;
        show({ place: place, others: [] });
      });
      li.appendChild(button);
      ul.appendChild(li);
    });
    wrap.appendChild(ul);
    return wrap;
  }

  function show(answer) {
    if (answer.error) {
      say([paragraph(answer.error, "lp-near-error")]);
      return;
    }
    if (answer.choices) {
      unsort();
      say([choiceList("There is more than one “" + answer.typed + "”. Which one do you mean?", answer.choices)]);
      return;
    }
    sortFrom(answer.place);
    const parts = [paragraph("Showing distance from " + answer.place.label + ", nearest first.")];
    if (answer.others.length) {
      parts.push(choiceList("Did you mean another place?", answer.others));
    }
    if (!rows.some((row) => row.point)) {
      parts.push(paragraph("No site has a known location yet, so every distance is unknown."));
    }
    say(parts);
  }

  near.addEventListener("submit", function (event) {
    event.preventDefault();
    say([paragraph("Looking up “" + placeInput.value.trim() + "”…")]);
    resolve(placeInput.value).then(show, function () {
      say([paragraph("The list of places could not be loaded. Check your connection and try again.", "lp-near-error")]);
    });
  });
  near.addEventListener("reset", function (event) {
    event.preventDefault();
    placeInput.value = "";
    unsort();
    say([paragraph("Back to the order by name.")]);
  });
  if (locate && "geolocation" in navigator) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      say([paragraph("Asking your browser for your location…")]);
      navigator.geolocation.getCurrentPosition(
        function (position) {
          const here = { label: "your location", lat: position.coords.latitude, lon: position.coords.longitude };
          show({ place: here, others: [] });
        },
        function () {
          say([paragraph("Your browser did not share your location. You can type a place instead.", "lp-near-error")]);
        },
        { maximumAge: 600000, timeout: 20000 }
      );
    });
  }
  near.hidden = false;
})();
