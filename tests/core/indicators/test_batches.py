"""Judging many series together gives each the result it gets alone.

A status run judges a batch of series as numpy rows (grouped by length); the web pages
and the command line judge one series, as a batch of one. Mixed lengths, polarities,
targets, intervals and revisions must not leak from one row into another.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerscope.core.indicators import (
    Frequency,
    Indicator,
    Period,
    Polarity,
    Series,
    StatusRequest,
    check_quality,
    forecast,
    indicator_status,
    indicator_statuses,
    xmr_chart,
)
from partnerscope.core.indicators.forecast import forecasts
from partnerscope.core.indicators.quality import check_quality_many
from partnerscope.core.indicators.spc import xmr_charts

FIRST_QUARTER = 2020 * 4
polarities = st.sampled_from([Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER, None])
numbers = st.one_of(
    st.integers(min_value=0, max_value=9).map(float),
    st.floats(min_value=-1e3, max_value=1e3, allow_nan=False),
)


@st.composite
def requests(draw: st.DrawFn) -> StatusRequest:
    ordinals = sorted(
        draw(st.sets(st.integers(FIRST_QUARTER, FIRST_QUARTER + 30), min_size=0, max_size=20))
    )
    periods = tuple(Period(Frequency.QUARTER, ordinal) for ordinal in ordinals)
    values = tuple(draw(st.lists(numbers, min_size=len(periods), max_size=len(periods))))
    intervals = draw(st.booleans())
    series = Series(
        periods,
        values,
        lowers=tuple(value - 1 for value in values) if intervals else None,
        uppers=tuple(value + 1 for value in values) if intervals else None,
    )
    targets = {
        Period(Frequency.QUARTER, ordinal): draw(numbers)
        for ordinal in draw(st.sets(st.integers(FIRST_QUARTER, FIRST_QUARTER + 34), max_size=4))
    }
    revisions = (
        {periods[0]: [1.0, 5.0, 9.0, values[0]]} if periods and draw(st.booleans()) else None
    )
    indicator = Indicator(
        "NI 1",
        polarity=draw(polarities),
        minimum=draw(st.sampled_from([None, 0.0])),
        maximum=draw(st.sampled_from([None, 500.0])),
        due_days=45,
    )
    return StatusRequest(series, targets, indicator, "Area", revisions)


@settings(max_examples=60, deadline=None)
@given(st.lists(requests(), min_size=1, max_size=12), st.sampled_from([None, date(2026, 1, 1)]))
def test_statuses_together_equal_statuses_alone(batch, as_of):
    together = indicator_statuses(batch, as_of)
    alone = [
        indicator_status(
            request.series,
            request.targets,
            request.indicator,
            as_of,
            area=request.area,
            revisions=request.revisions,
        )
        for request in batch
    ]
    assert [status.to_dict() for status in together] == [status.to_dict() for status in alone]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(numbers, min_size=12, max_size=12), polarities), min_size=1, max_size=8
    ),
    st.one_of(st.none(), numbers),
)
def test_charts_drawn_together_equal_charts_drawn_alone(rows, target):
    values = np.array([row for row, _ in rows])
    chosen = [polarity for _, polarity in rows]
    signs = np.array([0 if polarity is None else polarity.sign for polarity in chosen])
    together = xmr_charts(values, signs).charts(chosen, [target] * len(rows))
    assert together == [xmr_chart(row, polarity, target) for row, polarity in rows]


def test_forecasts_and_quality_together_equal_alone():
    series = [
        Series.of(
            (Period(Frequency.QUARTER, FIRST_QUARTER + i), float(value))
            for i, value in enumerate(values)
        )
        for values in ([1, 2, 3], [5, 1, 4, 1, 5, 9, 2, 6], [7], [10, 11, 10, 12, 90], [])
    ]
    targets = [2.0, None, 1.0, 50.0, None]
    chosen = [Polarity.HIGHER_IS_BETTER, None, Polarity.LOWER_IS_BETTER, None, None]
    aims = [Period(Frequency.QUARTER, FIRST_QUARTER + 10)] * len(series)
    assert forecasts(series, aims, targets, chosen) == [
        forecast(one, aim, target, polarity)
        for one, aim, target, polarity in zip(series, aims, targets, chosen, strict=True)
    ]
    indicators = [Indicator("NI 1", minimum=0.0, maximum=50.0, due_days=45)] * len(series)
    found = check_quality_many(series, indicators, date(2026, 1, 1))
    assert found == [
        check_quality(one, indicator, date(2026, 1, 1))
        for one, indicator in zip(series, indicators, strict=True)
    ]
    assert [finding.rule.name for finding in found[3]][-1] == "quality_outlier"
