"""The `leadportal geocode` command: records in, cache file out, a line per place and a summary.

The cache is rewritten after every place found rather than once at the end: Nominatim
answers one place a second, so a long run that is interrupted (Ctrl-C, a lost network, a
crash) keeps every place it already paid for, and each rewrite is atomic
(`geocache.write_cache`), so the file on disk is always a whole cache, old or new.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from geopy.geocoders.base import Geocoder

from leadportal.places.geocache import CachedPlace, read_cache, write_cache
from leadportal.places.geocode_run import (
    Answer,
    Ask,
    Pacer,
    answers,
    ask,
    failure_problems,
    places_to_ask,
)
from leadportal.places.geocoders import (
    MIN_SECONDS_BETWEEN_REQUESTS,
    AdapterFactory,
    GeocoderSetupError,
    make_geocoder,
)
from leadportal.records.loader import load_records
from leadportal.records.problems import Problem
from leadportal.records.settings import Settings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class Request:
    kind: str  # "nominatim" or "offline"
    refresh: bool = False
    dry_run: bool = False


def print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def dry_run(asks: Sequence[Ask], kind: str) -> int:
    for item in asks:
        print(f'would ask {kind}: "{item.query}" for {", ".join(item.paths)}')
    print(f"{len(asks)} place(s) to ask; nothing was asked or written (--dry-run)")
    return EXIT_OK


def summary(results: Sequence[tuple[Ask, Answer]], kind: str, cache: str) -> str:
    found = [item for item, answer in results if answer.place]
    lost = [path for item, answer in results if not answer.place for path in item.paths]
    text = f"{kind}: found {len(found)} of {len(results)} place(s), written to {cache}"
    if lost:
        text += f"; {len(lost)} site(s) still without coordinates (see above)"
    return text


def run_geocode(
    settings: Settings,
    request: Request,
    *,
    adapter_factory: AdapterFactory | None = None,
    pacer: Pacer | None = None,
) -> int:
    """The whole command; `adapter_factory` and `pacer` let tests run it without a network
    or a real clock."""
    records = load_records(settings)
    if records.errors:
        print_problems(records.errors)
        print("fix these problems first: nothing was asked", file=sys.stderr)
        return EXIT_PROBLEMS
    cache_path = settings.root / settings.geocode_cache
    cache, unreadable = read_cache(cache_path, settings.geocode_cache, settings.root)
    print_problems(unreadable)  # then every place is asked again and the file rewritten
    asks = places_to_ask(records.sites, cache, request.refresh)
    if request.dry_run:
        return dry_run(asks, request.kind)
    if not asks:
        print("every public site has coordinates; nothing to ask")
        return EXIT_OK
    try:
        geocoder = make_geocoder(request.kind, settings, adapter_factory)
    except GeocoderSetupError as error:
        print(f"not asked: {error}", file=sys.stderr)
        return EXIT_USAGE
    pacer = pacer or Pacer(MIN_SECONDS_BETWEEN_REQUESTS.get(request.kind, 1.0))
    return ask_and_save(asks, geocoder, pacer, settings, dict(cache), request.kind)


def ask_and_save(
    asks: Sequence[Ask],
    geocoder: Geocoder,
    pacer: Pacer,
    settings: Settings,
    places: dict[str, CachedPlace],
    kind: str,
) -> int:
    """Ask for each place, saving the cache after each one found; report each failure."""
    cache_path = settings.root / settings.geocode_cache
    results = []

    def ask_one(query: str) -> Answer:
        timeout, retries = settings.geocoder_timeout, settings.geocoder_retries
        return ask(geocoder, query, pacer, retries=retries, timeout=timeout, source=kind)

    for item, answer in answers(asks, ask_one):
        results.append((item, answer))
        if not answer.place:
            print_problems(failure_problems(item, answer))
            continue
        places[item.query] = answer.place
        try:
            write_cache(cache_path, places)
        except OSError as error:
            kept = f"{settings.geocode_cache}: not written, left as it was ({error})"
            print(kept, file=sys.stderr)
            return EXIT_PROBLEMS
        print(answer.line)
    print(summary(results, kind, settings.geocode_cache))
    return EXIT_OK if all(answer.place for _, answer in results) else EXIT_PROBLEMS
