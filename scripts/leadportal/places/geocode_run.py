"""`leadportal geocode`: ask a geocoder for the places of sites without coordinates.

Only public sites are asked: the cache is committed and published with the repository, so
the place of a `public: false` site must not appear in it (nor be sent to a web service).
Each place is asked once however many sites share it, requests start at least
`min_seconds` apart, timeouts and an unavailable service are retried a bounded number of
times, and every failure comes back as an `Answer` with what went wrong: nothing is
swallowed. The cache is rewritten (atomically) after every success, so an interrupted run
keeps what it learned; site records are only ever read.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from geopy.exc import (
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderQuotaExceeded,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)
from geopy.geocoders.base import Geocoder

from leadportal.places.geocache import CachedPlace, place_query
from leadportal.records.loaded import Loaded
from leadportal.records.models import Site
from leadportal.records.problems import Problem

# Worth another try: the service was slow, down for a moment, or asked us to slow down.
RETRIED = (GeocoderTimedOut, GeocoderUnavailable, GeocoderRateLimited)
# The service refuses us, not the place: asking for the next places would only be refused too.
REFUSALS = (GeocoderAuthenticationFailure, GeocoderInsufficientPrivileges, GeocoderQuotaExceeded)
WHAT_FAILED = {
    GeocoderTimedOut: "no answer in time",
    GeocoderUnavailable: "service unavailable",
    GeocoderRateLimited: "too many requests",
    GeocoderAuthenticationFailure: "not allowed (check geocoder_user_agent)",
    GeocoderInsufficientPrivileges: "refused (check geocoder_user_agent)",
    GeocoderQuotaExceeded: "quota exceeded",
}


@dataclass(frozen=True)
class Ask:
    """A place to ask for, and the site files that share it."""

    query: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class Answer:
    query: str
    place: CachedPlace | None = None
    failure: str = ""  # why there is no place: no match, an error after retries, ...
    service_failed: bool = False  # the service, not the place, failed: stop asking

    @property
    def line(self) -> str:
        if self.place:
            where = f"{self.place.lat:.5f}, {self.place.lon:.5f}"
            return f'"{self.query}" -> {self.place.label} ({where})'
        return f'"{self.query}": {self.failure}'


@dataclass
class Pacer:
    """Starts of requests at least `min_seconds` apart (clock and sleep are injectable)."""

    min_seconds: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _next: float | None = field(default=None, init=False)

    def wait(self) -> None:
        now = self.clock()
        if self._next is not None and now < self._next:
            self.sleep(self._next - now)
        self._next = max(now, self._next or now) + self.min_seconds

    def hold(self, seconds: float) -> None:
        """Start the next request no sooner than `seconds` from now (a Retry-After)."""
        self._next = max(self._next or 0.0, self.clock() + seconds)


def needs_asking(loaded: Loaded[Site], cache: Mapping[str, CachedPlace], refresh: bool) -> bool:
    site = loaded.record
    if not site.public or site.location is not None:
        return False
    return refresh or place_query(site) not in cache


def places_to_ask(
    sites: Iterable[Loaded[Site]], cache: Mapping[str, CachedPlace], refresh: bool = False
) -> list[Ask]:
    """One Ask per place that a public site without `location` needs, sorted by query."""
    paths: dict[str, list[str]] = {}
    for loaded in sites:
        if needs_asking(loaded, cache, refresh):
            paths.setdefault(place_query(loaded.record), []).append(loaded.path)
    return [Ask(query, tuple(sorted(found))) for query, found in sorted(paths.items())]


def what_failed(error: GeocoderServiceError) -> str:
    label = next((text for kind, text in WHAT_FAILED.items() if isinstance(error, kind)), "")
    return f"{label}: {error}" if label else f"error: {error}"


def ask(
    geocoder: Geocoder, query: str, pacer: Pacer, *, retries: int, timeout: float, source: str
) -> Answer:
    """The geocoder's answer for `query`, after at most `retries` further tries."""
    for attempt in range(retries + 1):
        pacer.wait()
        try:
            location = geocoder.geocode(query, exactly_one=True, timeout=timeout)
        except RETRIED as error:
            if attempt < retries:
                if isinstance(error, GeocoderRateLimited) and error.retry_after:
                    pacer.hold(error.retry_after)
                continue
            tries = f" (tried {retries + 1} times)"
            return Answer(query, failure=what_failed(error) + tries, service_failed=True)
        except GeocoderServiceError as error:
            failed = isinstance(error, REFUSALS)
            return Answer(query, failure=what_failed(error), service_failed=failed)
        if location is None:
            return Answer(query, failure=f"{source} knows no such place")
        label = str(location.address or "")
        return Answer(query, CachedPlace(location.latitude, location.longitude, source, label))
    raise AssertionError("unreachable: the last try returns")


def answers(asks: Sequence[Ask], ask_one: Callable[[str], Answer]) -> Iterator[tuple[Ask, Answer]]:
    """Each Ask with its answer; once the service fails us, the rest are not asked."""
    stopped = ""
    for item in asks:
        if stopped:
            yield item, Answer(item.query, failure=f"not asked: {stopped}", service_failed=True)
            continue
        answer = ask_one(item.query)
        if answer.service_failed:
            stopped = f'the service failed on "{answer.query}"'
        yield item, answer


def failure_problems(item: Ask, answer: Answer) -> list[Problem]:
    """One line per site file left without coordinates, naming the query that failed."""
    hint = (
        "run `leadportal geocode` again later, or `leadportal geocode --offline`"
        if answer.service_failed
        else "check the city, county and state, or set `location: {lat: …, lon: …}` in the record"
    )
    message = f'no coordinates for "{answer.query}": {answer.failure}'
    return [Problem(path, field="jurisdiction", message=message, hint=hint) for path in item.paths]
