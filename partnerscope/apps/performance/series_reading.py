"""Read stored value versions as the core's ``Series``, one series at a time.

A status run meets millions of value versions. Fetched as one row of Python objects
each, they would cost more than judging them; so each series arrives as one row, its
periods and versions joined into text by the database:

* on PostgreSQL one query sends everything as text (``string_agg``), numbers in
  PostgreSQL's shortest text that reads back exactly, the values in the order of the
  periods and versions sent with them (sorting inside the aggregates would double the
  server's work);
* on SQLite, whose own number-to-text conversion is not always exact (SQLite 3.40's
  ``quote`` drops the last digit of some values), a second query sends the values as a
  column of floats in (period, version) order, and a third the optional parts
  (numerator, denominator, confidence interval, date received) of only the versions
  that have them; the three run in one read transaction.

Periods and versions may arrive in any order within a series: the reader puts them (and,
on PostgreSQL, their values) in order when they are not, so correctness never rests on
the database's choice of plan.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Any

from django.db import connections

from partnerscope.apps.performance.models import ValueVersion
from partnerscope.core.indicators import Frequency, Period, Series

FETCH_SIZE = 2_000
"""Series fetched from a PostgreSQL cursor at a time."""
EXTRA_COLUMNS = ("numerator", "denominator", "lower", "upper")
NULL = "NULL"
"""How PostgreSQL is told to write a missing number in the optional parts."""

Revisions = dict[Period, list[float]]
Extras = dict[tuple[int, int], tuple[Any, ...]]
"""The optional parts of a series' versions, by ``(ordinal, version)``: numerator,
denominator, lower, upper (floats or ``None``) and date received (a date or ``None``)."""


@dataclass(frozen=True, slots=True)
class SeriesText:
    """One series as the database sends it."""

    indicator_id: int
    area_id: int
    ordinals: str
    """The ordinal of each version, comma-separated, in any order."""
    versions: str
    """The version number of each version, in the same order as ``ordinals``."""
    values: tuple[float, ...]
    """Each version's value: in (ordinal, version) order when ``values_sorted``, else in
    the order of ``ordinals``."""
    extras: Extras | None
    """The optional parts of the versions that have any; ``None`` when none has."""
    values_sorted: bool = True


def _where(indicators: int, areas: int | None) -> str:
    where = f"indicator_id IN ({', '.join(['%s'] * indicators)})"
    if areas is not None:
        where += f" AND area_id IN ({', '.join(['%s'] * areas)})"
    return where


def _postgresql_sql(where: str) -> str:
    table = ValueVersion._meta.db_table
    number = "coalesce({}::text, 'NULL')".format
    parts = [
        "ordinal::text",
        "version::text",
        *map(number, EXTRA_COLUMNS),
        "coalesce(to_char(received, 'YYYY-MM-DD'), '')",
    ]
    present = " OR ".join(f"{name} IS NOT NULL" for name in (*EXTRA_COLUMNS, "received"))
    joined = " || ':' || ".join(parts)
    extra = f"CASE WHEN {present} THEN {joined} END"
    return (
        "SELECT indicator_id, area_id, string_agg(ordinal::text, ','), "
        "string_agg(version::text, ','), string_agg(value::text, ','), "
        f"string_agg({extra}, ';') FROM {table} WHERE {where} "
        "GROUP BY indicator_id, area_id ORDER BY indicator_id, area_id"
    )


def _sqlite_sql(where: str) -> tuple[str, str, str]:
    """The keys of each series, its values in order, and the optional parts."""
    table = ValueVersion._meta.db_table
    present = " OR ".join(f"{name} IS NOT NULL" for name in (*EXTRA_COLUMNS, "received"))
    keys = (
        "SELECT indicator_id, area_id, count(*), group_concat(ordinal, ','), "
        f"group_concat(version, ',') FROM {table} WHERE {where} "
        "GROUP BY indicator_id, area_id ORDER BY indicator_id, area_id"
    )
    values = (
        f"SELECT value FROM {table} WHERE {where} ORDER BY indicator_id, area_id, ordinal, version"
    )
    extras = (
        f"SELECT indicator_id, area_id, ordinal, version, {', '.join(EXTRA_COLUMNS)}, received "
        f"FROM {table} WHERE ({where}) AND ({present})"
    )
    return keys, values, extras


def series_texts(
    indicator_ids: Sequence[int], area_ids: Sequence[int] | None = None, using: str = "default"
) -> Iterator[SeriesText]:
    """The stored series of the indicators (in the areas, when given), by indicator and
    area, to be read by :func:`read_series`."""
    if not indicator_ids or (area_ids is not None and not area_ids):
        return
    connection = connections[using]
    where = _where(len(indicator_ids), None if area_ids is None else len(area_ids))
    parameters = [*indicator_ids, *(area_ids or ())]
    if connection.vendor == "postgresql":
        yield from _postgresql_series(connection, where, parameters)
    else:
        yield from _sqlite_series(connection, where, parameters)


def _postgresql_series(connection: Any, where: str, parameters: list[int]) -> Iterator[SeriesText]:
    with connection.cursor() as cursor:
        cursor.execute(_postgresql_sql(where), parameters)
        while rows := cursor.fetchmany(FETCH_SIZE):
            for indicator_id, area_id, ordinals, versions, values, extras in rows:
                yield SeriesText(
                    indicator_id,
                    area_id,
                    ordinals,
                    versions,
                    tuple(map(float, values.split(","))),
                    None if extras is None else _extras_from_text(extras),
                    values_sorted=False,
                )


@contextmanager
def _read_snapshot(connection: Any) -> Iterator[None]:
    """One consistent view of the database for several queries. Outside a transaction
    this opens a deferred (read) transaction: the project opens SQLite's transactions
    IMMEDIATE, which would take the write lock and make other workers wait."""
    if not connection.get_autocommit() or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("BEGIN DEFERRED")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("COMMIT")


def _sqlite_series(connection: Any, where: str, parameters: list[int]) -> Iterator[SeriesText]:
    keys_sql, values_sql, extras_sql = _sqlite_sql(where)
    with _read_snapshot(connection), connection.cursor() as cursor:
        cursor.execute(keys_sql, parameters)
        keys = cursor.fetchall()
        cursor.execute(values_sql, parameters)
        values = [value for (value,) in cursor.fetchall()]
        cursor.execute(extras_sql, parameters)
        extra_rows = cursor.fetchall()
    extras: dict[tuple[int, int], Extras] = {}
    for indicator_id, area_id, ordinal, version, *parts, received in extra_rows:
        if isinstance(received, str):
            received = _day(received)
        extras.setdefault((indicator_id, area_id), {})[(ordinal, version)] = (*parts, received)
    start = 0
    for indicator_id, area_id, count, ordinals, versions in keys:
        yield SeriesText(
            indicator_id,
            area_id,
            ordinals,
            versions,
            tuple(values[start : start + count]),
            extras.get((indicator_id, area_id)),
        )
        start += count


def _number(text: str) -> float | None:
    return None if text == NULL else float(text)


@lru_cache(maxsize=8192)
def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _extras_from_text(text: str) -> Extras:
    """``ordinal:version:numerator:denominator:lower:upper:received`` entries, ``;``
    between them, as :data:`Extras`."""
    found: Extras = {}
    for entry in text.split(";"):
        ordinal, version, *numbers, received = entry.split(":")
        found[(int(ordinal), int(version))] = (*map(_number, numbers), _day(received))
    return found


_PERIODS: dict[tuple[Frequency, int], Period] = {}


def period_at(frequency: Frequency, ordinal: int) -> Period:
    """The period (one shared object per period, as a status run meets each many times)."""
    key = (frequency, ordinal)
    period = _PERIODS.get(key)
    if period is None:
        period = _PERIODS[key] = Period(frequency, ordinal)
    return period


@lru_cache(maxsize=1024)
def _periods(frequency: Frequency, ordinals: str) -> tuple[tuple[Period, ...], bool]:
    """The periods of a series, and whether they are strictly in order (most series of a
    run share their periods, so this is remembered by the text)."""
    numbers = [int(text) for text in ordinals.split(",")]
    in_order = all(a < b for a, b in pairwise(numbers))
    return tuple([period_at(frequency, number) for number in numbers]), in_order


@lru_cache(maxsize=1024)
def _periods_of(frequency: Frequency, ordinals: tuple[int, ...]) -> tuple[Period, ...]:
    """The periods of a series read from its versions (shared, like :func:`_periods`')."""
    return tuple([period_at(frequency, ordinal) for ordinal in ordinals])


def _extra_columns(extras: Extras, keys: Sequence[tuple[int, int]]) -> list[tuple[Any, ...] | None]:
    """The optional columns for the versions in ``keys`` (``None`` for a column none of
    them has)."""
    rows = [extras.get(key) for key in keys]
    columns: list[tuple[Any, ...] | None] = []
    for position in range(len(EXTRA_COLUMNS) + 1):
        column = tuple(None if row is None else row[position] for row in rows)
        columns.append(None if column.count(None) == len(column) else column)
    return columns


def read_series(frequency: Frequency, text: SeriesText) -> tuple[Series, Revisions]:
    """The series (the latest version of each period) and its revisions: for each period
    with more than one version, every version's value, oldest first."""
    periods, in_order = _periods(frequency, text.ordinals)
    values = text.values
    revisions: Revisions = {}
    keys: list[tuple[int, int]] | None = None
    if not in_order:
        versions = [int(version) for version in text.versions.split(",")]
        sent = list(zip([period.ordinal for period in periods], versions, strict=True))
        if text.values_sorted:
            keys = sorted(sent)
        else:
            pairs = sorted(zip(sent, values, strict=True), key=lambda pair: pair[0])
            keys = [key for key, _ in pairs]
            values = tuple(value for _, value in pairs)
        ordinals = [ordinal for ordinal, _ in keys]
        last = len(ordinals) - 1
        kept = [i for i in range(last + 1) if i == last or ordinals[i + 1] != ordinals[i]]
        start = 0
        for position in kept:
            if position > start:
                revisions[period_at(frequency, ordinals[position])] = list(
                    values[start : position + 1]
                )
            start = position + 1
        periods = _periods_of(frequency, tuple([ordinals[i] for i in kept]))
        values = tuple([values[i] for i in kept])
        keys = [keys[i] for i in kept]
    if text.extras is None:
        return Series(periods, values), revisions
    if keys is None:
        versions = [int(version) for version in text.versions.split(",")]
        keys = [
            (period.ordinal, version) for period, version in zip(periods, versions, strict=True)
        ]
    return Series(periods, values, *_extra_columns(text.extras, keys)), revisions
