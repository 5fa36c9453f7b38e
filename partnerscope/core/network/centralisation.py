"""Freeman centralisation: how far the network is organised around one organisation.

Each index compares every organisation with the most central one, scaled so that a star
(one organisation tied to all, no other ties) scores 1 and a network where all score the
same scores 0.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["betweenness_centralisation", "degree_centralisation"]


def degree_centralisation(degrees: Sequence[float], *, directed: bool) -> float | None:
    """Freeman degree centralisation from raw degrees.

    Undirected: ``sum(max - d_i) / ((n - 1)(n - 2))``. Directed, for in-degrees or
    out-degrees: ``sum(max - d_i) / (n - 1)^2``. None when the denominator is zero.

    Examples
    --------
    >>> degree_centralisation([3, 1, 1, 1], directed=False)
    1.0
    >>> degree_centralisation([3, 0, 0, 0], directed=True)
    1.0
    >>> degree_centralisation([2, 2, 2], directed=False)
    0.0
    """
    size = len(degrees)
    denominator = (size - 1) ** 2 if directed else (size - 1) * (size - 2)
    if size < 2 or denominator <= 0:
        return None
    top = max(degrees)
    return float(sum(top - degree for degree in degrees) / denominator)


def betweenness_centralisation(betweenness: Sequence[float]) -> float | None:
    """Freeman betweenness centralisation from normalised betweenness (networkx's scale).

    ``sum(max - b_i) / (n - 1)``; None with fewer than two organisations.

    Examples
    --------
    >>> betweenness_centralisation([1.0, 0.0, 0.0, 0.0])
    1.0
    """
    size = len(betweenness)
    if size < 2:
        return None
    top = max(betweenness)
    return float(sum(top - value for value in betweenness) / (size - 1))
