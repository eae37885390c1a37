/* LEAD Portal contact forms (our own code, no libraries).
 *
 * Without this script a form posts normally (or opens the e-mail program for mailto).
 * With it: our own validation with an error summary, sending in place, a draft kept in
 * localStorage until the backend answers 2xx, and two ways out when sending fails.
 */
(function () {
  "use strict";

  // The page's words: English here, the page's language from its lp-strings block.
  const lpWords = JSON.parse(document.getElementById("lp-strings")?.textContent || "{}");
  const lpT = (text, values = {}) =>
    (lpWords[text] || text).replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));

  var form = document.querySelector("form[data-lp-form]");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var root = form.closest(".lp-form-page") || document;
  var cfg = form.dataset;
  var minSeconds = Number(cfg.minSeconds || 0);
  var loadedAt = Date.now();
  var draftKey = "leadportal:draft:" + location.pathname;
  var sending = false;

  function part(name) { return root.querySelector("[data-lp-" + name + "]"); }
  var draftBox = part("draft");
  var summary = part("summary");
  var summaryList = part("summary-list");
  var failure = part("failure");
  var failureReason = part("failure-reason");
  var success = part("success");
  var status = part("status");
  var submitButton = form.querySelector("button[type=submit]");

  function fieldBoxes() { return Array.prototype.slice.call(form.querySelectorAll("[data-field]")); }
  function fieldNames() { return fieldBoxes().map(function (box) { return box.dataset.field; }); }
  function show(el) { el.hidden = false; }
  function hide(el) { el.hidden = true; }

  /* ---- storage (private modes may refuse it: then there is simply no draft) ---- */
  var store = {
    get: function () { try { return JSON.parse(localStorage.getItem(draftKey) || "null"); } catch (e) { return null; } },
    set: function (v) { try { localStorage.setItem(draftKey, JSON.stringify(v)); } catch (e) { /* full or disabled */ } },
    clear: function () { try { localStorage.removeItem(draftKey); } catch (e) { /* disabled */ } }
  };

  /* ---- values ---- */
  function userEntries() {
    var names = fieldNames();
    var entries = [];
    new FormData(form).forEach(function (value, name) {
      if (names.indexOf(name) >= 0 && typeof value === "string") entries.push([name, value]);
    });
    return entries;
  }

  function sentEntries() {
    var entries = [];
    new FormData(form).forEach(function (value, name) {
      var isTrap = cfg.honeypot && name === cfg.honeypot;
      if (typeof value === "string" && (!isTrap || cfg.kind === "netlify")) entries.push([name, value]);
    });
    return entries;
  }

  function setValue(name, value) {
    var control = form.elements.namedItem(name);
    if (!control) return;
    var list = control.length !== undefined && !control.options ? control : [control];
    Array.prototype.forEach.call(list, function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.value === value) el.checked = true;
      } else {
        el.value = value.slice(0, 5000);
      }
    });
  }

  function clearChoices(names) {
    names.forEach(function (name) {
      form.querySelectorAll("[name='" + name + "']").forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") el.checked = false;
      });
    });
  }

  /* ---- draft ---- */
  function saveDraft() {
    var entries = userEntries().filter(function (e) { return e[1].trim() !== ""; });
    var checked = form.querySelectorAll("[data-field] input:checked").length;
    if (entries.length === 0 && checked === 0) { store.clear(); return; }
    store.set({ saved: Date.now(), entries: entries });
  }

  function restoreDraft() {
    var draft = store.get();
    if (!draft || !Array.isArray(draft.entries) || draft.entries.length === 0) return;
    var names = fieldNames();
    draft.entries.forEach(function (e) {
      if (Array.isArray(e) && names.indexOf(e[0]) >= 0 && typeof e[1] === "string") setValue(e[0], e[1]);
    });
    show(draftBox);
    loadedAt -= minSeconds * 1000; // the person wrote this earlier: no need to wait again
  }

  // From the query and from the fragment (`#state=AZ`): a page that knows something only the
  // browser should (such as the place "Start here" was given) puts it after the `#`, which is
  // never sent to the web server.
  function prefillFromQuery() {
    var names = fieldNames();
    var fragment = location.hash.indexOf("=") > 0 ? location.hash.slice(1) : "";
    var params = new URLSearchParams(location.search);
    new URLSearchParams(fragment).forEach(function (value, name) { params.append(name, value); });
    var seen = [];
    params.forEach(function (value, name) {
      if (names.indexOf(name) < 0) return;
      if (seen.indexOf(name) < 0) { clearChoices([name]); seen.push(name); }
      setValue(name, value);
    });
  }

  /* ---- e-mail fallback ---- */
  function valuesByField() {
    var byName = {};
    userEntries().forEach(function (e) { (byName[e[0]] = byName[e[0]] || []).push(e[1]); });
    return byName;
  }

  function mailtoHref() {
    var byName = valuesByField();
    var body = fieldBoxes().map(function (box) {
      var values = byName[box.dataset.field] || [];
      return box.dataset.label + "\n" + (values.join(", ") || "-");
    }).concat(cfg.languageLine ? [cfg.languageLine] : []).join("\n\n");
    var email = cfg.email || "";
    return "mailto:" + email + "?subject=" + encodeURIComponent(cfg.subject || "") +
      "&body=" + encodeURIComponent(body + "\n");
  }

  function refreshMailtoLinks() {
    root.querySelectorAll("[data-lp-mailto]").forEach(function (a) { a.href = mailtoHref(); });
  }

  /* ---- validation and the error summary ---- */
  // What is wrong with one field's answer, as one whole sentence per case (word order differs
  // between languages, so no sentence is put together from pieces).
  function invalidAnswer(type, label) {
    var values = { label: label };
    if (type === "email") return lpT("\u201c{label}\u201d needs an e-mail address, like name@example.org.", values);
    if (type === "url") return lpT("\u201c{label}\u201d needs a web address starting with https://.", values);
    if (type === "number") return lpT("\u201c{label}\u201d needs a number.", values);
    if (type === "date") return lpT("\u201c{label}\u201d needs a date.", values);
    if (type === "tel") return lpT("\u201c{label}\u201d needs a phone number.", values);
    return lpT("\u201c{label}\u201d needs a valid answer.", values);
  }

  function problemFor(box) {
    var values = { label: box.dataset.label };
    var type = box.dataset.type;
    if (type === "radio" || type === "checkboxes") {
      var chosen = box.querySelector("input:checked");
      if (box.hasAttribute("data-required") && !chosen) {
        return type === "radio" ? lpT("Choose one answer for \u201c{label}\u201d.", values) : lpT("Choose at least one answer for \u201c{label}\u201d.", values);
      }
      return "";
    }
    var control = box.querySelector("input, select, textarea");
    if (type === "checkbox") return control.required && !control.checked ? lpT("Tick the box \u201c{label}\u201d to go on.", values) : "";
    var value = control.value.trim();
    if (control.required && value === "") {
      return type === "select" ? lpT("Choose an answer for \u201c{label}\u201d.", values) : lpT("Fill in \u201c{label}\u201d.", values);
    }
    if (value !== "" && !control.validity.valid) return invalidAnswer(type, box.dataset.label);
    return "";
  }

  function focusTarget(box) {
    return box.tagName === "FIELDSET" ? box.querySelector("input") : box.querySelector("input, select, textarea");
  }

  function clearErrors() {
    form.querySelectorAll(".lp-error").forEach(function (el) { el.remove(); });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) {
      el.removeAttribute("aria-invalid");
      var ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && !/-error$/.test(id); });
      if (ids.length) el.setAttribute("aria-describedby", ids.join(" ")); else el.removeAttribute("aria-describedby");
    });
    summaryList.textContent = "";
    hide(summary);
  }

  function markError(box, message) {
    var described = box.tagName === "FIELDSET" ? box : focusTarget(box);
    var id = (box.id || described.id) + "-error";
    var note = document.createElement("p");
    note.className = "lp-error";
    note.id = id;
    note.textContent = lpT("Error: {message}", { message: message });
    var anchor = box.querySelector("legend, label");
    if (box.dataset.type === "checkbox") box.appendChild(note);
    else anchor.insertAdjacentElement("afterend", note);
    described.setAttribute("aria-invalid", "true");
    var ids = (described.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    described.setAttribute("aria-describedby", [id].concat(ids).join(" "));
  }

  function validate() {
    clearErrors();
    var problems = [];
    fieldBoxes().forEach(function (box) {
      var message = problemFor(box);
      if (message) { markError(box, message); problems.push([focusTarget(box), message]); }
    });
    problems.forEach(function (p) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + p[0].id;
      a.textContent = p[1];
      a.addEventListener("click", function (event) { event.preventDefault(); p[0].focus(); });
      li.appendChild(a);
      summaryList.appendChild(li);
    });
    if (problems.length) { show(summary); summary.focus(); }
    return problems.length === 0;
  }

  /* ---- sending ---- */
  function requestFor() {
    var entries = sentEntries();
    var headers = { Accept: "application/json" };
    var body;
    if (cfg.encoding === "json") {
      var data = {};
      entries.forEach(function (e) {
        if (Object.prototype.hasOwnProperty.call(data, e[0])) data[e[0]] = [].concat(data[e[0]], e[1]);
        else data[e[0]] = e[1];
      });
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(data);
    } else {
      body = new URLSearchParams(entries);
    }
    return { method: "POST", headers: headers, body: body };
  }

  function succeeded() {
    store.clear();
    hide(draftBox);
    hide(failure);
    hide(form);
    show(success);
    success.focus();
  }

  function failed(reason) {
    failureReason.textContent = reason;
    refreshMailtoLinks();
    status.textContent = "";
    show(failure);
    failure.focus();
  }

  function send() {
    if (sending) return;
    sending = true;
    hide(failure);
    status.textContent = lpT("Sending your message\u2026");
    submitButton.setAttribute("aria-disabled", "true");
    fetch(form.action, requestFor()).then(function (response) {
      if (response.ok) succeeded();
      else failed(lpT("The form service answered with an error ({status}), so we cannot be sure your message arrived.", { status: response.status }));
    }, function () {
      failed(lpT("Your message could not reach the form service. The connection may have dropped."));
    }).then(function () {
      sending = false;
      submitButton.removeAttribute("aria-disabled");
    });
  }

  function openMail() {
    var href = mailtoHref();
    refreshMailtoLinks();
    show(success);
    success.focus();
    window.location.href = href;
  }

  function onSubmit(event) {
    event.preventDefault();
    if (sending) return;
    hide(failure);
    status.textContent = "";
    if (!validate()) return;
    var trap = cfg.honeypot ? form.elements.namedItem(cfg.honeypot) : null;
    if (trap && trap.value !== "") {
      failed(lpT("A hidden field meant to catch automated messages was filled in (sometimes a browser's autofill does this), so nothing was sent."));
      return;
    }
    var elapsed = (Date.now() - loadedAt) / 1000;
    if (elapsed < minSeconds) {
      status.textContent = lpT("That was quicker than a person usually takes, so nothing was sent yet. Please check your message, then press the button again.");
      return;
    }
    if (cfg.kind === "mailto") openMail();
    else send();
  }

  /* ---- wiring ---- */
  form.noValidate = true;
  restoreDraft();
  prefillFromQuery();
  form.addEventListener("input", saveDraft);
  form.addEventListener("change", saveDraft);
  form.addEventListener("submit", onSubmit);
  part("retry").addEventListener("click", function () { if (validate()) send(); });
  root.querySelectorAll("[data-lp-discard]").forEach(function (button) {
    button.addEventListener("click", function () {
      store.clear();
      form.reset();
      clearErrors();
      hide(draftBox);
      hide(success);
      var first = form.querySelector("[data-field] input, [data-field] select, [data-field] textarea");
      if (first) first.focus();
    });
  });
  root.querySelectorAll("[data-lp-mailto]").forEach(function (a) {
    a.addEventListener("click", function () { a.href = mailtoHref(); });
  });
})();
