"""The build date that data files carry: reproducible, never the clock of the build machine.

SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/) wins when set;
otherwise the portal's `today`, so two builds on the same day give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from leadportal.records.settings import Settings


def build_date(settings: Settings, environ: Mapping[str, str] | None = None) -> dt.date:
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return settings.today


def iso_midnight(day: dt.date) -> str:
    """A date as an RFC 3339 timestamp at midnight UTC (Atom and Data Package want date-times)."""
    return f"{day.isoformat()}T00:00:00Z"
