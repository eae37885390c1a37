/* The participating sites list: filters with live counts, a text filter, the view kept in
   the page address, and sorting by distance from a place the visitor names or from the
   browser's location. Progressive enhancement: without this script the full table is there.
   The filter rules mirror scripts/leadportal/render/facets.py (as library/assets/library.js does); places
   are looked up by assets/leadportal/place-lookup.js, which the "Start here" pages use too.
   The visitor's place never leaves the browser: a typed place is kept after the `#` of the
   page address (`#near=Seattle, WA`; browsers never send the fragment to a server, and a
   page opened with one sorts at once), the browser's own location is never put there, and
   only our own files are fetched. */
(function () {
  "use strict";

  const lpWords = JSON.parse(document.getElementById("lp-strings")?.textContent || "{}");
  const lpT = (text, values = {}) =>
    (lpWords[text] || text).replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
  const FACETS = ["stage", "state", "pathway"];
  const root = document.querySelector("[data-lp-directory]");
  const form = root && root.querySelector("[data-lp-filters]");
  const list = root && root.querySelector("[data-lp-list]");
  const status = root && root.querySelector("[data-lp-status]");
  if (!form || !list || !status) {
    return;
  }
  const caption = root.querySelector("caption");
  const captionText = caption ? caption.textContent : "";

  // Each row's data is read from its attributes the first time a filter or near-me needs
  // it, not at start-up: the page as built already shows every row with the right counts.
  const rows = Array.from(list.querySelectorAll("tr.lp-site-row"), function (tr, index) {
    return lazyRow(tr, index);
  });

  function lazyRow(tr, index) {
    const row = { element: tr, index: index, distance: null };
    let read = null;
    function data() {
      if (!read) {
        const lat = parseFloat(tr.dataset.lpLat);
        const lon = parseFloat(tr.dataset.lpLon);
        read = {
          values: JSON.parse(tr.dataset.lpFacets || "{}"),
          text: (tr.dataset.lpText || "").toLowerCase(),
          point: isNaN(lat) || isNaN(lon) ? null : { lat: lat, lon: lon },
          distanceCell: tr.querySelector("[data-lp-distance]"),
        };
      }
      return read;
    }
    ["values", "text", "point", "distanceCell"].forEach(function (key) {
      Object.defineProperty(row, key, {
        get: function () {
          return data()[key];
        },
      });
    });
    return row;
  }
  const boxes = Array.from(form.querySelectorAll("input[type=checkbox]"));
  const stateSelect = form.querySelector("select[name=state]");
  const query = form.querySelector("input[name=words]");
  const F = window.leadportalFilters; // assets/leadportal/filters.js, loaded first
  const P = window.leadportalPlaces; // assets/leadportal/place-lookup.js, loaded first

  /* ---- filters (the rules of facets.py) ---- */

  function currentSelection() {
    const selection = F.selectionOf(FACETS, boxes);
    if (stateSelect && stateSelect.value) {
      selection.state.push(stateSelect.value);
    }
    return selection;
  }

  // The page is built with the first of these sentences: keep the wording in step.
  function statusText(shown) {
    const total = rows.length;
    if (shown === total) {
      return total === 1 ? lpT("All {count} site shown.", { count: total }) : lpT("All {count} sites shown.", { count: total });
    }
    if (shown === 0) {
      return lpT("No sites match these choices. Clear a choice to see more.");
    }
    return lpT("{shown} of {total} sites shown.", { shown: shown, total: total }); // 0 < shown < total
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
  F.openPanel(form, Boolean(stateSelect && stateSelect.value));
  if (location.search) {
    update(false); // a view from the address; without one the built page is already right
  }

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
  const lookup = P.lookup({ Places: near.dataset.lpTablePlaces, Zips: near.dataset.lpTableZips });

  function byDistance(a, b) {
    if (a.distance === null || b.distance === null) {
      return (a.distance === null) - (b.distance === null) || a.index - b.index;
    }
    return a.distance - b.distance || a.index - b.index;
  }

  function sortFrom(origin) {
    rows.forEach(function (row) {
      row.distance = row.point ? P.haversineMiles(origin, row.point) : null;
      row.distanceCell.textContent = row.distance === null ? lpT("Distance unknown") : P.milesText(row.distance);
      row.distanceCell.hidden = false;
    });
    rows.slice().sort(byDistance).forEach(function (row) {
      list.appendChild(row.element);
    });
    distanceHead.hidden = false;
    clear.hidden = false;
    if (caption) {
      caption.textContent = lpT("Participating sites, nearest first to {place}, with distance", { place: origin.label });
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
        show({ place: place, others: [] }, place.label);
      });
      li.appendChild(button);
      ul.appendChild(li);
    });
    wrap.appendChild(ul);
    return wrap;
  }

  // The first row the visitor can see (filters may hide some), brought into view.
  function firstShownRow() {
    return rows
      .slice()
      .sort(byDistance)
      .find(function (row) {
        return !row.element.hidden;
      });
  }

  // "Sorted by distance from Seattle, WA: nearest is …, under 1 mile away."
  function sortedText(place) {
    const first = firstShownRow();
    if (!first || first.distance === null) {
      return lpT("Sorted by distance from {place}.", { place: place.label });
    }
    const name = first.element.querySelector("th").textContent.trim();
    const away = P.awayText(first.distance);
    return lpT("Sorted by distance from {place}: nearest is {name}, {away}.", { place: place.label, name: name, away: away });
  }

  function bringListIntoView() {
    const first = firstShownRow();
    const wrap = list.closest(".lp-table-wrap");
    if (first && wrap) {
      wrap.scrollIntoView({ block: "start" });
    }
  }

  function show(answer, typed) {
    if (answer.error) {
      const wasSorted = !distanceHead.hidden;
      unsort();
      P.keepInAddress({});
      say([
        paragraph(answer.error, "lp-near-error"),
        paragraph(wasSorted ? lpT("The list is back in the order by name.") : lpT("The list stays in the order by name.")),
      ]);
      return;
    }
    if (answer.choices) {
      unsort();
      P.keepInAddress({});
      say([choiceList(lpT("There is more than one \u201c{typed}\u201d. Which one do you mean?", { typed: answer.typed }), answer.choices)]);
      return;
    }
    sortFrom(answer.place);
    P.keepInAddress(typed ? { near: typed } : {});
    const parts = [paragraph(sortedText(answer.place))];
    if (answer.others.length) {
      parts.push(choiceList(lpT("Did you mean another place?"), answer.others));
    }
    if (!rows.some((row) => row.point)) {
      parts.push(paragraph(lpT("No site has a known location yet, so every distance is unknown.")));
    }
    say(parts);
    bringListIntoView();
  }

  function lookUp() {
    const typed = placeInput.value.trim();
    say([paragraph(lpT("Looking up \u201c{typed}\u201d\u2026", { typed: typed }))]);
    lookup.resolve(typed).then(
      function (answer) {
        show(answer, typed);
      },
      function () {
        say([paragraph(lpT("The list of places could not be loaded. Check your connection and try again."), "lp-near-error")]);
      }
    );
  }

  near.addEventListener("submit", function (event) {
    event.preventDefault();
    lookUp();
  });
  near.addEventListener("reset", function (event) {
    event.preventDefault();
    placeInput.value = "";
    P.keepInAddress({});
    unsort();
    say([paragraph(lpT("Back to the order by name."))]);
  });
  if (locate && "geolocation" in navigator) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      say([paragraph(lpT("Asking your browser for your location\u2026"))]);
      navigator.geolocation.getCurrentPosition(
        function (position) {
          const here = { label: lpT("your location"), lat: position.coords.latitude, lon: position.coords.longitude };
          show({ place: here, others: [] }, "");
        },
        function () {
          say([paragraph(lpT("Your browser did not share your location. You can type a place instead."), "lp-near-error")]);
        },
        { maximumAge: 600000, timeout: 20000 }
      );
    });
  }
  const start = P.fromFragment("near");
  F.openPanel(near, Boolean(start));
  near.hidden = false;
  if (start) {
    placeInput.value = start;
    lookUp();
  }
})();
