"""LEAD Portal: turns YAML records and Markdown pages into a static resource portal."""

from __future__ import annotations

__version__ = "0.1.0"
