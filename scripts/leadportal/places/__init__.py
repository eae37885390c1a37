"""Places: US places and states, the geocoders and the committed geocode cache, and the near-me
place tables."""
