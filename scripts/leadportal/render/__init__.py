"""The rendering kit every output family shares: outputs, relative URLs, the Jinja environment,
safe Markdown, dates, facet counting, shared assets, the build time and Content-Security-Policy."""
