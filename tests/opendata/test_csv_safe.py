from __future__ import annotations

import csv
import io

import pytest

from leadportal.opendata.csv_safe import csv_text, neutralise, restore


@pytest.mark.parametrize(
    "text", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'already quoted", "'=1"]
)
def test_formula_like_cells_get_one_quote_and_come_back(text: str) -> None:
    safe = neutralise(text)
    assert safe == "'" + text
    assert restore(safe) == text


@pytest.mark.parametrize("text", ["LEAD", "", "1+1", "a=b", " =x", "O'Brien"])
def test_ordinary_cells_are_unchanged(text: str) -> None:
    assert neutralise(text) == text
    assert restore(neutralise(text)) == text


def test_numbers_are_written_as_numbers_even_when_negative() -> None:
    text = csv_text(["lat", "lon", "name"], [[42.5, -73.75, "-x"]], safe=True, bom=False)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["lat", "lon", "name"], ["42.5", "-73.75", "'-x"]]


def test_bom_and_crlf() -> None:
    text = csv_text(["a"], [["x\ny"]], safe=False, bom=True)
    assert text == '\ufeffa\r\n"x\ny"\r\n'
