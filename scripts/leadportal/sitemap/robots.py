"""robots.txt: everything may be indexed; it names the sitemap.xml of each language's build."""

from __future__ import annotations

from collections.abc import Iterator

from leadportal.portal.model import Portal
from leadportal.render.outputs import Output


def robots_txt(portal: Portal) -> Iterator[Output]:
    lines = ["User-agent: *", "Allow: /"]
    site_url = portal.settings.site_url
    if site_url:
        # The Sitemap line must be an absolute URL; without site_url MkDocs writes no usable one.
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
        # Each other language's build writes its own, below /<language>/.
        lines += [
            f"Sitemap: {site_url.rstrip('/')}/{code}/sitemap.xml"
            for code in sorted(portal.settings.translations)
        ]
    yield Output("robots.txt", "\n".join(lines) + "\n")
