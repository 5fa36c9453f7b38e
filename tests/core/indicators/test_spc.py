"""XmR charts (Making Data Count) against hand-worked series.

Each series' mean, moving ranges and limits are worked in the comments, so the expected
signals follow from arithmetic a reader can check.
"""

from __future__ import annotations

import pytest

from partnerscope.core.indicators.model import Polarity
from partnerscope.core.indicators.spc import (
    Assurance,
    Variation,
    assurance,
    xmr_chart,
    xmr_limits,
)

HIGHER = Polarity.HIGHER_IS_BETTER
LOWER = Polarity.LOWER_IS_BETTER

# Beyond the limits. Values 10 12 11 13 12 11 10 12 11 25: sum 127, mean 12.7. Moving
# ranges 2 1 2 1 1 1 2 1 14: mean 25/9 = 2.778; 3.267 x 2.778 = 9.075, so the 14 is
# screened out; the other eight sum to 11, mean moving range 1.375. Limits 12.7 +/- 2.66 x
# 1.375 = 12.7 +/- 3.6575 = 9.0425 to 16.3575; two-sigma lines 12.7 +/- 2.4383. Only 25 is
# beyond a limit; the two 10s are beyond two sigma but never two in three; the longest run
# on one side is 5 (12 11 10 12 11, below 12.7).
BEYOND = [10.0, 12.0, 11.0, 13.0, 12.0, 11.0, 10.0, 12.0, 11.0, 25.0]

# A shift. Values 1 2 1 2 1 2 1 then 3 4 3 4 3 4 3: sum 34, mean 2.4286. Moving ranges
# twelve 1s and one 2: mean 14/13 = 1.0769, none screened (cut 3.518). Limits 2.4286 +/-
# 2.8646 = -0.436 to 5.293; two sigma 0.519 to 4.338: every value lies inside both. The
# first seven are below the mean and the last seven above: two runs of seven.
SHIFT = [1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 3.0, 4.0, 3.0, 4.0, 3.0, 4.0, 3.0]

# A trend. Values 10 14 10 14 10 11 12 13 14 15 16: sum 139, mean 12.636. Moving ranges
# 4 4 4 4 1 1 1 1 1 1: mean 2.2 (cut 7.19, none screened). Limits 12.636 +/- 5.852 = 6.784
# to 18.488; two sigma 8.735 to 16.538: no point beyond either. From the fifth value (10)
# each value is higher than the one before, seven points in all (positions 4 to 10). The
# longest run on one side of the mean is 4 (13 14 15 16).
TREND = [10.0, 14.0, 10.0, 14.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0]

# Two of three. Values 10 11 9 10 11 10 9 10 11 13.5 13: sum 117.5, mean 10.682. Moving
# ranges 1 2 1 1 1 1 1 1 2.5 0.5: mean 1.2 (cut 3.92). Limits 10.682 +/- 3.192 = 7.490 to
# 13.874; two sigma 10.682 +/- 2.128 = 8.554 to 12.810. 13.5 and 13 lie between the
# upper two-sigma line and the upper limit, and 11, 13.5, 13 are all above the mean.
TWO_OF_THREE = [10.0, 11.0, 9.0, 10.0, 11.0, 10.0, 9.0, 10.0, 11.0, 13.5, 13.0]

# A falling trend that starts above the mean. Values 16 14 16 14 16 15 14 13 12 11 10: sum
# 151, mean 13.727. Moving ranges 2 2 2 2 1 1 1 1 1 1: mean 1.4. Limits 13.727 +/- 3.724 =
# 10.003 to 17.451: 10 is below the lower limit. The first seven values are all above the
# mean (a run); from position 4 (16) the values fall seven times in a row (a trend).
FALLING = [16.0, 14.0, 16.0, 14.0, 16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.0]


def signals(chart):
    return {signal.rule.name: signal.indices for signal in chart.signals}


def test_hand_worked_limits():
    limits = xmr_limits(BEYOND)
    assert limits.mean == pytest.approx(12.7)
    assert limits.mean_moving_range == pytest.approx(1.375)
    assert limits.lower_limit == pytest.approx(9.0425)
    assert limits.upper_limit == pytest.approx(16.3575)
    assert limits.upper_two_sigma == pytest.approx(12.7 + 2 / 3 * 2.66 * 1.375)


def test_screening_can_be_turned_off():
    # Without screening the mean moving range is 25/9 and the limits 12.7 +/- 7.389.
    limits = xmr_limits(BEYOND, screen_outliers=False)
    assert limits.mean_moving_range == pytest.approx(25 / 9)
    assert limits.upper_limit == pytest.approx(12.7 + 2.66 * 25 / 9)


def test_baseline_fixes_the_limits_on_the_first_points():
    # The first four values 10 12 11 13: mean 11.5, moving ranges 2 1 2 (mean 5/3).
    limits = xmr_limits(BEYOND, baseline=4)
    assert limits.mean == pytest.approx(11.5)
    assert limits.upper_limit == pytest.approx(11.5 + 2.66 * 5 / 3)


def test_spc_beyond_limits():
    chart = xmr_chart(BEYOND, HIGHER)
    assert signals(chart) == {"spc_beyond_limits": (9,)}


def test_spc_run_of_seven():
    chart = xmr_chart(SHIFT, HIGHER)
    assert signals(chart) == {"spc_run_of_seven": tuple(range(14))}
    # Six below the mean are not enough. Without the first value the mean is 33/13 =
    # 2.538, six values (2 1 2 1 2 1) lie below it and seven above; the limits (2.538 +/-
    # 2.66 x 13/12) hold every value.
    assert signals(xmr_chart(SHIFT[1:], HIGHER)) == {"spc_run_of_seven": tuple(range(6, 13))}


def test_spc_trend_of_seven():
    chart = xmr_chart(TREND, HIGHER)
    assert signals(chart) == {"spc_trend_of_seven": (4, 5, 6, 7, 8, 9, 10)}
    # A repeated value breaks a trend: 10 11 12 12 13 14 15 16 has no seven rising.
    assert "spc_trend_of_seven" not in signals(
        xmr_chart([10.0, 11.0, 12.0, 12.0, 13.0, 14.0, 15.0, 16.0])
    )


def test_spc_two_of_three():
    chart = xmr_chart(TWO_OF_THREE, HIGHER)
    assert signals(chart) == {"spc_two_of_three": (9, 10)}


def test_two_of_three_needs_one_side_of_the_mean():
    # 0 0 0 ... with one high and one low point two apart: both are beyond two sigma, on
    # opposite sides, so no signal (NHSRplotthedots issue 143).
    values = [5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 7.4, 5.0, 2.6, 5.0, 5.0, 5.0]
    chart = xmr_chart(values, HIGHER, screen_outliers=False)
    assert "spc_two_of_three" not in signals(chart)


def test_spc_common_cause():
    chart = xmr_chart(BEYOND[:9], HIGHER)
    assert chart.signals == ()
    assert chart.variation is Variation.COMMON_CAUSE
    assert chart.to_dict()["variation_rule"]["name"] == "spc_common_cause"


def test_spc_special_cause_improving():
    # The latest point, 25, is above the upper limit: improving when higher is better.
    assert xmr_chart(BEYOND, HIGHER).variation is Variation.SPECIAL_CAUSE_IMPROVING
    # The latest point ends a rising trend.
    assert xmr_chart(TREND, HIGHER).variation is Variation.SPECIAL_CAUSE_IMPROVING
    # The latest point, 10, is below the lower limit: improving when lower is better.
    assert xmr_chart(FALLING, LOWER).variation is Variation.SPECIAL_CAUSE_IMPROVING


def test_spc_special_cause_concerning():
    assert xmr_chart(BEYOND, LOWER).variation is Variation.SPECIAL_CAUSE_CONCERNING
    assert xmr_chart(TWO_OF_THREE, LOWER).variation is Variation.SPECIAL_CAUSE_CONCERNING
    chart = xmr_chart(FALLING, HIGHER)
    assert chart.variation is Variation.SPECIAL_CAUSE_CONCERNING
    assert chart.to_dict()["variation_rule"]["name"] == "spc_special_cause_concerning"


def test_spc_special_cause_neither():
    chart = xmr_chart(BEYOND)
    assert chart.variation is Variation.SPECIAL_CAUSE_NEITHER
    assert chart.assurance is None


def test_trend_takes_precedence_over_the_side_of_the_mean():
    # FALLING, higher is better: positions 0-3 are only in the run above the mean
    # (improving); 4-6 are in that run and in the falling trend, which takes precedence
    # (concerning); 7-9 are in the trend; 10 is beyond the lower limit (concerning).
    kinds = xmr_chart(FALLING, HIGHER).point_variation
    assert kinds[:4] == (Variation.SPECIAL_CAUSE_IMPROVING,) * 4
    assert kinds[4:] == (Variation.SPECIAL_CAUSE_CONCERNING,) * 7
    # TREND: the rising trend begins below the mean (10 at position 4), still improving.
    assert xmr_chart(TREND, HIGHER).point_variation[4] is Variation.SPECIAL_CAUSE_IMPROVING


def test_spc_consistently_met():
    # SHIFT's limits are -0.436 to 5.293. A target of -1 lies below the lower limit: when
    # higher is better every value meets it.
    chart = xmr_chart(SHIFT, HIGHER, target=-1.0)
    assert chart.assurance is Assurance.CONSISTENTLY_MET
    assert chart.to_dict()["assurance_rule"]["name"] == "spc_consistently_met"
    assert assurance(6.0, LOWER, chart.limits) is Assurance.CONSISTENTLY_MET


def test_spc_consistently_missed():
    chart = xmr_chart(SHIFT, HIGHER, target=6.0)
    assert chart.assurance is Assurance.CONSISTENTLY_MISSED
    assert assurance(-1.0, LOWER, chart.limits) is Assurance.CONSISTENTLY_MISSED


def test_spc_hit_and_miss():
    chart = xmr_chart(SHIFT, HIGHER, target=3.0)
    assert chart.assurance is Assurance.HIT_AND_MISS
    # A target exactly on a limit is hit and miss.
    assert assurance(chart.limits.upper_limit, HIGHER, chart.limits) is Assurance.HIT_AND_MISS


def test_short_series_and_minimum_points():
    assert xmr_chart([1.0]) is None
    assert xmr_chart([1.0, 2.0]).short_series
    assert not xmr_chart(SHIFT).short_series


def test_flat_series_has_no_signal():
    chart = xmr_chart([4.0] * 15, HIGHER, target=4.0)
    assert chart.signals == ()
    assert (chart.limits.lower_limit, chart.limits.upper_limit) == (4.0, 4.0)
    assert chart.assurance is Assurance.HIT_AND_MISS


def test_to_dict_names_periods_of_signals():
    from partnerscope.core.indicators.periods import parse_period

    periods = [parse_period(f"{2020 + i // 12}-{i % 12 + 1:02d}") for i in range(len(BEYOND))]
    result = xmr_chart(BEYOND, HIGHER).to_dict(periods)
    assert result["signals"] == [
        {
            "rule": "spc_beyond_limits",
            "text": result["signals"][0]["text"],
            "indices": [9],
            "periods": ["2020-10"],
        }
    ]
    assert set(result) >= {"mean", "lower_limit", "upper_limit", "variation", "assurance"}
