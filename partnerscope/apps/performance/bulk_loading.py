"""Loading millions of value versions quickly: COPY on PostgreSQL, batched inserts on SQLite.

Model-level ``bulk_create`` builds a Python object per row; at tens of millions of rows
the objects cost more than the database. These loaders take plain tuples in the order of the
columns named and write them straight to the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from django.db import connection, transaction
from django.db.models import Model

from partnerscope.apps.performance.models import ValueVersion

VALUE_COLUMNS = (
    "indicator_id",
    "area_id",
    "period",
    "ordinal",
    "version",
    "is_current",
    "value",
    "numerator",
    "denominator",
    "lower",
    "upper",
    "status",
    "received",
    "recorded_at",
    "recorded_by",
    "user_id",
    "reason",
)
BATCH = 50_000


def _batches(rows: Iterable[Sequence[Any]], size: int) -> Iterator[list[Sequence[Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def load_rows(model: type[Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write plain tuples (in the order of ``columns``) to ``model``'s table; the count."""
    table = model._meta.db_table
    names = ", ".join(columns)
    count = 0
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
        for batch in _batches(rows, BATCH):
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def load_values(rows: Iterable[Sequence[Any]]) -> int:
    """Write value versions (tuples in :data:`VALUE_COLUMNS` order); returns the count.

    The caller is responsible for the rows being valid: one current version per value,
    versions numbered from 1. Statuses are not refreshed.
    """
    return load_rows(ValueVersion, VALUE_COLUMNS, rows)
