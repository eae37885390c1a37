/* Facet filtering shared by the resource library (library.js) and the sites list (sites.js):
   which items fit a selection, live counts per choice, and the view kept in the page address.
   The rules mirror scripts/leadportal/facets.py (keep the two in step). An item is
   {values: {facet: [value, ...]}, text: "lower-case words"}. */
window.leadportalFilters = (function () {
  "use strict";

  const WIDE = "(min-width: 45em)"; // narrower screens fold the panels so the list comes first

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function matchesText(item, queryWords) {
    return queryWords.every(function (word) {
      return item.text.includes(word);
    });
  }

  // Every facet but `skip` must share a value with the selection (an empty choice fits all).
  function matches(facets, values, selection, skip) {
    return facets.every(function (facet) {
      const chosen = selection[facet];
      if (facet === skip || chosen.length === 0) {
        return true;
      }
      const own = values[facet] || [];
      return chosen.some(function (value) {
        return own.includes(value);
      });
    });
  }

  // Hides the items that do not fit; returns how many are shown.
  function showFitting(facets, items, selection, queryWords) {
    let shown = 0;
    items.forEach(function (item) {
      const fits = matches(facets, item.values, selection, null) && matchesText(item, queryWords);
      item.element.hidden = !fits;
      shown += fits ? 1 : 0;
    });
    return shown;
  }

  // The checked boxes (named after their facet) as {facet: [value, ...]}.
  function selectionOf(facets, boxes) {
    const selection = {};
    facets.forEach(function (facet) {
      selection[facet] = [];
    });
    boxes.forEach(function (box) {
      if (box.checked && selection[box.name]) {
        selection[box.name].push(box.value);
      }
    });
    return selection;
  }

  // How many items each choice would show, given the other facets' choices and the text.
  function facetCounts(facets, items, selection, queryWords) {
    const counts = {};
    facets.forEach(function (facet) {
      counts[facet] = {};
    });
    items.forEach(function (item) {
      const textOk = matchesText(item, queryWords);
      facets.forEach(function (facet) {
        const fits = textOk && matches(facets, item.values, selection, facet);
        (item.values[facet] || []).forEach(function (value) {
          counts[facet][value] = (counts[facet][value] || 0) + (fits ? 1 : 0);
        });
      });
    });
    return counts;
  }

  function showBoxCounts(form, boxes, counts) {
    boxes.forEach(function (box) {
      const label = form.querySelector('label[for="' + box.id + '"] [data-lp-count]');
      if (label) {
        label.textContent = "(" + ((counts[box.name] || {})[box.value] || 0) + ")";
      }
    });
  }

  // The page address for the view: `words`, then every chosen value, then `extra` pairs.
  function writeAddress(facets, selection, queryText, extra) {
    const params = new URLSearchParams();
    if (queryText.trim()) {
      params.set("words", queryText.trim());
    }
    facets.forEach(function (facet) {
      selection[facet].forEach(function (value) {
        params.append(facet, value);
      });
    });
    (extra || []).forEach(function (pair) {
      params.set(pair[0], pair[1]);
    });
    const search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  function checkFromAddress(params, boxes) {
    boxes.forEach(function (box) {
      box.checked = params.getAll(box.name).includes(box.value);
    });
  }

  // Filters apply as the visitor chooses; "Clear all choices" empties the form and the
  // page's own fields (`clearOwn`); the form is shown only now that it works.
  function connect(form, boxes, query, update, clearOwn) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      boxes.forEach(function (box) {
        box.checked = false;
      });
      if (query) {
        query.value = "";
      }
      clearOwn();
      update(true);
    });
    form.addEventListener("change", function () {
      update(true);
    });
    if (query) {
      query.addEventListener("input", function () {
        update(true);
      });
    }
    openPanel(form, boxes.some(function (box) {
      return box.checked;
    }) || Boolean(query && query.value));
    form.hidden = false;
  }

  // A folded panel (details[data-lp-panel]) opens on wide screens, or when `wanted`.
  function openPanel(container, wanted) {
    const panel = container.querySelector("[data-lp-panel]");
    if (panel && (wanted || window.matchMedia(WIDE).matches)) {
      panel.open = true;
    }
  }

  return {
    connect: connect,
    openPanel: openPanel,
    words: words,
    matchesText: matchesText,
    matches: matches,
    selectionOf: selectionOf,
    facetCounts: facetCounts,
    showFitting: showFitting,
    showBoxCounts: showBoxCounts,
    writeAddress: writeAddress,
    checkFromAddress: checkFromAddress,
  };
})();
