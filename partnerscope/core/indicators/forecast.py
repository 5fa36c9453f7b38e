"""Forecast: will the target be met, on the present trend?

A straight line is fitted by least squares to the last ``points`` values (default 6, at
least 3) against period number, and extended to the target's period. The 90% prediction
interval for a single new value there is

    ŷ ± t(0.95; n − 2) · s · √(1 + 1/n + (x₀ − x̄)² / Σ(x − x̄)²)

with ``s`` the residual standard deviation (n − 2 degrees of freedom) and ``t`` Student's
t quantile. The target is *likely met* when the whole interval lies on the good side of
it (meeting it counts as good), *likely missed* when the whole interval lies on the bad
side, and *uncertain* otherwise. :func:`forecasts` fits many series at once, one numpy
row each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

import numpy as np

from partnerscope.core.indicators.arrays import groups_by_length, row_sums, rows_of
from partnerscope.core.indicators.model import Polarity, Series
from partnerscope.core.indicators.periods import Period
from partnerscope.core.indicators.rules import Rule

__all__ = [
    "ForecastClass",
    "Forecast",
    "FORECAST_LIKELY_MET",
    "FORECAST_UNCERTAIN",
    "FORECAST_LIKELY_MISSED",
    "FORECAST_NO_TARGET",
    "FORECAST_NO_POLARITY",
    "FORECAST_RULES",
    "DEFAULT_FORECAST_POINTS",
    "MINIMUM_FORECAST_POINTS",
    "DEFAULT_FORECAST_LEVEL",
    "forecast",
    "forecasts",
    "linear_forecast",
    "linear_forecasts",
    "t_quantile",
]

DEFAULT_FORECAST_POINTS = 6
MINIMUM_FORECAST_POINTS = 3
DEFAULT_FORECAST_LEVEL = 0.90


class ForecastClass(StrEnum):
    """How likely the target is to be met on the present trend."""

    LIKELY_MET = "likely_met"
    UNCERTAIN = "uncertain"
    LIKELY_MISSED = "likely_missed"


FORECAST_LIKELY_MET = Rule(
    "forecast_likely_met",
    "Likely met: the whole 90% prediction interval of the trend at the target's period "
    "is on the good side of the target (or on it).",
)
FORECAST_UNCERTAIN = Rule(
    "forecast_uncertain",
    "Uncertain: the 90% prediction interval of the trend at the target's period "
    "contains values that meet the target and values that miss it.",
)
FORECAST_LIKELY_MISSED = Rule(
    "forecast_likely_missed",
    "Likely missed: the whole 90% prediction interval of the trend at the target's "
    "period is on the bad side of the target.",
)
FORECAST_NO_TARGET = Rule(
    "forecast_no_target", "No class: there is no target for the forecast period."
)
FORECAST_NO_POLARITY = Rule(
    "forecast_no_polarity",
    "No class: the indicator does not say whether higher or lower values are better.",
)
FORECAST_RULES = (
    FORECAST_LIKELY_MET,
    FORECAST_UNCERTAIN,
    FORECAST_LIKELY_MISSED,
    FORECAST_NO_TARGET,
    FORECAST_NO_POLARITY,
)


@lru_cache(maxsize=1024)
def t_quantile(degrees_of_freedom: int, probability: float) -> float:
    """Student's t quantile, cached: a series analysis asks for the same few many times.

    Examples
    --------
    >>> round(t_quantile(4, 0.95), 4)
    2.1318
    """
    from scipy.special import stdtrit  # type: ignore[import-untyped]

    return float(stdtrit(degrees_of_freedom, probability))


@dataclass(frozen=True, slots=True)
class Forecast:
    """The trend's value at ``period`` with its prediction interval and the class."""

    period: Period
    value: float
    lower: float
    upper: float
    level: float
    slope: float
    points: int
    target: float | None
    forecast_class: ForecastClass | None
    rule: Rule

    def to_dict(self) -> dict[str, Any]:
        """``period``, ``value``, ``lower``, ``upper``, ``level``, ``slope`` (per period),
        ``points`` used, ``target``, ``class`` and ``rule``."""
        return {
            "period": str(self.period),
            "value": self.value,
            "lower": self.lower,
            "upper": self.upper,
            "level": self.level,
            "slope": self.slope,
            "points": self.points,
            "target": self.target,
            "class": None if self.forecast_class is None else str(self.forecast_class),
            "rule": self.rule.to_dict(),
        }


def linear_forecasts(
    xs: np.ndarray, ys: np.ndarray, at: np.ndarray, level: float = DEFAULT_FORECAST_LEVEL
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`linear_forecast` for each row of ``xs`` and ``ys`` (``n × points`` arrays)
    at the matching entry of ``at``: arrays of values, lowers, uppers and slopes."""
    n = xs.shape[1]
    if n < MINIMUM_FORECAST_POINTS:
        raise ValueError(f"a forecast needs at least {MINIMUM_FORECAST_POINTS} points")
    mean_x = row_sums(xs) / n
    mean_y = row_sums(ys) / n
    dx = xs - mean_x[:, None]
    sxx = row_sums(dx * dx)
    if not sxx.all():
        raise ValueError("a forecast needs points at two or more different periods")
    slope = row_sums(dx * (ys - mean_y[:, None])) / sxx
    intercept = mean_y - slope * mean_x
    residuals = ys - (intercept[:, None] + slope[:, None] * xs)
    sse = row_sums(residuals * residuals)
    value = intercept + slope * at
    distance = at - mean_x
    spread = np.sqrt(sse / (n - 2)) * np.sqrt(1 + 1 / n + distance * distance / sxx)
    half_width = t_quantile(n - 2, (1 + level) / 2) * spread
    return value, value - half_width, value + half_width, slope


def linear_forecast(
    xs: tuple[float, ...], ys: tuple[float, ...], at: float, level: float = DEFAULT_FORECAST_LEVEL
) -> tuple[float, float, float, float]:
    """Least-squares line through ``(xs, ys)`` evaluated at ``at``.

    Returns ``(value, lower, upper, slope)``, the interval being the two-sided ``level``
    prediction interval for one new observation. Needs at least 3 points and two
    different ``xs``.

    Examples
    --------
    Points (0, 1), (1, 3), (2, 2): x̄ = 1, ȳ = 2, Sxx = 2, Sxy = 1, slope 0.5, so the
    line at x = 3 is 2 + 0.5 × 2 = 3.

    >>> value, lower, upper, slope = linear_forecast((0.0, 1.0, 2.0), (1.0, 3.0, 2.0), 3.0)
    >>> value, slope
    (3.0, 0.5)
    """
    if len(xs) != len(ys):
        raise ValueError("a forecast needs one y for each x")
    columns = linear_forecasts(
        np.asarray([xs], dtype=float), np.asarray([ys], dtype=float), np.array([at]), level
    )
    value, lower, upper, slope = (float(column[0]) for column in columns)
    return value, lower, upper, slope


def _classify(
    lower: float, upper: float, target: float | None, polarity: Polarity | None
) -> tuple[ForecastClass | None, Rule]:
    if target is None:
        return None, FORECAST_NO_TARGET
    if polarity is None:
        return None, FORECAST_NO_POLARITY
    worst, best = (lower, upper) if polarity is Polarity.HIGHER_IS_BETTER else (upper, lower)
    if (worst - target) * polarity.sign >= 0:
        return ForecastClass.LIKELY_MET, FORECAST_LIKELY_MET
    if (best - target) * polarity.sign < 0:
        return ForecastClass.LIKELY_MISSED, FORECAST_LIKELY_MISSED
    return ForecastClass.UNCERTAIN, FORECAST_UNCERTAIN


def forecasts(
    series: Sequence[Series],
    periods: Sequence[Period],
    targets: Sequence[float | None],
    polarities: Sequence[Polarity | None],
    points: int = DEFAULT_FORECAST_POINTS,
    level: float = DEFAULT_FORECAST_LEVEL,
) -> list[Forecast | None]:
    """:func:`forecast` for many series at once (each with its own period, target and
    polarity): the series that use the same number of points are fitted together."""
    if points < MINIMUM_FORECAST_POINTS:
        raise ValueError(f"a forecast needs at least {MINIMUM_FORECAST_POINTS} points")
    results: list[Forecast | None] = [None] * len(series)
    used = [min(points, len(one)) for one in series]
    offsets: dict[int, list[float]] = {}
    for count, members in groups_by_length(used, MINIMUM_FORECAST_POINTS).items():
        xs, ys, at = [], [], []
        for position in members:
            one = series[position]
            origin = one.periods[-1].ordinal
            known = offsets.get(id(one.periods))
            if known is None:
                known = offsets[id(one.periods)] = [
                    float(period.ordinal - origin) for period in one.periods[-count:]
                ]
            xs.append(known)
            ys.append(one.values[-count:])
            at.append(float(periods[position].ordinal - origin))
        columns = linear_forecasts(rows_of(xs, count), rows_of(ys, count), np.array(at), level)
        for position, value, lower, upper, slope in zip(
            members, *(column.tolist() for column in columns), strict=True
        ):
            target = targets[position]
            forecast_class, rule = _classify(lower, upper, target, polarities[position])
            results[position] = Forecast(
                periods[position],
                value,
                lower,
                upper,
                level,
                slope,
                count,
                target,
                forecast_class,
                rule,
            )
    return results


def forecast(
    series: Series,
    period: Period,
    target: float | None,
    polarity: Polarity | None,
    points: int = DEFAULT_FORECAST_POINTS,
    level: float = DEFAULT_FORECAST_LEVEL,
) -> Forecast | None:
    """Forecast ``series`` at ``period`` from its last ``points`` values and class it.

    ``None`` when the series has fewer than 3 values.

    Examples
    --------
    Values 10, 12, 14 (quarters 1 to 3) rise exactly 2 a quarter: the fit is perfect, the
    interval has no width, and Q4 is forecast at 16, above a target of 15.

    >>> from partnerscope.core.indicators.periods import parse_period
    >>> s = Series.of([(parse_period(f"2024-Q{q}"), 8.0 + 2 * q) for q in (1, 2, 3)])
    >>> f = forecast(s, parse_period("2024-Q4"), 15.0, Polarity.HIGHER_IS_BETTER)
    >>> f.value, f.lower, f.upper, f.forecast_class.value
    (16.0, 16.0, 16.0, 'likely_met')
    """
    return forecasts([series], [period], [target], [polarity], points, level)[0]
