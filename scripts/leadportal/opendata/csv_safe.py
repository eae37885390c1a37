"""CSV that spreadsheet programs open safely: formula cells neutralised, reversibly.

The rule: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (what
spreadsheet programs read as the start of a formula), or with a single quote, gets one single
quote in front. `restore` removes exactly that quote, so nothing is lost. Numbers (coordinates)
are written as numbers and never prefixed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
BOM = "\ufeff"

Cell = str | int | float | None


def neutralise(text: str) -> str:
    return QUOTE + text if text.startswith((*FORMULA_STARTS, QUOTE)) else text


def restore(text: str) -> str:
    """The original text of a neutralised cell (the inverse of `neutralise`)."""
    return text[1:] if text.startswith(QUOTE) else text


def cell_text(value: Cell, *, safe: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return neutralise(value) if safe else value


def csv_text(
    header: Sequence[str], rows: Iterable[Sequence[Cell]], *, safe: bool, bom: bool
) -> str:
    """CSV per RFC 4180 (CRLF line ends); `safe` neutralises formulas, `bom` marks UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell_text(value, safe=safe) for value in row])
    return (BOM if bom else "") + buffer.getvalue()
