"""Tastle and Wierman's ordinal consensus: how far a group agrees on a rating scale.

Tastle, W. J. and Wierman, M. J. (2007) "Consensus and dissention: a measure of ordinal
dispersion", *International Journal of Approximate Reasoning* 45(3), 531-545:

    Cns(X) = 1 + sum_i p_i * log2(1 - |X_i - mu| / d_X)

where p_i is the share of answers in category X_i, mu the mean answer and
d_X = X_max - X_min the width of the scale. It is 1 when everyone gives the same answer
and 0 when answers split evenly between the two ends. Unlike a standard deviation it is
bounded, so elements with different means can be compared.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

__all__ = ["consensus", "consensus_from_counts"]


def consensus_from_counts(counts: Mapping[int, int], low: int = 1, high: int = 5) -> float | None:
    """Return the consensus of answers given as ``{category: count}``; None with no answers.

    Categories with no answers contribute nothing (their p_i is 0). The result is
    clamped to [0, 1] to absorb floating-point rounding; mathematically it already lies
    there (Tastle and Wierman, 2007).

    Examples
    --------
    Half the answers 1 and half 2: mu = 1.5, each |X_i - mu| / 4 = 0.125, so
    Cns = 1 + log2(0.875) = 0.8074 (to four places).

    >>> round(consensus_from_counts({1: 3, 2: 3}), 4)
    0.8074
    >>> consensus_from_counts({1: 2, 5: 2})
    0.0
    """
    if high <= low:
        raise ValueError("the scale needs high > low")
    for category, count in counts.items():
        if not low <= category <= high:
            raise ValueError(f"answer {category} is outside the scale {low} to {high}")
        if count < 0:
            raise ValueError("counts cannot be negative")
    total = sum(counts.values())
    if total == 0:
        return None
    mean = sum(category * count for category, count in counts.items()) / total
    width = high - low
    value = 1.0
    for category, count in counts.items():
        if count:
            value += (count / total) * math.log2(1.0 - abs(category - mean) / width)
    return min(1.0, max(0.0, value))


def consensus(answers: Iterable[int], low: int = 1, high: int = 5) -> float | None:
    """Return the consensus of a list of answers on the ``low`` to ``high`` scale.

    Examples
    --------
    >>> consensus([4, 4, 4])
    1.0
    >>> consensus([1, 5, 1, 5])
    0.0
    >>> consensus([]) is None
    True
    """
    return consensus_from_counts(Counter(answers), low, high)
