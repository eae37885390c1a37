/* The resource library's filters: facets with live counts, a text filter, sorting, and the
   view kept in the page address. Progressive enhancement: without this script the full list
   is still there. The rules mirror scripts/leadportal/facets.py (keep the two in step). */
(function () {
  "use strict";

  const lpWords = JSON.parse(document.getElementById("lp-strings")?.textContent || "{}");
  const lpT = (text, values = {}) =>
    (lpWords[text] || text).replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));
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
  const language = document.documentElement.lang || "en"; // titles sort as the page's language
  const F = window.leadportalFilters; // assets/leadportal/filters.js, loaded first

  function compare(a, b) {
    if (order && order.value === "title") {
      return a.title.localeCompare(b.title, language) || (a.slug < b.slug ? -1 : 1);
    }
    if (a.date !== b.date) {
      return a.date < b.date ? 1 : -1;
    }
    return a.slug < b.slug ? -1 : 1;
  }

  // The page is built with the first of these sentences: keep the wording in step.
  function statusText(shown) {
    const total = items.length;
    if (shown === total) {
      return total === 1
        ? lpT("Showing all {count} document.", { count: total })
        : lpT("Showing all {count} documents.", { count: total });
    }
    if (shown === 0) {
      return lpT("No documents match these choices. Clear a choice to see more.");
    }
    return shown === 1
      ? lpT("Showing 1 of {count} documents.", { count: total })
      : lpT("Showing {shown} of {count} documents.", { shown: shown, count: total });
  }

  function writeAddress(selection) {
    const sort = order && order.value !== "newest" ? [["sort", order.value]] : [];
    F.writeAddress(FACETS, selection, query ? query.value : "", sort);
  }

  function readAddress() {
    const params = new URLSearchParams(location.search);
    F.checkFromAddress(params, boxes);
    if (query) {
      query.value = params.get("words") || "";
    }
    const sort = params.get("sort");
    if (order && sort && Array.from(order.options).some((o) => o.value === sort)) {
      order.value = sort;
    }
  }

  function update(remember) {
    const selection = F.selectionOf(FACETS, boxes);
    const queryWords = F.words(query ? query.value : "");
    const shown = F.showFitting(FACETS, items, selection, queryWords);
    F.showBoxCounts(form, boxes, F.facetCounts(FACETS, items, selection, queryWords));
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

  readAddress();
  F.connect(form, boxes, query, update, function () {
    if (order) {
      order.value = "newest";
    }
  });
  update(false);
})();
