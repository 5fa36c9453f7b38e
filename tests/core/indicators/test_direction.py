"""Direction of travel against hand-worked pairs, with and without confidence intervals."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from partnerscope.core.indicators.direction import (
    Direction,
    direction_of_travel,
    intervals_overlap,
    series_direction,
)
from partnerscope.core.indicators.model import Polarity, Series
from partnerscope.core.indicators.periods import parse_period

HIGHER = Polarity.HIGHER_IS_BETTER
LOWER = Polarity.LOWER_IS_BETTER


def quarterly(values, lowers=None, uppers=None):
    periods = tuple(parse_period(f"{2022 + i // 4}-Q{i % 4 + 1}") for i in range(len(values)))
    return Series(periods, tuple(values), lowers=lowers, uppers=uppers)


def test_direction_improving():
    # Employment 70.1 -> 71.4 (higher is better): up, better.
    assert direction_of_travel(71.4, 70.1, HIGHER) == (Direction.IMPROVING, _rule("improving"))
    # Crime 12 -> 11 (lower is better): down, better.
    assert direction_of_travel(11.0, 12.0, LOWER)[0] is Direction.IMPROVING
    # Intervals (10.5, 11.5) and (11.6, 12.4) are apart: the fall is significant.
    assert direction_of_travel(11.0, 12.0, LOWER, (10.5, 11.5), (11.6, 12.4))[0] is (
        Direction.IMPROVING
    )


def test_direction_worsening():
    assert direction_of_travel(69.0, 70.1, HIGHER)[0] is Direction.WORSENING
    assert direction_of_travel(13.0, 12.0, LOWER)[1].name == "direction_worsening"


def test_direction_no_change():
    assert direction_of_travel(12.0, 12.0, LOWER) == (Direction.NO_CHANGE, _rule("no_change"))
    # An unchanged value is no change even when intervals are given.
    assert direction_of_travel(12.0, 12.0, LOWER, (11.0, 13.0), (11.0, 13.0))[0] is (
        Direction.NO_CHANGE
    )


def test_direction_not_significant():
    # 12 -> 11 but the intervals (10, 12) and (11.5, 12.5) overlap on 11.5 to 12.
    result = direction_of_travel(11.0, 12.0, LOWER, (10.0, 12.0), (11.5, 12.5))
    assert result[0] is Direction.NO_SIGNIFICANT_CHANGE
    assert result[1].name == "direction_not_significant"
    # Touching intervals overlap (closed intervals).
    assert direction_of_travel(11.0, 12.0, LOWER, (10.0, 11.5), (11.5, 12.5))[0] is (
        Direction.NO_SIGNIFICANT_CHANGE
    )
    # Without both intervals the values are compared directly.
    assert direction_of_travel(11.0, 12.0, LOWER, (10.0, 12.0), None)[0] is Direction.IMPROVING


def test_direction_increasing():
    assert direction_of_travel(5.0, 4.0, None) == (Direction.INCREASING, _rule("increasing"))


def test_direction_decreasing():
    assert direction_of_travel(3.0, 4.0, None) == (Direction.DECREASING, _rule("decreasing"))


def test_direction_no_comparator():
    # Values for 2022-Q1 .. 2022-Q3 only: the latest has a previous value but none a year before.
    series = quarterly([10.0, 11.0, 12.0])
    year_ago = series_direction(series, 2, parse_period("2021-Q3"), HIGHER)
    assert year_ago.direction is None
    assert year_ago.rule.name == "direction_no_comparator"
    assert year_ago.to_dict()["change"] is None


def test_series_direction_previous_and_year_ago():
    # 2022-Q1 .. 2023-Q1: 20, 22, 21, 19, 18 (lower is better).
    series = quarterly([20.0, 22.0, 21.0, 19.0, 18.0])
    latest = parse_period("2023-Q1")
    previous = series_direction(series, 4, latest.previous(), LOWER)
    year_ago = series_direction(series, 4, latest.same_period_last_year(), LOWER)
    assert (previous.direction, previous.change) == (Direction.IMPROVING, -1.0)
    assert (year_ago.direction, year_ago.change) == (Direction.IMPROVING, -2.0)
    assert year_ago.to_dict()["comparator_period"] == "2022-Q1"


def test_series_direction_uses_the_series_intervals():
    series = quarterly([20.0, 18.0], lowers=(18.5, 16.0), uppers=(21.5, 19.0))
    result = series_direction(series, 1, parse_period("2022-Q1"), LOWER)
    assert result.direction is Direction.NO_SIGNIFICANT_CHANGE


def _rule(suffix):
    from partnerscope.core.indicators import direction

    return getattr(direction, f"DIRECTION_{suffix.upper()}")


values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(values, values)
def test_flipping_polarity_swaps_improving_and_worsening(value, comparator):
    swap = {
        Direction.IMPROVING: Direction.WORSENING,
        Direction.WORSENING: Direction.IMPROVING,
        Direction.NO_CHANGE: Direction.NO_CHANGE,
    }
    assert (
        direction_of_travel(value, comparator, LOWER)[0]
        is swap[direction_of_travel(value, comparator, HIGHER)[0]]
    )


@given(values, values, st.floats(min_value=0, max_value=100), st.floats(min_value=0, max_value=100))
def test_significance_follows_overlap(value, comparator, half, other_half):
    interval = (value - half, value + half)
    other = (comparator - other_half, comparator + other_half)
    result = direction_of_travel(value, comparator, HIGHER, interval, other)[0]
    if result is Direction.NO_SIGNIFICANT_CHANGE:
        assert intervals_overlap(interval, other)
    elif result is not Direction.NO_CHANGE:
        assert not intervals_overlap(interval, other)
