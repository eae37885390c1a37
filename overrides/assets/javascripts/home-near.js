/* The home page's "Find LEAD near you": opens the sites list sorted by distance from the place
   typed, kept after the `#` of the address (sites/#near=Seattle%2C+WA), which browsers never
   send to a server. Without this script the form opens the plain list. */
(function () {
  "use strict";

  const form = document.querySelector("[data-lp-home-near]");
  if (!form) {
    return;
  }
  form.addEventListener("submit", function (event) {
    const place = form.querySelector("input").value.trim();
    if (!place) {
      return; // nothing typed: the list, in the order by name
    }
    event.preventDefault();
    location.href = form.action.split("#")[0] + "#" + new URLSearchParams({ near: place }).toString();
  });
})();
