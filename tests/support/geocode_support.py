"""A fake Nominatim for the geocoding tests: canned JSON through geopy's adapter interface,
a fake clock, and small portals of sites without `location`. No network anywhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter

from leadportal.places.geocode_run import Pacer
from leadportal.records.settings import Settings

SEATTLE = [
    {
        "lat": "47.6038321",
        "lon": "-122.330062",
        "display_name": "Seattle, King County, Washington, United States",
    }
]
OLYMPIA = [{"lat": "47.0451022", "lon": "-122.8950075", "display_name": "Olympia, Washington"}]


@dataclass
class FakeClock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds >= 0
        self.now += seconds

    def pacer(self, min_seconds: float = 1.0) -> Pacer:
        return Pacer(min_seconds, clock=self, sleep=self.sleep)


@dataclass(frozen=True)
class Request:
    url: str
    headers: dict[str, str]
    timeout: float
    at: float

    @property
    def query(self) -> str:
        return parse_qs(urlsplit(self.url).query)["q"][0]


def http_error(status: int, text: str = "") -> AdapterHTTPError:
    return AdapterHTTPError(
        f"Non-successful status code {status}", status_code=status, headers={}, text=text
    )


@dataclass
class FakeNominatim(BaseSyncAdapter):  # type: ignore[misc]  # geopy is untyped
    """Answers each query from `script` (a list of answers, used in turn: JSON or an
    exception to raise), and records every request with the time the fake clock showed."""

    clock: FakeClock
    script: dict[str, list[Any]]
    requests: list[Request] = field(default_factory=list)

    def __call__(self, **options: Any) -> FakeNominatim:  # geopy's adapter_factory
        return self

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        request = Request(url, dict(headers), timeout, self.clock())
        self.requests.append(request)
        answers = self.script.get(request.query) or [[]]
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        raise AssertionError("Nominatim asks for JSON")


SiteFiles = dict[str, str]


def site_text(city: str, state: str, extra: str = "") -> str:
    place = f"jurisdiction: {{city: {city}, state: {state}}}\n"
    return f"name: {city} LEAD\nstage: operating\n{place}{extra}"


def small_portal(root: Path, sites: SiteFiles, **options: Any) -> Settings:
    """A portal of the given site records (file name -> text) and a bare mkdocs.yml."""
    (root / "sites").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text("site_name: Test\n", encoding="utf-8")
    for name, text in sites.items():
        (root / "sites" / name).write_text(text, encoding="utf-8")
    values: dict[str, Any] = {"geocoder_user_agent": "lead-portal-tests/1 (tests@example.org)"}
    values.update(options)
    return Settings(root=root, docs_dir=root / "docs", **values)


def file_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
