"""The unit-cost library: what one unit of a public service costs, with its source, and
uprating to the appraisal's base year with a deflator series.

Greater Manchester's Unit Cost Database (built by New Economy) lists each cost with a
code, a description, a unit, the cost, the agency that bears it and its price year.
:func:`parse_unit_costs` reads a CSV laid out that way; docs/costs.md lists the column
names it accepts. Nothing here reads a file: callers pass the text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

__all__ = [
    "COLUMNS",
    "DeflatorSeries",
    "UnitCost",
    "UnitCostErrors",
    "deflator_series",
    "parse_price_year",
    "parse_unit_costs",
    "uprate",
    "uprate_unit_costs",
]

COLUMNS: Final[Mapping[str, tuple[str, ...]]] = {
    "code": ("cost code", "code", "ref", "reference", "id"),
    "category": ("outcome category", "category", "theme"),
    "description": ("description", "outcome detail", "detail", "cost description", "item"),
    "unit": ("unit", "unit of cost", "per"),
    "value": ("cost", "value", "unit cost", "cost (£)", "cost £"),
    "agency": ("agency", "agency bearing cost", "agency that bears the cost", "bearer"),
    "price_year": ("price year", "price base", "price base year", "year"),
    "source": ("source", "sources", "source of data"),
    "licence": ("licence", "license"),
    "type": ("type", "cost type", "benefit type"),
    "confidence": ("confidence grade", "confidence"),
}
"""Our field → the column headings (compared without case or extra spaces) it may have."""
REQUIRED: Final = ("code", "description", "unit", "value", "agency", "price_year")
"""Columns every file needs; a source may instead be given for the whole file."""


@dataclass(frozen=True, slots=True)
class DeflatorSeries:
    """An index of the general price level by year (a financial year is named by the year
    it starts in), with where it comes from."""

    name: str
    source: str
    licence: str
    index: Mapping[int, float]
    illustrative: bool = False

    def factor(self, from_year: int, to_year: int) -> float:
        """What a pound at ``from_year`` prices is worth at ``to_year`` prices."""
        for year in (from_year, to_year):
            if year not in self.index:
                first, last = min(self.index), max(self.index)
                raise ValueError(
                    f"the deflator series {self.name!r} has no figure for {year} "
                    f"(it covers {first} to {last})"
                )
        return self.index[to_year] / self.index[from_year]

    def to_dict(self) -> dict[str, Any]:
        """``name``, ``source``, ``licence``, ``illustrative`` and ``index`` by year."""
        return {
            "name": self.name,
            "source": self.source,
            "licence": self.licence,
            "illustrative": self.illustrative,
            "index": {str(year): value for year, value in sorted(self.index.items())},
        }


def deflator_series(raw: Mapping[str, Any]) -> DeflatorSeries:
    """A series from its plain form: ``name``, ``source``, ``licence``, ``illustrative``
    and ``index`` (``{"2024": 100.0, ...}``), every index figure above 0."""
    index: dict[int, float] = {}
    for year, value in dict(raw["index"]).items():
        figure = float(value)
        if figure <= 0:
            raise ValueError(f"deflator index for {year}: must be above 0")
        index[int(year)] = figure
    if not index:
        raise ValueError("deflator index: no years")
    return DeflatorSeries(
        name=str(raw["name"]),
        source=str(raw["source"]),
        licence=str(raw.get("licence", "")),
        index=index,
        illustrative=bool(raw.get("illustrative", False)),
    )


def uprate(amount: float, from_year: int, to_year: int, series: DeflatorSeries) -> float:
    """``amount`` at ``from_year`` prices, restated at ``to_year`` prices.

    Examples
    --------
    >>> series = DeflatorSeries("ours", "made up", "", {2020: 90.0, 2024: 108.0})
    >>> round(uprate(1000.0, 2020, 2024, series), 2)
    1200.0
    """
    return amount * series.factor(from_year, to_year)


@dataclass(frozen=True, slots=True)
class UnitCost:
    """One entry of the library: what one unit costs, who bears it and where it is from."""

    code: str
    description: str
    unit: str
    value: float
    agency: str
    price_year: int
    source: str
    licence: str
    category: str = ""
    type: str = ""
    confidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Every field by name."""
        return {
            "code": self.code,
            "description": self.description,
            "unit": self.unit,
            "value": self.value,
            "agency": self.agency,
            "price_year": self.price_year,
            "source": self.source,
            "licence": self.licence,
            "category": self.category,
            "type": self.type,
            "confidence": self.confidence,
        }


def uprate_unit_costs(
    costs: Sequence[UnitCost], base_year: int, series: DeflatorSeries
) -> tuple[UnitCost, ...]:
    """Every unit cost restated at ``base_year`` prices."""
    return tuple(
        replace(c, value=uprate(c.value, c.price_year, base_year, series), price_year=base_year)
        for c in costs
    )


class UnitCostErrors(ValueError):
    """Rows that could not be read; ``errors`` lists each as ``row N: column: message``."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


PRICE_YEAR = re.compile(r"^\s*(\d{4})(?:\s*[-/–]\s*(\d{2}|\d{4}))?\s*$")


def parse_price_year(text: str) -> int:
    """A price year as a whole year: ``2017``, or the first year of ``2017/18`` or
    ``2017-18`` (a financial year).

    Examples
    --------
    >>> parse_price_year("2017/18"), parse_price_year("2019")
    (2017, 2019)
    """
    match = PRICE_YEAR.match(text)
    if match is None:
        raise ValueError("must be a year such as 2019 or 2019/20")
    return int(match.group(1))


def _money(text: str) -> float:
    cleaned = text.replace("£", "").replace(",", "").strip()
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError("must be a number") from None
    if value < 0 or value != value:
        raise ValueError("must be 0 or more")
    return value


def _columns(header: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    normalised = [" ".join(name.lower().split()) for name in header]
    found: dict[str, int] = {}
    for field, names in COLUMNS.items():
        for position, name in enumerate(normalised):
            if name in names:
                found[field] = position
                break
    missing = [
        f"header: no column for {field.replace('_', ' ')} (accepted: {', '.join(COLUMNS[field])})"
        for field in REQUIRED
        if field not in found
    ]
    return found, missing


def parse_unit_costs(
    text: str, default_source: str = "", default_licence: str = ""
) -> tuple[UnitCost, ...]:
    """Read unit costs from CSV text in the Unit Cost Database layout.

    A row with no source of its own takes ``default_source``; one with no licence takes
    ``default_licence``. A cost with no source at all is refused: no figure without its
    source. Every problem is collected and raised together as :class:`UnitCostErrors`.

    Examples
    --------
    >>> text = ("Cost code,Description,Unit,Cost,Agency,Price year,Source\\n"
    ...         "X1,A night in a refuge,per night,\\"£1,050\\",Council,2019/20,Our survey\\n")
    >>> [(c.code, c.value, c.price_year) for c in parse_unit_costs(text)]
    [('X1', 1050.0, 2019)]
    """
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows:
        raise UnitCostErrors(["header: the file is empty"])
    found, errors = _columns(rows[0])
    if errors:
        raise UnitCostErrors(errors)
    heading = {field: rows[0][position].strip() for field, position in found.items()}
    costs: list[UnitCost] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(field: str, row: list[str] = row) -> str:
            position = found.get(field)
            return row[position].strip() if position is not None and position < len(row) else ""

        problems: list[str] = []
        for field in ("code", "description", "unit", "agency"):
            if not cell(field):
                problems.append(f"row {number}: {heading[field]}: required")
        value = 0.0
        try:
            value = _money(cell("value"))
        except ValueError as problem:
            problems.append(f"row {number}: {heading['value']}: {problem}")
        year = 0
        try:
            year = parse_price_year(cell("price_year"))
        except ValueError as problem:
            problems.append(f"row {number}: {heading['price_year']}: {problem}")
        source = cell("source") or default_source
        if not source:
            problems.append(f"row {number}: {heading.get('source', 'Source')}: required")
        code = cell("code")
        if code and code in seen:
            problems.append(
                f"row {number}: {heading['code']}: {code} is already on row {seen[code]}"
            )
        seen.setdefault(code, number)
        if problems:
            errors.extend(problems)
            continue
        costs.append(
            UnitCost(
                code=code,
                description=cell("description"),
                unit=cell("unit"),
                value=value,
                agency=cell("agency"),
                price_year=year,
                source=source,
                licence=cell("licence") or default_licence,
                category=cell("category"),
                type=cell("type").lower(),
                confidence=cell("confidence"),
            )
        )
    if errors:
        raise UnitCostErrors(errors)
    return tuple(costs)
