"""Read stored value versions as the core's ``Series``, one database row per series.

A status run meets millions of value versions. Fetched one row each, turning them into
Python objects costs more than judging them; so the database concatenates each series'
columns into text (``group_concat`` on SQLite, ``string_agg`` on PostgreSQL) and Python
splits the text. Numbers travel in a form that reads back exactly (SQLite's ``quote``,
PostgreSQL's shortest exact text). The optional parts of a value (numerator,
denominator, confidence interval, date received) are sent only for the versions that
have one, keyed by period and version, as most series have none.

Rows arrive in period and version order in practice; each series is checked, and put in
order when it is not, so correctness never rests on the database's choice of plan.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from django.db import connections

from partnerscope.apps.performance.models import ValueVersion
from partnerscope.core.indicators import Frequency, Period, Series

FETCH_SIZE = 2_000
"""Series fetched from the cursor at a time."""
NULL = "NULL"
"""How SQLite's ``quote`` writes a missing number (PostgreSQL is told to write the same)."""
EXTRA_COLUMNS = ("numerator", "denominator", "lower", "upper")

Revisions = dict[Period, list[float]]


@dataclass(frozen=True, slots=True)
class SeriesText:
    """One series as the database sends it: comma-separated columns, oldest first."""

    indicator_id: int
    area_id: int
    ordinals: str
    versions: str
    values: str
    extras: str | None
    """``ordinal:version:numerator:denominator:lower:upper:received`` for each version
    that has any of the optional parts, separated by ``;``; ``None`` when none has."""


def _sql(vendor: str, indicators: int, areas: int | None) -> str:
    """The query for :func:`series_texts` in the database's own dialect."""
    table = ValueVersion._meta.db_table
    extras_present = " OR ".join(f"{name} IS NOT NULL" for name in (*EXTRA_COLUMNS, "received"))
    if vendor == "postgresql":
        text = "{}::text".format
        number = "coalesce({}::text, 'NULL')".format
        received = "coalesce(to_char(received, 'YYYY-MM-DD'), '')"
        concat = "string_agg({}, '{}')".format
    else:
        text = "{}".format
        number = "quote({})".format
        received = "coalesce(received, '')"
        concat = "group_concat({}, '{}')".format
    parts = [text("ordinal"), text("version"), *map(number, EXTRA_COLUMNS), received]
    joined = " || ':' || ".join(parts)
    extra = f"CASE WHEN {extras_present} THEN {joined} END"
    columns = ", ".join(
        [
            concat(text("ordinal"), ","),
            concat(text("version"), ","),
            concat(number("value"), ","),
            concat(extra, ";"),
        ]
    )
    where = f"indicator_id IN ({', '.join(['%s'] * indicators)})"
    if areas is not None:
        where += f" AND area_id IN ({', '.join(['%s'] * areas)})"
    return (
        f"SELECT indicator_id, area_id, {columns} FROM {table} WHERE {where} "
        "GROUP BY indicator_id, area_id ORDER BY indicator_id, area_id"
    )


def series_texts(
    indicator_ids: Sequence[int], area_ids: Sequence[int] | None = None, using: str = "default"
) -> Iterator[SeriesText]:
    """The stored series of the indicators (in the areas, when given), by indicator and
    area, as text to be read by :func:`read_series`."""
    if not indicator_ids or (area_ids is not None and not area_ids):
        return
    connection = connections[using]
    areas = None if area_ids is None else len(area_ids)
    sql = _sql(connection.vendor, len(indicator_ids), areas)
    parameters = [*indicator_ids, *(area_ids or ())]
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)
        while rows := cursor.fetchmany(FETCH_SIZE):
            for row in rows:
                yield SeriesText(*row)


@lru_cache(maxsize=1024)
def _periods(frequency: Frequency, ordinals: str) -> tuple[tuple[Period, ...], bool]:
    """The periods of a series, and whether they are strictly in order (most series of a
    run share their periods, so this is remembered by the text)."""
    numbers = [int(text) for text in ordinals.split(",")]
    in_order = all(a < b for a, b in zip(numbers, numbers[1:], strict=False))
    return tuple([period_at(frequency, number) for number in numbers]), in_order


_PERIODS: dict[tuple[Frequency, int], Period] = {}


def period_at(frequency: Frequency, ordinal: int) -> Period:
    """The period (one shared object per period, as a status run meets each many times)."""
    key = (frequency, ordinal)
    period = _PERIODS.get(key)
    if period is None:
        period = _PERIODS[key] = Period(frequency, ordinal)
    return period


def _number(text: str) -> float | None:
    return None if text == NULL else float(text)


@lru_cache(maxsize=8192)
def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _extra_columns(extras: str, keys: Sequence[tuple[int, int]]) -> list[tuple[Any, ...] | None]:
    """The optional columns for the versions in ``keys``: numerators, denominators,
    lowers, uppers and dates received (``None`` for a column none of them has)."""
    found: dict[tuple[int, int], list[str]] = {}
    for entry in extras.split(";"):
        ordinal, version, *parts = entry.split(":")
        found[(int(ordinal), int(version))] = parts
    rows = [found.get(key) for key in keys]
    columns: list[tuple[Any, ...] | None] = []
    for position in range(len(EXTRA_COLUMNS) + 1):
        convert = _day if position == len(EXTRA_COLUMNS) else _number
        column = tuple(None if row is None else convert(row[position]) for row in rows)
        columns.append(None if column.count(None) == len(column) else column)
    return columns


def read_series(frequency: Frequency, text: SeriesText) -> tuple[Series, Revisions]:
    """The series (the latest version of each period) and its revisions: for each period
    with more than one version, every version's value, oldest first."""
    periods, in_order = _periods(frequency, text.ordinals)
    values = tuple(map(float, text.values.split(",")))
    revisions: Revisions = {}
    versions: Sequence[int] | None = None
    if not in_order:
        ordinals = [period.ordinal for period in periods]
        versions = [int(version) for version in text.versions.split(",")]
        order = sorted(range(len(values)), key=lambda i: (ordinals[i], versions[i]))
        kept = []
        for rank, position in enumerate(order):
            ordinal = ordinals[position]
            if rank + 1 < len(order) and ordinals[order[rank + 1]] == ordinal:
                revisions.setdefault(periods[position], []).append(values[position])
                continue
            if periods[position] in revisions:
                revisions[periods[position]].append(values[position])
            kept.append(position)
        periods = tuple(periods[i] for i in kept)
        values = tuple(values[i] for i in kept)
        versions = [versions[i] for i in kept]
    if text.extras is None:
        return Series(periods, values), revisions
    if versions is None:
        versions = [int(version) for version in text.versions.split(",")]
    keys = [(period.ordinal, version) for period, version in zip(periods, versions, strict=True)]
    return Series(periods, values, *_extra_columns(text.extras, keys)), revisions
