"""Benchmarking across areas against hand-worked ranks and scipy's seuclidean distance."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial.distance import cdist
from scipy.stats import rankdata

from partnerscope.core.indicators.benchmarking import benchmark, median, nearest_neighbours
from partnerscope.core.indicators.model import Polarity

HIGHER = Polarity.HIGHER_IS_BETTER
LOWER = Polarity.LOWER_IS_BETTER


def test_hand_worked_ranks_and_quartiles():
    # Employment rates of eight areas, higher is better. Sorted: h 78, a 75, c 75, f 72,
    # b 70, e 68, d 66, g 60. Ranks 1, 2, 2, 4, 5, 6, 7, 8. Quartile 1 + floor(4(r - 1)/8):
    # 1, 1, 1, 2, 3, 3, 4, 4. Median of the eight is (72 + 70) / 2 = 71.
    values = {"a": 75, "b": 70, "c": 75, "d": 66, "e": 68, "f": 72, "g": 60, "h": 78}
    rows = benchmark({k: float(v) for k, v in values.items()}, HIGHER)
    assert [(r.area, r.rank, r.quartile) for r in rows] == [
        ("h", 1, 1),
        ("a", 2, 1),
        ("c", 2, 1),
        ("f", 4, 2),
        ("b", 5, 3),
        ("e", 6, 3),
        ("d", 7, 4),
        ("g", 8, 4),
    ]
    assert [r.difference_from_median for r in rows[:2]] == [7.0, 4.0]
    assert rows[0].better_than_median and not rows[-1].better_than_median


def test_lower_is_better_reverses_the_ranks():
    rows = benchmark({"a": 1.0, "b": 2.0, "c": 3.0}, LOWER)
    assert [(r.area, r.rank) for r in rows] == [("a", 1), ("b", 2), ("c", 3)]
    assert rows[1].better_than_median is None
    assert benchmark({}, LOWER) == ()


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.text("abcdefgh", min_size=1, max_size=3), st.integers(0, 20), min_size=1),
    st.sampled_from([HIGHER, LOWER]),
)
def test_ranks_match_scipy(values, polarity):
    areas = list(values)
    scores = np.array([values[a] * polarity.sign for a in areas], dtype=float)
    expected = rankdata(-scores, method="min")
    rows = {r.area: r for r in benchmark({a: float(v) for a, v in values.items()}, polarity)}
    assert [rows[a].rank for a in areas] == list(expected.astype(int))
    assert rows[areas[0]].difference_from_median == pytest.approx(
        values[areas[0]] - np.median(list(values.values()))
    )
    assert all(1 <= r.quartile <= 4 for r in rows.values())
    best = min(rows.values(), key=lambda r: r.rank)
    assert best.quartile == 1


def test_median():
    assert median([5.0]) == 5.0
    assert median([4.0, 1.0, 3.0]) == 3.0
    with pytest.raises(ValueError):
        median([])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.floats(min_value=-100, max_value=100), min_size=3, max_size=3),
        min_size=3,
        max_size=15,
    )
)
def test_distances_match_scipy_seuclidean(rows):
    data = np.asarray(rows)
    variances = data.var(axis=0, ddof=1)
    keep = variances > 1e-9
    if not keep.any():
        return
    names = [f"area{i}" for i in range(len(rows))]
    table = {
        name: {f"i{j}": row[j] for j in range(3) if keep[j]}
        for name, row in zip(names, rows, strict=True)
    }
    chosen = [f"i{j}" for j in range(3) if keep[j]]
    found = nearest_neighbours("area0", table, chosen, count=len(rows))
    expected = cdist(data[:1, keep], data[:, keep], "seuclidean", V=variances[keep])[0]
    assert {n.area: n.distance for n in found} == pytest.approx(
        {name: float(d) for name, d in zip(names[1:], expected[1:], strict=True)}, abs=1e-6
    )
    assert [n.distance for n in found] == sorted(n.distance for n in found)


def test_areas_missing_an_indicator_are_left_out():
    table = {"a": {"x": 1.0, "y": 1.0}, "b": {"x": 2.0}, "c": {"x": 3.0, "y": 2.0}}
    assert [n.area for n in nearest_neighbours("a", table, ["x", "y"])] == ["c"]
    with pytest.raises(ValueError):
        nearest_neighbours("b", table, ["x", "y"])
