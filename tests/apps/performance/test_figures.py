"""How the performance pages write numbers: recorded values to four significant figures,
worked-out figures (means, limits, forecasts) to the precision of the values recorded."""

from __future__ import annotations

import doctest
import math

from hypothesis import given
from hypothesis import strategies as st

from partnerscope.apps.performance import charts
from partnerscope.apps.performance.charts import decimal_places, derived, figure


def test_the_examples_run():
    assert doctest.testmod(charts).failed == 0


def test_decimal_places_are_those_the_values_were_typed_with():
    assert decimal_places([]) == 0
    assert decimal_places([240.0, 1206.0]) == 0
    assert decimal_places([0.77, 0.8, 1.23]) == 2
    assert decimal_places([12.5, 3.125]) == 3
    assert decimal_places([0.1 + 0.2]) == 3
    assert decimal_places([1e-7]) == 3
    assert decimal_places([math.nan, math.inf, 2.5]) == 1


def test_derived_figures_show_one_place_more_than_the_values():
    assert derived(1.0712345, 2) == "1.071"
    assert derived(0.6015, 2) == "0.602" and derived(1.54, 2) == "1.540"
    assert derived(1193.3571, 0) == "1,193.4"
    assert derived(-2.25, 1) == "-2.25"
    assert derived(0.0, 2) == "0.000"
    assert derived(0.00004, 2) == figure(0.00004) == "4e-05"
    assert derived(None, 2) == "–"


@given(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    st.integers(min_value=0, max_value=charts.MOST_RECORDED_PLACES),
)
def test_a_derived_figure_is_within_half_a_unit_of_its_last_place(value, places):
    text = derived(value, places)
    if "e" in text:
        assert abs(value) < 10 ** -(places + 1)
    else:
        assert abs(float(text.replace(",", "")) - value) <= 0.5 * 10 ** -(places + 1) + 1e-9 * abs(
            value
        )
