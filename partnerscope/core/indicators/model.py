"""The inputs of indicator analysis: an indicator's definition and one area's series.

A :class:`Series` holds its values column by column (one tuple per field) rather than as
one object per value, because a large partnership holds millions of values and the
per-series analyses only ever walk a series from start to end.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from partnerscope.core.indicators.memo import IdentityMemo
from partnerscope.core.indicators.periods import Frequency, Period

__all__ = ["Polarity", "Indicator", "Observation", "Series", "DEFAULT_TOLERANCE"]

DEFAULT_TOLERANCE = 0.05
"""Amber band: a missed target within 5% of the target's size is amber, not red."""


class Polarity(StrEnum):
    """Which way is better for an indicator."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"

    @property
    def sign(self) -> int:
        """+1 when higher is better, -1 when lower is better."""
        return 1 if self == "higher_is_better" else -1


@dataclass(frozen=True, slots=True)
class Indicator:
    """What is known about an indicator that its analysis needs.

    ``tolerance`` is the amber band as a fraction of the target (0.05 = 5%).
    ``minimum`` and ``maximum`` bound plausible values; ``multiplier`` says the value is
    ``numerator / denominator * multiplier`` (100 for a percentage, 100000 for a rate per
    100,000); ``is_proportion`` says the numerator can never exceed the denominator;
    ``due_days`` is how many days after a period ends its value is due.
    """

    code: str
    title: str = ""
    polarity: Polarity | None = None
    tolerance: float = DEFAULT_TOLERANCE
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    multiplier: float | None = None
    is_proportion: bool = False
    due_days: int | None = None

    def __post_init__(self) -> None:
        if not self.tolerance >= 0:
            raise ValueError(f"tolerance must be 0 or more, not {self.tolerance}")
        if self.due_days is not None and self.due_days < 0:
            raise ValueError(f"due_days must be 0 or more, not {self.due_days}")
        if (
            self.minimum is not None
            and self.maximum is not None
            and not self.minimum <= self.maximum
        ):
            raise ValueError(f"minimum {self.minimum} is above maximum {self.maximum}")


@dataclass(frozen=True, slots=True)
class Observation:
    """One value of one indicator for one area and period, with its optional parts.

    ``lower`` and ``upper`` are a confidence interval; ``received`` is when the value
    arrived (for timeliness).
    """

    period: Period
    value: float
    numerator: float | None = None
    denominator: float | None = None
    lower: float | None = None
    upper: float | None = None
    received: date | None = None


def _numbers(observations: Sequence[Observation], name: str) -> tuple[float | None, ...] | None:
    values: tuple[float | None, ...] = tuple(getattr(item, name) for item in observations)
    return values if any(value is not None for value in values) else None


def _check_order(periods: tuple[Period, ...]) -> bool:
    """Raise unless the periods share one frequency and run in order without repeats."""
    frequency = periods[0].frequency
    last = periods[0].ordinal - 1
    for period in periods:
        if period.frequency is not frequency:
            raise ValueError(f"a series mixes {frequency} and {period.frequency} periods")
        if period.ordinal <= last:
            raise ValueError(f"periods must be in order without repeats: {period}")
        last = period.ordinal
    return True


_checked_order = IdentityMemo(_check_order)
"""The series of a status run share a few tuples of periods: each is checked once."""


@dataclass(frozen=True, slots=True)
class Series:
    """One indicator's values for one area, oldest first, one frequency, no repeats.

    Optional columns are ``None`` when absent, else one entry per value (``None`` where
    that value lacks it). Gaps between periods are allowed (and reported as a data-quality
    finding).

    Examples
    --------
    >>> from partnerscope.core.indicators.periods import parse_period
    >>> s = Series.of([(parse_period("2024-Q2"), 5.0), (parse_period("2024-Q1"), 4.0)])
    >>> [str(p) for p in s.periods], s.values
    (['2024-Q1', '2024-Q2'], (4.0, 5.0))
    """

    periods: tuple[Period, ...]
    values: tuple[float, ...]
    numerators: tuple[float | None, ...] | None = None
    denominators: tuple[float | None, ...] | None = None
    lowers: tuple[float | None, ...] | None = None
    uppers: tuple[float | None, ...] | None = None
    received: tuple[date | None, ...] | None = None

    def __post_init__(self) -> None:
        size = len(self.periods)
        if len(self.values) != size:
            raise ValueError("a series needs one value per period")
        for name in ("numerators", "denominators", "lowers", "uppers", "received"):
            column = getattr(self, name)
            if column is not None and len(column) != size:
                raise ValueError(f"a series needs one entry in {name} per period")
        if size:
            _checked_order(self.periods)

    @classmethod
    def of(cls, pairs: Iterable[tuple[Period, float]]) -> Series:
        """A series from ``(period, value)`` pairs in any order."""
        ordered = sorted(pairs, key=lambda pair: pair[0].ordinal)
        return cls(tuple(p for p, _ in ordered), tuple(v for _, v in ordered))

    @classmethod
    def from_observations(cls, observations: Iterable[Observation]) -> Series:
        """A series from :class:`Observation` records in any order."""
        ordered = sorted(observations, key=lambda observation: observation.period.ordinal)
        return cls(
            periods=tuple(observation.period for observation in ordered),
            values=tuple(observation.value for observation in ordered),
            numerators=_numbers(ordered, "numerator"),
            denominators=_numbers(ordered, "denominator"),
            lowers=_numbers(ordered, "lower"),
            uppers=_numbers(ordered, "upper"),
            received=(
                tuple(item.received for item in ordered)
                if any(item.received is not None for item in ordered)
                else None
            ),
        )

    @property
    def frequency(self) -> Frequency | None:
        """The series' frequency, or ``None`` when it is empty."""
        return self.periods[0].frequency if self.periods else None

    def __len__(self) -> int:
        return len(self.periods)

    def index_of(self, period: Period) -> int | None:
        """Position of ``period`` in the series, or ``None`` when it has no value."""
        for index in range(len(self.periods) - 1, -1, -1):
            ordinal = self.periods[index].ordinal
            if ordinal == period.ordinal and self.periods[index].frequency is period.frequency:
                return index
            if ordinal < period.ordinal:
                return None
        return None

    def interval(self, index: int) -> tuple[float, float] | None:
        """The confidence interval of the value at ``index``, when both ends are known."""
        if self.lowers is None or self.uppers is None:
            return None
        lower, upper = self.lowers[index], self.uppers[index]
        if lower is None or upper is None:
            return None
        return (lower, upper)

    def until(self, as_of: date) -> Series:
        """The values of periods that had ended by ``as_of``."""
        keep = len(self.periods)
        while keep and self.periods[keep - 1].end() > as_of:
            keep -= 1
        if keep == len(self.periods):
            return self
        return Series(
            self.periods[:keep],
            self.values[:keep],
            numerators=None if self.numerators is None else self.numerators[:keep],
            denominators=None if self.denominators is None else self.denominators[:keep],
            lowers=None if self.lowers is None else self.lowers[:keep],
            uppers=None if self.uppers is None else self.uppers[:keep],
            received=None if self.received is None else self.received[:keep],
        )
