"""When a partner's response to a scrutiny report is due.

A partner authority must respond to an overview and scrutiny committee's report within two
months of receiving it, saying what action it proposes, and publish the response (Local
Government and Public Involvement in Health Act 2007; the Local Authorities (Overview and
Scrutiny Committees) (England) Regulations 2009, SI 2009/1919).

The convention: the due date is the same day of the month ``months`` calendar months after
the day the report was received; when that month is shorter, it is the month's last day
(received 31 December, due 28 February, or 29 February in a leap year).

Examples
--------
>>> response_due(date(2025, 1, 15))
datetime.date(2025, 3, 15)
>>> response_due(date(2024, 12, 31)), response_due(date(2023, 12, 31))
(datetime.date(2025, 2, 28), datetime.date(2024, 2, 29))
>>> response_due(date(2025, 8, 31))
datetime.date(2025, 10, 31)
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Final

__all__ = ["RESPONSE_MONTHS", "response_due"]

RESPONSE_MONTHS: Final = 2
"""Months a partner has to respond to a scrutiny report (SI 2009/1919)."""


def response_due(received: date, months: int = RESPONSE_MONTHS) -> date:
    """The day a response to a report received on ``received`` is due, ``months`` calendar
    months later, on the month's last day when the month has no such day."""
    if months < 0:
        raise ValueError("months must not be negative")
    index = received.year * 12 + received.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(received.day, calendar.monthrange(year, month)[1]))
