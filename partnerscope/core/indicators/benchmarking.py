"""Benchmarking: how one area compares with others on an indicator, and who is most alike.

For one indicator and period, each area gets its rank (1 = best, ties sharing the best
rank they span: 1, 2, 2, 4), its quartile from the rank (``1 + floor(4 × (rank − 1) / n)``:
an area is in the first, best, quartile when fewer than a quarter of the areas beat it;
tied areas share a quartile) and its distance from the median of all areas.

Nearest neighbours use the standardised Euclidean distance over a chosen set of
indicators: ``d(a, b) = √Σ ((a_i − b_i) / s_i)²`` with ``s_i`` the sample standard
deviation (n − 1) of indicator ``i`` across the areas compared (SciPy's ``seuclidean``).
Standardising stops an indicator measured in large numbers from swamping the rest.
Areas missing any chosen indicator are left out; an indicator that does not vary is
ignored.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from partnerscope.core.indicators.model import Polarity

__all__ = [
    "BenchmarkRow",
    "Neighbour",
    "benchmark",
    "nearest_neighbours",
    "median",
]


@dataclass(frozen=True, slots=True)
class BenchmarkRow:
    """One area's standing among the areas compared."""

    area: str
    value: float
    rank: int
    quartile: int
    difference_from_median: float
    better_than_median: bool | None

    def to_dict(self) -> dict[str, Any]:
        """``area``, ``value``, ``rank``, ``quartile``, ``difference_from_median`` and
        ``better_than_median`` (``null`` when on the median)."""
        return {
            "area": self.area,
            "value": self.value,
            "rank": self.rank,
            "quartile": self.quartile,
            "difference_from_median": self.difference_from_median,
            "better_than_median": self.better_than_median,
        }


@dataclass(frozen=True, slots=True)
class Neighbour:
    """An area and its standardised distance from the area asked about."""

    area: str
    distance: float

    def to_dict(self) -> dict[str, Any]:
        """``area`` and ``distance``."""
        return {"area": self.area, "distance": self.distance}


def median(values: Sequence[float]) -> float:
    """The middle value (the mean of the two middle values for an even count).

    Examples
    --------
    >>> median([3.0, 1.0, 2.0, 10.0])
    2.5
    """
    if not values:
        raise ValueError("the median of no values is undefined")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def benchmark(values: Mapping[str, float], polarity: Polarity) -> tuple[BenchmarkRow, ...]:
    """Rank, quartile and distance from the median of each area's value, best first.

    Examples
    --------
    Lower is better: 8 is best (rank 1); the two 10s tie at rank 2; 12 is rank 4. The
    median is 10; quartiles are 1 + floor(4 × (rank − 1) / 4) = rank.

    >>> rows = benchmark({"a": 10.0, "b": 8.0, "c": 12.0, "d": 10.0}, Polarity.LOWER_IS_BETTER)
    >>> [(r.area, r.rank, r.quartile, r.difference_from_median) for r in rows]
    [('b', 1, 1, -2.0), ('a', 2, 2, 0.0), ('d', 2, 2, 0.0), ('c', 4, 4, 2.0)]
    """
    count = len(values)
    if not count:
        return ()
    ordered = sorted(values.items(), key=lambda item: (-item[1] * polarity.sign, item[0]))
    middle = median(list(values.values()))
    rows: list[BenchmarkRow] = []
    rank = 0
    for position, (area, value) in enumerate(ordered, start=1):
        if position == 1 or value != ordered[position - 2][1]:
            rank = position
        difference = value - middle
        rows.append(
            BenchmarkRow(
                area=area,
                value=value,
                rank=rank,
                quartile=1 + 4 * (rank - 1) // count,
                difference_from_median=difference,
                better_than_median=None if difference == 0 else difference * polarity.sign > 0,
            )
        )
    return tuple(rows)


def nearest_neighbours(
    area: str,
    table: Mapping[str, Mapping[str, float]],
    indicators: Sequence[str],
    count: int = 5,
) -> tuple[Neighbour, ...]:
    """The ``count`` areas most like ``area`` on ``indicators`` (standardised Euclidean).

    ``table`` maps each area to its indicator values. Ties are broken by area name.

    Examples
    --------
    Area b differs from a by 1 on x (standard deviation 0.96), area c by 100 on y
    (standard deviation 189.3): standardised, c (0.53) is nearer than b (1.04).

    >>> table = {
    ...     "a": {"x": 1.0, "y": 100.0},
    ...     "b": {"x": 2.0, "y": 100.0},
    ...     "c": {"x": 1.0, "y": 200.0},
    ...     "d": {"x": 3.0, "y": 500.0},
    ... }
    >>> [(n.area, round(n.distance, 2)) for n in nearest_neighbours("a", table, ["x", "y"], 2)]
    [('c', 0.53), ('b', 1.04)]
    """
    if area not in table or any(name not in table[area] for name in indicators):
        raise ValueError(f"{area} has no value for every chosen indicator")
    compared = [
        name for name, row in table.items() if all(indicator in row for indicator in indicators)
    ]
    scales: list[tuple[str, float]] = []
    for indicator in indicators:
        column = [table[name][indicator] for name in compared]
        if len(column) < 2:
            continue
        mean = sum(column) / len(column)
        variance = sum((value - mean) ** 2 for value in column) / (len(column) - 1)
        if variance > 0:
            scales.append((indicator, math.sqrt(variance)))
    home = table[area]
    neighbours = [
        Neighbour(
            name,
            math.sqrt(sum(((table[name][key] - home[key]) / scale) ** 2 for key, scale in scales)),
        )
        for name in compared
        if name != area
    ]
    neighbours.sort(key=lambda neighbour: (neighbour.distance, neighbour.area))
    return tuple(neighbours[:count])
