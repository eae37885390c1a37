"""The vendored editor (Sveltia CMS) and its fonts, published under /admin/vendor/.

The editor's script is the npm package's file, unchanged on disk. It names three fonts by
their address on a CDN; the published copy points them at the vendored font files instead,
so the editor's page asks no other host for anything and its policy can say `font-src 'self'`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable

from leadportal.render.outputs import Output

VENDOR_DIR = "admin/vendor"
EDITOR_SCRIPT = "sveltia-cms/sveltia-cms.js"
FONTS = "fonts"
# url(https://<cdn>/fontsource/fonts/<family>[:vf]@<version>/<subset>.woff2)
FONT_URL = re.compile(
    r"url\((https://[^)\s]+/fontsource/fonts/([a-z0-9-]+)(?::vf)?@[^/)]+/([^)]+))\)"
)


def vendor_folder() -> Traversable:
    return resources.files("leadportal.admin") / "assets" / "vendor"


def font_file(family: str, subset: str) -> str:
    """The name fontsource's npm package gives the file the CDN serves."""
    return f"{family}-{subset}"


def local_fonts(script: str, fonts_url: str) -> str:
    """The script with every fontsource CDN address replaced by `fonts_url` + the file name."""
    return FONT_URL.sub(lambda match: f"url({fonts_url}{font_file(match[2], match[3])})", script)


def fonts_named(script: str) -> list[str]:
    """The font files the script asks for (the vendored folder must hold each)."""
    return [font_file(match[2], match[3]) for match in FONT_URL.finditer(script)]


def editor_script() -> str:
    """The published script: fonts from ./vendor/fonts/ (style sheets resolve URLs against
    the editor's page, /admin/)."""
    script = (vendor_folder() / EDITOR_SCRIPT).read_text(encoding="utf-8")
    return local_fonts(script, f"vendor/{FONTS}/")


def vendor_outputs() -> Iterator[Output]:
    """Every vendored file, licences and version notes included; the script with local fonts."""
    for folder in sorted(vendor_folder().iterdir(), key=lambda item: item.name):
        if not folder.is_dir():
            continue
        for item in sorted(folder.iterdir(), key=lambda item: item.name):
            path = f"{folder.name}/{item.name}"
            content: str | bytes = editor_script() if path == EDITOR_SCRIPT else item.read_bytes()
            yield Output(f"{VENDOR_DIR}/{path}", content)
