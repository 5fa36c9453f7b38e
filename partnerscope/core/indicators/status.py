"""An indicator's status for one area: every per-series judgement in one result.

:func:`indicator_status` is what a report, a web page and the command line call for each
indicator and area. It rates the latest value against its period's target, judges the
direction of travel against the previous period and the same period a year before,
forecasts the next target, draws the XmR chart and runs the data-quality checks.

:func:`indicator_statuses` judges many series at once (a status run judges hundreds of
thousands), and :func:`indicator_status` judges one as a batch of one.

The forecast aims at the earliest target after the latest value; without one it forecasts
the next period, unclassed. The SPC assurance uses the latest period's target, or failing
that the forecast's target.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from partnerscope.core.indicators.arrays import groups_by_length, rows_of
from partnerscope.core.indicators.direction import DirectionResult, series_direction
from partnerscope.core.indicators.forecast import DEFAULT_FORECAST_POINTS, Forecast, forecasts
from partnerscope.core.indicators.model import Indicator, Series
from partnerscope.core.indicators.periods import Period
from partnerscope.core.indicators.quality import QualityFinding, check_quality_many
from partnerscope.core.indicators.rag import RagResult, rag_status
from partnerscope.core.indicators.spc import MINIMUM_SPC_POINTS, XmRChart, xmr_charts

__all__ = [
    "IndicatorStatus",
    "StatusRequest",
    "indicator_status",
    "indicator_statuses",
    "next_target",
]


@dataclass(frozen=True, slots=True)
class IndicatorStatus:
    """The status of one indicator in one area (see :func:`indicator_status`)."""

    indicator: Indicator
    area: str | None
    as_of: date | None
    series: Series
    target: float | None
    rag: RagResult
    previous: DirectionResult | None
    year_ago: DirectionResult | None
    forecast: Forecast | None
    spc: XmRChart | None
    quality: tuple[QualityFinding, ...]

    @property
    def latest_period(self) -> Period | None:
        """The period of the latest value, or ``None`` when there is none."""
        return self.series.periods[-1] if self.series.periods else None

    @property
    def latest_value(self) -> float | None:
        """The latest value, or ``None`` when there is none."""
        return self.series.values[-1] if self.series.values else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form the CLI prints and the web pages use (keys in docs/indicators.md)."""
        latest = self.latest_period
        return {
            "indicator": self.indicator.code,
            "area": self.area,
            "title": self.indicator.title,
            "polarity": None if self.indicator.polarity is None else str(self.indicator.polarity),
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "values": len(self.series),
            "latest": None
            if latest is None
            else {"period": str(latest), "value": self.latest_value},
            "target": None
            if latest is None or self.target is None
            else {"period": str(latest), "value": self.target},
            "rag": None if self.rag.rating is None else str(self.rag.rating),
            "rag_rule": self.rag.rule.to_dict(),
            "direction": {
                "previous": None if self.previous is None else self.previous.to_dict(),
                "year_ago": None if self.year_ago is None else self.year_ago.to_dict(),
            },
            "forecast": None if self.forecast is None else self.forecast.to_dict(),
            "spc": None if self.spc is None else self.spc.to_dict(self.series.periods),
            "quality": [finding.to_dict() for finding in self.quality],
        }


def next_target(targets: Mapping[Period, float], after: Period) -> tuple[Period, float] | None:
    """The earliest target of ``after``'s frequency for a period later than ``after``.

    Examples
    --------
    >>> from partnerscope.core.indicators.periods import parse_period
    >>> t = {parse_period("2025"): 7.0, parse_period("2026"): 6.0, parse_period("2024"): 8.0}
    >>> next_target(t, parse_period("2024"))
    (Period(frequency=<Frequency.YEAR: 'year'>, ordinal=2025), 7.0)
    """
    best: tuple[Period, float] | None = None
    for period, value in targets.items():
        if (
            period.frequency is after.frequency
            and period.ordinal > after.ordinal
            and (best is None or period.ordinal < best[0].ordinal)
        ):
            best = (period, value)
    return best


@dataclass(frozen=True, slots=True)
class StatusRequest:
    """One indicator in one area to judge (see :func:`indicator_statuses`)."""

    series: Series
    targets: Mapping[Period, float]
    indicator: Indicator
    area: str | None = None
    revisions: Mapping[Period, Sequence[float]] | None = None


def indicator_statuses(
    requests: Sequence[StatusRequest],
    as_of: date | None = None,
    *,
    forecast_points: int = DEFAULT_FORECAST_POINTS,
) -> list[IndicatorStatus]:
    """:func:`indicator_status` for many series at once: the XmR charts, forecasts and
    outlier checks of series of the same length are computed together, as numpy rows."""
    every_series = [
        request.series if as_of is None else request.series.until(as_of) for request in requests
    ]
    quality = check_quality_many(
        every_series,
        [request.indicator for request in requests],
        as_of,
        [request.revisions for request in requests],
    )
    judged = [position for position, series in enumerate(every_series) if series.periods]
    targets: dict[int, float | None] = {}
    forecast_periods: list[Period] = []
    forecast_targets: list[float | None] = []
    for position in judged:
        wanted = requests[position].targets
        latest = every_series[position].periods[-1]
        targets[position] = wanted.get(latest)
        upcoming = next_target(wanted, latest)
        period, target = upcoming if upcoming is not None else (latest.next(), None)
        forecast_periods.append(period)
        forecast_targets.append(target)
    predictions = dict(
        zip(
            judged,
            forecasts(
                [every_series[position] for position in judged],
                forecast_periods,
                forecast_targets,
                [requests[position].indicator.polarity for position in judged],
                forecast_points,
            ),
            strict=True,
        )
    )
    assured = {
        position: targets[position] if targets[position] is not None else aimed
        for position, aimed in zip(judged, forecast_targets, strict=True)
    }
    charts = _charts(requests, every_series, assured)
    statuses = []
    for position, request in enumerate(requests):
        series = every_series[position]
        indicator = request.indicator
        if not series.periods:
            statuses.append(
                IndicatorStatus(
                    indicator,
                    request.area,
                    as_of,
                    series,
                    None,
                    rag_status(None, None, indicator.polarity, indicator.tolerance),
                    None,
                    None,
                    None,
                    None,
                    quality[position],
                )
            )
            continue
        last = len(series) - 1
        latest = series.periods[last]
        target = targets[position]
        statuses.append(
            IndicatorStatus(
                indicator=indicator,
                area=request.area,
                as_of=as_of,
                series=series,
                target=target,
                rag=rag_status(
                    series.values[last], target, indicator.polarity, indicator.tolerance
                ),
                previous=series_direction(series, last, latest.previous(), indicator.polarity),
                year_ago=series_direction(
                    series, last, latest.same_period_last_year(), indicator.polarity
                ),
                forecast=predictions[position],
                spc=charts.get(position),
                quality=quality[position],
            )
        )
    return statuses


def _charts(
    requests: Sequence[StatusRequest],
    every_series: Sequence[Series],
    assured: Mapping[int, float | None],
) -> dict[int, XmRChart]:
    """The XmR chart of each series long enough for one, by position."""
    charts: dict[int, XmRChart] = {}
    lengths = [len(series) for series in every_series]
    for length, members in groups_by_length(lengths, MINIMUM_SPC_POINTS).items():
        polarities = [requests[position].indicator.polarity for position in members]
        drawn = xmr_charts(
            rows_of([every_series[position].values for position in members], length),
            np.array([0 if polarity is None else polarity.sign for polarity in polarities]),
        ).charts(polarities, [assured[position] for position in members])
        charts.update(zip(members, drawn, strict=True))
    return charts


def indicator_status(
    series: Series,
    targets: Mapping[Period, float],
    indicator: Indicator,
    as_of: date | None = None,
    *,
    area: str | None = None,
    revisions: Mapping[Period, Sequence[float]] | None = None,
    forecast_points: int = DEFAULT_FORECAST_POINTS,
) -> IndicatorStatus:
    """Compute every per-series judgement for one indicator in one area.

    With ``as_of``, values of periods that had not ended by then are left out (so a past
    status can be reproduced) and overdue values are judged at that date.

    Examples
    --------
    Quarterly values 50, 52, 55, 53, 56 with a target of 55 (higher is better) in the
    latest quarter: green; up on last quarter and on a year before.

    >>> from partnerscope.core.indicators.model import Polarity
    >>> from partnerscope.core.indicators.periods import parse_period
    >>> quarters = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"]
    >>> s = Series.of(zip(map(parse_period, quarters), [50.0, 52.0, 55.0, 53.0, 56.0]))
    >>> ni151 = Indicator("NI 151", polarity=Polarity.HIGHER_IS_BETTER)
    >>> status = indicator_status(s, {parse_period("2024-Q1"): 55.0}, ni151)
    >>> d = status.to_dict()
    >>> d["rag"], d["direction"]["previous"]["direction"], d["direction"]["year_ago"]["direction"]
    ('green', 'improving', 'improving')
    """
    request = StatusRequest(series, targets, indicator, area, revisions)
    return indicator_statuses([request], as_of, forecast_points=forecast_points)[0]
