"""Reporting periods: calendar years, financial years, quarters and months.

A period is written as ``2024`` (calendar year), ``2024/25`` (the UK financial year from
1 April 2024 to 31 March 2025), ``2024-Q1`` (calendar quarter, January to March) or
``2024-03`` (month). Periods of one frequency are ordered and support the arithmetic that
performance reports need: the previous period and the same period a year before.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

__all__ = [
    "Frequency",
    "Period",
    "PeriodError",
    "parse_period",
    "latest_due_period",
]


class PeriodError(ValueError):
    """A period text that is not one of the accepted forms."""


class Frequency(StrEnum):
    """How often an indicator is measured; one value per period of this length."""

    YEAR = "year"
    FINANCIAL_YEAR = "financial_year"
    QUARTER = "quarter"
    MONTH = "month"

    @property
    def per_year(self) -> int:
        """Number of periods of this frequency in a year."""
        return _PER_YEAR[self]


_PER_YEAR = {
    Frequency.YEAR: 1,
    Frequency.FINANCIAL_YEAR: 1,
    Frequency.QUARTER: 4,
    Frequency.MONTH: 12,
}

_YEAR = re.compile(r"(\d{4})")
_FINANCIAL_YEAR = re.compile(r"(\d{4})/(\d{2})")
_QUARTER = re.compile(r"(\d{4})-[Qq]([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Period:
    """One reporting period: a frequency and its position counted from year 0.

    ``ordinal`` is ``year * per_year + (number - 1)``, so consecutive periods of one
    frequency have consecutive ordinals and period arithmetic is integer arithmetic.
    Periods of different frequencies cannot be compared.

    Examples
    --------
    >>> q = parse_period("2024-Q1")
    >>> str(q.previous()), str(q.same_period_last_year()), q < parse_period("2024-Q2")
    ('2023-Q4', '2023-Q1', True)
    >>> str(parse_period("2024/25").end())
    '2025-03-31'
    """

    frequency: Frequency
    ordinal: int

    @classmethod
    def of(cls, frequency: Frequency, year: int, number: int = 1) -> Period:
        """The ``number``-th period (from 1) of ``frequency`` in ``year``."""
        if not 1 <= number <= frequency.per_year:
            raise PeriodError(f"{frequency} number {number} is out of range")
        return cls(frequency, year * frequency.per_year + number - 1)

    @property
    def year(self) -> int:
        """The calendar year the period starts in."""
        return self.ordinal // self.frequency.per_year

    @property
    def number(self) -> int:
        """Position within the year, from 1 (always 1 for years)."""
        return self.ordinal % self.frequency.per_year + 1

    def shift(self, count: int) -> Period:
        """The period ``count`` periods later (earlier when negative)."""
        return Period(self.frequency, self.ordinal + count)

    def previous(self) -> Period:
        """The period just before this one."""
        return Period(self.frequency, self.ordinal - 1)

    def next(self) -> Period:
        """The period just after this one."""
        return Period(self.frequency, self.ordinal + 1)

    def same_period_last_year(self) -> Period:
        """The same quarter, month or year one year earlier."""
        return Period(self.frequency, self.ordinal - self.frequency.per_year)

    def start(self) -> date:
        """The first day of the period."""
        return _start(self.frequency, self.ordinal)

    def end(self) -> date:
        """The last day of the period."""
        return _end(self.frequency, self.ordinal)

    def due(self, due_days: int) -> date:
        """The date a value for this period is due: ``due_days`` after the period ends."""
        return self.end() + timedelta(days=due_days)

    def __str__(self) -> str:
        if self.frequency is Frequency.YEAR:
            return f"{self.year:04d}"
        if self.frequency is Frequency.FINANCIAL_YEAR:
            return f"{self.year:04d}/{(self.year + 1) % 100:02d}"
        if self.frequency is Frequency.QUARTER:
            return f"{self.year:04d}-Q{self.number}"
        return f"{self.year:04d}-{self.number:02d}"

    def _check(self, other: object) -> Period:
        if not isinstance(other, Period):
            raise TypeError(f"cannot compare a period with {type(other).__name__}")
        if other.frequency is not self.frequency:
            raise TypeError(f"cannot compare a {self.frequency} with a {other.frequency}")
        return other

    def __lt__(self, other: object) -> bool:
        return self.ordinal < self._check(other).ordinal

    def __le__(self, other: object) -> bool:
        return self.ordinal <= self._check(other).ordinal

    def __gt__(self, other: object) -> bool:
        return self.ordinal > self._check(other).ordinal

    def __ge__(self, other: object) -> bool:
        return self.ordinal >= self._check(other).ordinal


@lru_cache(maxsize=4096)
def _start(frequency: Frequency, ordinal: int) -> date:
    year, number = divmod(ordinal, frequency.per_year)
    if frequency is Frequency.FINANCIAL_YEAR:
        return date(year, 4, 1)
    return date(year, number * (12 // frequency.per_year) + 1, 1)


@lru_cache(maxsize=4096)
def _end(frequency: Frequency, ordinal: int) -> date:
    year, number = divmod(ordinal, frequency.per_year)
    if frequency is Frequency.FINANCIAL_YEAR:
        return date(year + 1, 3, 31)
    last_month = (number + 1) * (12 // frequency.per_year)
    return date(year, last_month, calendar.monthrange(year, last_month)[1])


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """Read ``2024``, ``2024/25``, ``2024-Q1`` or ``2024-03`` as a :class:`Period`.

    Results are cached, since a large import repeats the same few period texts.

    Examples
    --------
    >>> parse_period("2024-03")
    Period(frequency=<Frequency.MONTH: 'month'>, ordinal=24290)
    >>> str(parse_period(" 2024-q4 "))
    '2024-Q4'
    """
    value = text.strip()
    if match := _QUARTER.fullmatch(value):
        return Period.of(Frequency.QUARTER, int(match[1]), int(match[2]))
    if match := _MONTH.fullmatch(value):
        month = int(match[2])
        if 1 <= month <= 12:
            return Period.of(Frequency.MONTH, int(match[1]), month)
    elif match := _FINANCIAL_YEAR.fullmatch(value):
        year = int(match[1])
        if int(match[2]) == (year + 1) % 100:
            return Period.of(Frequency.FINANCIAL_YEAR, year)
        raise PeriodError(f"{value!r} is not a financial year: {year}/{(year + 1) % 100:02d}?")
    elif _YEAR.fullmatch(value):
        return Period.of(Frequency.YEAR, int(value))
    raise PeriodError(
        f"{value!r} is not a period: write 2024 (calendar year), 2024/25 (financial year), "
        "2024-Q1 (quarter) or 2024-03 (month)"
    )


@lru_cache(maxsize=1024)
def latest_due_period(frequency: Frequency, as_of: date, due_days: int) -> Period:
    """The latest period of ``frequency`` whose value was due on or before ``as_of``.

    Cached: every series of a status run asks the same question.

    Examples
    --------
    >>> str(latest_due_period(Frequency.QUARTER, date(2024, 5, 15), 45))
    '2024-Q1'
    >>> str(latest_due_period(Frequency.QUARTER, date(2024, 5, 14), 45))
    '2023-Q4'
    """
    period = _containing(frequency, as_of)
    while period.due(due_days) > as_of:
        period = period.previous()
    return period


def _containing(frequency: Frequency, day: date) -> Period:
    if frequency is Frequency.FINANCIAL_YEAR:
        return Period.of(frequency, day.year if day.month >= 4 else day.year - 1)
    months = 12 // frequency.per_year
    return Period.of(frequency, day.year, (day.month - 1) // months + 1)
