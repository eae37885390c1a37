"""Compiled Jinja templates kept between builds, in the same cache folder as the place tables.

Every build makes new Jinja environments (MkDocs makes one for the theme, we make one for the
generated page bodies), and compiling Material's templates and ours costs about half a second
each time. Jinja's `FileSystemBytecodeCache` keeps the compiled code of each template under
the template's name and checks the source's hash and Python's version before it uses it, and
it writes by temporary file and rename, so builds running at once share it safely. Where no
cache folder can be made, templates are compiled as before.
"""

from __future__ import annotations

import sys
from functools import cache

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache

from leadportal.places.place_cache import cache_root


@cache
def bytecode_cache() -> BytecodeCache | None:
    root = cache_root()
    if root is None:
        return None
    folder = root / "jinja" / f"py{sys.version_info.major}{sys.version_info.minor}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def keep_compiled(env: Environment) -> None:
    """Let `env` reuse templates compiled by an earlier build (before it loads any)."""
    if env.bytecode_cache is None:
        env.bytecode_cache = bytecode_cache()
