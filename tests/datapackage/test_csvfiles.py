"""CSV for machines keeps every value exactly; CSV for spreadsheets neutralises formulas."""

from __future__ import annotations

import csv
import doctest
import io

import pytest

from partnerscope.datapackage import csvfiles
from partnerscope.datapackage.csvfiles import FORMULA_STARTS, CsvWriter, spreadsheet_cell

FORMULAS = ['=HYPERLINK("http://x")', "+1+cmd", "-1+cmd", "@SUM(A1)", "\tTAB", "\rCR"]


def written(rows, *, for_spreadsheets):
    out = io.StringIO()
    CsvWriter(out, for_spreadsheets=for_spreadsheets).writerows(rows)
    return out.getvalue()


def read_back(text):
    return list(csv.reader(io.StringIO(text, newline="")))


def test_the_examples_run():
    assert doctest.testmod(csvfiles).failed == 0


def test_the_rule_covers_owasps_characters():
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}


@pytest.mark.parametrize("text", FORMULAS)
def test_text_that_starts_a_formula_gets_a_leading_quote(text):
    assert spreadsheet_cell(text) == "'" + text
    assert read_back(written([[text]], for_spreadsheets=True)) == [["'" + text]]


@pytest.mark.parametrize("text", ["", "Title", " =padded", "a=b", "'quoted", "NI 15"])
def test_other_text_is_left_alone(text):
    assert spreadsheet_cell(text) == text


def test_numbers_stay_numbers():
    assert written([[-3.5, -2, 0.1 + 0.2, True]], for_spreadsheets=True) == (
        "-3.5,-2,0.30000000000000004,True\n"
    )


def test_the_machine_file_keeps_every_value_exactly():
    rows = [[text, -3.5] for text in FORMULAS]
    assert read_back(written(rows, for_spreadsheets=False)) == [[text, "-3.5"] for text in FORMULAS]


def test_a_carriage_return_inside_a_cell_stays_on_its_row():
    text = written([["a\rb", 1], ["plain", 2]], for_spreadsheets=False)
    assert text == '"a\rb","1"\nplain,2\n'
    assert read_back(text) == [["a\rb", "1"], ["plain", "2"]]
