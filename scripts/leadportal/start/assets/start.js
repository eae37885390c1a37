/* "Start here": the optional place. Without this script every page is complete (the peer sites
   are spread across the country). With it, the place the visitor names is kept after the `#`
   of the addresses (never sent to the web server), carried from page to page, used to list
   the nearest sites further along first and put into the request form's place fields.
   assets/leadportal/place-lookup.js, loaded first on every page, looks places up and keeps
   them in the address (as it does for the sites list). */
(function () {
  "use strict";

  // Quotation marks as \u escapes: the build reads the lpT strings' escapes, not UTF-8.
  const lpWords = JSON.parse(document.getElementById("lp-strings")?.textContent || "{}");
  const lpT = (text, values = {}) =>
    (lpWords[text] || text).replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));

  const PEER_COUNT = 5;
  const P = window.leadportalPlaces;
  if (!P) {
    return; // the page is complete without the place
  }

  function placeInAddress() {
    return P.fromFragment("place");
  }

  function carry(place) {
    const params = place ? { place: place } : {};
    document.querySelectorAll("a[data-lp-carry]").forEach(function (a) {
      a.href = P.withFragment(a.getAttribute("href"), params);
    });
    P.keepInAddress(params);
  }

  function paragraph(text, className) {
    const p = document.createElement("p");
    p.textContent = text;
    if (className) {
      p.className = className;
    }
    return p;
  }

  function addPrintButton() {
    const note = document.querySelector(".lp-start-print");
    if (!note || !window.print) {
      return;
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = lpT("Print this path");
    button.addEventListener("click", function () {
      window.print();
    });
    note.appendChild(document.createTextNode(" "));
    note.appendChild(button);
  }

  // The first page: the place only travels on with the links.
  const carrier = document.querySelector("[data-lp-place-carry]");
  if (carrier) {
    const input = carrier.querySelector("input[name=place]");
    input.value = placeInAddress();
    carrier.hidden = false;
    input.addEventListener("input", function () {
      carry(input.value.trim());
    });
    carrier.addEventListener("submit", function (event) {
      event.preventDefault();
      carry(input.value.trim());
      const first = document.querySelector(".lp-start-choices a");
      if (first) {
        first.focus();
      }
    });
  }
  const start = placeInAddress();
  if (start) {
    carry(start);
  }
  addPrintButton();

  // A path page: the nearest peers and the request form's place.
  const form = document.querySelector("[data-lp-place]");
  if (!form || !window.fetch) {
    return;
  }
  const lookup = P.lookup({ Places: form.dataset.lpTablePlaces, Zips: form.dataset.lpTableZips });
  const input = form.querySelector("input[name=place]");
  const status = form.querySelector("[data-lp-place-status]");
  const clear = form.querySelector("[data-lp-place-clear]");
  const list = document.querySelector("[data-lp-peers-list]");
  const intro = document.querySelector("[data-lp-peers-intro]");
  const help = document.querySelector("[data-lp-help]");
  const pool = (form.dataset.lpPool || "").split(" ");
  const original = {
    list: list ? Array.from(list.children) : [],
    intro: intro ? intro.textContent : "",
    help: help ? help.getAttribute("href") : "",
  };
  let peers = null;

  function loadPeers() {
    peers =
      peers ||
      fetch(form.dataset.lpPeers, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error(response.status + " " + form.dataset.lpPeers);
        }
        return response.json();
      });
    peers.catch(function () {
      peers = null;
    });
    return peers;
  }

  function say(parts) {
    status.replaceChildren.apply(status, parts);
  }

  function peerItem(site, miles) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = form.dataset.lpSiteRoot + site.url;
    if (form.dataset.lpPrintRoot) {
      a.dataset.lpPrintUrl = form.dataset.lpPrintRoot + site.url;
    }
    a.textContent = site.name;
    li.append(a, ", " + site.place + " ");
    const meta = document.createElement("span");
    meta.className = "lp-start-meta";
    meta.textContent = distanceText(site.stage_label.toLowerCase(), miles);
    li.appendChild(meta);
    return li;
  }

  // "(operating, 12 miles away)": the words in the page's language, the number as it writes them.
  function distanceText(stage, miles) {
    if (miles < 1) {
      return lpT("({stage}, under 1 mile away)", { stage: stage });
    }
    const whole = Math.round(miles);
    if (whole === 1) {
      return lpT("({stage}, 1 mile away)", { stage: stage });
    }
    const number = whole.toLocaleString(document.documentElement.lang || "en-US");
    return lpT("({stage}, {miles} miles away)", { stage: stage, miles: number });
  }

  function showNearest(place, data) {
    const sites = data.sites
      .filter(function (site) {
        return pool.indexOf(site.stage) >= 0;
      })
      .map(function (site) {
        return { site: site, miles: P.haversineMiles(place, site) };
      })
      .sort(function (a, b) {
        return a.miles - b.miles || (a.site.slug < b.site.slug ? -1 : 1);
      })
      .slice(0, PEER_COUNT);
    if (list && sites.length) {
      list.replaceChildren.apply(
        list,
        sites.map(function (found) {
          return peerItem(found.site, found.miles);
        })
      );
      if (intro) {
        intro.textContent = lpT("The sites further along nearest to {place}, nearest first.", { place: place.label });
      }
    }
  }

  // "Tucson, AZ" -> jurisdiction Tucson, state AZ; a state -> its code; a ZIP code as typed.
  function formPlace(place, typed) {
    const fields = (help && help.dataset.lpHelpFields ? help.dataset.lpHelpFields : "").split(" ");
    const suffix = place.state ? ", " + place.state : "";
    const local = suffix && place.label.endsWith(suffix) ? place.label.slice(0, -suffix.length) : "";
    const name = local || (place.state ? "" : typed);
    const values = {};
    if (fields.indexOf("jurisdiction") >= 0 && name) {
      values.jurisdiction = name;
    }
    if (fields.indexOf("state") >= 0 && place.state) {
      values.state = place.state;
    }
    return values;
  }

  function use(place, typed) {
    return loadPeers().then(function (data) {
      showNearest(place, data);
      if (help) {
        help.href = P.withFragment(original.help, formPlace(place, typed));
      }
      carry(place.label);
      clear.hidden = false;
      say([paragraph(lpT("Showing the sites nearest to {place}.", { place: place.label }))]);
    });
  }

  function choices(answer) {
    const ul = document.createElement("ul");
    ul.className = "lp-start-choices-inline";
    answer.choices.forEach(function (place) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = place.label;
      button.addEventListener("click", function () {
        input.value = place.label;
        use(place, place.label).catch(failed);
      });
      li.appendChild(button);
      ul.appendChild(li);
    });
    return ul;
  }

  function failed() {
    say([paragraph(lpT("The list of places could not be loaded. Check your connection and try again."), "lp-start-error")]);
  }

  function lookUp() {
    const typed = input.value.trim();
    say([paragraph(lpT("Looking up \u201c{place}\u201d\u2026", { place: typed }))]);
    return lookup.resolve(typed).then(function (answer) {
      if (answer.error) {
        say([paragraph(answer.error, "lp-start-error")]);
        return null;
      }
      if (answer.choices) {
        say([paragraph(lpT("There is more than one \u201c{place}\u201d. Which one do you mean?", { place: answer.typed })), choices(answer)]);
        return null;
      }
      return use(answer.place, typed);
    }, failed);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    lookUp().catch(failed);
  });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    input.value = "";
    if (list) {
      list.replaceChildren.apply(list, original.list);
    }
    if (intro) {
      intro.textContent = original.intro;
    }
    if (help) {
      help.href = original.help;
    }
    carry("");
    clear.hidden = true;
    say([paragraph(lpT("Back to sites spread across the country."))]);
  });
  form.hidden = false;
  if (start) {
    input.value = start;
    lookUp().catch(failed);
  }
})();
