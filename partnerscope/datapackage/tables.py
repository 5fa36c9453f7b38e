"""Read a CSV file into typed rows, collecting every error as ``file:row:column: message``.

Every command that reads a CSV (the analysis commands and the data-package import) goes
through :func:`read_table`, so bad input always gets the same clear, located errors.
Row numbers count the header as row 1, as a spreadsheet shows them.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Parser = Callable[[str], Any]


@dataclass(frozen=True)
class TableError:
    """One problem in one cell (or a whole row or file when ``column`` is empty)."""

    path: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.row}:{self.column}: {self.message}"


class TableErrors(Exception):
    """Raised with every error found, so the user can fix them all in one pass."""

    def __init__(self, errors: Sequence[TableError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass(frozen=True)
class Column:
    """A column a table may or must have, and how to turn its text into a value."""

    name: str
    parse: Parser = str
    required: bool = True
    default: Any = None
    help: str = field(default="", compare=False)


def text(value: str) -> str:
    """Any non-empty text, stripped of surrounding spaces."""
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


def integer(value: str) -> int:
    """A whole number such as ``3``."""
    try:
        return int(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a whole number") from None


def number(value: str) -> float:
    """A decimal number such as ``2.5``."""
    try:
        result = float(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a number") from None
    if result != result or result in (float("inf"), float("-inf")):
        raise ValueError(f"{value!r} is not a finite number")
    return result


def choice(*allowed: str) -> Parser:
    """One of a fixed set of values, e.g. ``choice("red", "amber", "green")``."""

    def parse(value: str) -> str:
        value = value.strip()
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return parse


def integer_between(low: int, high: int) -> Parser:
    """A whole number from ``low`` to ``high`` inclusive."""

    def parse(value: str) -> int:
        result = integer(value)
        if not low <= result <= high:
            raise ValueError(f"{result} is not between {low} and {high}")
        return result

    return parse


def read_table(
    path: str | Path,
    columns: Sequence[Column],
    *,
    label: str | None = None,
    row_number_key: str | None = None,
) -> list[dict[str, Any]]:
    """Read ``path`` as UTF-8 CSV with a header row and parse each listed column.

    Columns not listed are kept as stripped text. A missing required column, an empty
    required cell or a value its parser rejects is an error; all errors are raised
    together in :class:`TableErrors`. Empty optional cells take the column's default.
    With ``row_number_key``, each record also holds its row number under that key, so
    later checks can report where a row came from.
    """
    name = label or str(path)
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return parse_rows(csv.reader(handle), columns, name, row_number_key)
    except FileNotFoundError:
        raise TableErrors([TableError(name, 0, "", "file not found")]) from None
    except UnicodeDecodeError:
        raise TableErrors([TableError(name, 0, "", "file is not UTF-8 text")]) from None
    except csv.Error as error:
        raise TableErrors([TableError(name, 0, "", f"not valid CSV: {error}")]) from None


def first_row_not_utf8(path: str | Path, chunk_bytes: int = 1024 * 1024) -> int | None:
    """The row (header = 1) of the first bytes in ``path`` that are not UTF-8, or None.

    The file is read in chunks, so a large file costs little memory; only a file found to
    hold bad bytes is read a second time, as CSV, to name the row as a spreadsheet shows it
    (a quoted cell may span several lines).
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as handle:
        try:
            while chunk := handle.read(chunk_bytes):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return None
        except UnicodeDecodeError:
            pass
    with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as handle:
        reader = csv.reader(handle)
        row_number = 0
        try:
            for row_number, cells in enumerate(reader, start=1):
                if not all(cell.isascii() or not has_surrogate(cell) for cell in cells):
                    return row_number
        except csv.Error:
            return row_number + 1
    return row_number or 1


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a byte that could not be decoded (kept as a lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def parse_rows(
    lines: Iterable[list[str]],
    columns: Sequence[Column],
    name: str,
    row_number_key: str | None = None,
) -> list[dict[str, Any]]:
    """Parse already-split CSV lines (header first); see :func:`read_table`."""
    iterator = iter(lines)
    header = [cell.strip() for cell in next(iterator, [])]
    errors: list[TableError] = []
    if not header:
        raise TableErrors([TableError(name, 1, "", "the file is empty: a header row is needed")])
    for column in columns:
        if column.required and column.name not in header:
            errors.append(TableError(name, 1, column.name, "required column is missing"))
    if errors:
        raise TableErrors(errors)
    specs = {column.name: column for column in columns}
    rows: list[dict[str, Any]] = []
    for row_number, cells in enumerate(iterator, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            errors.append(
                TableError(name, row_number, "", f"{len(cells)} cells but {len(header)} columns")
            )
            continue
        record: dict[str, Any] = {}
        for index, column_name in enumerate(header):
            raw = cells[index] if index < len(cells) else ""
            spec = specs.get(column_name)
            if spec is None:
                record[column_name] = raw.strip()
                continue
            if not raw.strip():
                if spec.required:
                    errors.append(TableError(name, row_number, column_name, "must not be empty"))
                record[column_name] = spec.default
                continue
            try:
                record[column_name] = spec.parse(raw)
            except ValueError as error:
                errors.append(TableError(name, row_number, column_name, str(error)))
        for spec in columns:
            record.setdefault(spec.name, spec.default)
        if row_number_key:
            record[row_number_key] = row_number
        rows.append(record)
    if errors:
        raise TableErrors(errors)
    return rows
