"""Which geocoder `leadportal geocode` asks: Nominatim (OpenStreetMap) or the offline one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from geopy.exc import ConfigurationError
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder

from leadportal.places.offline_geocoder import OfflineGeocoder
from leadportal.records.settings import Settings

GEOCODERS = ("nominatim", "offline")
# Nominatim's usage policy allows one request a second; the offline data has no limit.
MIN_SECONDS_BETWEEN_REQUESTS = {"nominatim": 1.0, "offline": 0.0}
# Sample agents from geopy's documentation: they identify nobody.
SAMPLE_USER_AGENTS = {
    "my-application",
    "my_app/1",
    "my_user_agent/1.0",
    "specify_your_app_name_here",
}
USER_AGENT_HINT = (
    "set `geocoder_user_agent:` under the leadportal plugin in mkdocs.yml to a name and a way "
    'to reach you, e.g. "lead-portal/1.0 (bureau@example.org)", '
    "or run `leadportal geocode --offline` to use the packaged US places instead"
)

AdapterFactory = Callable[..., Any]


class GeocoderSetupError(ValueError):
    """The settings do not allow asking this geocoder; the message says what to change."""


def check_user_agent(user_agent: str) -> str:
    agent = user_agent.strip()
    if not agent:
        raise GeocoderSetupError(
            f"Nominatim needs a user agent that identifies you: {USER_AGENT_HINT}"
        )
    if agent.lower().startswith("geopy") or agent in SAMPLE_USER_AGENTS:
        raise GeocoderSetupError(
            f'"{agent}" is a default or sample user agent, which Nominatim\'s usage policy '
            f"refuses: {USER_AGENT_HINT}"
        )
    return agent


def split_domain(domain: str) -> tuple[str, str]:
    """ "https://nominatim.example.org/" -> ("https", "nominatim.example.org")."""
    scheme, _, rest = domain.strip().rpartition("://")
    return scheme or "https", rest.strip("/")


def nominatim(settings: Settings, adapter_factory: AdapterFactory | None = None) -> Geocoder:
    scheme, domain = split_domain(settings.geocoder_domain)
    try:
        return Nominatim(
            user_agent=check_user_agent(settings.geocoder_user_agent),
            domain=domain,
            scheme=scheme,
            timeout=settings.geocoder_timeout,
            adapter_factory=adapter_factory,
        )
    except ConfigurationError as error:
        raise GeocoderSetupError(f"cannot use Nominatim: {error}") from None


def make_geocoder(
    kind: str, settings: Settings, adapter_factory: AdapterFactory | None = None
) -> Geocoder:
    """The geocoder named `kind`; GeocoderSetupError when the settings don't allow it."""
    if kind == "offline":
        return OfflineGeocoder()
    if kind == "nominatim":
        return nominatim(settings, adapter_factory)
    raise GeocoderSetupError(
        f'unknown geocoder "{kind}": set `geocoder:` to {" or ".join(GEOCODERS)}'
    )
