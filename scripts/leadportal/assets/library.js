/* The resource library's filters: facets with live counts, a text filter, sorting, and the
   view kept in the page address. Progressive enhancement: without this script the full list
   is still there. The rules mirror scripts/leadportal/facets.py (keep the two in step). */
(function () {
  "use strict";

  const FACETS = ["kind", "topic", "audience", "stage", "printable"];
  const root = document.querySelector("[data-lp-library]");
  const form = root && root.querySelector("[data-lp-filters]");
  const list = root && root.querySelector("[data-lp-list]");
  const status = root && root.querySelector("[data-lp-status]");
  if (!form || !list || !status) {
    return;
  }

  const items = Array.from(list.querySelectorAll("li.lp-entry"), function (li) {
    return {
      element: li,
      values: JSON.parse(li.dataset.lpFacets || "{}"),
      text: (li.dataset.lpText || "").toLowerCase(),
      date: li.dataset.lpDate || "",
      title: li.dataset.lpTitle || "",
      slug: li.dataset.lpSlug || "",
    };
  });
  const boxes = Array.from(form.querySelectorAll("input[type=checkbox]"));
  const query = form.querySelector("input[name=words]");
  const order = form.querySelector("select[name=sort]");
  let sortedBy = "newest"; // the order the page is built in

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function matchesText(item, queryWords) {
    return queryWords.every(function (word) {
      return item.text.includes(word);
    });
  }

  function matches(values, selection, skip) {
    return FACETS.every(function (facet) {
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

  function currentSelection() {
    const selection = {};
    FACETS.forEach(function (facet) {
      selection[facet] = [];
    });
    boxes.forEach(function (box) {
      if (box.checked && selection[box.name]) {
        selection[box.name].push(box.value);
      }
    });
    return selection;
  }

  function facetCounts(selection, queryWords) {
    const counts = {};
    FACETS.forEach(function (facet) {
      counts[facet] = {};
    });
    items.forEach(function (item) {
      const textOk = matchesText(item, queryWords);
      FACETS.forEach(function (facet) {
        const fits = textOk && matches(item.values, selection, facet);
        (item.values[facet] || []).forEach(function (value) {
          counts[facet][value] = (counts[facet][value] || 0) + (fits ? 1 : 0);
        });
      });
    });
    return counts;
  }

  function compare(a, b) {
    if (order && order.value === "title") {
      return a.title.localeCompare(b.title, "en") || (a.slug < b.slug ? -1 : 1);
    }
    if (a.date !== b.date) {
      return a.date < b.date ? 1 : -1;
    }
    return a.slug < b.slug ? -1 : 1;
  }

  function documents(count) {
    return count + (count === 1 ? " document" : " documents");
  }

  // The page is built with the first of these sentences: keep the wording in step.
  function statusText(shown) {
    const total = items.length;
    if (shown === total) {
      return "Showing all " + documents(total) + ".";
    }
    if (shown === 0) {
      return "No documents match these choices. Clear a choice to see more.";
    }
    return "Showing " + shown + " of " + documents(total) + ".";
  }

  function writeAddress(selection) {
    const params = new URLSearchParams();
    if (query && query.value.trim()) {
      params.set("words", query.value.trim());
    }
    FACETS.forEach(function (facet) {
      selection[facet].forEach(function (value) {
        params.append(facet, value);
      });
    });
    if (order && order.value !== "newest") {
      params.set("sort", order.value);
    }
    const search = params.toString();
    const address = location.pathname + (search ? "?" + search : "") + location.hash;
    history.replaceState(null, "", address);
  }

  function readAddress() {
    const params = new URLSearchParams(location.search);
    boxes.forEach(function (box) {
      box.checked = params.getAll(box.name).includes(box.value);
    });
    if (query) {
      query.value = params.get("words") || "";
    }
    const sort = params.get("sort");
    if (order && sort && Array.from(order.options).some((o) => o.value === sort)) {
      order.value = sort;
    }
  }

  function update(remember) {
    const selection = currentSelection();
    const queryWords = words(query ? query.value : "");
    let shown = 0;
    items.forEach(function (item) {
      const fits = matches(item.values, selection, null) && matchesText(item, queryWords);
      item.element.hidden = !fits;
      shown += fits ? 1 : 0;
    });
    const counts = facetCounts(selection, queryWords);
    boxes.forEach(function (box) {
      const label = form.querySelector('label[for="' + box.id + '"] [data-lp-count]');
      if (label) {
        label.textContent = "(" + ((counts[box.name] || {})[box.value] || 0) + ")";
      }
    });
    const sortBy = order ? order.value : "newest";
    if (sortBy !== sortedBy) {
      // Moving thousands of list items is the costliest step: only when the order changes.
      items.slice().sort(compare).forEach(function (item) {
        list.appendChild(item.element);
      });
      sortedBy = sortBy;
    }
    const text = statusText(shown);
    if (status.textContent !== text) {
      status.textContent = text;
    }
    if (remember) {
      writeAddress(selection);
    }
  }

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
    if (order) {
      order.value = "newest";
    }
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

  readAddress();
  form.hidden = false;
  update(false);
})();
