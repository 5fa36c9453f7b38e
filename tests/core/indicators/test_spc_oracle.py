"""SPC signals against a second, independent implementation on random series.

The oracle is written in a deliberately different style from the core: numpy arrays and a
brute-force scan of every window (every 7 consecutive points for runs and trends, every 3
for two-in-three), flagging all points of each qualifying window, in the manner of
NHSRplotthedots' ``vapply`` over windows. The core instead counts set cells in every
window of all rows at once with running sums.
Limits use the same published formula, so integer-valued data keep both free of
floating-point ties at the limits.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.lib.stride_tricks import sliding_window_view

from partnerscope.core.indicators.model import Polarity
from partnerscope.core.indicators.spc import xmr_chart


def oracle(values, polarity):
    y = np.asarray(values, dtype=float)
    n = len(y)
    mr = np.abs(np.diff(y))
    amr = mr.sum() / len(mr)
    if amr > 0:
        kept = mr[mr < 3.267 * amr]
        amr = kept.sum() / len(kept)
    mean = y.sum() / n
    upl, lpl = mean + 2.66 * amr, mean - 2.66 * amr
    nupl, nlpl = mean + 2 * (2.66 / 3) * amr, mean - 2 * (2.66 / 3) * amr
    side = np.sign(y - mean)
    outside = (y > upl) | (y < lpl)
    close = ~outside & ((y > nupl) | (y < nlpl))

    run = np.zeros(n, dtype=bool)
    trend = np.zeros(n, dtype=bool)
    trend_dir = np.zeros(n, dtype=int)
    if n >= 7:
        for start, window in enumerate(sliding_window_view(side, 7)):
            if window[0] != 0 and np.all(window == window[0]):
                run[start : start + 7] = True
        for start, window in enumerate(sliding_window_view(y, 7)):
            steps = np.sign(np.diff(window))
            if np.all(steps == 1) or np.all(steps == -1):
                trend[start : start + 7] = True
                trend_dir[start : start + 7] = steps[0]
    two = np.zeros(n, dtype=bool)
    if n >= 3:
        for start in range(n - 2):
            s = side[start : start + 3]
            c = close[start : start + 3]
            if abs(s.sum()) == 3 and c.sum() >= 2:
                two[start : start + 3] |= c

    flags = {
        "spc_beyond_limits": outside,
        "spc_run_of_seven": run,
        "spc_trend_of_seven": trend,
        "spc_two_of_three": two,
    }
    kinds = []
    for i in range(n):
        if not (outside[i] or run[i] or trend[i] or two[i]):
            kinds.append("common_cause")
            continue
        direction = trend_dir[i] if (trend[i] and not outside[i]) else side[i]
        if polarity is None:
            kinds.append("special_cause_neither")
        else:
            good = 1 if polarity is Polarity.HIGHER_IS_BETTER else -1
            kinds.append(
                "special_cause_improving" if direction * good > 0 else "special_cause_concerning"
            )
    signals = {name: tuple(np.flatnonzero(f).tolist()) for name, f in flags.items() if f.any()}
    return (lpl, upl), signals, kinds


series = st.lists(st.integers(min_value=0, max_value=12), min_size=2, max_size=40)
drifting = st.lists(st.integers(min_value=-3, max_value=3), min_size=2, max_size=40).map(
    lambda steps: list(np.cumsum(steps) + 50)
)
polarities = st.sampled_from([Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER, None])


def check(values, polarity):
    chart = xmr_chart([float(v) for v in values], polarity)
    (lpl, upl), expected_signals, expected_kinds = oracle(values, polarity)
    assert (chart.limits.lower_limit, chart.limits.upper_limit) == (lpl, upl)
    assert {s.rule.name: s.indices for s in chart.signals} == expected_signals
    assert [kind.value for kind in chart.point_variation] == expected_kinds
    assert chart.variation.value == expected_kinds[-1]


@settings(max_examples=100, deadline=None)
@given(series, polarities)
def test_signals_match_a_brute_force_scan(values, polarity):
    check(values, polarity)


@settings(max_examples=100, deadline=None)
@given(drifting, polarities)
def test_signals_match_on_drifting_series(values, polarity):
    # Random walks give long runs and trends, which independent noise rarely does.
    check(values, polarity)
