"""Writing CSV files: exactly for machines, safely for the people who open them in a spreadsheet.

Two kinds of CSV leave PartnerScope. The data package is for machines: it must round-trip,
so every value is written exactly as stored. Downloads meant for people (the exception
report, a network's organisation and tie lists) are opened in Excel or LibreOffice, which
run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or with a tab or carriage return
before one) as a formula: a crafted indicator title such as ``=HYPERLINK("http://x")``
would become a live link or worse in a council officer's spreadsheet. Those files follow
OWASP's rule for CSV injection: such a text cell gets a leading single quote, which a
spreadsheet shows as text and hides.

Only text is neutralised. A number written by PartnerScope's own code (a value of -3.5, a
level of 2) stays a number, because it is not text someone typed and a quote would turn it
into text in the spreadsheet. Text that merely looks like a number (an indicator titled
``-1``) is still text, and is neutralised like any other.

Both kinds keep every cell on its own row: Python's ``csv`` module quotes a cell only when
it holds the delimiter, the quote character or a character of the line ending, so with
``\\n`` line endings a carriage return inside a cell would be written bare, and Excel and
other readers would split the row there. A row holding one is written with every cell quoted.

This module knows nothing of Django, so the command line and the web use the same rule.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import IO, Any

__all__ = ["FORMULA_STARTS", "CsvWriter", "spreadsheet_cell", "spreadsheet_text"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The leading characters that make a spreadsheet read a cell as a formula (OWASP's list)."""


def spreadsheet_text(text: str) -> str:
    """``text`` as a spreadsheet will show it: with a leading ``'`` if it would start a formula.

    Examples
    --------
    >>> spreadsheet_text('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> spreadsheet_text("-1+cmd")
    "'-1+cmd"
    >>> spreadsheet_text("NI 15 Serious violent crime")
    'NI 15 Serious violent crime'
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def spreadsheet_cell(value: Any) -> Any:
    """A cell for a person's spreadsheet: text neutralised, numbers and other values as given.

    Examples
    --------
    >>> spreadsheet_cell("@SUM(A1)"), spreadsheet_cell(-3.5), spreadsheet_cell(None)
    ("'@SUM(A1)", -3.5, None)
    """
    return spreadsheet_text(value) if isinstance(value, str) else value


class CsvWriter:
    """Write CSV rows with ``\\n`` line endings, every cell kept on its row.

    ``for_spreadsheets=True`` neutralises each text cell with :func:`spreadsheet_cell` (a
    download meant for people); ``False`` writes every value exactly (the data package).

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> writer = CsvWriter(out, for_spreadsheets=True)
    >>> writer.writerow(["title", "value"])
    >>> writer.writerows([["=1+1", -3.5], ["\\rCR", 2]])
    >>> out.getvalue()
    'title,value\\n\\'=1+1,-3.5\\n"\\'\\rCR","2"\\n'
    """

    def __init__(self, handle: IO[str], *, for_spreadsheets: bool) -> None:
        self.for_spreadsheets = for_spreadsheets
        self._minimal = csv.writer(handle, lineterminator="\n")
        self._quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, row: Sequence[Any]) -> None:
        """Write one row (text neutralised first when the file is for spreadsheets)."""
        cells = [spreadsheet_cell(value) for value in row] if self.for_spreadsheets else row
        holds_return = any(isinstance(value, str) and "\r" in value for value in cells)
        (self._quoted if holds_return else self._minimal).writerow(cells)

    def writerows(self, rows: Iterable[Sequence[Any]]) -> None:
        """Write each row of ``rows`` as :meth:`writerow` does."""
        for row in rows:
            self.writerow(row)
