"""Open data: sites and documents as JSON, GeoJSON and CSV, the HSDS 3 export, the sites feed
and the /data/ page that describes them."""
