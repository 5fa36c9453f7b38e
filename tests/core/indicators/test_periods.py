"""Reporting periods: parsing, order and arithmetic."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerscope.core.indicators.periods import (
    Frequency,
    Period,
    PeriodError,
    latest_due_period,
    parse_period,
)


@pytest.mark.parametrize(
    ("text", "frequency", "year", "number"),
    [
        ("2024", Frequency.YEAR, 2024, 1),
        ("2024/25", Frequency.FINANCIAL_YEAR, 2024, 1),
        ("1999/00", Frequency.FINANCIAL_YEAR, 1999, 1),
        ("2024-Q1", Frequency.QUARTER, 2024, 1),
        ("2024-q4", Frequency.QUARTER, 2024, 4),
        ("2024-03", Frequency.MONTH, 2024, 3),
        (" 2024-12 ", Frequency.MONTH, 2024, 12),
    ],
)
def test_parse(text, frequency, year, number):
    period = parse_period(text)
    assert (period.frequency, period.year, period.number) == (frequency, year, number)


@pytest.mark.parametrize(
    "text", ["", "24", "2024-13", "2024-00", "2024-Q5", "2024-Q0", "2024/26", "2024-3", "Q1-2024"]
)
def test_parse_rejects(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_period_error_is_a_value_error():
    # The CSV reader turns ValueErrors from a column's parser into file:row:column errors.
    assert issubclass(PeriodError, ValueError)


@pytest.mark.parametrize(
    ("text", "previous", "year_ago", "start", "end"),
    [
        ("2024-Q1", "2023-Q4", "2023-Q1", date(2024, 1, 1), date(2024, 3, 31)),
        ("2024-01", "2023-12", "2023-01", date(2024, 1, 1), date(2024, 1, 31)),
        ("2024-02", "2024-01", "2023-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024", "2023", "2023", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024/25", "2023/24", "2023/24", date(2024, 4, 1), date(2025, 3, 31)),
        ("2024-Q3", "2024-Q2", "2023-Q3", date(2024, 7, 1), date(2024, 9, 30)),
    ],
)
def test_arithmetic_and_dates(text, previous, year_ago, start, end):
    period = parse_period(text)
    assert str(period.previous()) == previous
    assert str(period.same_period_last_year()) == year_ago
    assert period.start() == start
    assert period.end() == end


def test_due_date_counts_days_after_the_end():
    assert parse_period("2024-Q1").due(30) == date(2024, 4, 30)


def test_different_frequencies_do_not_compare():
    with pytest.raises(TypeError):
        _ = parse_period("2024") < parse_period("2024-Q1")


def test_latest_due_period_for_each_frequency():
    as_of = date(2024, 5, 15)
    # April ends on 30 April: due that day with 0 days' grace, on 15 May with 15, and on
    # 20 May with 20, too late, so March (due 20 April) is the latest due.
    assert str(latest_due_period(Frequency.MONTH, as_of, 0)) == "2024-04"
    assert str(latest_due_period(Frequency.MONTH, as_of, 20)) == "2024-03"
    assert str(latest_due_period(Frequency.MONTH, as_of, 15)) == "2024-04"
    assert str(latest_due_period(Frequency.MONTH, as_of, 16)) == "2024-03"
    assert str(latest_due_period(Frequency.YEAR, as_of, 90)) == "2023"
    assert str(latest_due_period(Frequency.FINANCIAL_YEAR, as_of, 30)) == "2023/24"
    assert str(latest_due_period(Frequency.FINANCIAL_YEAR, as_of, 60)) == "2022/23"


periods = st.builds(
    lambda frequency, year, number: Period.of(frequency, year, number % frequency.per_year + 1),
    st.sampled_from(list(Frequency)),
    st.integers(min_value=1000, max_value=9997),
    st.integers(min_value=0, max_value=11),
)


@given(periods)
def test_text_round_trip(period):
    assert parse_period(str(period)) == period


@given(periods, st.integers(min_value=-50, max_value=50))
def test_shift_is_consistent(period, count):
    assert period.shift(count).shift(-count) == period
    assert period.next().previous() == period
    assert (period.shift(count) > period) == (count > 0)
    later = period.shift(period.frequency.per_year)
    assert later.same_period_last_year() == period
    assert later.number == period.number


@given(periods)
def test_periods_tile_time(period):
    assert period.next().start() - period.end() == date(2000, 1, 2) - date(2000, 1, 1)
    assert period.start() <= period.end()
