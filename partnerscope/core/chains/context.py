"""What the analysis of a chain needs besides the chain and its ratings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from partnerscope.core.chains.paths import DEFAULT_PATH_LIMIT
from partnerscope.core.chains.ratings import QUESTION_IDS, Rag

__all__ = ["ChainContext", "Relationships", "relationship_between"]

Relationships = Mapping[tuple[str, str], tuple[int, float | None]]
"""Relationship survey answers: ``(organisation_a, organisation_b) -> (level, trust)``.

``level`` is how closely ``a`` says it works with ``b`` (0 not at all, 1 share
information, 2 cooperate, 3 coordinate, 4 integrate); ``trust`` is ``a``'s trust in ``b`` on the
1-4 scale, or ``None`` when not asked.
"""


@dataclass(frozen=True)
class ChainContext:
    """Inputs from outside the chain.

    Parameters
    ----------
    target_date
        When the outcome is to be achieved; funding secure only until an earlier day is
        flagged. ``None`` skips that check.
    relationships
        The relationship survey between organisations, for the paper-link check. Empty
        skips it.
    indicator_status
        The latest red/amber/green status of each indicator, for the off-track check.
    questions
        The question ids of the self-assessment (the twelve by default).
    min_group_size
        The smallest group of participants whose ratings may be shown apart (anonymity).
    path_limit
        The most delivery paths to list before stopping.
    """

    target_date: date | None = None
    relationships: Relationships = field(default_factory=dict)
    indicator_status: Mapping[str, Rag] = field(default_factory=dict)
    questions: tuple[str, ...] = QUESTION_IDS
    min_group_size: int = 5
    path_limit: int = DEFAULT_PATH_LIMIT


def relationship_between(
    relationships: Relationships, first: str, second: str
) -> tuple[int, float | None] | None:
    """The survey's view of the tie between two organisations, either way round.

    The tie's level is the higher of the two directions; its trust is the mean of the
    trust scores given (``None`` if neither gave one). ``None`` when neither direction was
    answered.

    Examples
    --------
    >>> survey = {("police", "council"): (3, 3.0), ("council", "police"): (1, 2.0)}
    >>> relationship_between(survey, "council", "police")
    (3, 2.5)
    >>> relationship_between(survey, "council", "fire") is None
    True
    """
    answers = [
        relationships[pair] for pair in ((first, second), (second, first)) if pair in relationships
    ]
    if not answers:
        return None
    trusts = [trust for _, trust in answers if trust is not None]
    level = max(level for level, _ in answers)
    return level, (sum(trusts) / len(trusts) if trusts else None)
