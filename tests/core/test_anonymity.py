"""The shared withholding rules: overlapping groups, and the data package's rare combinations."""

from __future__ import annotations

import doctest
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import partnerscope.core.anonymity as anonymity
from partnerscope.core.anonymity import (
    DIFFERENCE,
    SMALL_GROUP,
    cells,
    exposed,
    rare_combinations,
    withhold_overlapping,
)


def test_docstring_examples() -> None:
    result = doctest.testmod(anonymity, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


@st.composite
def families(draw: st.DrawFn) -> tuple[dict[str, frozenset[str]], list[frozenset[str]]]:
    """Up to six overlapping groups of up to 30 people, and a second population within them."""
    people = [f"p{i}" for i in range(draw(st.integers(min_value=0, max_value=30)))]
    groups = {
        f"g{index}": frozenset(draw(st.sets(st.sampled_from(people)))) if people else frozenset()
        for index in range(draw(st.integers(min_value=0, max_value=6)))
    }
    everyone = frozenset(people)
    subset = frozenset(draw(st.sets(st.sampled_from(people)))) if people else frozenset()
    return groups, [everyone, subset]


@settings(max_examples=200, deadline=None)
@given(families(), st.integers(min_value=3, max_value=7))
def test_every_cell_left_is_empty_or_at_least_the_threshold(
    family: tuple[dict[str, frozenset[str]], list[frozenset[str]]], threshold: int
) -> None:
    groups, populations = family
    withheld = withhold_overlapping(groups, populations, threshold)
    assert set(withheld.values()) <= {SMALL_GROUP, DIFFERENCE}
    shown = {name: ids for name, ids in groups.items() if name not in withheld}
    assert not exposed(shown, populations, threshold)
    for name, rule in withheld.items():
        if rule == SMALL_GROUP:
            assert 0 < len(groups[name] & populations[0]) < threshold
    # Groups with the same members stand or fall together.
    for ids in shown.values():
        assert not any(groups[other] == ids for other in withheld)
    # The same answer whatever order the groups come in.
    assert withhold_overlapping(dict(reversed(groups.items())), populations, threshold) == withheld


def test_cells_partition_the_population() -> None:
    groups = {"a": {"1", "2"}, "b": {"2", "3"}}
    found = cells(groups, ["1", "2", "3", "4"])
    assert sorted(map(sorted, found.values())) == [["1"], ["2"], ["3"], ["4"]]


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.text(min_size=1, max_size=3), st.integers(min_value=1, max_value=12)),
    st.integers(min_value=3, max_value=7),
)
def test_rare_combinations_leave_no_small_combination_nor_a_small_blank_pool(
    counts: dict[str, int], threshold: int
) -> None:
    blank = rare_combinations(counts, threshold)
    pool = sum(counts[key] for key in blank)
    kept = Counter({key: count for key, count in counts.items() if key not in blank})
    assert all(count >= threshold for count in kept.values())
    assert pool == 0 or pool >= threshold or not kept
    assert not blank or min(counts[key] for key in blank) <= min(kept.values(), default=pool)
