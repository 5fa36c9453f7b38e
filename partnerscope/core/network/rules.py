"""Named rules: what a board should hear about from a relationship survey's analysis.

A rule is a stable ``name`` (used in JSON, tests and the findings register) and its
``text`` (the wording shown to people), which opens with a short label and a colon. Each
judges a figure :func:`partnerscope.core.network.analyse_network` already computes, against
a documented threshold; every rule has a test of the same name in
``tests/core/network/test_rules.py``.

Thresholds:

* ``LOW_TRUST_BELOW`` is 2.5, the middle of PARTNER's 1 to 4 trust scale (../shared/FACTS.md:
  trust rated 1 to 4): a mean below it leans towards distrust.
* ``COUNCIL_DEPENDENCY_ABOVE`` is 0.5: when more than half of the shortest routes between
  the other partners run through the council, the partners reach one another mostly
  through it (the study's warning sign: the council dominating rather than supporting).
* ``RECIPROCITY_BELOW`` is 0.5: fewer than half the ties are named by both sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from partnerscope.core.network.council import CouncilDependency
from partnerscope.core.network.ratings import RATING_MAXIMUM, Rating

__all__ = [
    "COUNCIL_DEPENDENCY_ABOVE",
    "COUNCIL_DOMINANCE",
    "ISOLATED_PARTNER",
    "LOW_RECIPROCITY",
    "LOW_TRUST",
    "LOW_TRUST_BELOW",
    "RECIPROCITY_BELOW",
    "RULES",
    "Rule",
    "council_dominates",
    "isolated",
    "low_reciprocity",
    "low_trust",
]

LOW_TRUST_BELOW: Final = (1 + RATING_MAXIMUM) / 2
"""A mean trust rating below the middle of the 1 to 4 scale (2.5) is low."""

COUNCIL_DEPENDENCY_ABOVE: Final = 0.5
"""Council dependency above this (more than half the routes) is dominance."""

RECIPROCITY_BELOW: Final = 0.5
"""Reciprocity below this (fewer than half the ties returned) is low."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule and its wording.

    Examples
    --------
    >>> LOW_TRUST.label
    'Low trust'
    >>> LOW_TRUST.to_dict()["name"]
    'low_trust'
    """

    name: str
    text: str

    @property
    def label(self) -> str:
        """The short name the wording opens with, before its colon."""
        return self.text.partition(":")[0]

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "text": self.text}

    def __str__(self) -> str:
        return self.name


ISOLATED_PARTNER: Final = Rule(
    "isolated_partner",
    "Isolated partner: an organisation of the partnership with no counted tie in the wave "
    "(no other organisation names it as working with it at the counted level, and it names "
    "none) is isolated; the partnership reaches it through no one.",
)

COUNCIL_DOMINANCE: Final = Rule(
    "council_dominance",
    "Council dominance: when more than half (council dependency above 0.5) of the shortest "
    "routes between the other partners pass through the council, the partners reach one "
    "another mostly through the council: it holds the partnership together rather than "
    "leading partners who also work with one another.",
)

LOW_TRUST: Final = Rule(
    "low_trust",
    "Low trust: an organisation whose mean trust rating from the organisations that work "
    "with it is below 2.5, the middle of the 1 to 4 scale (reliable, committed to the "
    "shared goals, open to discussion), is trusted little by its partners.",
)

LOW_RECIPROCITY: Final = Rule(
    "low_reciprocity",
    "Low reciprocity: when fewer than half (reciprocity below 0.5) of the counted ties are "
    "named by both organisations, partners see their relationships differently: one names "
    "a working relationship the other does not.",
)

RULES: Final = (ISOLATED_PARTNER, COUNCIL_DOMINANCE, LOW_TRUST, LOW_RECIPROCITY)


def isolated(in_degree: int, out_degree: int) -> bool:
    """Whether an organisation with these counted ties is an isolated partner.

    >>> isolated(0, 0), isolated(1, 0)
    (True, False)
    """
    return in_degree == 0 and out_degree == 0


def council_dominates(council: CouncilDependency) -> bool:
    """Whether the council dependency is above the threshold; never without a council.

    >>> council_dominates(CouncilDependency(("c",), 6, 0.75, 0.75, None))
    True
    >>> council_dominates(CouncilDependency(("c",), 6, 0.5, 0.5, None))
    False
    >>> council_dominates(CouncilDependency((), 0, None, None, None))
    False
    """
    return council.dependency is not None and council.dependency > COUNCIL_DEPENDENCY_ABOVE


def low_trust(rating: Rating) -> bool:
    """Whether an organisation's received trust is low; unrated is not.

    >>> low_trust(Rating(2.0, 3)), low_trust(Rating(2.5, 2)), low_trust(Rating(None, 0))
    (True, False, False)
    """
    return rating.mean is not None and rating.mean < LOW_TRUST_BELOW


def low_reciprocity(reciprocity: float | None) -> bool:
    """Whether the network's reciprocity is low; no figure (no ties, undirected) is not.

    >>> low_reciprocity(0.4), low_reciprocity(0.5), low_reciprocity(None)
    (True, False, False)
    """
    return reciprocity is not None and reciprocity < RECIPROCITY_BELOW
