"""Rank correlation across outcomes: average ranks and Spearman's rho.

Spearman's rho is Pearson's correlation of the two variables' ranks, ties given the average
of the ranks they span. It asks only whether the outcomes ranked high on one measure tend to
rank high on the other; across a handful of outcomes it describes, and proves no cause.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Correlation", "average_ranks", "pearson", "spearman", "spearman_pairs"]


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1 (smallest), tied values sharing the mean of the ranks they span.

    Examples
    --------
    >>> average_ranks([30, 10, 20, 10])
    [4.0, 1.5, 3.0, 1.5]
    """
    order = sorted(range(len(values)), key=lambda index: values[index])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        shared = (start + end) / 2 + 1
        for position in range(start, end + 1):
            ranks[order[position]] = shared
        start = end + 1
    return ranks


def pearson(first: Sequence[float], second: Sequence[float]) -> float | None:
    """Pearson's correlation, or None when either variable does not vary (or n < 2).

    >>> pearson([1, 2, 3], [2, 4, 7])
    0.9933992677987828
    """
    if len(first) != len(second):
        raise ValueError("the two variables need the same number of values")
    size = len(first)
    if size < 2:
        return None
    mean_first = math.fsum(first) / size
    mean_second = math.fsum(second) / size
    across = math.fsum(
        (a - mean_first) * (b - mean_second) for a, b in zip(first, second, strict=True)
    )
    spread_first = math.fsum((a - mean_first) ** 2 for a in first)
    spread_second = math.fsum((b - mean_second) ** 2 for b in second)
    if spread_first == 0 or spread_second == 0:
        return None
    return max(-1.0, min(1.0, across / math.sqrt(spread_first * spread_second)))


def spearman(first: Sequence[float], second: Sequence[float]) -> float | None:
    """Spearman's rank correlation with average ranks for ties; None when it is undefined
    (fewer than two pairs, or one variable the same throughout).

    Examples
    --------
    Five outcomes, their performance scores and their chains' strength (worked by hand in
    docs/strategy.md: the ranks' differences are 0, 0, 1, 1, 0, so rho = 1 - 6 * 2 / 120):

    >>> spearman([0.2, 0.4, 0.5, 0.7, 0.9], [0.1, 0.3, 0.6, 0.5, 0.8])
    0.9
    """
    return pearson(average_ranks(first), average_ranks(second))


@dataclass(frozen=True, slots=True)
class Correlation:
    """Spearman's rho between performance and one joint-working measure, over the ``n``
    outcomes that have both; ``rho`` is None when ``n`` is below ``minimum`` or a measure
    does not vary, and ``reason`` then says which."""

    measure: str
    n: int
    minimum: int
    rho: float | None
    reason: str = ""

    @property
    def shown(self) -> bool:
        return self.rho is not None


def spearman_pairs(
    measure: str, pairs: Sequence[tuple[float | None, float | None]], minimum: int
) -> Correlation:
    """Spearman's rho over the pairs where both values are known, or why there is none.

    >>> spearman_pairs("density", [(0.5, None), (0.2, 0.1)], minimum=5).reason
    'too few outcomes'
    """
    known = [(a, b) for a, b in pairs if a is not None and b is not None]
    if len(known) < max(minimum, 2):
        return Correlation(measure, len(known), minimum, None, "too few outcomes")
    rho = spearman([a for a, _ in known], [b for _, b in known])
    if rho is None:
        return Correlation(measure, len(known), minimum, None, "a measure does not vary")
    return Correlation(measure, len(known), minimum, rho)
