"""A fake findings source and sample findings for the register's tests.

The real sources (7S, relationships, performance, chains) are written elsewhere; the
register is tested against this one, put in place of ``finding_sources``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.utils import timezone

from partnerscope.apps.findings.models import StoredFinding
from partnerscope.apps.findings.services import store
from partnerscope.core.findings import (
    Evidence,
    EvidenceValue,
    Finding,
    RuleRef,
    Severity,
    Subject,
    SubjectKind,
)

WEAK_ELEMENT = RuleRef(
    "weak_element", "Weak element", "An element scoring below 50 of 100 is weak."
)
STRONG_ELEMENT = RuleRef(
    "strong_element", "Strong element", "An element scoring 75 or more of 100 is a strength."
)
ISOLATED = RuleRef(
    "isolated_partner", "Isolated partner", "A partner with no tie to any other is isolated."
)


def weak_element(
    ref: str = "steering",
    score: EvidenceValue = 42.5,
    severity: Severity = Severity.MEDIUM,
    area: str = "sevens",
) -> Finding:
    return Finding(
        area=area,
        rule=WEAK_ELEMENT,
        subject=Subject(SubjectKind.ELEMENT, ref, ref.title()),
        severity=severity,
        evidence=Evidence((("score", score), ("respondents", 12)), "/p/kite/sevens/"),
        period="7S 2026",
        message=f"{ref.title()} scored {score} of 100.",
    )


def isolated(ref: str = "kite-police", name: str = "Kite Police") -> Finding:
    return Finding(
        area="network",
        rule=ISOLATED,
        subject=Subject(SubjectKind.ORGANISATION, ref, name),
        severity=Severity.HIGH,
        evidence=Evidence((("ties", 0),), "/p/kite/network/"),
        period="Relationships 2026",
    )


class FakeSource:
    """A finding source whose findings a test sets, or makes fail."""

    def __init__(self, rules: Iterable[RuleRef], found: Iterable[Finding] = ()) -> None:
        self.declared = list(rules)
        self.found = list(found)
        self.failure: Exception | None = None

    def rules(self) -> list[RuleRef]:
        return self.declared

    def findings(self, partnership: Any) -> list[Finding]:
        if self.failure is not None:
            raise self.failure
        return self.found


def stored(partnership: Any, *found: Finding, when: datetime | None = None) -> StoredFinding:
    """Store ``found`` (a weak element by default) as a refresh would; the first one back."""
    store(partnership, found or [weak_element()], "the tests", None, when or timezone.now())
    first = (found or (weak_element(),))[0]
    return StoredFinding.objects.get(
        partnership=partnership,
        area=first.area,
        rule_id=first.rule.id,
        subject_kind=first.subject.kind.value,
        subject_ref=first.subject.ref,
    )
