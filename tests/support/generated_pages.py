"""Reading the pages `generate()` made: a page's meta and body, and the words a reader sees."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from leadportal.build.generate import Generated
from leadportal.render.outputs import page_meta, split_page


def output(result: Generated, path: str) -> tuple[dict[str, Any], str]:
    """(meta, body) of a generated page."""
    found = [o for o in result.outputs if o.path == path]
    assert found, f"{path} was not generated"
    front, body = split_page(str(found[0].content))
    return page_meta(front), body


def words(html: str) -> str:
    """What a reader sees: the text without tags and attributes."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())
