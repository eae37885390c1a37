"""The portal's first language, and record prose that has no translation yet."""

from __future__ import annotations

ENGLISH = "en"
# A language as a key of `translations:`, in records and in mkdocs.yml's glossary.
LANGUAGE_CODE = r"^[a-z]{2,3}$"


class EnglishText(str):
    """Record prose shown in English on a page in another language (no translation yet)."""
