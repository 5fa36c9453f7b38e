"""Compute indicator statuses from the database and store them as snapshots.

The values of a partnership are read in one query per batch of indicators, one row per
series (see :mod:`series_reading`), as the core's ``Series`` (the last version of each
period is the current value; earlier versions are its revisions). The core judges a
batch's series together with ``indicator_statuses``; the judgement is stored in
``IndicatorStatusSnapshot`` so that the dashboard and reports read it instead of
recomputing. Batches can run in worker processes.
"""

from __future__ import annotations

import gc
import json
import math
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from operator import itemgetter
from typing import Any

from django.db import connections, transaction
from django.utils import timezone

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.bulk_loading import load_rows
from partnerscope.apps.performance.models import (
    DEFAULT_DUE_DAYS,
    Area,
    Indicator,
    IndicatorStatusSnapshot,
    PerformanceSettings,
    TargetValue,
)
from partnerscope.apps.performance.series_reading import period_at, read_series, series_texts
from partnerscope.core.indicators import (
    Frequency,
    IndicatorStatus,
    Period,
    Polarity,
    Series,
    StatusRequest,
    indicator_status,
    indicator_statuses,
    t_quantile,
)
from partnerscope.core.indicators import Indicator as CoreIndicator
from partnerscope.core.indicators.memo import IdentityMemo

RECENT_POINTS = 12
"""How many of the latest values a snapshot keeps for the dashboard's sparkline."""
BATCH_INDICATORS = 25
"""Indicators per streaming query (and per task of a worker process)."""

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


_LABELS: dict[Period, str] = {}


def label(period: Period) -> str:
    """``str(period)``, remembered."""
    text = _LABELS.get(period)
    if text is None:
        text = _LABELS[period] = str(period)
    return text


def _openings(periods: tuple[Period, ...]) -> list[str]:
    """``["<period>",`` for each of the last :data:`RECENT_POINTS` periods."""
    return [f"[{json.dumps(label(period))}," for period in periods[-RECENT_POINTS:]]


_recent_openings = IdentityMemo(_openings)
"""The series of a run share a few tuples of periods: each one's openings are written once."""


def recent_json(series: Series) -> str:
    """The last :data:`RECENT_POINTS` points as JSON ``[[period, value], ...]``, written
    directly (a status run writes hundreds of thousands): ``repr`` of a finite float is
    what the JSON encoder writes; other values go through the encoder."""
    values = series.values[-RECENT_POINTS:]
    if not all(map(math.isfinite, values)):
        periods = series.periods[len(series) - len(values) :]
        return json.dumps([[label(p), v] for p, v in zip(periods, values, strict=True)])
    openings = _recent_openings(series.periods)
    return (
        "["
        + ", ".join(
            [f"{opening} {value!r}]" for opening, value in zip(openings, values, strict=True)]
        )
        + "]"
    )


def targets_by_series(indicator_ids: Iterable[int]) -> dict[tuple[int, int], dict[Period, float]]:
    """Every target of the indicators, keyed by ``(indicator id, area id)``."""
    frequencies = {
        pk: Frequency(frequency)
        for pk, frequency in Indicator.objects.filter(pk__in=indicator_ids).values_list(
            "pk", "frequency"
        )
    }
    rows = (
        TargetValue.objects.filter(target__indicator_id__in=list(frequencies))
        .order_by("target__indicator_id", "target__area_id")
        .values_list("target__indicator_id", "target__area_id", "ordinal", "value")
    )
    return {
        (indicator_id, area_id): {
            period_at(frequencies[indicator_id], ordinal): value for _, _, ordinal, value in group
        }
        for (indicator_id, area_id), group in groupby(rows, key=itemgetter(0, 1))
    }


def snapshot_row(
    indicator_id: int, area_id: int, status: IndicatorStatus, computed_at: Any
) -> SnapshotRow:
    """The stored form of a status: the columns of ``IndicatorStatusSnapshot`` in the order
    of :data:`SNAPSHOT_FIELDS`, its JSON fields already encoded."""
    series = status.series
    previous = status.previous
    year_ago = status.year_ago
    spc = status.spc
    return (
        indicator_id,
        area_id,
        status.as_of,
        computed_at,
        len(series),
        label(series.periods[-1]) if series.periods else "",
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
        recent_json(series),
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


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector. Judging a batch makes millions of small
    objects and no reference cycles, and the collector's repeated passes over everything
    the batch holds cost about 15% of it (measured on 10,000 series)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compute_batch(batch: Batch) -> list[SnapshotRow]:
    """Judge every series of the batch's indicators (and areas, when given)."""
    with collector_paused():
        return _judge_batch(batch)


def _judge_batch(batch: Batch) -> list[SnapshotRow]:
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
    keys: list[tuple[int, int]] = []
    requests: list[StatusRequest] = []
    for text in series_texts(batch.indicator_ids, batch.area_ids):
        indicator_id, area_id = text.indicator_id, text.area_id
        series, revisions = read_series(frequencies[indicator_id], text)
        keys.append((indicator_id, area_id))
        requests.append(
            StatusRequest(
                series,
                targets.get((indicator_id, area_id), {}),
                definitions[indicator_id],
                revisions=revisions or None,
            )
        )
    seen = set(keys)
    for indicator_id, area_id in targets:
        if (indicator_id, area_id) in seen or (
            batch.area_ids is not None and area_id not in batch.area_ids
        ):
            continue
        keys.append((indicator_id, area_id))
        requests.append(
            StatusRequest(
                Series((), ()), targets[(indicator_id, area_id)], definitions[indicator_id]
            )
        )
    statuses = indicator_statuses(requests, batch.as_of)
    return [
        snapshot_row(indicator_id, area_id, status, computed_at)
        for (indicator_id, area_id), status in zip(keys, statuses, strict=True)
    ]


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
    """Insert snapshot rows (as :func:`snapshot_row` makes them) straight into the table
    (COPY on PostgreSQL, batched inserts on SQLite): at hundreds of thousands of rows,
    model objects, or one statement a row, would cost more than the statuses."""
    operations = connections[IndicatorStatusSnapshot.objects.db].ops
    adapted: dict[Any, Any] = {}

    def adapt(value: Any, convert: Callable[[Any], Any]) -> Any:
        if value not in adapted:
            adapted[value] = convert(value)
        return adapted[value]

    return load_rows(
        IndicatorStatusSnapshot,
        SNAPSHOT_FIELDS,
        (
            (
                *row[:2],
                adapt(row[2], operations.adapt_datefield_value),
                adapt(row[3], operations.adapt_datetimefield_value),
                *row[4:],
            )
            for row in rows
        ),
    )


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
    texts = list(series_texts([indicator.pk], [area.pk]))
    series, revisions = (
        read_series(Frequency(indicator.frequency), texts[0]) if texts else (Series((), ()), {})
    )
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
