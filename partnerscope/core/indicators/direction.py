"""Direction of travel: is the indicator better or worse than before?

The latest value is compared with the previous period's and with the same period a year
before. When both values carry confidence intervals and the intervals overlap, the change
is judged not significant, the usual convention in public-health profiles (overlapping
intervals are a conservative test: some real differences are missed, none are invented).
Without a polarity the change is only described as increasing or decreasing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from partnerscope.core.indicators.model import Polarity, Series
from partnerscope.core.indicators.periods import Period
from partnerscope.core.indicators.rules import Rule

__all__ = [
    "Direction",
    "DirectionResult",
    "DIRECTION_IMPROVING",
    "DIRECTION_WORSENING",
    "DIRECTION_NO_CHANGE",
    "DIRECTION_NOT_SIGNIFICANT",
    "DIRECTION_INCREASING",
    "DIRECTION_DECREASING",
    "DIRECTION_NO_COMPARATOR",
    "DIRECTION_RULES",
    "direction_of_travel",
    "series_direction",
    "intervals_overlap",
]


class Direction(StrEnum):
    """How a value compares with an earlier one."""

    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no_change"
    NO_SIGNIFICANT_CHANGE = "no_significant_change"
    INCREASING = "increasing"
    DECREASING = "decreasing"


DIRECTION_IMPROVING = Rule(
    "direction_improving",
    "Improving: the value has moved in the better direction since the earlier period "
    "(and, where both have confidence intervals, the intervals do not overlap).",
)
DIRECTION_WORSENING = Rule(
    "direction_worsening",
    "Worsening: the value has moved in the worse direction since the earlier period "
    "(and, where both have confidence intervals, the intervals do not overlap).",
)
DIRECTION_NO_CHANGE = Rule(
    "direction_no_change", "No change: the value is the same as in the earlier period."
)
DIRECTION_NOT_SIGNIFICANT = Rule(
    "direction_not_significant",
    "No significant change: the confidence intervals of the two values overlap.",
)
DIRECTION_INCREASING = Rule(
    "direction_increasing",
    "Increasing: the value has risen; the indicator does not say which way is better.",
)
DIRECTION_DECREASING = Rule(
    "direction_decreasing",
    "Decreasing: the value has fallen; the indicator does not say which way is better.",
)
DIRECTION_NO_COMPARATOR = Rule(
    "direction_no_comparator", "No direction: there is no value for the earlier period."
)
DIRECTION_RULES = (
    DIRECTION_IMPROVING,
    DIRECTION_WORSENING,
    DIRECTION_NO_CHANGE,
    DIRECTION_NOT_SIGNIFICANT,
    DIRECTION_INCREASING,
    DIRECTION_DECREASING,
    DIRECTION_NO_COMPARATOR,
)


@dataclass(frozen=True, slots=True)
class DirectionResult:
    """The direction (``None`` without an earlier value), its rule and the values compared."""

    direction: Direction | None
    rule: Rule
    period: Period | None
    value: float | None
    comparator_period: Period | None
    comparator_value: float | None

    @property
    def change(self) -> float | None:
        """Latest value minus the earlier one."""
        if self.value is None or self.comparator_value is None:
            return None
        return self.value - self.comparator_value

    def to_dict(self) -> dict[str, Any]:
        """``direction``, ``rule``, ``comparator_period``, ``comparator_value``, ``change``."""
        return {
            "direction": None if self.direction is None else str(self.direction),
            "rule": self.rule.to_dict(),
            "comparator_period": None
            if self.comparator_period is None
            else str(self.comparator_period),
            "comparator_value": self.comparator_value,
            "change": self.change,
        }


def intervals_overlap(first: tuple[float, float], second: tuple[float, float]) -> bool:
    """Whether two closed intervals ``(lower, upper)`` share at least one point.

    Examples
    --------
    >>> intervals_overlap((1.0, 3.0), (3.0, 4.0)), intervals_overlap((1.0, 2.0), (2.5, 4.0))
    (True, False)
    """
    return first[0] <= second[1] and second[0] <= first[1]


def direction_of_travel(
    value: float,
    comparator: float,
    polarity: Polarity | None,
    interval: tuple[float, float] | None = None,
    comparator_interval: tuple[float, float] | None = None,
) -> tuple[Direction, Rule]:
    """Judge the move from ``comparator`` (earlier) to ``value`` (later).

    Examples
    --------
    >>> direction_of_travel(12.0, 10.0, Polarity.LOWER_IS_BETTER)[0]
    <Direction.WORSENING: 'worsening'>
    >>> direction_of_travel(12.0, 10.0, Polarity.LOWER_IS_BETTER, (11.0, 13.0), (9.0, 11.5))[0]
    <Direction.NO_SIGNIFICANT_CHANGE: 'no_significant_change'>
    """
    if math.isclose(value, comparator, rel_tol=1e-12, abs_tol=0.0):
        return Direction.NO_CHANGE, DIRECTION_NO_CHANGE
    if (
        interval is not None
        and comparator_interval is not None
        and intervals_overlap(interval, comparator_interval)
    ):
        return Direction.NO_SIGNIFICANT_CHANGE, DIRECTION_NOT_SIGNIFICANT
    risen = value > comparator
    if polarity is None:
        if risen:
            return Direction.INCREASING, DIRECTION_INCREASING
        return Direction.DECREASING, DIRECTION_DECREASING
    if risen == (polarity is Polarity.HIGHER_IS_BETTER):
        return Direction.IMPROVING, DIRECTION_IMPROVING
    return Direction.WORSENING, DIRECTION_WORSENING


def series_direction(
    series: Series, index: int, comparator_period: Period, polarity: Polarity | None
) -> DirectionResult:
    """Direction of the value at ``index`` against the value for ``comparator_period``.

    Examples
    --------
    >>> from partnerscope.core.indicators.periods import parse_period
    >>> s = Series.of([(parse_period("2023"), 50.0), (parse_period("2024"), 55.0)])
    >>> series_direction(s, 1, parse_period("2023"), Polarity.HIGHER_IS_BETTER).to_dict()[
    ...     "direction"]
    'improving'
    """
    period, value = series.periods[index], series.values[index]
    earlier = series.index_of(comparator_period)
    if earlier is None:
        return DirectionResult(
            None, DIRECTION_NO_COMPARATOR, period, value, comparator_period, None
        )
    direction, rule = direction_of_travel(
        value,
        series.values[earlier],
        polarity,
        series.interval(index),
        series.interval(earlier),
    )
    return DirectionResult(
        direction, rule, period, value, comparator_period, series.values[earlier]
    )
