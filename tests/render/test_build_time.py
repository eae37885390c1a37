from __future__ import annotations

import datetime as dt
from pathlib import Path

from leadportal.records.settings import Settings
from leadportal.render.build_time import build_date

SETTINGS = Settings(root=Path("."), docs_dir=Path("docs"), today=dt.date(2026, 11, 26))


def test_source_date_epoch_wins() -> None:
    assert build_date(SETTINGS, {"SOURCE_DATE_EPOCH": "1700000000"}) == dt.date(2023, 11, 14)


def test_without_source_date_epoch_the_portal_today() -> None:
    assert build_date(SETTINGS, {}) == dt.date(2026, 11, 26)
    assert build_date(SETTINGS, {"SOURCE_DATE_EPOCH": "not a number"}) == dt.date(2026, 11, 26)
