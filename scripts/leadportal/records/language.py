"""The portal's first language, and record prose that has no translation yet."""

from __future__ import annotations

ENGLISH = "en"


class EnglishText(str):
    """Record prose shown in English on a page in another language (no translation yet)."""
