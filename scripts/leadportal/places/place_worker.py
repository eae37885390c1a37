"""The near-me place tables, built in a second process while this one builds everything else.

The tables (`place_table`) cost about 1.4 s a build whatever the number of sites, mostly in
loading the ZIP code and city data, and they do not depend on the records. `generate()` starts
this module as a child process (`python -m leadportal.places.place_worker`) before it loads the
records and takes the tables from it when the sites list needs them. Where that cannot help
(one core) or fails in any way, the tables are built in this process as before: the result
is the same text.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from leadportal.places import place_table

WAIT_SECONDS = 120  # far above the ~2 s the worker takes; a stuck worker is replaced, not awaited

_running: subprocess.Popen[bytes] | None = None
_received: dict[str, str] | None = None


def start_place_files() -> None:
    """Start the worker, unless the tables are already at hand or there is no second core."""
    global _running
    if _running is not None or _received is not None or (os.cpu_count() or 1) < 2:
        return
    if not sys.executable:  # an embedded interpreter: nothing to start
        return
    if place_table.place_files.cache_info().currsize:
        return
    package_parent = str(Path(__file__).resolve().parent.parent)
    path = os.pathsep.join(p for p in (package_parent, os.environ.get("PYTHONPATH")) if p)
    try:
        _running = subprocess.Popen(
            [sys.executable, "-m", "leadportal.places.place_worker"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": path},
        )
    except OSError:
        _running = None


def stop_place_files() -> None:
    """End a worker whose tables were not asked for (the build stopped on a problem)."""
    global _running
    process, _running = _running, None
    if process is not None and process.poll() is None:
        process.kill()
    if process is not None:
        process.communicate()


def place_files() -> dict[str, str]:
    """File name -> text of both tables: the worker's, or built here."""
    global _running, _received
    process, _running = _running, None
    if process is not None:
        _received = _collect(process)
    return _received if _received is not None else place_table.place_files()


def _collect(process: subprocess.Popen[bytes]) -> dict[str, str] | None:
    try:
        out, _ = process.communicate(timeout=WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return None
    if process.returncode != 0:
        return None
    try:
        tables = json.loads(out)
    except ValueError:
        return None
    expected = {place_table.PLACES_FILE, place_table.ZIP_FILE}
    if not isinstance(tables, dict) or set(tables) != expected:
        return None
    return {name: str(tables[name]) for name in (place_table.PLACES_FILE, place_table.ZIP_FILE)}


def main() -> None:
    sys.stdout.write(json.dumps(place_table.place_files()))


if __name__ == "__main__":
    main()
