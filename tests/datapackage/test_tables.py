"""The shared CSV reader: typed columns and every error located as file:row:column."""

from __future__ import annotations

import pytest

from partnerscope.datapackage.tables import (
    Column,
    TableErrors,
    choice,
    integer_between,
    number,
    read_table,
    text,
)

COLUMNS = [
    Column("name", text),
    Column("score", integer_between(1, 5)),
    Column("weight", number, required=False, default=1.0),
    Column("colour", choice("red", "amber", "green"), required=False),
]


def write(tmp_path, content: str):
    path = tmp_path / "input.csv"
    path.write_text(content, encoding="utf-8")
    return path


def test_reads_typed_rows_with_defaults_and_row_numbers(tmp_path):
    path = write(tmp_path, "name,score,weight,colour,extra\nA,3,,red, kept \n\nB,5,2.5,,x\n")
    rows = read_table(path, COLUMNS, row_number_key="_row")
    assert rows == [
        {"name": "A", "score": 3, "weight": 1.0, "colour": "red", "extra": "kept", "_row": 2},
        {"name": "B", "score": 5, "weight": 2.5, "colour": None, "extra": "x", "_row": 4},
    ]


def test_every_error_is_reported_with_file_row_and_column(tmp_path):
    path = write(tmp_path, "name,score,colour\n,9,blue\nC,x,green\n")
    with pytest.raises(TableErrors) as caught:
        read_table(path, COLUMNS, label="input.csv")
    assert [str(error) for error in caught.value.errors] == [
        "input.csv:2:name: must not be empty",
        "input.csv:2:score: 9 is not between 1 and 5",
        "input.csv:2:colour: 'blue' is not one of red, amber, green",
        "input.csv:3:score: 'x' is not a whole number",
    ]


def test_missing_column_and_missing_file(tmp_path):
    with pytest.raises(TableErrors, match="input.csv:1:score: required column is missing"):
        read_table(write(tmp_path, "name\nA\n"), COLUMNS, label="input.csv")
    with pytest.raises(TableErrors, match="file not found"):
        read_table(tmp_path / "absent.csv", COLUMNS)


def test_not_a_number_and_not_utf8(tmp_path):
    with pytest.raises(TableErrors, match="'nan' is not a finite number"):
        read_table(write(tmp_path, "name,score,weight\nA,1,nan\n"), COLUMNS)
    path = tmp_path / "latin.csv"
    path.write_bytes("name,score\nCaf\xe9,1\n".encode("latin-1"))
    with pytest.raises(TableErrors, match="not UTF-8"):
        read_table(path, COLUMNS)
