"""Years of account: the financial year a date falls in, and which years the records cover.

Partners plan and report by the financial year (1 April to 31 March in the UK public
sector), so the layer rules count meetings per financial year. A year is *judged* only when
the partnership recorded meetings in its first three months and in its last three: a year
the records cover only in part would make every body look as if it met too seldom.

Examples
--------
>>> year_of(date(2025, 3, 31)), year_of(date(2025, 4, 1))
(2024, 2025)
>>> label(2024), label(2024, start_month=1)
('2024-25', '2024')
>>> bounds(2024)
(datetime.date(2024, 4, 1), datetime.date(2025, 3, 31))
>>> judged_years([date(2024, 4, 10), date(2024, 9, 1), date(2025, 2, 1), date(2025, 6, 1)])
(2024,)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

__all__ = ["add_months", "bounds", "judged_years", "label", "year_of"]


def year_of(day: date, start_month: int = 4) -> int:
    """The calendar year in which the financial year holding ``day`` starts."""
    return day.year if day.month >= start_month else day.year - 1


def label(year: int, start_month: int = 4) -> str:
    """How people write the year: ``2024-25`` for a financial year, ``2024`` for a calendar one."""
    return str(year) if start_month == 1 else f"{year}-{(year + 1) % 100:02d}"


def add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after the month of ``day`` (a helper for bounds)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def bounds(year: int, start_month: int = 4) -> tuple[date, date]:
    """The first and last day of the year."""
    first = date(year, start_month, 1)
    return first, add_months(first, 12) - timedelta(days=1)


def judged_years(days: Iterable[date], start_month: int = 4) -> tuple[int, ...]:
    """The years with a recorded meeting in their first three months and in their last three."""
    dates = sorted(days)
    if not dates:
        return ()
    judged = []
    for year in range(year_of(dates[0], start_month), year_of(dates[-1], start_month) + 1):
        first, last = bounds(year, start_month)
        opening = add_months(first, 3)
        closing = add_months(first, 9)
        if any(first <= d < opening for d in dates) and any(closing <= d <= last for d in dates):
            judged.append(year)
    return tuple(judged)
