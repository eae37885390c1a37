/* The page's <link rel="alternate" hreflang> elements are for search engines; browsers have
   no use for them. Material's script fetches a sitemap.xml beside every alternate link it
   finds (meant for links to a language's root, ours lead to the same page in the other
   language), which is a 404 on the portal's own host and a blocked request anywhere else
   (a preview, a local build). This runs before Material's script and takes them out of the
   live page; the switcher's own links are plain links and need nothing from that script. */
(function () {
  "use strict";
  document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
    link.remove();
  });
})();
