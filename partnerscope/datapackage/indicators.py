"""Read indicator values, targets and definitions from CSV into the analysis core's types.

Every problem is reported as ``file:row:column: message`` (see
:mod:`partnerscope.datapackage.tables`), all of them at once: bad cells, a repeated row,
a series that mixes period formats, a target whose period format differs from its
series', an unknown polarity.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from partnerscope.core.indicators.model import DEFAULT_TOLERANCE, Indicator, Polarity, Series
from partnerscope.core.indicators.periods import Frequency, Period, parse_period
from partnerscope.datapackage.schema import REF_PATTERN, Field, Resource
from partnerscope.datapackage.tables import (
    Column,
    TableError,
    TableErrors,
    choice,
    integer,
    number,
    read_table,
    text,
)
from partnerscope.reference.indicators import load_catalogue

__all__ = [
    "VALUE_COLUMNS",
    "TARGET_COLUMNS",
    "INDICATOR_COLUMNS",
    "SeriesKey",
    "read_values",
    "read_targets",
    "read_indicators",
    "indicator_for",
    "interval_errors",
    "upload_lines",
    "RESOURCES",
]

SeriesKey = tuple[str, str]
"""``(indicator, area)``."""


def _non_negative(value: str) -> float:
    result = number(value)
    if result < 0:
        raise ValueError(f"{value.strip()!r} is below 0")
    return result


def _non_negative_integer(value: str) -> int:
    result = integer(value)
    if result < 0:
        raise ValueError(f"{value.strip()!r} is below 0")
    return result


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value.strip()!r} is not a date like 2024-05-31") from None


def _yes_no(value: str) -> bool:
    answer = value.strip().lower()
    if answer in {"yes", "true", "1"}:
        return True
    if answer in {"no", "false", "0"}:
        return False
    raise ValueError(f"{value.strip()!r} is not yes or no")


VALUE_COLUMNS = (
    Column("indicator", text, help="Indicator code, e.g. NI 15."),
    Column("area", text, help="Area code or name."),
    Column("period", parse_period, help="2024 (year), 2024/25, 2024-Q1 or 2024-03."),
    Column("value", number, help="The value."),
    Column("numerator", number, required=False, help="Numerator, when a ratio."),
    Column("denominator", number, required=False, help="Denominator, when a ratio."),
    Column("lower", number, required=False, help="Lower confidence limit."),
    Column("upper", number, required=False, help="Upper confidence limit."),
    Column("received", _iso_date, required=False, help="Date the value arrived."),
)
TARGET_COLUMNS = (
    Column("indicator", text, help="Indicator code."),
    Column("area", text, help="Area code or name."),
    Column("period", parse_period, help="Period the target is for."),
    Column("target", number, help="The target value."),
)
INDICATOR_COLUMNS = (
    Column("indicator", text, help="Indicator code."),
    Column("title", str, required=False, default="", help="Indicator title."),
    Column(
        "polarity",
        choice(*(polarity.value for polarity in Polarity)),
        help="higher_is_better or lower_is_better.",
    ),
    Column(
        "tolerance",
        _non_negative,
        required=False,
        default=DEFAULT_TOLERANCE,
        help="Amber band as a fraction of the target (default 0.05).",
    ),
    Column("unit", str, required=False, default="", help="Unit of measurement."),
    Column("minimum", number, required=False, help="Lowest plausible value."),
    Column("maximum", number, required=False, help="Highest plausible value."),
    Column("multiplier", number, required=False, help="value = numerator / denominator x this."),
    Column("proportion", _yes_no, required=False, default=False, help="Numerator <= denominator."),
    Column("due_days", _non_negative_integer, required=False, help="Days after period end due."),
)


ROW = "_row"
"""Key under which :func:`_read_numbered` keeps each record's row number."""


def _read_numbered(
    path: str | Path, columns: Sequence[Column], label: str | None = None
) -> list[tuple[int, dict[str, Any]]]:
    """Like :func:`~partnerscope.datapackage.tables.read_table`, each row with its number."""
    rows = read_table(path, columns, label=label, row_number_key=ROW)
    return [(row.pop(ROW), row) for row in rows]


@dataclass
class _SeriesRows:
    frequency: Frequency
    first_row: int
    rows: dict[Period, tuple[int, dict[str, Any]]]


def interval_errors(name: str, row_number: int, row: Mapping[str, Any]) -> list[TableError]:
    """A confidence interval given by halves, upside down, or not holding its value."""
    lower, upper, value = row["lower"], row["upper"], row["value"]
    if (lower is None) != (upper is None):
        missing = "upper" if upper is None else "lower"
        return [TableError(name, row_number, missing, "lower and upper must be given together")]
    if lower is None:
        return []
    if lower > upper:
        return [TableError(name, row_number, "lower", f"lower {lower} is above upper {upper}")]
    if not lower <= value <= upper:
        return [
            TableError(
                name, row_number, "value", f"{value} is outside its interval {lower} to {upper}"
            )
        ]
    return []


def _column(rows: Sequence[dict[str, Any]], field: str) -> tuple[Any, ...] | None:
    values = tuple(row[field] for row in rows)
    return values if any(value is not None for value in values) else None


def read_values(path: str | Path, label: str | None = None) -> dict[SeriesKey, Series]:
    """Read a values CSV into one :class:`Series` per indicator and area, in file order."""
    name = label or str(path)
    grouped: dict[SeriesKey, _SeriesRows] = {}
    errors: list[TableError] = []
    for row_number, row in _read_numbered(path, VALUE_COLUMNS, label):
        key = (row["indicator"], row["area"])
        period: Period = row["period"]
        errors.extend(interval_errors(name, row_number, row))
        group = grouped.get(key)
        if group is None:
            group = grouped[key] = _SeriesRows(period.frequency, row_number, {})
        if period.frequency is not group.frequency:
            errors.append(
                TableError(
                    name,
                    row_number,
                    "period",
                    f"{period} is a {period.frequency} period but {key[0]} for {key[1]} has "
                    f"{group.frequency} periods (row {group.first_row}); use one format",
                )
            )
            continue
        if period in group.rows:
            errors.append(
                TableError(
                    name,
                    row_number,
                    "period",
                    f"{key[0]} for {key[1]} in {period} repeats row {group.rows[period][0]}",
                )
            )
            continue
        group.rows[period] = (row_number, row)
    if errors:
        raise TableErrors(errors)
    result: dict[SeriesKey, Series] = {}
    for key, group in grouped.items():
        ordered = [group.rows[period][1] for period in sorted(group.rows)]
        result[key] = Series(
            periods=tuple(row["period"] for row in ordered),
            values=tuple(row["value"] for row in ordered),
            numerators=_column(ordered, "numerator"),
            denominators=_column(ordered, "denominator"),
            lowers=_column(ordered, "lower"),
            uppers=_column(ordered, "upper"),
            received=_column(ordered, "received"),
        )
    return result


def read_targets(
    path: str | Path,
    frequencies: Mapping[SeriesKey, Frequency] | None = None,
    label: str | None = None,
) -> dict[SeriesKey, dict[Period, float]]:
    """Read a targets CSV: for each indicator and area, the target of each period.

    With ``frequencies`` (each series' frequency), a target whose period format differs
    from its series' is an error.
    """
    name = label or str(path)
    targets: dict[SeriesKey, dict[Period, float]] = {}
    seen: dict[tuple[str, str, Period], int] = {}
    errors: list[TableError] = []
    for row_number, row in _read_numbered(path, TARGET_COLUMNS, label):
        key = (row["indicator"], row["area"])
        period: Period = row["period"]
        expected = None if frequencies is None else frequencies.get(key)
        if expected is not None and period.frequency is not expected:
            errors.append(
                TableError(
                    name,
                    row_number,
                    "period",
                    f"{period} is a {period.frequency} period but the values of {key[0]} for "
                    f"{key[1]} are {expected} periods",
                )
            )
            continue
        if (key[0], key[1], period) in seen:
            errors.append(
                TableError(
                    name,
                    row_number,
                    "period",
                    f"target for {key[0]} for {key[1]} in {period} repeats row "
                    f"{seen[(key[0], key[1], period)]}",
                )
            )
            continue
        seen[(key[0], key[1], period)] = row_number
        targets.setdefault(key, {})[period] = row["target"]
    if errors:
        raise TableErrors(errors)
    return targets


def read_indicators(path: str | Path, label: str | None = None) -> dict[str, Indicator]:
    """Read an indicators CSV into :class:`Indicator` definitions keyed by code."""
    name = label or str(path)
    indicators: dict[str, Indicator] = {}
    first_row: dict[str, int] = {}
    errors: list[TableError] = []
    for row_number, row in _read_numbered(path, INDICATOR_COLUMNS, label):
        code = row["indicator"]
        if code in first_row:
            errors.append(
                TableError(name, row_number, "indicator", f"{code} repeats row {first_row[code]}")
            )
            continue
        first_row[code] = row_number
        try:
            indicators[code] = Indicator(
                code=code,
                title=(row["title"] or "").strip(),
                polarity=Polarity(row["polarity"]),
                tolerance=row["tolerance"],
                unit=(row["unit"] or "").strip(),
                minimum=row["minimum"],
                maximum=row["maximum"],
                multiplier=row["multiplier"],
                is_proportion=row["proportion"],
                due_days=row["due_days"],
            )
        except ValueError as problem:
            errors.append(TableError(name, row_number, "minimum", str(problem)))
    if errors:
        raise TableErrors(errors)
    return indicators


def indicator_for(
    code: str, indicators: Mapping[str, Indicator], due_days: int | None = None
) -> Indicator:
    """The definition of ``code``: from ``indicators``, else the national catalogue, else
    a bare indicator with no polarity. ``due_days`` fills in a missing ``due_days``."""
    indicator = indicators.get(code)
    if indicator is None:
        entry = load_catalogue().get(code)
        indicator = Indicator(code) if entry is None else entry.to_indicator()
    if indicator.due_days is None and due_days is not None:
        return replace(indicator, due_days=due_days)
    return indicator


def _xlsx_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def upload_lines(name: str, content: bytes) -> list[list[str]]:
    """The rows of an uploaded CSV (UTF-8) or XLSX file (its first sheet) as text cells.

    The result goes to :func:`~partnerscope.datapackage.tables.parse_rows`, so both kinds
    of file get the same ``file:row:column`` errors. Excel's whole numbers (a year typed as
    2024) become ``2024``, its dates ISO dates.
    """
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds of error for a damaged file
            raise TableErrors([TableError(name, 0, "", "not a readable XLSX workbook")]) from None
        try:
            sheet = workbook.worksheets[0]
            return [[_xlsx_cell(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    if not name.lower().endswith(".csv"):
        raise TableErrors([TableError(name, 0, "", "not a CSV or XLSX file")])
    try:
        text_content = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableErrors([TableError(name, 0, "", "file is not UTF-8 text")]) from None
    try:
        return list(csv.reader(io.StringIO(text_content, newline="")))
    except csv.Error as error:
        raise TableErrors([TableError(name, 0, "", f"not valid CSV: {error}")]) from None


# ---- The performance area's tables in a partnership's data package -----------------------

PERIOD_PATTERN = r"\d{4}(/\d{2}|-[Qq][1-4]|-\d{2})?"
POLARITIES = [polarity.value for polarity in Polarity]
FREQUENCIES = [frequency.value for frequency in Frequency]
ORIGINS = ["local", "national"]
VALUE_STATUSES = ["provisional", "final"]
DIMENSIONS = ["accuracy", "validity", "reliability", "timeliness", "relevance", "completeness"]
RATINGS = ["red", "amber", "green"]
PERIOD_TEXT = "2024 (calendar year), 2024/25 (financial year), 2024-Q1 (quarter) or 2024-03."

RESOURCES: list[Resource] = [
    Resource(
        "performance_settings",
        "How the partnership judges performance: at most one row.",
        [
            Field("as_of", "date", description="Judge as at this date; empty means today."),
            Field(
                "due_days",
                "integer",
                required=True,
                description="Days after a period ends that a value is due, by default.",
            ),
        ],
    ),
    Resource(
        "performance_areas",
        "The places values are reported for: the whole area, districts, wards.",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("name", required=True),
            Field("position", "integer", required=True),
        ],
        primary_key=["id"],
    ),
    Resource(
        "outcomes",
        "The sustainable community strategy's themes and goals (a goal's parent is its theme).",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("title", required=True),
            Field("description"),
            Field("parent", description="id of the theme this goal serves."),
            Field("owner", description="id of the accountable organisation."),
            Field("body", description="id of the body that owns the outcome."),
            Field("position", "integer", required=True),
        ],
        primary_key=["id"],
        foreign_keys=[
            (["parent"], "outcomes", ["id"]),
            (["owner"], "organisations", ["id"]),
            (["body"], "bodies", ["id"]),
        ],
    ),
    Resource(
        "outcome_agenda_items",
        "Items of business at which an outcome had time on the agenda.",
        [
            Field("outcome", required=True),
            Field("meeting", required=True),
            Field("position", "integer", required=True),
        ],
        primary_key=["outcome", "meeting", "position"],
        foreign_keys=[
            (["outcome"], "outcomes", ["id"]),
            (["meeting", "position"], "agenda_items", ["meeting", "position"]),
        ],
    ),
    Resource(
        "indicators",
        "Indicators: local, or adopted from the 2008 National Indicator Set.",
        [
            Field("id", required=True, description="The code, such as NI 15."),
            Field("title", required=True),
            Field("definition"),
            Field("unit"),
            Field("polarity", enum=POLARITIES, description="Empty when neither way is better."),
            Field("frequency", required=True, enum=FREQUENCIES),
            Field("source"),
            Field("owner", description="id of the organisation that supplies the figures."),
            Field("tolerance", "number", required=True, description="Amber band (0.05 = 5%)."),
            Field("origin", required=True, enum=ORIGINS),
            Field("minimum", "number"),
            Field("maximum", "number"),
            Field("multiplier", "number"),
            Field("proportion", "boolean", required=True),
            Field("due_days", "integer"),
            Field("outcomes", description="ids of the outcomes it measures, separated by ';'."),
        ],
        primary_key=["id"],
        foreign_keys=[(["owner"], "organisations", ["id"])],
    ),
    Resource(
        "targets",
        "Improvement targets: an indicator in an area, its baseline and its leads.",
        [
            Field("indicator", required=True),
            Field("area", required=True),
            Field("baseline_period", pattern=PERIOD_PATTERN, description=PERIOD_TEXT),
            Field("baseline_value", "number"),
            Field("lead_organisation"),
            Field("lead_body"),
            Field("laa", "boolean", required=True, description="Designated in the LAA."),
            Field("description"),
        ],
        primary_key=["indicator", "area"],
        foreign_keys=[
            (["indicator"], "indicators", ["id"]),
            (["area"], "performance_areas", ["id"]),
            (["lead_organisation"], "organisations", ["id"]),
            (["lead_body"], "bodies", ["id"]),
        ],
    ),
    Resource(
        "target_values",
        "The target of each period of an improvement target.",
        [
            Field("indicator", required=True),
            Field("area", required=True),
            Field("period", required=True, pattern=PERIOD_PATTERN, description=PERIOD_TEXT),
            Field("target", "number", required=True),
        ],
        primary_key=["indicator", "area", "period"],
        foreign_keys=[(["indicator", "area"], "targets", ["indicator", "area"])],
    ),
    Resource(
        "indicator_values",
        "Every version of every value: a correction adds a version; the latest is current.",
        [
            Field("indicator", required=True),
            Field("area", required=True),
            Field("period", required=True, pattern=PERIOD_PATTERN, description=PERIOD_TEXT),
            Field("value", "number", required=True),
            Field("numerator", "number"),
            Field("denominator", "number"),
            Field("lower", "number", description="Lower confidence limit."),
            Field("upper", "number", description="Upper confidence limit."),
            Field("status", required=True, enum=VALUE_STATUSES),
            Field("received", "date", description="When the value arrived."),
            Field("version", "integer", required=True, description="1, 2, … in order."),
            Field("recorded_at", "datetime", required=True),
            Field("recorded_by"),
            Field("reason", description="Why the value was corrected."),
        ],
        primary_key=["indicator", "area", "period", "version"],
        foreign_keys=[
            (["indicator"], "indicators", ["id"]),
            (["area"], "performance_areas", ["id"]),
        ],
    ),
    Resource(
        "quality_records",
        "People's ratings of the six data-quality dimensions of an indicator.",
        [
            Field("indicator", required=True),
            Field("dimension", required=True, enum=DIMENSIONS),
            Field("rating", required=True, enum=RATINGS),
            Field("evidence", required=True),
            Field("recorded_at", "datetime", required=True),
            Field("recorded_by"),
        ],
        foreign_keys=[(["indicator"], "indicators", ["id"])],
    ),
]
