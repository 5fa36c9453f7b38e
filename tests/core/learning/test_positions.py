"""Rank and quartile: a hand-worked example and the invariants, checked with hypothesis."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerscope.core.learning import Position, position, quartile, rank

values_lists = st.lists(st.integers(min_value=-50, max_value=50), min_size=1, max_size=30)


def test_a_hand_worked_example_with_ties():
    # Six partnerships' densities: 0.40, 0.55, 0.40, 0.30, 0.62, 0.40.
    # Highest first: 0.62 (rank 1), 0.55 (rank 2), three at 0.40 share rank 3, 0.30 rank 6.
    # Quartile = 1 + floor(4 * (rank - 1) / 6): rank 1 -> 1, 2 -> 1, 3 -> 2, 6 -> 4.
    densities = [0.40, 0.55, 0.40, 0.30, 0.62, 0.40]
    assert position(0.62, densities) == Position(1, 6, 1)
    assert position(0.55, densities) == Position(2, 6, 1)
    assert position(0.40, densities) == Position(3, 6, 2)
    assert position(0.30, densities) == Position(6, 6, 4)
    assert position(0.40, densities).words == "second quarter (rank 3 of 6)"


def test_five_ranks_fall_in_quartiles_one_one_two_three_four():
    assert [quartile(r, 5) for r in range(1, 6)] == [1, 1, 2, 3, 4]


def test_a_value_not_among_the_values_or_a_rank_out_of_range_is_refused():
    with pytest.raises(ValueError):
        rank(3.0, [1.0, 2.0])
    with pytest.raises(ValueError):
        quartile(0, 5)
    with pytest.raises(ValueError):
        quartile(6, 5)


@given(values_lists, st.data())
def test_rank_counts_the_values_strictly_higher(values, data):
    value = data.draw(st.sampled_from(values))
    found = rank(value, values)
    assert 1 <= found <= len(values)
    assert found == 1 + len([v for v in values if v > value])


@given(values_lists, st.data())
def test_tied_values_share_rank_and_quartile(values, data):
    value = data.draw(st.sampled_from(values))
    twins = [*values, value]
    assert position(value, twins).rank == rank(value, twins)
    first = twins.index(value)
    assert position(twins[first], twins) == position(twins[-1], twins)


@given(values_lists)
def test_a_higher_value_never_has_a_worse_position(values):
    positions = {value: position(value, values) for value in values}
    for higher in values:
        for lower in values:
            if higher > lower:
                assert positions[higher].rank < positions[lower].rank
                assert positions[higher].quartile <= positions[lower].quartile


@given(values_lists)
def test_the_highest_is_in_the_first_quartile_and_the_lowest_in_the_last_from_four_on(values):
    assert position(max(values), values).quartile == 1
    lowest = position(min(values), values)
    if len(values) >= 4 and values.count(min(values)) == 1:
        assert lowest.quartile == 4


@given(st.integers(min_value=1, max_value=200))
def test_each_quartile_holds_about_a_quarter_of_distinct_ranks(count):
    quartiles = [quartile(r, count) for r in range(1, count + 1)]
    assert quartiles == sorted(quartiles)
    for number in range(1, 5):
        held = quartiles.count(number)
        assert held <= -(-count // 4)
