"""Compute indicator statuses from the database and store them as snapshots.

The values of a partnership are read in one streaming query per batch of indicators,
ordered by indicator, area, period and version, and grouped into the core's ``Series``
(the last version of each period is the current value; earlier versions are its
revisions). The core judges each series with ``indicator_status``; the judgement is stored
in ``IndicatorStatusSnapshot`` so that the dashboard and reports read it instead of
recomputing. Batches can run in worker processes.
"""

from __future__ import annotations

import json
import multiprocessing
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import groupby
from typing import Any

from django.db import connections, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.models import (
    DEFAULT_DUE_DAYS,
    Area,
    Indicator,
    IndicatorStatusSnapshot,
    PerformanceSettings,
    TargetValue,
    ValueVersion,
)
from partnerscope.core.indicators import (
    Frequency,
    IndicatorStatus,
    Period,
    Polarity,
    Series,
    indicator_status,
    t_quantile,
)
from partnerscope.core.indicators import Indicator as CoreIndicator

VALUE_FIELDS = (
    "indicator_id",
    "area_id",
    "ordinal",
    "value",
    "numerator",
    "denominator",
    "lower",
    "upper",
    "received_text",
)
"""The columns streamed for the status, in this order (versions oldest first). The date a
value was received is read as text, so that no per-row conversion slows the stream."""
RECENT_POINTS = 12
"""How many of the latest values a snapshot keeps for the dashboard's sparkline."""
BATCH_INDICATORS = 25
"""Indicators per streaming query (and per task of a worker process)."""
CHUNK_SIZE = 20_000
QMARK = re.compile(r"(?<!%)%s")
WRITE_BATCH = 5_000

SnapshotRow = tuple[Any, ...]


# ---- Converting stored records to the core's types -------------------------------------


def reporting_settings(partnership: Partnership) -> PerformanceSettings:
    settings, _ = PerformanceSettings.objects.get_or_create(partnership=partnership)
    return settings


def as_of_date(settings: PerformanceSettings) -> date:
    """The date performance is judged at: the set reporting date, or today."""
    return settings.as_of or timezone.localdate()


def core_indicator(indicator: Indicator, default_due_days: int = DEFAULT_DUE_DAYS) -> CoreIndicator:
    """The stored indicator as the core's ``Indicator``."""
    return CoreIndicator(
        code=indicator.code,
        title=indicator.title,
        polarity=Polarity(indicator.polarity) if indicator.polarity else None,
        tolerance=indicator.tolerance,
        unit=indicator.unit,
        minimum=indicator.minimum,
        maximum=indicator.maximum,
        multiplier=indicator.multiplier,
        is_proportion=indicator.is_proportion,
        due_days=indicator.due_days if indicator.due_days is not None else default_due_days,
    )


def _optional(column: tuple[Any, ...]) -> tuple[Any, ...] | None:
    return None if column.count(None) == len(column) else column


_PERIODS: dict[tuple[Frequency, int], Period] = {}
_LABELS: dict[Period, str] = {}


def period_at(frequency: Frequency, ordinal: int) -> Period:
    """The period (one shared object per period, as a status run meets each many times)."""
    key = (frequency, ordinal)
    period = _PERIODS.get(key)
    if period is None:
        period = _PERIODS[key] = Period(frequency, ordinal)
    return period


def label(period: Period) -> str:
    """``str(period)``, remembered."""
    text = _LABELS.get(period)
    if text is None:
        text = _LABELS[period] = str(period)
    return text


_SERIES_LABELS: dict[int, tuple[tuple[Period, ...], tuple[str, ...]]] = {}


def labels_of(periods: tuple[Period, ...]) -> tuple[str, ...]:
    """The labels of a series' periods, remembered for the tuple itself: the series of a
    run share a few tuples of periods (see :func:`_periods_of`)."""
    cached = _SERIES_LABELS.get(id(periods))
    if cached is not None and cached[0] is periods:
        return cached[1]
    if len(_SERIES_LABELS) > 1024:
        _SERIES_LABELS.clear()
    labels = tuple(label(period) for period in periods)
    _SERIES_LABELS[id(periods)] = (periods, labels)
    return labels


@lru_cache(maxsize=1024)
def _periods_of(frequency: Frequency, ordinals: tuple[int, ...]) -> tuple[Period, ...]:
    """The periods of a series (most series of a run share theirs)."""
    return tuple([period_at(frequency, ordinal) for ordinal in ordinals])


@lru_cache(maxsize=8192)
def _day(text: str) -> date:
    return date.fromisoformat(text)


def _dates(column: tuple[Any, ...]) -> tuple[date | None, ...] | None:
    """Dates as stored (a date, or ISO text from SQLite), or ``None`` when there are none."""
    if column.count(None) == len(column):
        return None
    return tuple(
        item if item is None or isinstance(item, date) else _day(str(item)) for item in column
    )


def series_of(
    frequency: Frequency, rows: Iterable[Sequence[Any]]
) -> tuple[Series, dict[Period, list[float]]]:
    """A ``Series`` and its revisions from value rows ordered by period and version.

    Each row ends with ``(ordinal, value, numerator, denominator, lower, upper, received)``
    as :data:`VALUE_FIELDS` does; a later row of the same period is a later version and
    replaces the earlier one, which is kept as a revision.
    """
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return Series((), ()), {}
    columns = list(zip(*rows, strict=True))[-7:]
    ordinals = columns[0]
    revisions: dict[Period, list[float]] = {}
    if len(set(ordinals)) != len(ordinals):
        kept: list[int] = []
        for position, ordinal in enumerate(ordinals):
            if position + 1 < len(ordinals) and ordinals[position + 1] == ordinal:
                period = period_at(frequency, ordinal)
                revisions.setdefault(period, []).append(columns[1][position])
                continue
            if period_at(frequency, ordinal) in revisions:
                revisions[period_at(frequency, ordinal)].append(columns[1][position])
            kept.append(position)
        columns = [tuple([column[position] for position in kept]) for column in columns]
        ordinals = columns[0]
    return (
        Series(
            periods=_periods_of(frequency, tuple(ordinals)),
            values=tuple(columns[1]),
            numerators=_optional(columns[2]),
            denominators=_optional(columns[3]),
            lowers=_optional(columns[4]),
            uppers=_optional(columns[5]),
            received=_dates(columns[6]),
        ),
        revisions,
    )


def targets_by_series(indicator_ids: Iterable[int]) -> dict[tuple[int, int], dict[Period, float]]:
    """Every target of the indicators, keyed by ``(indicator id, area id)``."""
    frequencies = {
        pk: Frequency(frequency)
        for pk, frequency in Indicator.objects.filter(pk__in=indicator_ids).values_list(
            "pk", "frequency"
        )
    }
    targets: dict[tuple[int, int], dict[Period, float]] = {}
    rows = TargetValue.objects.filter(target__indicator_id__in=list(frequencies)).values_list(
        "target__indicator_id", "target__area_id", "ordinal", "value"
    )
    for indicator_id, area_id, ordinal, value in rows:
        period = period_at(frequencies[indicator_id], ordinal)
        targets.setdefault((indicator_id, area_id), {})[period] = value
    return targets


def snapshot_row(
    indicator_id: int, area_id: int, status: IndicatorStatus, computed_at: Any
) -> SnapshotRow:
    """The stored form of a status: the columns of ``IndicatorStatusSnapshot`` in the order
    of :data:`SNAPSHOT_FIELDS`, its JSON fields already encoded."""
    series = status.series
    previous = status.previous
    year_ago = status.year_ago
    spc = status.spc
    start = max(0, len(series) - RECENT_POINTS)
    labels = labels_of(series.periods)
    return (
        indicator_id,
        area_id,
        status.as_of,
        computed_at,
        len(series),
        labels[-1] if labels else "",
        status.latest_value,
        status.target,
        "" if status.rag.rating is None else str(status.rag.rating),
        "" if previous is None or previous.direction is None else str(previous.direction),
        "" if year_ago is None or year_ago.direction is None else str(year_ago.direction),
        ""
        if status.forecast is None or status.forecast.forecast_class is None
        else str(status.forecast.forecast_class),
        "" if spc is None else str(spc.variation),
        "" if spc is None or spc.assurance is None else str(spc.assurance),
        len(status.quality),
        "[]"
        if not status.quality
        else json.dumps(
            [
                {
                    "rule": finding.rule.name,
                    "dimension": str(finding.dimension),
                    "period": None if finding.period is None else label(finding.period),
                    "detail": finding.detail,
                }
                for finding in status.quality
            ]
        ),
        json.dumps(
            [
                [text, value]
                for text, value in zip(labels[start:], series.values[start:], strict=True)
            ]
        ),
    )


SNAPSHOT_FIELDS = (
    "indicator_id",
    "area_id",
    "as_of",
    "computed_at",
    "values_count",
    "latest_period",
    "latest_value",
    "target",
    "rag",
    "direction",
    "year_ago",
    "forecast",
    "variation",
    "assurance",
    "quality_count",
    "quality",
    "recent",
)
JSON_FIELDS = {"quality", "recent"}


# ---- Computing statuses in batches ------------------------------------------------------


@dataclass(frozen=True)
class Batch:
    """A batch of indicators to judge at one date."""

    indicator_ids: tuple[int, ...]
    as_of: date
    default_due_days: int
    area_ids: tuple[int, ...] | None = None


def value_rows(batch: Batch) -> Iterator[tuple[Any, ...]]:
    """The batch's value versions as one streaming query, by indicator, area, period, version."""
    query = ValueVersion.objects.filter(indicator_id__in=batch.indicator_ids)
    if batch.area_ids is not None:
        query = query.filter(area_id__in=batch.area_ids)
    query = (
        query.order_by("indicator_id", "area_id", "ordinal", "version")
        .annotate(received_text=Cast("received", CharField()))
        .values_list(*VALUE_FIELDS)
    )
    connection = connections[query.db]
    if connection.vendor == "postgresql":
        return _postgres_rows(connection, *query.query.sql_with_params())
    if (
        connection.vendor == "sqlite"
        and not connection.in_atomic_block
        and not connection.is_in_memory_db()
    ):
        return _sqlite_rows(connection.settings_dict["NAME"], *query.query.sql_with_params())
    return query.iterator(chunk_size=CHUNK_SIZE)


def _postgres_rows(connection: Any, sql: str, params: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
    """Read a batch through an ordinary (client-side) cursor: one round trip for the whole
    batch, where a server-side cursor would fetch it in many."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK_SIZE):
            yield from rows


def _sqlite_rows(path: str, sql: str, params: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
    """Stream a query over a plain SQLite connection.

    Django's own connection asks SQLite to look up a converter for every column of every
    row by its declared type; over millions of rows that doubles the cost of reading, and
    none of these columns needs one. Used only outside a transaction, whose changes a
    second connection could not see.
    """
    plain = sqlite3.connect(path, timeout=30)
    try:
        cursor = plain.execute(QMARK.sub("?", sql).replace("%%", "%"), tuple(params))
        while rows := cursor.fetchmany(CHUNK_SIZE):
            yield from rows
    finally:
        plain.close()


def compute_batch(batch: Batch) -> list[SnapshotRow]:
    """Judge every series of the batch's indicators (and areas, when given)."""
    indicators = {
        indicator.pk: indicator
        for indicator in Indicator.objects.filter(pk__in=batch.indicator_ids)
    }
    definitions = {
        pk: core_indicator(indicator, batch.default_due_days)
        for pk, indicator in indicators.items()
    }
    frequencies = {pk: Frequency(indicator.frequency) for pk, indicator in indicators.items()}
    targets = targets_by_series(batch.indicator_ids)
    computed_at = timezone.now()
    rows: list[SnapshotRow] = []
    seen: set[tuple[int, int]] = set()
    for (indicator_id, area_id), group in groupby(value_rows(batch), key=lambda r: (r[0], r[1])):
        series, revisions = series_of(frequencies[indicator_id], group)
        status = indicator_status(
            series,
            targets.get((indicator_id, area_id), {}),
            definitions[indicator_id],
            batch.as_of,
            revisions=revisions or None,
        )
        rows.append(snapshot_row(indicator_id, area_id, status, computed_at))
        seen.add((indicator_id, area_id))
    for indicator_id, area_id in targets:
        if (indicator_id, area_id) in seen or (
            batch.area_ids is not None and area_id not in batch.area_ids
        ):
            continue
        empty, _ = series_of(frequencies[indicator_id], [])
        status = indicator_status(
            empty, targets[(indicator_id, area_id)], definitions[indicator_id], batch.as_of
        )
        rows.append(snapshot_row(indicator_id, area_id, status, computed_at))
    return rows


def store_batch(batch: Batch) -> int:
    """Judge a batch and replace its stored statuses in one transaction; the count stored.

    The values are read before the transaction opens, so a worker holds the database's
    write lock only while it writes.
    """
    rows = compute_batch(batch)
    with transaction.atomic():
        stale = IndicatorStatusSnapshot.objects.filter(indicator_id__in=batch.indicator_ids)
        if batch.area_ids is not None:
            stale = stale.filter(area_id__in=batch.area_ids)
        stale.delete()
        return _write(rows)


def _store_in_worker(batch: Batch) -> int:
    try:
        return store_batch(batch)
    finally:
        connections.close_all()


def _batches(indicator_ids: Sequence[int], size: int) -> Iterator[tuple[int, ...]]:
    for start in range(0, len(indicator_ids), size):
        yield tuple(indicator_ids[start : start + size])


def _write(rows: Iterable[SnapshotRow]) -> int:
    """Insert snapshot rows (as :func:`snapshot_row` makes them) in batches of plain SQL:
    at hundreds of thousands of rows, model objects would cost more than the statuses."""
    connection = connections[IndicatorStatusSnapshot.objects.db]
    operations = connection.ops
    marks = [
        "%s::jsonb" if name in JSON_FIELDS and connection.vendor == "postgresql" else "%s"
        for name in SNAPSHOT_FIELDS
    ]
    sql = (
        f"INSERT INTO {IndicatorStatusSnapshot._meta.db_table} ({', '.join(SNAPSHOT_FIELDS)}) "
        f"VALUES ({', '.join(marks)})"
    )
    adapted: dict[Any, Any] = {}

    def adapt(value: Any, convert: Callable[[Any], Any]) -> Any:
        if value not in adapted:
            adapted[value] = convert(value)
        return adapted[value]

    count = 0
    batch: list[tuple[Any, ...]] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(
                (
                    *row[:2],
                    adapt(row[2], operations.adapt_datefield_value),
                    adapt(row[3], operations.adapt_datetimefield_value),
                    *row[4:],
                )
            )
            if len(batch) >= WRITE_BATCH:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


@dataclass(frozen=True)
class RefreshResult:
    partnership: str
    as_of: date
    indicators: int
    series: int


def refresh_partnership(
    partnership: Partnership,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> RefreshResult:
    """Recompute and store the status of every indicator in every area of the partnership.

    The indicators are judged in batches; each batch's statuses replace the old ones in
    its own transaction, so a page read meanwhile shows each indicator's old or new
    statuses, never none. With ``workers`` above 1 the batches are judged and stored by
    that many worker processes, each with its own database connection.
    """
    settings = reporting_settings(partnership)
    as_of = as_of_date(settings)
    indicator_ids = list(
        Indicator.objects.in_partnership(partnership).order_by("pk").values_list("pk", flat=True)
    )
    batches = [
        Batch(ids, as_of, settings.due_days) for ids in _batches(indicator_ids, BATCH_INDICATORS)
    ]
    IndicatorStatusSnapshot.objects.filter(indicator__partnership=partnership).exclude(
        indicator_id__in=indicator_ids
    ).delete()
    stored = 0
    if workers > 1 and len(batches) > 1:
        # Load the statistics library (for the forecast's t quantiles) before forking, so
        # that no worker loads it again; fork with no connection open, so that each worker
        # makes its own.
        t_quantile(4, 0.95)
        connections.close_all()
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for done, count in enumerate(pool.imap_unordered(_store_in_worker, batches), 1):
                stored += count
                if progress:
                    progress(done, len(batches))
    else:
        for done, batch in enumerate(batches, 1):
            stored += store_batch(batch)
            if progress:
                progress(done, len(batches))
    return RefreshResult(partnership.slug, as_of, len(indicator_ids), stored)


def refresh_series(indicator: Indicator, areas: Iterable[Area] | None = None) -> None:
    """Recompute the stored status of one indicator (in the given areas, or all of them)."""
    settings = reporting_settings(indicator.partnership)
    area_ids = None if areas is None else tuple(area.pk for area in areas)
    store_batch(Batch((indicator.pk,), as_of_date(settings), settings.due_days, area_ids))


def live_status(
    indicator: Indicator, area: Area, settings: PerformanceSettings
) -> tuple[IndicatorStatus, Series]:
    """The status of one indicator in one area computed now, and its whole series."""
    rows = (
        ValueVersion.objects.of_series(indicator.pk, area.pk)
        .order_by("ordinal", "version")
        .annotate(received_text=Cast("received", CharField()))
        .values_list(*VALUE_FIELDS)
    )
    series, revisions = series_of(Frequency(indicator.frequency), rows)
    targets = targets_by_series([indicator.pk]).get((indicator.pk, area.pk), {})
    status = indicator_status(
        series,
        targets,
        core_indicator(indicator, settings.due_days),
        as_of_date(settings),
        area=area.name,
        revisions=revisions or None,
    )
    return status, series
