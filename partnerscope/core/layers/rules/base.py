"""What every layer rule is: a named object whose docstring is its text, and whose findings
cite it through the findings protocol (area ``governance``)."""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar, Final

from partnerscope.core.findings import (
    Evidence,
    EvidenceValue,
    Finding,
    RuleRef,
    Severity,
    Subject,
    SubjectKind,
)
from partnerscope.core.layers.facts import LayerFacts

__all__ = ["AREA", "Rule", "rounded"]

AREA: Final = "governance"
"""The area every layer finding belongs to in the register."""


def rounded(value: float | None, digits: int = 3) -> float | None:
    """A share as evidence: a few decimals, or None when there is nothing to divide."""
    return None if value is None else round(value, digits)


class Rule(ABC):
    """A named test of a partnership's governance that returns findings."""

    id: ClassVar[str]
    label: ClassVar[str]
    severity: ClassVar[Severity] = Severity.MEDIUM

    @classmethod
    def text(cls) -> str:
        """The rule's wording: the first paragraph of its docstring, on one line."""
        first = inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0]
        return " ".join(first.split())

    @classmethod
    def ref(cls) -> RuleRef:
        """The rule as findings cite it."""
        return RuleRef(cls.id, cls.label, cls.text())

    @abstractmethod
    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        """Judge the partnership and return what was found (nothing when the rule holds)."""

    def found(
        self,
        kind: SubjectKind,
        ref: str,
        name: str,
        message: str,
        figures: Sequence[tuple[str, EvidenceValue]],
        period: str = "",
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule about one subject, with the figures behind it."""
        return Finding(
            area=AREA,
            rule=self.ref(),
            subject=Subject(kind, ref, name),
            severity=severity or self.severity,
            evidence=Evidence(tuple(figures)),
            period=period,
            message=message,
        )
