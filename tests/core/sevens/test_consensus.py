"""Tastle and Wierman's consensus, against hand-worked values and its known properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerscope.core.sevens import consensus, consensus_from_counts

scale = st.integers(min_value=1, max_value=5)


def test_all_agree_is_one() -> None:
    assert consensus([3, 3, 3, 3]) == 1.0


def test_even_split_between_the_ends_is_zero() -> None:
    # mu = 3, each |X - mu| / 4 = 0.5, log2(0.5) = -1: Cns = 1 + 0.5 * -1 + 0.5 * -1 = 0.
    assert consensus([1, 5, 5, 1]) == 0.0


def test_hand_worked_three_categories() -> None:
    # Answers 2, 3, 3, 4: mu = 3, widths |2-3|/4 = |4-3|/4 = 0.25 and |3-3|/4 = 0.
    # Cns = 1 + 0.25 * log2(0.75) + 0.5 * log2(1) + 0.25 * log2(0.75)
    #     = 1 + 0.5 * log2(0.75) = 1 + 0.5 * -0.415037 = 0.792481.
    assert consensus([2, 3, 3, 4]) == pytest.approx(0.792481, abs=1e-6)


def test_hand_worked_skewed() -> None:
    # Answers 1, 1, 1, 5: mu = 2, |1-2|/4 = 0.25, |5-2|/4 = 0.75.
    # Cns = 1 + 0.75 * log2(0.75) + 0.25 * log2(0.25) = 1 - 0.311278 - 0.5 = 0.188722.
    assert consensus([1, 1, 1, 5]) == pytest.approx(0.188722, abs=1e-6)


def test_more_spread_means_less_consensus() -> None:
    assert consensus([3, 3, 4, 4]) > consensus([2, 2, 5, 5]) > consensus([1, 1, 5, 5])


def test_no_answers_gives_none() -> None:
    assert consensus([]) is None
    assert consensus_from_counts({1: 0, 5: 0}) is None


def test_counts_and_answers_agree() -> None:
    assert consensus_from_counts({2: 3, 4: 1}) == consensus([2, 2, 2, 4])


@pytest.mark.parametrize("bad", [{0: 1}, {6: 2}])
def test_answers_off_the_scale_are_refused(bad: dict[int, int]) -> None:
    with pytest.raises(ValueError, match="outside the scale"):
        consensus_from_counts(bad)


@settings(max_examples=100, deadline=None)
@given(st.lists(scale, min_size=1, max_size=60))
def test_consensus_lies_between_zero_and_one(answers: list[int]) -> None:
    value = consensus(answers)
    assert value is not None
    assert 0.0 <= value <= 1.0


@settings(max_examples=50, deadline=None)
@given(scale, st.integers(min_value=1, max_value=40))
def test_consensus_is_one_when_everyone_agrees(answer: int, count: int) -> None:
    assert consensus([answer] * count) == 1.0


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=40))
def test_consensus_is_zero_for_any_even_split_of_ones_and_fives(half: int) -> None:
    assert consensus([1] * half + [5] * half) == 0.0


@settings(max_examples=50, deadline=None)
@given(st.lists(scale, min_size=1, max_size=40))
def test_consensus_is_symmetric_under_reversing_the_scale(answers: list[int]) -> None:
    flipped = consensus([6 - answer for answer in answers])
    assert flipped == pytest.approx(consensus(answers), abs=1e-12)


@settings(max_examples=50, deadline=None)
@given(st.lists(scale, min_size=2, max_size=40))
def test_consensus_matches_the_formula(answers: list[int]) -> None:
    mu = sum(answers) / len(answers)
    expected = 1 + sum(math.log2(1 - abs(x - mu) / 4) for x in answers) / len(answers)
    assert consensus(answers) == pytest.approx(max(0.0, expected), abs=1e-12)
