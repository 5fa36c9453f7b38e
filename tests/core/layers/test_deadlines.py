"""The two-month response to a scrutiny report, across month ends and leap years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerscope.core.layers import RESPONSE_MONTHS, response_due

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(9990, 12, 31))


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2025, 1, 15), date(2025, 3, 15)),
        (date(2024, 12, 31), date(2025, 2, 28)),
        (date(2023, 12, 31), date(2024, 2, 29)),
        (date(2023, 12, 29), date(2024, 2, 29)),
        (date(2024, 12, 29), date(2025, 2, 28)),
        (date(2025, 8, 31), date(2025, 10, 31)),
        (date(2025, 7, 31), date(2025, 9, 30)),
        (date(2025, 11, 30), date(2026, 1, 30)),
        (date(2025, 12, 1), date(2026, 2, 1)),
        (date(2099, 12, 31), date(2100, 2, 28)),
        (date(1999, 12, 31), date(2000, 2, 29)),
    ],
)
def test_response_due_across_month_ends_and_leap_years(received: date, due: date) -> None:
    assert response_due(received) == due


def test_two_months_by_default_and_other_periods() -> None:
    assert RESPONSE_MONTHS == 2
    assert response_due(date(2025, 1, 31), months=1) == date(2025, 2, 28)
    assert response_due(date(2025, 1, 31), months=0) == date(2025, 1, 31)
    with pytest.raises(ValueError):
        response_due(date(2025, 1, 31), months=-1)


@given(DAYS)
def test_due_is_never_before_received_and_within_two_calendar_months(received: date) -> None:
    due = response_due(received)
    assert due >= received
    months = (due.year - received.year) * 12 + due.month - received.month
    assert months == 2
    assert due.day <= received.day
    if due.day < received.day:
        assert (due + timedelta(days=1)).day == 1, "clamped only to the month's last day"


@given(DAYS, DAYS)
def test_due_dates_keep_the_order_of_receipt(first: date, second: date) -> None:
    if first <= second:
        assert response_due(first) <= response_due(second)
