"""Trust and value: how the other members rate each organisation (PARTNER's convention).

In the PARTNER tool each member rates each partner it works with for trust (openness,
reliability, shared mission) and value (power and influence, resources, involvement), each
1 to 4. An organisation's score is the mean of the ratings the *other* members gave it; the
network's score is the mean of the organisations' scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from partnerscope.core.network.graph import PartnerGraph

__all__ = [
    "RATING_MAXIMUM",
    "Rating",
    "RatingSummary",
    "combined_rating",
    "received_ratings",
    "summarise_ratings",
]

RATING_MAXIMUM = 4


def combined_rating(parts: Sequence[int | None]) -> float | None:
    """One rating from the parts a survey asked separately: the mean of those answered.

    PARTNER asks trust in three parts (reliable, committed to the shared goals, open to
    discussion) and value in three (power and influence, level of involvement, resources
    contributed); a relationship's trust or value score is the mean of its parts. None when
    no part was answered.

    Examples
    --------
    >>> combined_rating([4, 3, None])
    3.5
    >>> combined_rating([None, None, None]) is None
    True
    """
    given = [part for part in parts if part is not None]
    for part in given:
        if not 1 <= part <= RATING_MAXIMUM:
            raise ValueError(f"rating {part} is not between 1 and {RATING_MAXIMUM}")
    return sum(given) / len(given) if given else None


@dataclass(frozen=True)
class Rating:
    """The mean of the ratings an organisation received and how many there were."""

    mean: float | None
    ratings: int


def received_ratings(graph: PartnerGraph, kind: str) -> list[Rating]:
    """Each organisation's mean ``kind`` (``"trust"`` or ``"value"``) as rated by others.

    Every answer with a rating counts, whatever its level (a rating below the tie threshold
    is still the rater's view); inferred ties carry no ratings.

    Examples
    --------
    >>> from partnerscope.core.network.graph import build_graph
    >>> from partnerscope.core.network.model import Tie
    >>> net = build_graph([], [Tie("a", "c", trust=4), Tie("b", "c", trust=3), Tie("c", "a")])
    >>> received_ratings(net, "trust")
    [Rating(mean=None, ratings=0), Rating(mean=3.5, ratings=2), Rating(mean=None, ratings=0)]
    """
    if kind not in ("trust", "value"):
        raise ValueError(f"{kind!r} is not a rating: use trust or value")
    totals = [0.0] * graph.size
    counts = [0] * graph.size
    index = graph.index
    for answer in graph.answers:
        score = getattr(answer, kind)
        if score is not None:
            target = index[answer.target]
            totals[target] += score
            counts[target] += 1
    return [
        Rating(total / count if count else None, count)
        for total, count in zip(totals, counts, strict=True)
    ]


@dataclass(frozen=True)
class RatingSummary:
    """The network's score: the mean over rated organisations of their mean rating.

    ``percent`` is the mean as a share of the best score, 4 (so 3.24 is 81%).
    """

    mean: float | None
    organisations_rated: int
    ratings: int

    @property
    def percent(self) -> float | None:
        """The mean as a percentage of the maximum rating."""
        return None if self.mean is None else 100 * self.mean / RATING_MAXIMUM

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready values."""
        return {
            "mean": self.mean,
            "percent": self.percent,
            "organisations_rated": self.organisations_rated,
            "ratings": self.ratings,
        }


def summarise_ratings(ratings: Sequence[Rating]) -> RatingSummary:
    """The network's mean of the organisations' means.

    Examples
    --------
    >>> summarise_ratings([Rating(3.5, 2), Rating(None, 0), Rating(2.0, 1)]).mean
    2.75
    """
    rated = [rating for rating in ratings if rating.mean is not None]
    means = [rating.mean for rating in rated if rating.mean is not None]
    return RatingSummary(
        mean=sum(means) / len(means) if means else None,
        organisations_rated=len(rated),
        ratings=sum(rating.ratings for rating in ratings),
    )
