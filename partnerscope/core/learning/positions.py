"""Rank and quartile of one value among others, highest first, ties sharing a rank.

The rank is the competition rank ("1224"): one more than the number of values strictly
higher, so tied values share the best rank of their group. The quartile follows from the
rank: ``1 + floor(4 * (rank - 1) / n)``, so the highest value is always in quartile 1 and,
among four or more, the lowest is always in quartile 4; tied values share a quartile.

Examples
--------
>>> rank(50.0, [50.0, 70.0, 30.0, 50.0])
2
>>> quartile(2, 4)
2
>>> position(30.0, [50.0, 70.0, 30.0, 50.0])
Position(rank=4, of=4, quartile=4)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["QUARTILE_WORDS", "Position", "position", "quartile", "rank"]

QUARTILE_WORDS = {
    1: "highest quarter",
    2: "second quarter",
    3: "third quarter",
    4: "lowest quarter",
}
"""How each quartile is said on the pages and in the report."""


@dataclass(frozen=True)
class Position:
    """Where one value stands among ``of`` values (its own included)."""

    rank: int
    of: int
    quartile: int

    @property
    def words(self) -> str:
        """The position in words, e.g. ``"highest quarter (rank 1 of 6)"``."""
        return f"{QUARTILE_WORDS[self.quartile]} (rank {self.rank} of {self.of})"


def rank(value: float, values: Sequence[float]) -> int:
    """The competition rank of ``value`` among ``values`` (which include it), highest first.

    >>> rank(10.0, [10.0, 10.0, 5.0])
    1
    >>> rank(5.0, [10.0, 10.0, 5.0])
    3
    """
    if value not in values:
        raise ValueError("the value must be one of the values it is ranked among")
    return 1 + sum(1 for other in values if other > value)


def quartile(rank_: int, count: int) -> int:
    """The quartile (1 highest, 4 lowest) of a rank among ``count`` values.

    >>> [quartile(r, 5) for r in range(1, 6)]
    [1, 1, 2, 3, 4]
    """
    if count < 1 or not 1 <= rank_ <= count:
        raise ValueError(f"rank {rank_} is not between 1 and {count}")
    return 1 + (4 * (rank_ - 1)) // count


def position(value: float, values: Sequence[float]) -> Position:
    """The rank and quartile of ``value`` among ``values`` (which include it)."""
    found = rank(value, values)
    return Position(found, len(values), quartile(found, len(values)))
