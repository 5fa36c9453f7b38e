"""Each named 7S rule has a test of the same name, so a report can cite a tested rule."""

from __future__ import annotations

import pytest

from partnerscope.core.sevens import (
    DIFFERENCE,
    SIGNIFICANT_CHANGE,
    SMALL_GROUP,
    WEAK_ELEMENT,
    check_threshold,
    withhold,
)


def test_small_group() -> None:
    assert SMALL_GROUP.name == "small_group"
    assert "fewer respondents than the anonymity threshold" in SMALL_GROUP.text
    assert SMALL_GROUP.withholds(4, 5)
    assert not SMALL_GROUP.withholds(5, 5)
    assert SMALL_GROUP.withholds(2, 3)
    assert not SMALL_GROUP.withholds(3, 3)


def test_difference() -> None:
    assert DIFFERENCE.name == "difference"
    assert "subtracting" in DIFFERENCE.text
    assert DIFFERENCE.withholds_more(1, 5)
    assert DIFFERENCE.withholds_more(4, 5)
    assert not DIFFERENCE.withholds_more(0, 5)
    assert not DIFFERENCE.withholds_more(5, 5)
    # Applied: fire (3) is small; the smallest other partner (housing, 5) goes with it,
    # and the council stays because another partner could be withheld instead.
    groups = {
        "council": frozenset(f"c{i}" for i in range(5)),
        "housing": frozenset(f"h{i}" for i in range(5)),
        "health": frozenset(f"n{i}" for i in range(8)),
        "fire": frozenset({"f1", "f2", "f3"}),
    }
    everyone = frozenset().union(*groups.values())
    assert withhold(groups, everyone, 5, keep_last="council") == {
        "fire": "small_group",
        "housing": "difference",
    }


def test_significant_change() -> None:
    assert SIGNIFICANT_CHANGE.name == "significant_change"
    assert "excludes zero" in SIGNIFICANT_CHANGE.text
    assert SIGNIFICANT_CHANGE.significant(0.5, 12.0)
    assert SIGNIFICANT_CHANGE.significant(-12.0, -0.5)
    assert not SIGNIFICANT_CHANGE.significant(-1.0, 3.0)
    assert not SIGNIFICANT_CHANGE.significant(0.0, 3.0)
    assert not SIGNIFICANT_CHANGE.significant(None, None)


def test_weak_element() -> None:
    assert WEAK_ELEMENT.name == "weak_element"
    assert "below 50" in WEAK_ELEMENT.text
    assert WEAK_ELEMENT.weak(0.0)
    assert WEAK_ELEMENT.weak(49.99)
    assert not WEAK_ELEMENT.weak(50.0)
    assert not WEAK_ELEMENT.weak(87.5)
    assert not WEAK_ELEMENT.weak(None)


@pytest.mark.parametrize("threshold", [2, 1, 0, -5])
def test_threshold_below_three_is_refused(threshold: int) -> None:
    with pytest.raises(ValueError, match="at least 3"):
        check_threshold(threshold)


def test_threshold_three_and_above_is_allowed() -> None:
    assert check_threshold(3) == 3
    assert check_threshold(10) == 10
