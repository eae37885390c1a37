"""The HTML site map and robots.txt (MkDocs writes sitemap.xml)."""
