"""The plain data a network analysis starts from: organisations, the ties between them, options.

A *tie* is one organisation's answer about another: ``source`` said it works with
``target`` at some ``level`` (0 none … 4 collaboration), how much it trusts ``target`` and
how much it values ``target`` (each 1–4, as in the PARTNER tool), and optionally a
``weight`` for the strength of the tie. Organisations may carry a ``sector``, a ``tier``
(for example county or district in a two-tier area) and whether they answered the survey.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = [
    "DEFAULT_MIN_LEVEL",
    "LEVEL_LABELS",
    "NetworkOptions",
    "Organisation",
    "Tie",
]

LEVEL_LABELS: dict[int, str] = {
    0: "none",
    1: "networking",
    2: "cooperation",
    3: "coordination",
    4: "collaboration",
}
"""Names for the levels of working together; a survey may word them its own way."""

DEFAULT_MIN_LEVEL = 2
"""The lowest level counted as a tie: 2, cooperating."""


@dataclass(frozen=True)
class Organisation:
    """One member of the partnership.

    ``responded`` is True when it answered the network survey, False when it did not, and
    None when that is not known (it is then treated as having answered).

    Examples
    --------
    >>> Organisation("police", sector="police", tier="county", responded=True).sector
    'police'
    """

    id: str
    sector: str | None = None
    tier: str | None = None
    responded: bool | None = None

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("an organisation needs an id")


def _check_rating(name: str, value: float | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise ValueError(f"{name} {value} is not between {low} and {high}")


@dataclass(frozen=True)
class Tie:
    """One answer: ``source`` works with ``target`` (a directed tie, ``from -> to``).

    ``level`` is 0–4 (None when the survey did not ask: the row then always counts),
    ``trust`` and ``value`` are ``source``'s ratings of ``target`` (1–4; a survey that asks
    each in several parts gives their mean, ``combined_rating``), ``weight`` the tie's
    strength (above zero; 1 when not given).

    Examples
    --------
    >>> Tie("council", "police", level=3, trust=4).weight_or_one
    1.0
    >>> Tie("council", "council")
    Traceback (most recent call last):
    ...
    ValueError: a tie from 'council' to itself is not allowed
    """

    source: str
    target: str
    level: int | None = None
    trust: float | None = None
    value: float | None = None
    weight: float | None = None

    def __post_init__(self) -> None:
        if not self.source or not self.target:
            raise ValueError("a tie needs a source and a target")
        if self.source == self.target:
            raise ValueError(f"a tie from {self.source!r} to itself is not allowed")
        _check_rating("level", self.level, 0, 4)
        _check_rating("trust", self.trust, 1, 4)
        _check_rating("value", self.value, 1, 4)
        if self.weight is not None and not (math.isfinite(self.weight) and self.weight > 0):
            raise ValueError(f"weight {self.weight} is not a number above zero")

    @property
    def weight_or_one(self) -> float:
        """The tie's weight, 1 when none was given."""
        return 1.0 if self.weight is None else float(self.weight)


@dataclass(frozen=True)
class NetworkOptions:
    """How to turn the answers into a network and how hard to compute.

    Attributes
    ----------
    directed
        Keep ties directed (``from -> to``). When False a pair is tied when either side
        reports a tie at or above ``min_level`` (the union rule).
    min_level
        The lowest ``level`` counted as a tie (default 2, cooperation). Rows without a level
        always count.
    symmetrise
        On a directed network, when one side of a pair did not respond (``responded`` False)
        and the other reported a tie to it, add the reverse tie, marked as inferred.
    council_sectors
        Sectors (compared without regard to case) whose organisations are the council, for
        the dependency and removal measures.
    sample_sources
        Number of source organisations sampled for betweenness, closeness, path lengths and
        council dependency; None decides by size: exact up to ``exact_limit`` organisations,
        ``auto_sample`` sources above it. A value at or above the number of organisations
        means exact.
    exact_limit, auto_sample
        See ``sample_sources``.
    seed
        Seed for the source sample and for community detection, so results repeat.
    brokerage_open_only
        Count a brokerage two-path ``a -> b -> c`` only when ``a -> c`` is absent (Gould and
        Fernandez's convention); False counts every two-path.
    """

    directed: bool = True
    min_level: int = DEFAULT_MIN_LEVEL
    symmetrise: bool = False
    council_sectors: tuple[str, ...] = ("council",)
    sample_sources: int | None = None
    exact_limit: int = 10_000
    auto_sample: int = 500
    seed: int = 42
    brokerage_open_only: bool = True

    def __post_init__(self) -> None:
        _check_rating("min_level", self.min_level, 0, 4)
        if self.sample_sources is not None and self.sample_sources < 1:
            raise ValueError("sample_sources must be at least 1")
        if self.auto_sample < 1 or self.exact_limit < 1:
            raise ValueError("auto_sample and exact_limit must be at least 1")

    def is_council(self, sector: str | None) -> bool:
        """Whether an organisation of ``sector`` counts as the council."""
        wanted = {name.casefold() for name in self.council_sectors}
        return sector is not None and sector.casefold() in wanted
