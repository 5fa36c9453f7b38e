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

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise
from operator import add, ge, gt, sub
from typing import Any

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
    basis = values if baseline is None else values[:baseline]
    if len(basis) < MINIMUM_SPC_POINTS:
        raise ValueError(f"an XmR chart needs at least {MINIMUM_SPC_POINTS} points")
    mean = sum(basis) / len(basis)
    ranges = list(map(abs, map(sub, basis[1:], basis[:-1])))
    mean_range = sum(ranges) / len(ranges)
    if screen_outliers and mean_range > 0:
        cut = SCREEN_FACTOR * mean_range
        if max(ranges) >= cut:
            kept = [moving_range for moving_range in ranges if moving_range < cut]
            mean_range = sum(kept) / len(kept)
    width = LIMIT_FACTOR * mean_range
    near = 2 * (LIMIT_FACTOR / 3) * mean_range
    return XmRLimits(mean, mean_range, mean - width, mean + width, mean - near, mean + near)


def _beyond_limits(values: Sequence[float], limits: XmRLimits) -> tuple[int, ...]:
    lower, upper = limits.lower_limit, limits.upper_limit
    if min(values) >= lower and max(values) <= upper:
        return ()
    return tuple([i for i, y in enumerate(values) if y > upper or y < lower])


# Sides and steps are coded as bytes 0 (below, falling), 1 (on, level), 2 (above, rising), so
# that a C-speed regular expression finds every maximal run or trend without a Python loop.
_RUNS = re.compile(rb"\x00{%d,}|\x02{%d,}" % (RUN_LENGTH, RUN_LENGTH))
_TRENDS = re.compile(rb"\x00{%d,}|\x02{%d,}" % (RUN_LENGTH - 1, RUN_LENGTH - 1))


def _run_of_seven(values: Sequence[float], limits: XmRLimits) -> tuple[int, ...]:
    mean = limits.mean
    coded = bytes([1 + (y > mean) - (y < mean) for y in values])
    return tuple([i for match in _RUNS.finditer(coded) for i in range(*match.span())])


def _trend_directions(values: Sequence[float]) -> dict[int, int]:
    """+1 or -1 for each point in a rising or falling trend of seven (the later trend's
    direction for a point in two, such as a peak); points in no trend are left out."""
    if len(values) < RUN_LENGTH:
        return {}
    later, earlier = values[1:], values[:-1]
    coded = bytes(map(add, map(gt, later, earlier), map(ge, later, earlier)))
    marks: dict[int, int] = {}
    for match in _TRENDS.finditer(coded):
        start, end = match.span()
        direction = coded[start] - 1
        for i in range(start, end + 1):
            marks[i] = direction
    return marks


def _trend_of_seven(values: Sequence[float], limits: XmRLimits) -> tuple[int, ...]:
    return tuple(sorted(_trend_directions(values)))


def _two_of_three(values: Sequence[float], limits: XmRLimits) -> tuple[int, ...]:
    low, high = limits.lower_two_sigma, limits.upper_two_sigma
    if min(values) >= low and max(values) <= high:
        return ()
    lowest, highest = limits.lower_limit, limits.upper_limit
    near = [i for i, y in enumerate(values) if lowest <= y <= highest and (y < low or y > high)]
    if len(near) < 2:
        return ()
    flagged: set[int] = set()
    mean = limits.mean
    last_start = len(values) - 3
    for first, second in pairwise(near):
        if second - first > 2:
            continue
        for start in range(max(0, second - 2), min(first, last_start) + 1):
            a, b, c = values[start], values[start + 1], values[start + 2]
            if (a > mean and b > mean and c > mean) or (a < mean and b < mean and c < mean):
                flagged.add(first)
                flagged.add(second)
                break
    return tuple(sorted(flagged))


@dataclass(frozen=True, slots=True)
class SignalRule(Rule):
    """A special-cause rule: its wording and the test that finds the points it flags (their
    positions, in order)."""

    detect: Callable[[Sequence[float], XmRLimits], tuple[int, ...]] = field(
        compare=False, repr=False
    )


SPC_BEYOND_LIMITS = SignalRule(
    "spc_beyond_limits",
    "Special cause: a point above the upper or below the lower process limit.",
    _beyond_limits,
)
SPC_RUN_OF_SEVEN = SignalRule(
    "spc_run_of_seven",
    "Special cause (shift): seven or more consecutive points on the same side of the mean; "
    "every point of the run is flagged.",
    _run_of_seven,
)
SPC_TREND_OF_SEVEN = SignalRule(
    "spc_trend_of_seven",
    "Special cause (trend): seven or more consecutive points each higher than the one "
    "before, or each lower; every point of the trend is flagged.",
    _trend_of_seven,
)
SPC_TWO_OF_THREE = SignalRule(
    "spc_two_of_three",
    "Special cause: two or three out of three consecutive points on the same side of the "
    "mean lie beyond the two-sigma line (two thirds of the way to the process limit) "
    "but within the limits; those points are flagged.",
    _two_of_three,
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


@dataclass(frozen=True, slots=True)
class XmRChart:
    """An XmR chart's limits, its signals and the variation and assurance classes."""

    limits: XmRLimits
    points: int
    signals: tuple[Signal, ...]
    point_variation: tuple[Variation, ...]
    variation: Variation
    target: float | None
    assurance: Assurance | None

    @property
    def short_series(self) -> bool:
        """Fewer than 12 points: limits are provisional."""
        return self.points < SHORT_SERIES_POINTS

    @property
    def special_cause(self) -> tuple[bool, ...]:
        """Whether any rule flags each point."""
        return tuple(kind is not Variation.COMMON_CAUSE for kind in self.point_variation)

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
    limits = xmr_limits(values, baseline, screen_outliers)
    signals: list[Signal] = []
    flagged: set[int] = set()
    beyond: tuple[int, ...] = ()
    trends: dict[int, int] = {}
    for rule in SIGNAL_RULES:
        if rule is SPC_TREND_OF_SEVEN:
            trends = _trend_directions(values)
            indices = tuple(sorted(trends))
        else:
            indices = rule.detect(values, limits)
        if indices:
            signals.append(Signal(rule, indices))
            flagged.update(indices)
            if rule is SPC_BEYOND_LIMITS:
                beyond = indices
    point_variation = [Variation.COMMON_CAUSE] * len(values)
    if flagged and polarity is None:
        for i in flagged:
            point_variation[i] = Variation.SPECIAL_CAUSE_NEITHER
    elif flagged and polarity is not None:
        improving = Variation.SPECIAL_CAUSE_IMPROVING
        concerning = Variation.SPECIAL_CAUSE_CONCERNING
        good = polarity.sign
        mean = limits.mean
        for i in flagged:
            direction = 0 if i in beyond else trends.get(i, 0)
            if not direction:
                y = values[i]
                direction = (y > mean) - (y < mean)
            point_variation[i] = improving if direction * good > 0 else concerning
    return XmRChart(
        limits=limits,
        points=len(values),
        signals=tuple(signals),
        point_variation=tuple(point_variation),
        variation=point_variation[-1],
        target=target,
        assurance=None
        if target is None or polarity is None
        else assurance(target, polarity, limits),
    )
