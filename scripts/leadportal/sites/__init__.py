"""Participating sites: the /sites/ directory, one page per site, state and summary pages, the
map document and its vendored Leaflet files."""
