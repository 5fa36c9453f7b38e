"""Statistical process control as NHS England's *Making Data Count* does it (XmR chart).

The conventions follow NHSRplotthedots, the NHS-R Community's reference implementation:

* the centre line is the mean; moving ranges are ``|x[i] - x[i-1]|``; the process limits
  are ``mean ± 2.66 × mean moving range`` and the "two sigma" lines are
  ``mean ± (2/3) × 2.66 × mean moving range``;
* moving ranges of ``3.267 × mean moving range`` or more are screened out and the mean
  moving range recomputed before the limits are set (NHSRplotthedots' default
  ``screen_outliers = TRUE``); a flat series (mean moving range 0) is not screened;
* ``baseline`` fixes the mean and limits on the first ``baseline`` points
  (``fix_after_n_points``);
* a point exactly on the mean is on neither side, so it breaks a run; an unchanged value
  breaks a trend;
* every point of a qualifying run or trend is flagged, not only the seventh;
* "two of three": in three consecutive points all on the same side of the mean, at least
  two are beyond the two-sigma line but inside the limits; only those points are flagged
  (a point beyond the limits is flagged by its own rule);
* a flagged point is *improving* or *concerning* by the direction of its signal, taken in
  NHSRplotthedots' order of precedence: beyond a limit, its side of the mean; else in a
  trend, the trend's direction (the later trend's for a point in two, such as a peak);
  else its side of the mean (two of three, run). It is *neither* when the indicator has no
  polarity. The chart's variation is the class of its latest point, as the Making Data
  Count icons show. (NHSRplotthedots 0.2 takes a trend point's direction from the step to
  its right whenever the next point is also in a trend, which misjudges the last point of
  a trend followed by an unrelated one; the trend's own direction is used here.)
* assurance compares the target with the limits: beyond the limits on the good side the
  target is consistently met, beyond them on the bad side consistently missed, otherwise
  hit and miss; a target exactly on a limit is hit and miss;
* limits are computed from 2 points or more; a chart of fewer than 12 points is marked
  ``short_series`` (NHSRplotthedots' short-group warning).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np

from partnerscope.core.indicators.arrays import row_sums
from partnerscope.core.indicators.model import Polarity
from partnerscope.core.indicators.periods import Period
from partnerscope.core.indicators.rules import Rule

__all__ = [
    "LIMIT_FACTOR",
    "SCREEN_FACTOR",
    "SHORT_SERIES_POINTS",
    "MINIMUM_SPC_POINTS",
    "RUN_LENGTH",
    "XmRLimits",
    "SignalRule",
    "Signal",
    "Variation",
    "Assurance",
    "XmRChart",
    "XmRCharts",
    "SPC_BEYOND_LIMITS",
    "SPC_RUN_OF_SEVEN",
    "SPC_TREND_OF_SEVEN",
    "SPC_TWO_OF_THREE",
    "SIGNAL_RULES",
    "SPC_COMMON_CAUSE",
    "SPC_SPECIAL_CAUSE_IMPROVING",
    "SPC_SPECIAL_CAUSE_CONCERNING",
    "SPC_SPECIAL_CAUSE_NEITHER",
    "SPC_CONSISTENTLY_MET",
    "SPC_CONSISTENTLY_MISSED",
    "SPC_HIT_AND_MISS",
    "VARIATION_RULES",
    "ASSURANCE_RULES",
    "xmr_limits",
    "xmr_chart",
    "xmr_charts",
    "assurance",
]

LIMIT_FACTOR = 2.66
"""Process limits sit this many mean moving ranges from the mean (3 sigma for XmR)."""
SCREEN_FACTOR = 3.267
"""Moving ranges this many times the mean moving range or more are screened out."""
SHORT_SERIES_POINTS = 12
MINIMUM_SPC_POINTS = 2
RUN_LENGTH = 7


@dataclass(frozen=True, slots=True)
class XmRLimits:
    """Centre line and limits of an XmR chart."""

    mean: float
    mean_moving_range: float
    lower_limit: float
    upper_limit: float
    lower_two_sigma: float
    upper_two_sigma: float


def _limit_columns(
    values: np.ndarray, baseline: int | None, screen_outliers: bool
) -> tuple[np.ndarray, ...]:
    """Means, mean moving ranges, lower and upper limits and two-sigma lines of each row."""
    basis = values if baseline is None else values[:, :baseline]
    if basis.shape[1] < MINIMUM_SPC_POINTS:
        raise ValueError(f"an XmR chart needs at least {MINIMUM_SPC_POINTS} points")
    means = row_sums(basis) / basis.shape[1]
    ranges = np.abs(basis[:, 1:] - basis[:, :-1])
    mean_ranges = row_sums(ranges) / ranges.shape[1]
    if screen_outliers:
        kept = ranges < (SCREEN_FACTOR * mean_ranges)[:, None]
        screened = (mean_ranges > 0) & ~kept.all(axis=1)
        if screened.any():
            kept_means = row_sums(np.where(kept, ranges, 0.0)) / np.maximum(kept.sum(axis=1), 1)
            mean_ranges = np.where(screened, kept_means, mean_ranges)
    width = LIMIT_FACTOR * mean_ranges
    near = 2 * (LIMIT_FACTOR / 3) * mean_ranges
    return means, mean_ranges, means - width, means + width, means - near, means + near


def xmr_limits(
    values: Sequence[float], baseline: int | None = None, screen_outliers: bool = True
) -> XmRLimits:
    """Mean, mean moving range and limits of ``values`` (the first ``baseline`` of them).

    Examples
    --------
    Values 10, 12, 11, 13: mean 11.5; moving ranges 2, 1, 2 with mean 5/3; none is
    screened (3.267 × 5/3 ≈ 5.4); limits 11.5 ± 2.66 × 5/3 = 11.5 ± 4.4333.

    >>> limits = xmr_limits([10.0, 12.0, 11.0, 13.0])
    >>> round(limits.lower_limit, 4), round(limits.upper_limit, 4)
    (7.0667, 15.9333)
    """
    columns = _limit_columns(np.asarray([values], dtype=float), baseline, screen_outliers)
    return XmRLimits(*(float(column[0]) for column in columns))


@dataclass(frozen=True, slots=True)
class SignalRule(Rule):
    """A special-cause rule (its tests live in :func:`xmr_charts`)."""


SPC_BEYOND_LIMITS = SignalRule(
    "spc_beyond_limits",
    "Special cause: a point above the upper or below the lower process limit.",
)
SPC_RUN_OF_SEVEN = SignalRule(
    "spc_run_of_seven",
    "Special cause (shift): seven or more consecutive points on the same side of the mean; "
    "every point of the run is flagged.",
)
SPC_TREND_OF_SEVEN = SignalRule(
    "spc_trend_of_seven",
    "Special cause (trend): seven or more consecutive points each higher than the one "
    "before, or each lower; every point of the trend is flagged.",
)
SPC_TWO_OF_THREE = SignalRule(
    "spc_two_of_three",
    "Special cause: two or three out of three consecutive points on the same side of the "
    "mean lie beyond the two-sigma line (two thirds of the way to the process limit) "
    "but within the limits; those points are flagged.",
)
SIGNAL_RULES = (SPC_BEYOND_LIMITS, SPC_RUN_OF_SEVEN, SPC_TREND_OF_SEVEN, SPC_TWO_OF_THREE)


class Variation(StrEnum):
    """The Making Data Count variation class of a point (and of a chart's latest point)."""

    COMMON_CAUSE = "common_cause"
    SPECIAL_CAUSE_IMPROVING = "special_cause_improving"
    SPECIAL_CAUSE_CONCERNING = "special_cause_concerning"
    SPECIAL_CAUSE_NEITHER = "special_cause_neither"


class Assurance(StrEnum):
    """The Making Data Count assurance class: can the process be relied on to meet target?"""

    CONSISTENTLY_MET = "consistently_met"
    CONSISTENTLY_MISSED = "consistently_missed"
    HIT_AND_MISS = "hit_and_miss"


SPC_COMMON_CAUSE = Rule(
    "spc_common_cause",
    "Common cause variation: no special-cause rule flags the latest point.",
)
SPC_SPECIAL_CAUSE_IMPROVING = Rule(
    "spc_special_cause_improving",
    "Special cause variation of an improving nature: a rule flags the latest point, and "
    "its signal points the good way (beyond a limit or on a side of the mean, the good "
    "side; in a trend, the good direction).",
)
SPC_SPECIAL_CAUSE_CONCERNING = Rule(
    "spc_special_cause_concerning",
    "Special cause variation of a concerning nature: a rule flags the latest point, and "
    "its signal points the bad way (beyond a limit or on a side of the mean, the bad side; "
    "in a trend, the bad direction).",
)
SPC_SPECIAL_CAUSE_NEITHER = Rule(
    "spc_special_cause_neither",
    "Special cause variation, neither improving nor concerning: a rule flags the latest "
    "point, and the indicator does not say which way is better.",
)
VARIATION_RULES = {
    Variation.COMMON_CAUSE: SPC_COMMON_CAUSE,
    Variation.SPECIAL_CAUSE_IMPROVING: SPC_SPECIAL_CAUSE_IMPROVING,
    Variation.SPECIAL_CAUSE_CONCERNING: SPC_SPECIAL_CAUSE_CONCERNING,
    Variation.SPECIAL_CAUSE_NEITHER: SPC_SPECIAL_CAUSE_NEITHER,
}
SPC_CONSISTENTLY_MET = Rule(
    "spc_consistently_met",
    "Consistently met: the target lies beyond the process limits on the bad side, so the "
    "process will meet it unless something changes.",
)
SPC_CONSISTENTLY_MISSED = Rule(
    "spc_consistently_missed",
    "Consistently missed: the target lies beyond the process limits on the good side, so "
    "the process will miss it unless something changes.",
)
SPC_HIT_AND_MISS = Rule(
    "spc_hit_and_miss",
    "Hit and miss: the target lies within the process limits, so the process will "
    "sometimes meet it and sometimes miss it.",
)
ASSURANCE_RULES = {
    Assurance.CONSISTENTLY_MET: SPC_CONSISTENTLY_MET,
    Assurance.CONSISTENTLY_MISSED: SPC_CONSISTENTLY_MISSED,
    Assurance.HIT_AND_MISS: SPC_HIT_AND_MISS,
}


def assurance(target: float, polarity: Polarity, limits: XmRLimits) -> Assurance:
    """Whether the process consistently meets, consistently misses or hits and misses.

    Examples
    --------
    >>> limits = xmr_limits([10.0, 12.0, 11.0, 13.0])  # limits 7.07 to 15.93
    >>> assurance(5.0, Polarity.HIGHER_IS_BETTER, limits).value
    'consistently_met'
    >>> assurance(5.0, Polarity.LOWER_IS_BETTER, limits).value
    'consistently_missed'
    """
    if target > limits.upper_limit:
        above = True
    elif target < limits.lower_limit:
        above = False
    else:
        return Assurance.HIT_AND_MISS
    if above == (polarity is Polarity.HIGHER_IS_BETTER):
        return Assurance.CONSISTENTLY_MISSED
    return Assurance.CONSISTENTLY_MET


@dataclass(frozen=True, slots=True)
class Signal:
    """The points (by position) that one rule flags."""

    rule: SignalRule
    indices: tuple[int, ...]


VARIATION_CODES = (
    Variation.COMMON_CAUSE,
    Variation.SPECIAL_CAUSE_IMPROVING,
    Variation.SPECIAL_CAUSE_CONCERNING,
    Variation.SPECIAL_CAUSE_NEITHER,
)
"""The variation classes in the order of their codes in :class:`XmRCharts`."""


@dataclass(frozen=True, slots=True)
class XmRChart:
    """An XmR chart's limits, its signals and the variation and assurance classes.

    Each point's signals are kept as one byte of bits (bit ``r`` set when
    ``SIGNAL_RULES[r]`` flags it) and its variation as one byte of code (a position in
    :data:`VARIATION_CODES`): a status run draws hundreds of thousands of charts and
    reads only their latest point.

    """

    limits: XmRLimits
    points: int
    variation: Variation
    target: float | None
    assurance: Assurance | None
    point_flags: bytes
    point_codes: bytes

    @property
    def signals(self) -> tuple[Signal, ...]:
        """Each rule that flags a point, with the points it flags, in rule order."""
        signals = []
        for bit, rule in enumerate(SIGNAL_RULES):
            mask = 1 << bit
            indices = tuple(i for i, flags in enumerate(self.point_flags) if flags & mask)
            if indices:
                signals.append(Signal(rule, indices))
        return tuple(signals)

    @property
    def point_variation(self) -> tuple[Variation, ...]:
        """The variation class of each point."""
        return tuple(VARIATION_CODES[code] for code in self.point_codes)

    @property
    def short_series(self) -> bool:
        """Fewer than 12 points: limits are provisional."""
        return self.points < SHORT_SERIES_POINTS

    @property
    def special_cause(self) -> tuple[bool, ...]:
        """Whether any rule flags each point."""
        return tuple(flags != 0 for flags in self.point_flags)

    def to_dict(self, periods: Sequence[Period] | None = None) -> dict[str, Any]:
        """``mean``, ``mean_moving_range``, ``lower_limit``, ``upper_limit``,
        ``lower_two_sigma``, ``upper_two_sigma``, ``points``, ``short_series``,
        ``variation``, ``variation_rule``, ``target``, ``assurance``, ``assurance_rule`` and
        ``signals`` (each ``rule``, ``text``, ``indices`` and, given ``periods``,
        ``periods``)."""
        signals = []
        for signal in self.signals:
            entry: dict[str, Any] = {
                "rule": signal.rule.name,
                "text": signal.rule.text,
                "indices": list(signal.indices),
            }
            if periods is not None:
                entry["periods"] = [str(periods[i]) for i in signal.indices]
            signals.append(entry)
        return {
            "mean": self.limits.mean,
            "mean_moving_range": self.limits.mean_moving_range,
            "lower_limit": self.limits.lower_limit,
            "upper_limit": self.limits.upper_limit,
            "lower_two_sigma": self.limits.lower_two_sigma,
            "upper_two_sigma": self.limits.upper_two_sigma,
            "points": self.points,
            "short_series": self.short_series,
            "variation": str(self.variation),
            "variation_rule": VARIATION_RULES[self.variation].to_dict(),
            "target": self.target,
            "assurance": None if self.assurance is None else str(self.assurance),
            "assurance_rule": None
            if self.assurance is None
            else ASSURANCE_RULES[self.assurance].to_dict(),
            "signals": signals,
        }


def _window_counts(mask: np.ndarray, width: int) -> np.ndarray:
    """For each start position, how many of the ``width`` cells from there are set."""
    totals = np.zeros((mask.shape[0], mask.shape[1] + 1), dtype=np.int32)
    np.cumsum(mask, axis=1, out=totals[:, 1:])
    return totals[:, width:] - totals[:, :-width]


def _windows_all(mask: np.ndarray, width: int) -> np.ndarray:
    """For each start position, whether all of the ``width`` cells from there are set."""
    full: np.ndarray = _window_counts(mask, width) == width
    return full


def _spread(starts: np.ndarray, width: int, length: int) -> np.ndarray:
    """Cells covered by a window of ``width`` beginning at any set start position."""
    covered = np.zeros((starts.shape[0], length), dtype=bool)
    for offset in range(width):
        covered[:, offset : offset + starts.shape[1]] |= starts
    return covered


@dataclass(frozen=True, slots=True)
class XmRCharts:
    """The XmR charts of many series of one length, one row each (see :func:`xmr_charts`).

    The limits are one entry per row; ``flags`` and ``codes`` hold each point's signal
    bits and variation code (as in :class:`XmRChart`).
    """

    means: np.ndarray
    mean_ranges: np.ndarray
    lower_limits: np.ndarray
    upper_limits: np.ndarray
    lower_two_sigmas: np.ndarray
    upper_two_sigmas: np.ndarray
    flags: np.ndarray
    codes: np.ndarray

    def charts(
        self, polarities: Sequence[Polarity | None], targets: Sequence[float | None]
    ) -> list[XmRChart]:
        """Each row's chart, given its indicator's polarity and the target assured against
        (no assurance without both)."""
        columns = (
            self.means,
            self.mean_ranges,
            self.lower_limits,
            self.upper_limits,
            self.lower_two_sigmas,
            self.upper_two_sigmas,
        )
        points = self.flags.shape[1]
        all_flags = self.flags.astype(np.uint8).tobytes()
        all_codes = self.codes.astype(np.uint8).tobytes()
        charts = []
        for start, numbers, polarity, target in zip(
            range(0, len(all_flags), points),
            zip(*(column.tolist() for column in columns), strict=True),
            polarities,
            targets,
            strict=True,
        ):
            codes = all_codes[start : start + points]
            limits = XmRLimits(*numbers)
            charts.append(
                XmRChart(
                    limits=limits,
                    points=points,
                    variation=VARIATION_CODES[codes[-1]],
                    target=target,
                    assurance=None
                    if target is None or polarity is None
                    else assurance(target, polarity, limits),
                    point_flags=all_flags[start : start + points],
                    point_codes=codes,
                )
            )
        return charts


def xmr_charts(
    values: np.ndarray,
    signs: np.ndarray,
    baseline: int | None = None,
    screen_outliers: bool = True,
) -> XmRCharts:
    """Draw the XmR chart of each row of ``values`` (an ``n × points`` array, oldest
    first, at least 2 points); ``signs`` gives each row's polarity as +1 (higher is
    better), -1 (lower is better) or 0 (neither).

    Every rule is tested on every row at once: a run or trend of seven is a window of
    seven points (six steps) all on one side or all one way, and every point of such a
    window is flagged; two of three is a window of three points on one side with two or
    more of them between the two-sigma line and the limit.
    """
    values = np.asarray(values, dtype=float)
    rows, length = values.shape
    means, mean_ranges, lower, upper, lower_near, upper_near = _limit_columns(
        values, baseline, screen_outliers
    )
    centre = means[:, None]
    above = values > centre
    below = values < centre
    side = above.astype(np.int8) - below
    beyond = (values > upper[:, None]) | (values < lower[:, None])
    run = np.zeros_like(beyond)
    trend = np.zeros_like(beyond)
    trend_direction = np.zeros((rows, length), dtype=np.int8)
    if length >= RUN_LENGTH:
        run_starts = _windows_all(above, RUN_LENGTH) | _windows_all(below, RUN_LENGTH)
        run = _spread(run_starts, RUN_LENGTH, length)
        rising = values[:, 1:] > values[:, :-1]
        falling = values[:, 1:] < values[:, :-1]
        steps = RUN_LENGTH - 1
        up = _spread(_windows_all(rising, steps), steps, length - 1)
        down = _spread(_windows_all(falling, steps), steps, length - 1)
        # A point takes the direction of the trend step after it, else of the one before
        # it: the later trend's direction for a point in two (a peak or a trough).
        step_direction = up.astype(np.int8) - down
        trend_direction[:, 1:] = step_direction
        after = step_direction != 0
        trend_direction[:, :-1][after] = step_direction[after]
        trend = trend_direction != 0
    two = np.zeros_like(beyond)
    if length >= 3:
        near = ~beyond & ((values < lower_near[:, None]) | (values > upper_near[:, None]))
        counts = _window_counts(near, 3)
        windows = (_windows_all(above, 3) | _windows_all(below, 3)) & (counts >= 2)
        two = near & _spread(windows, 3, length)
    flags = (
        beyond.astype(np.uint8) | (run.astype(np.uint8) << 1) | (trend.astype(np.uint8) << 2)
    ) | (two.astype(np.uint8) << 3)
    direction = np.where(beyond, side, np.where(trend, trend_direction, side))
    polarity = np.asarray(signs, dtype=np.int8)[:, None]
    codes = np.where(direction * polarity > 0, 1, 2).astype(np.int8)
    codes[np.broadcast_to(polarity == 0, codes.shape)] = 3
    codes[flags == 0] = 0
    return XmRCharts(means, mean_ranges, lower, upper, lower_near, upper_near, flags, codes)


def xmr_chart(
    values: Sequence[float],
    polarity: Polarity | None = None,
    target: float | None = None,
    baseline: int | None = None,
    screen_outliers: bool = True,
) -> XmRChart | None:
    """Build the XmR chart of ``values`` (oldest first); ``None`` with fewer than 2 values.

    Examples
    --------
    Twelve points: 5 at 10 then 7 at 14. Mean 12.333; of the eleven moving ranges one is
    4 and the rest 0, so the mean moving range is 4/11; 4 ≥ 3.267 × 4/11 is screened out,
    leaving 0, so the limits close on the mean and every point is beyond them. The seven
    14s are also a run above the mean; the latest point is above it: improving.

    >>> chart = xmr_chart([10.0] * 5 + [14.0] * 7, Polarity.HIGHER_IS_BETTER)
    >>> [(s.rule.name, s.indices) for s in chart.signals][1]
    ('spc_run_of_seven', (5, 6, 7, 8, 9, 10, 11))
    >>> chart.variation.value
    'special_cause_improving'
    """
    if len(values) < MINIMUM_SPC_POINTS:
        return None
    sign = 0 if polarity is None else polarity.sign
    charts = xmr_charts(
        np.asarray([values], dtype=float), np.array([sign]), baseline, screen_outliers
    )
    return charts.charts([polarity], [target])[0]
