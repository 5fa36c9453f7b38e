"""Forecasts against a hand-worked least-squares fit and an independent numpy/scipy fit."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from partnerscope.core.indicators.forecast import (
    ForecastClass,
    forecast,
    linear_forecast,
    t_quantile,
)
from partnerscope.core.indicators.model import Polarity, Series
from partnerscope.core.indicators.periods import Frequency, Period, parse_period

HIGHER = Polarity.HIGHER_IS_BETTER
LOWER = Polarity.LOWER_IS_BETTER

# The hand-worked series: six quarters 2023-Q1 .. 2024-Q2 with values 10, 12, 11, 15, 14, 16.
# With x = 0..5: n = 6, x̄ = 2.5, ȳ = 13, Sxx = 17.5, Sxy = 20, slope = 8/7, intercept = 71/7.
# Residuals are -1/7, 5/7, -10/7, 10/7, -5/7, 1/7, so SSE = 252/49 = 36/7 and s² = 9/7.
# At x₀ = 6 (2024-Q3): ŷ = 71/7 + 48/7 = 17; the standard error of prediction is
# s·√(1 + 1/6 + 3.5²/17.5) = √(9/7 × 28/15) = √2.4 = 1.549193; t(0.95; 4) = 2.131847,
# so the half-width is 3.302645 and the 90% interval is 13.697355 to 20.302645.
VALUES = (10.0, 12.0, 11.0, 15.0, 14.0, 16.0)
HALF_WIDTH = 2.131847 * math.sqrt(2.4)


def hand_worked_series():
    return Series(
        tuple(Period.of(Frequency.QUARTER, 2023 + i // 4, i % 4 + 1) for i in range(6)), VALUES
    )


def test_hand_worked_value_and_interval():
    result = forecast(hand_worked_series(), parse_period("2024-Q3"), None, HIGHER)
    assert result.value == pytest.approx(17.0)
    assert result.slope == pytest.approx(8 / 7)
    assert result.lower == pytest.approx(17.0 - HALF_WIDTH, abs=1e-5)
    assert result.upper == pytest.approx(17.0 + HALF_WIDTH, abs=1e-5)
    assert result.points == 6


def test_forecast_likely_met():
    # Whole interval (13.70 to 20.30) at or above 13 when higher is better.
    result = forecast(hand_worked_series(), parse_period("2024-Q3"), 13.0, HIGHER)
    assert result.forecast_class is ForecastClass.LIKELY_MET
    assert result.rule.name == "forecast_likely_met"
    # Whole interval at or below 21 when lower is better.
    assert forecast(hand_worked_series(), parse_period("2024-Q3"), 21.0, LOWER).forecast_class is (
        ForecastClass.LIKELY_MET
    )


def test_forecast_uncertain():
    # 15 lies inside 13.70 to 20.30.
    result = forecast(hand_worked_series(), parse_period("2024-Q3"), 15.0, HIGHER)
    assert result.forecast_class is ForecastClass.UNCERTAIN
    assert result.rule.name == "forecast_uncertain"


def test_forecast_likely_missed():
    # The whole interval is below 21 when higher is better.
    result = forecast(hand_worked_series(), parse_period("2024-Q3"), 21.0, HIGHER)
    assert result.forecast_class is ForecastClass.LIKELY_MISSED
    assert result.rule.name == "forecast_likely_missed"
    assert forecast(hand_worked_series(), parse_period("2024-Q3"), 13.0, LOWER).forecast_class is (
        ForecastClass.LIKELY_MISSED
    )


def test_forecast_no_target():
    result = forecast(hand_worked_series(), parse_period("2024-Q3"), None, HIGHER)
    assert result.forecast_class is None
    assert result.rule.name == "forecast_no_target"


def test_forecast_no_polarity():
    result = forecast(hand_worked_series(), parse_period("2024-Q3"), 15.0, None)
    assert result.forecast_class is None
    assert result.rule.name == "forecast_no_polarity"


def test_uses_only_the_last_points():
    # Prepending wild values changes nothing while 6 points are used.
    series = hand_worked_series()
    longer = Series.of(
        [(parse_period("2022-Q3"), 500.0), (parse_period("2022-Q4"), -500.0)]
        + list(zip(series.periods, series.values, strict=True))
    )
    assert forecast(longer, parse_period("2024-Q3"), None, HIGHER).value == pytest.approx(17.0)
    assert forecast(longer, parse_period("2024-Q3"), None, HIGHER, points=8).value != (
        pytest.approx(17.0)
    )


def test_too_few_points():
    two = Series.of([(parse_period("2024-01"), 1.0), (parse_period("2024-02"), 2.0)])
    assert forecast(two, parse_period("2024-03"), 3.0, HIGHER) is None
    with pytest.raises(ValueError):
        forecast(hand_worked_series(), parse_period("2024-Q3"), 3.0, HIGHER, points=2)


def test_gaps_use_the_real_period_spacing():
    # Values at months 1, 2 and 4 on the line y = month: forecast for month 6 is 6, exactly.
    series = Series.of([(parse_period(f"2024-0{m}"), float(m)) for m in (1, 2, 4)])
    result = forecast(series, parse_period("2024-06"), None, HIGHER)
    assert result.value == pytest.approx(6.0)
    assert result.upper - result.lower == pytest.approx(0.0, abs=1e-9)


def test_t_quantiles_are_cached():
    t_quantile.cache_clear()
    for _ in range(3):
        forecast(hand_worked_series(), parse_period("2024-Q3"), 15.0, HIGHER)
    assert t_quantile.cache_info().hits >= 2
    assert t_quantile(4, 0.95) == pytest.approx(stats.t.ppf(0.95, 4))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(min_value=-1e3, max_value=1e3), min_size=3, max_size=12),
    st.integers(min_value=1, max_value=8),
)
def test_matches_numpy_and_scipy(values, ahead):
    xs = tuple(float(i) for i in range(len(values)))
    value, lower, upper, slope = linear_forecast(xs, tuple(values), len(values) - 1 + ahead)
    # Oracle: numpy's polynomial fit and scipy's t distribution.
    fitted_slope, intercept = np.polyfit(xs, values, 1)
    at = len(values) - 1 + ahead
    predicted = intercept + fitted_slope * at
    residuals = np.asarray(values) - (intercept + fitted_slope * np.asarray(xs))
    n = len(values)
    s = math.sqrt(float(residuals @ residuals) / (n - 2))
    sxx = float(((np.asarray(xs) - np.mean(xs)) ** 2).sum())
    half = stats.t.ppf(0.95, n - 2) * s * math.sqrt(1 + 1 / n + (at - np.mean(xs)) ** 2 / sxx)
    scale = max(1.0, abs(predicted), half)
    assert value == pytest.approx(predicted, abs=1e-7 * scale)
    assert slope == pytest.approx(fitted_slope, abs=1e-7 * max(1.0, abs(fitted_slope)))
    assert upper - lower == pytest.approx(2 * half, abs=1e-6 * scale)
