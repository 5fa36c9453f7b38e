"""Compute indicator statuses from the database and store them as snapshots.

The values of a partnership are read in one streaming query per batch of indicators,
ordered by indicator, area, period and version, and grouped into the core's ``Series``
(the last version of each period is the current value; earlier versions are its
revisions). The core judges each series with ``indicator_status``; the judgement is stored
in ``IndicatorStatusSnapshot`` so that the dashboard and reports read it instead of
recomputing. Batches can run in worker processes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any

from django.db import connections, transaction
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
    "received",
)
"""The columns streamed for the status, in this order (versions oldest first)."""
RECENT_POINTS = 12
"""How many of the latest values a snapshot keeps for the dashboard's sparkline."""
BATCH_INDICATORS = 25
"""Indicators per streaming query (and per task of a worker process)."""
CHUNK_SIZE = 20_000
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


def _optional(column: list[Any]) -> tuple[Any, ...] | None:
    for item in column:
        if item is not None:
            return tuple(column)
    return None


def series_of(
    frequency: Frequency, rows: Iterable[Sequence[Any]]
) -> tuple[Series, dict[Period, list[float]]]:
    """A ``Series`` and its revisions from value rows ordered by period and version.

    Each row is ``(…, ordinal, value, numerator, denominator, lower, upper, received)`` as
    the last seven of :data:`VALUE_FIELDS`; a later row of the same period is a later
    version and replaces the earlier one, which is kept as a revision.
    """
    ordinals: list[int] = []
    values: list[float] = []
    numerators: list[Any] = []
    denominators: list[Any] = []
    lowers: list[Any] = []
    uppers: list[Any] = []
    received: list[Any] = []
    revisions: dict[Period, list[float]] = {}
    for row in rows:
        ordinal, value, numerator, denominator, lower, upper, arrived = row[-7:]
        if ordinals and ordinals[-1] == ordinal:
            period = Period(frequency, ordinal)
            revisions.setdefault(period, [values[-1]]).append(value)
            values[-1], numerators[-1], denominators[-1] = value, numerator, denominator
            lowers[-1], uppers[-1], received[-1] = lower, upper, arrived
            continue
        ordinals.append(ordinal)
        values.append(value)
        numerators.append(numerator)
        denominators.append(denominator)
        lowers.append(lower)
        uppers.append(upper)
        received.append(arrived)
    series = Series(
        periods=tuple(Period(frequency, ordinal) for ordinal in ordinals),
        values=tuple(values),
        numerators=_optional(numerators),
        denominators=_optional(denominators),
        lowers=_optional(lowers),
        uppers=_optional(uppers),
        received=_optional(received),
    )
    return series, revisions


def targets_by_series(indicator_ids: Iterable[int]) -> dict[tuple[int, int], dict[Period, float]]:
    """Every target of the indicators, keyed by ``(indicator id, area id)``."""
    frequencies = dict(
        Indicator.objects.filter(pk__in=indicator_ids).values_list("pk", "frequency")
    )
    targets: dict[tuple[int, int], dict[Period, float]] = {}
    rows = TargetValue.objects.filter(target__indicator_id__in=list(frequencies)).values_list(
        "target__indicator_id", "target__area_id", "ordinal", "value"
    )
    for indicator_id, area_id, ordinal, value in rows:
        period = Period(Frequency(frequencies[indicator_id]), ordinal)
        targets.setdefault((indicator_id, area_id), {})[period] = value
    return targets


def snapshot_row(
    indicator_id: int, area_id: int, status: IndicatorStatus, computed_at: Any
) -> SnapshotRow:
    """The stored form of a status: the fields of ``IndicatorStatusSnapshot`` in order."""
    series = status.series
    previous = status.previous
    year_ago = status.year_ago
    spc = status.spc
    start = max(0, len(series) - RECENT_POINTS)
    return (
        indicator_id,
        area_id,
        status.as_of,
        computed_at,
        len(series),
        "" if status.latest_period is None else str(status.latest_period),
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
        [
            {
                "rule": finding.rule.name,
                "dimension": str(finding.dimension),
                "period": None if finding.period is None else str(finding.period),
                "detail": finding.detail,
            }
            for finding in status.quality
        ],
        [
            [str(period), value]
            for period, value in zip(series.periods[start:], series.values[start:], strict=True)
        ],
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
    return (
        query.order_by("indicator_id", "area_id", "ordinal", "version")
        .values_list(*VALUE_FIELDS)
        .iterator(chunk_size=CHUNK_SIZE)
    )


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


def _compute_in_worker(batch: Batch) -> list[SnapshotRow]:
    try:
        return compute_batch(batch)
    finally:
        connections.close_all()


def _batches(indicator_ids: Sequence[int], size: int) -> Iterator[tuple[int, ...]]:
    for start in range(0, len(indicator_ids), size):
        yield tuple(indicator_ids[start : start + size])


def _write(rows: Iterable[SnapshotRow]) -> int:
    count = 0
    buffer: list[IndicatorStatusSnapshot] = []
    for row in rows:
        buffer.append(IndicatorStatusSnapshot(**dict(zip(SNAPSHOT_FIELDS, row, strict=True))))
        if len(buffer) >= WRITE_BATCH:
            IndicatorStatusSnapshot.objects.bulk_create(buffer)
            count += len(buffer)
            buffer = []
    IndicatorStatusSnapshot.objects.bulk_create(buffer)
    return count + len(buffer)


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

    With ``workers`` above 1 the batches are judged in that many worker processes (each
    with its own database connection); the snapshots are written by this process in one
    transaction, replacing the old ones.
    """
    settings = reporting_settings(partnership)
    as_of = as_of_date(settings)
    indicator_ids = list(
        Indicator.objects.in_partnership(partnership).order_by("pk").values_list("pk", flat=True)
    )
    batches = [
        Batch(ids, as_of, settings.due_days) for ids in _batches(indicator_ids, BATCH_INDICATORS)
    ]
    done = 0

    def results() -> Iterator[SnapshotRow]:
        nonlocal done
        if workers > 1 and len(batches) > 1:
            connections.close_all()
            context = multiprocessing.get_context("fork")
            with context.Pool(workers) as pool:
                for rows in pool.imap_unordered(_compute_in_worker, batches):
                    done += 1
                    if progress:
                        progress(done, len(batches))
                    yield from rows
        else:
            for batch in batches:
                rows = compute_batch(batch)
                done += 1
                if progress:
                    progress(done, len(batches))
                yield from rows

    with transaction.atomic():
        IndicatorStatusSnapshot.objects.filter(indicator__partnership=partnership).delete()
        series = _write(results())
    return RefreshResult(partnership.slug, as_of, len(indicator_ids), series)


def refresh_series(indicator: Indicator, areas: Iterable[Area] | None = None) -> None:
    """Recompute the stored status of one indicator (in the given areas, or all of them)."""
    settings = reporting_settings(indicator.partnership)
    area_ids = None if areas is None else tuple(area.pk for area in areas)
    batch = Batch((indicator.pk,), as_of_date(settings), settings.due_days, area_ids)
    rows = compute_batch(batch)
    with transaction.atomic():
        stale = IndicatorStatusSnapshot.objects.filter(indicator=indicator)
        if area_ids is not None:
            stale = stale.filter(area_id__in=area_ids)
        stale.delete()
        _write(rows)


def live_status(
    indicator: Indicator, area: Area, settings: PerformanceSettings
) -> tuple[IndicatorStatus, Series]:
    """The status of one indicator in one area computed now, and its whole series."""
    rows = (
        ValueVersion.objects.of_series(indicator.pk, area.pk)
        .order_by("ordinal", "version")
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
