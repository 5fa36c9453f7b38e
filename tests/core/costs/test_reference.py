"""The shipped reference data for costs: each figure with its source."""

from __future__ import annotations

import json
from importlib import resources

from partnerscope.reference.costs import (
    DEFLATORS_FILE,
    OPTIMISM_BIAS_FILE,
    load_deflators,
    load_optimism_bias,
)


def raw(name):
    return json.loads(
        resources.files("partnerscope.reference.costs").joinpath(name).read_text("utf-8")
    )


def test_the_optimism_bias_table_is_marked_unconfirmed_with_its_source():
    table = load_optimism_bias()
    assert table.confirmed is False
    assert "UNCONFIRMED" in table.source and "2014" in table.source
    assert list(table.grades) == ["1", "2", "3", "4", "5", "6"]
    biases = list(table.grades.values())
    assert biases == sorted(biases)
    assert all(0 <= b <= 1 for b in biases)
    assert raw(OPTIMISM_BIAS_FILE)["confirmed"] is False


def test_the_deflator_series_says_it_is_illustrative():
    series = load_deflators()
    assert series.illustrative is True
    assert "not an official series" in series.source
    assert series.licence
    assert series.index[2024] == 100.0
    assert series.factor(2024, 2025) == 1.02
    assert raw(DEFLATORS_FILE)["illustrative"] is True
