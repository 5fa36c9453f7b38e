"""Red, amber or green against a target, aware of which way is better.

Green when the target is met; amber when it is missed by no more than
``tolerance * |target|``; red when it is missed by more. With the default tolerance of 5%
a target of 200 (higher is better) is green from 200, amber from 190 to just under 200,
and red below 190. A target of zero has no amber band.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from partnerscope.core.indicators.model import DEFAULT_TOLERANCE, Polarity
from partnerscope.core.indicators.rules import Rule

__all__ = [
    "Rag",
    "RagResult",
    "RAG_GREEN",
    "RAG_AMBER",
    "RAG_RED",
    "RAG_NO_TARGET",
    "RAG_NO_POLARITY",
    "RAG_RULES",
    "rag_status",
    "shortfall",
]


class Rag(StrEnum):
    """A red, amber or green rating."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


RAG_GREEN = Rule(
    "rag_green",
    "Green: the value meets or beats the target (at or above it when higher is better, "
    "at or below it when lower is better).",
)
RAG_AMBER = Rule(
    "rag_amber",
    "Amber: the value misses the target, but by no more than the tolerance "
    "(by default 5%) of the size of the target.",
)
RAG_RED = Rule(
    "rag_red",
    "Red: the value misses the target by more than the tolerance "
    "(by default 5%) of the size of the target.",
)
RAG_NO_TARGET = Rule("rag_no_target", "No rating: there is no value or no target for the period.")
RAG_NO_POLARITY = Rule(
    "rag_no_polarity",
    "No rating: the indicator does not say whether higher or lower values are better.",
)
RAG_RULES = (RAG_GREEN, RAG_AMBER, RAG_RED, RAG_NO_TARGET, RAG_NO_POLARITY)


@dataclass(frozen=True, slots=True)
class RagResult:
    """A rating (``None`` when none can be given) and the rule that gave it."""

    rating: Rag | None
    rule: Rule
    value: float | None
    target: float | None
    tolerance: float

    def to_dict(self) -> dict[str, Any]:
        """``rating``, ``rule`` (name and text), ``value``, ``target`` and ``tolerance``."""
        return {
            "rating": None if self.rating is None else str(self.rating),
            "rule": self.rule.to_dict(),
            "value": self.value,
            "target": self.target,
            "tolerance": self.tolerance,
        }


def shortfall(value: float, target: float, polarity: Polarity) -> float:
    """How far ``value`` falls short of ``target``: positive when missed, else 0 or less.

    Examples
    --------
    >>> shortfall(95.0, 100.0, Polarity.HIGHER_IS_BETTER)
    5.0
    >>> shortfall(95.0, 100.0, Polarity.LOWER_IS_BETTER)
    -5.0
    """
    return (target - value) * polarity.sign


def rag_status(
    value: float | None,
    target: float | None,
    polarity: Polarity | None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> RagResult:
    """Rate ``value`` against ``target``: green if met, amber if within tolerance, else red.

    The amber band's edge counts as amber (a tie within floating-point rounding is a tie).

    Examples
    --------
    >>> rag_status(190.0, 200.0, Polarity.HIGHER_IS_BETTER).rating
    <Rag.AMBER: 'amber'>
    >>> rag_status(189.0, 200.0, Polarity.HIGHER_IS_BETTER).rule.name
    'rag_red'
    >>> rag_status(9.0, 10.0, Polarity.LOWER_IS_BETTER).rating
    <Rag.GREEN: 'green'>
    """
    if value is None or target is None:
        return RagResult(None, RAG_NO_TARGET, value, target, tolerance)
    if polarity is None:
        return RagResult(None, RAG_NO_POLARITY, value, target, tolerance)
    missed_by = shortfall(value, target, polarity)
    if missed_by <= 0:
        return RagResult(Rag.GREEN, RAG_GREEN, value, target, tolerance)
    allowed = tolerance * abs(target)
    if missed_by <= allowed or math.isclose(missed_by, allowed, rel_tol=1e-9, abs_tol=0.0):
        return RagResult(Rag.AMBER, RAG_AMBER, value, target, tolerance)
    return RagResult(Rag.RED, RAG_RED, value, target, tolerance)
