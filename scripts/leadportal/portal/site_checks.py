"""How long ago each site's details were verified, and the build warnings about it.

A site with an empty `last_verified` is shown as "Not yet verified" and gives no warning; one
verified longer ago than `stale_after_months` gives a warning at its `last_verified` line.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from leadportal.portal.model import SiteEntry
from leadportal.records.loaded import Loaded
from leadportal.records.models import Site
from leadportal.records.problems import REMINDER, Problem
from leadportal.records.settings import Settings

# Slugs whose page would take the address of another page below /sites/.
RESERVED_SLUGS = ("index", "map", "stages", "states", "summary")


@dataclass(frozen=True)
class Verification:
    """When a site's details were last checked with the site, as of the build day."""

    on: dt.date | None
    months: int = 0
    stale: bool = False

    @property
    def age(self) -> str:
        """`less than a month ago`, `1 month ago`, `14 months ago`."""
        if self.months < 1:
            return "less than a month ago"
        return "1 month ago" if self.months == 1 else f"{self.months} months ago"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or the month's last day, when it is shorter)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from `earlier` to `later`; 0 when `later` is not after it."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def verification(entry: SiteEntry, today: dt.date, stale_after_months: int) -> Verification:
    verified = entry.site.last_verified
    if verified is None:
        return Verification(None)
    return Verification(
        verified,
        months_between(verified, today),
        add_months(verified, stale_after_months) < today,
    )


def stale_sites(sites: Iterable[Loaded[Site]], settings: Settings) -> Iterator[Problem]:
    """A reminder for every public site verified longer ago than `stale_after_months`."""
    limit = settings.stale_after_months
    for site in sites:
        if not site.record.public:
            continue
        entry = SiteEntry(site.slug, site.path, site.record)
        checked = verification(entry, settings.today, limit)
        if not checked.stale or checked.on is None:
            continue
        line, column = site.parsed.where(("last_verified",))
        yield Problem(
            entry.path,
            line,
            column,
            "last_verified",
            f"the details were last verified {checked.age} ({checked.on.isoformat()}), "
            f"longer ago than {limit} months",
            "check them with the site, correct what changed and set last_verified to that day;"
            " this does not stop the build",
            severity=REMINDER,
        )


def reserved_slugs(sites: Iterable[Loaded[Site]]) -> Iterator[Problem]:
    """An error for a site whose page would replace another page below /sites/ (the map too)."""
    for entry in sites:
        if entry.slug in RESERVED_SLUGS:
            yield Problem(
                entry.path,
                message=f"the file name '{entry.slug}' is taken by the portal's own "
                f"/sites/{entry.slug}/ page",
                hint="rename the file, e.g. after the site's city or county",
            )
