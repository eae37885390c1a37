"""Directory-style URLs and the relative links between them (raw HTML is never rewritten)."""

from __future__ import annotations

import posixpath

from leadportal.records.language import ENGLISH


def page_url(src_path: str) -> str:
    """`sites/seattle.md` -> `sites/seattle/`; `sites/index.md` -> `sites/`; `index.md` -> ``."""
    stem = src_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both relative to the site root."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    target, _, fragment = to_url.partition("#")
    # Both from the site root ("/"), so relpath never asks the OS for the working directory
    # (it did 90,000 times in a build of 5,000 sites).
    path = posixpath.relpath("/" + (target or "."), "/" + (base or "."))
    if (target.endswith("/") or not target) and path != ".":
        path += "/"
    elif path == ".":
        path = "./"
    return path + (f"#{fragment}" if fragment else "")


def in_root(language: str, url: str) -> str:
    """A page's address from the root of the whole portal: other languages live in /<code>/."""
    return url if language == ENGLISH else f"{language}/{url}"


def link_to_shared(here: str, target: str, language: str) -> str:
    """A link from a page to a file only the English build writes (open data, a document's
    file, a feed): a page in another language lives under /<language>/, one level down."""
    return relative_url(in_root(language, here), target)
