"""The combined status of one indicator in one area."""

from __future__ import annotations

import json
from datetime import date

import pytest

from partnerscope.core.indicators.model import Indicator, Polarity, Series
from partnerscope.core.indicators.periods import parse_period
from partnerscope.core.indicators.status import indicator_status, next_target

QUARTERS = [f"{2022 + i // 4}-Q{i % 4 + 1}" for i in range(9)]  # 2022-Q1 .. 2024-Q1
# Serious violent crime (lower is better): 12 12.5 11.8 12.2 11.5 11.9 11.2 11.0 10.6.
VALUES = [12.0, 12.5, 11.8, 12.2, 11.5, 11.9, 11.2, 11.0, 10.6]
CRIME = Indicator("NI 15", "Serious violent crime rate", Polarity.LOWER_IS_BETTER, due_days=45)


def series():
    return Series(tuple(map(parse_period, QUARTERS)), tuple(VALUES))


def test_hand_worked_status():
    # Target 10.2 for 2024-Q1: 10.6 misses by 0.4, within 5% x 10.2 = 0.51: amber.
    # Previous quarter 11.0 and a year before 11.5: improving on both.
    targets = {parse_period("2024-Q1"): 10.2, parse_period("2024-Q3"): 9.5}
    status = indicator_status(series(), targets, CRIME, area="E1")
    result = status.to_dict()
    assert result["rag"] == "amber"
    assert result["latest"] == {"period": "2024-Q1", "value": 10.6}
    assert result["target"] == {"period": "2024-Q1", "value": 10.2}
    assert result["direction"]["previous"]["direction"] == "improving"
    assert result["direction"]["year_ago"]["comparator_value"] == 11.5
    # The forecast aims at the next target (2024-Q3) from the last six values.
    assert result["forecast"]["period"] == "2024-Q3"
    assert result["forecast"]["target"] == 9.5
    assert result["forecast"]["points"] == 6
    # The SPC assurance uses the latest period's target.
    assert result["spc"]["target"] == 10.2
    assert result["quality"] == []
    # Everything is JSON-serialisable.
    assert json.loads(json.dumps(result)) == result


def test_as_of_leaves_out_later_periods_and_finds_overdue_values():
    # As at 20 March 2024 the latest ended quarter is 2023-Q4 (2024-Q1 ends 31 March);
    # 2023-Q4's value was due on 14 February, so nothing is overdue.
    status = indicator_status(series(), {}, CRIME, date(2024, 3, 20))
    assert status.latest_period == parse_period("2023-Q4")
    assert status.quality == ()
    # As at 1 August 2024 with values to 2024-Q1: 2024-Q2 (due 14 August) is not yet due.
    assert indicator_status(series(), {}, CRIME, date(2024, 8, 1)).quality == ()
    late = indicator_status(series(), {}, CRIME, date(2024, 8, 14))
    assert [(f.rule.name, str(f.period)) for f in late.quality] == [("quality_overdue", "2024-Q2")]


def test_without_a_future_target_the_next_period_is_forecast():
    status = indicator_status(series(), {}, CRIME)
    assert str(status.forecast.period) == "2024-Q2"
    assert status.forecast.forecast_class is None
    assert status.rag.rating is None


def test_empty_series():
    empty = Series((), ())
    result = indicator_status(empty, {}, CRIME, date(2024, 1, 1), area="E9").to_dict()
    assert result["latest"] is None
    assert result["rag"] is None
    assert result["direction"] == {"previous": None, "year_ago": None}
    assert result["forecast"] is None and result["spc"] is None


def test_next_target_ignores_other_frequencies_and_past_targets():
    targets = {
        parse_period("2024"): 1.0,
        parse_period("2023-Q4"): 2.0,
        parse_period("2024-Q2"): 3.0,
    }
    assert next_target(targets, parse_period("2024-Q1")) == (parse_period("2024-Q2"), 3.0)
    assert next_target(targets, parse_period("2024-Q2")) is None


@pytest.mark.parametrize("count", [1, 2, 3])
def test_short_series(count):
    short = Series(tuple(map(parse_period, QUARTERS[:count])), tuple(VALUES[:count]))
    result = indicator_status(short, {}, CRIME).to_dict()
    assert (result["spc"] is None) == (count < 2)
    assert (result["forecast"] is None) == (count < 3)
