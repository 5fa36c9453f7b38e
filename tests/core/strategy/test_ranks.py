"""Spearman's rank correlation against scipy, a hand-worked example and its edge cases."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import spearmanr

from partnerscope.core.strategy import average_ranks, spearman, spearman_pairs

values = st.lists(st.integers(min_value=-5, max_value=5), min_size=2, max_size=30)


@given(st.data())
def test_spearman_matches_scipy_with_ties(data: st.DataObject) -> None:
    first = data.draw(values)
    second = data.draw(
        st.lists(st.integers(min_value=-5, max_value=5), min_size=len(first), max_size=len(first))
    )
    ours = spearman(first, second)
    if len(set(first)) < 2 or len(set(second)) < 2:
        assert ours is None
        return
    expected = spearmanr(first, second).statistic
    assert ours is not None
    assert math.isclose(ours, float(expected), rel_tol=1e-9, abs_tol=1e-12)


@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=40))
def test_average_ranks_sum_and_order(numbers: list[float]) -> None:
    ranks = average_ranks(numbers)
    size = len(numbers)
    assert math.isclose(sum(ranks), size * (size + 1) / 2)
    for i in range(size):
        for j in range(size):
            if numbers[i] < numbers[j]:
                assert ranks[i] < ranks[j]
            if numbers[i] == numbers[j]:
                assert ranks[i] == ranks[j]


def test_hand_worked_example() -> None:
    """docs/strategy.md: performance ranks 1..5, chain strength ranks 1, 2, 4, 3, 5; the
    squared differences sum to 2, so rho = 1 - 6 * 2 / (5 * (25 - 1)) = 0.9."""
    rho = spearman([0.2, 0.4, 0.5, 0.7, 0.9], [0.1, 0.3, 0.6, 0.5, 0.8])
    assert rho == pytest.approx(0.9)


def test_hand_worked_ties() -> None:
    """Ties share the average rank: [1, 1, 2] ranks 1.5, 1.5, 3."""
    assert average_ranks([1, 1, 2]) == [1.5, 1.5, 3.0]
    assert spearman([1, 1, 2], [1, 2, 3]) == pytest.approx(0.8660254037844387)


def test_too_few_outcomes_below_the_minimum() -> None:
    pairs = [(0.1, 0.2), (0.3, 0.1), (0.5, 0.9), (0.7, 0.4)]
    result = spearman_pairs("density", pairs, minimum=5)
    assert result.rho is None and result.reason == "too few outcomes" and result.n == 4
    shown = spearman_pairs("density", [*pairs, (0.9, 1.0)], minimum=5)
    assert shown.n == 5 and shown.rho == pytest.approx(0.8)


def test_pairs_with_a_missing_value_are_left_out() -> None:
    pairs = [(0.1, None), (None, 0.3), (0.2, 0.2), (0.4, 0.5), (0.6, 0.4)]
    assert spearman_pairs("trust", pairs, minimum=3).n == 3


def test_a_measure_that_does_not_vary_has_no_correlation() -> None:
    result = spearman_pairs("7S", [(0.1, 50.0), (0.2, 50.0), (0.3, 50.0)], minimum=3)
    assert result.rho is None and result.reason == "a measure does not vary"
