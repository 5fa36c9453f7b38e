"""The stored form of a status: the recent points' JSON is written by hand for speed, so
it is checked against the JSON encoder."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from partnerscope.apps.performance.status_snapshots import RECENT_POINTS, recent_json
from partnerscope.core.indicators import Frequency, Period, Series


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=30),
    st.sampled_from(list(Frequency)),
)
def test_recent_points_match_the_json_encoder(values, frequency):
    periods = tuple(Period(frequency, 2020 * frequency.per_year + i) for i in range(len(values)))
    series = Series(periods, tuple(values))
    written = recent_json(series)
    expected = [[str(period), value] for period, value in zip(periods, values, strict=True)]
    assert written == json.dumps(expected[-RECENT_POINTS:])


def test_a_shared_tuple_of_periods_gives_each_series_its_own_values():
    periods = tuple(Period(Frequency.QUARTER, 8080 + i) for i in range(14))
    first = recent_json(Series(periods, tuple(float(i) for i in range(14))))
    second = recent_json(Series(periods, tuple(float(-i) for i in range(14))))
    assert json.loads(first)[-1] == ["2023-Q2", 13.0]
    assert json.loads(second)[-1] == ["2023-Q2", -13.0]
