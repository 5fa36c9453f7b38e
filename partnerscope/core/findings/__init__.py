"""The findings protocol: how every analysis hands what it found to one register.

Each analysis keeps its own rules (7S, relationships, indicators, chains, and later layers
and costs). What a rule found about one subject is given to the register as a
:class:`Finding`: the rule (id, short label, full wording), the subject it is about, how
serious it is, the evidence (the figures that triggered it and the page that shows them),
the period or wave it concerns, and the area that found it. The register only collects,
stores and compares; it never judges.

A finding's identity across refreshes is its :attr:`Finding.key`: the area, the rule and the
subject. The period is not part of it, so a weak element found again in next year's wave is
the same finding, *persisting*. :func:`compare` sorts one refresh against the last into
new, persisting and resolved.

Examples
--------
>>> weak = Finding(
...     area="sevens",
...     rule=RuleRef("weak_element", "Weak element", "An element scoring below 50 is weak."),
...     subject=Subject(SubjectKind.ELEMENT, "steering", "Steering"),
...     severity=Severity.MEDIUM,
...     evidence=Evidence((("score", 42.5),), "/p/northshire/sevens/waves/3/results/"),
...     period="7S 2026",
... )
>>> weak.key
('sevens', 'weak_element', 'element', 'steering')
>>> changes = compare({weak.key}, [weak])
>>> [f.key for f in changes.persisting], changes.new, changes.resolved
([('sevens', 'weak_element', 'element', 'steering')], (), ())
>>> compare({weak.key}, []).resolved
(('sevens', 'weak_element', 'element', 'steering'),)
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "Changes",
    "Evidence",
    "EvidenceValue",
    "Finding",
    "FindingKey",
    "RuleRef",
    "Severity",
    "Subject",
    "SubjectKind",
    "check_findings",
    "compare",
]

EvidenceValue = str | int | float | bool | None
FindingKey = tuple[str, str, str, str]
"""``(area, rule id, subject kind, subject ref)``: what makes a finding the same one later."""


class SubjectKind(StrEnum):
    """What a finding is about. ``ref`` is then that record's stable data-package ref
    (an element's or layer's code for the 7S and governance layers)."""

    PARTNERSHIP = "partnership"
    ORGANISATION = "organisation"
    BODY = "body"
    OUTCOME = "outcome"
    INDICATOR = "indicator"
    CHAIN = "chain"
    LINK = "link"
    NODE = "node"
    ELEMENT = "element"
    LAYER = "layer"
    WAVE = "wave"
    BUDGET = "budget"


class Severity(StrEnum):
    """How much a finding matters. ``POSITIVE`` is good news (evidence for a green flag);
    the others are concerns, from ``HIGH`` (evidence for a red flag) down to ``LOW``."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    POSITIVE = "positive"


@dataclass(frozen=True, slots=True)
class RuleRef:
    """The rule behind a finding: its stable ``id``, a short ``label`` for tables, and its
    full wording ``text`` as the area's rule states it."""

    id: str
    label: str
    text: str

    def __post_init__(self) -> None:
        for name in ("id", "label", "text"):
            if not getattr(self, name).strip():
                raise ValueError(f"a rule needs a {name}")


@dataclass(frozen=True, slots=True)
class Subject:
    """The record a finding is about: its kind, its stable ref and its name for people."""

    kind: SubjectKind
    ref: str
    name: str

    def __post_init__(self) -> None:
        if not self.ref.strip():
            raise ValueError("a finding's subject needs a ref")


@dataclass(frozen=True, slots=True)
class Evidence:
    """The named figures that triggered a finding and the page (a path on the site) that
    shows them, so every finding can be traced to its data."""

    figures: tuple[tuple[str, EvidenceValue], ...] = ()
    url: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"figures": {name: value}, "url": ...}``."""
        return {"figures": dict(self.figures), "url": self.url}


@dataclass(frozen=True, slots=True)
class Finding:
    """What one rule of one area found about one subject, in one period or wave."""

    area: str
    rule: RuleRef
    subject: Subject
    severity: Severity
    evidence: Evidence = field(default_factory=Evidence)
    period: str = ""
    message: str = ""
    """One sentence about this subject, e.g. "Steering scored 42 of 100"; the rule's
    wording says the general case."""

    @property
    def key(self) -> FindingKey:
        return (self.area, self.rule.id, self.subject.kind.value, self.subject.ref)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with the rule, subject and evidence spelt out."""
        return {
            "area": self.area,
            "rule": {"id": self.rule.id, "label": self.rule.label, "text": self.rule.text},
            "subject": {
                "kind": self.subject.kind.value,
                "ref": self.subject.ref,
                "name": self.subject.name,
            },
            "severity": self.severity.value,
            "evidence": self.evidence.to_dict(),
            "period": self.period,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Changes:
    """One refresh against the one before: findings first seen now, findings seen again,
    and the keys of findings no longer found."""

    new: tuple[Finding, ...]
    persisting: tuple[Finding, ...]
    resolved: tuple[FindingKey, ...]


def check_findings(findings: Iterable[Finding], rules: Iterable[RuleRef]) -> list[Finding]:
    """The findings as a list, after checking that each cites a known rule and that no two
    share a key (one rule finds one thing about one subject once).

    >>> rule = RuleRef("r1", "Rule one", "The first rule.")
    >>> found = Finding("a", rule, Subject(SubjectKind.BODY, "board", "Board"), Severity.LOW)
    >>> len(check_findings([found], [rule]))
    1
    >>> check_findings([found], [])
    Traceback (most recent call last):
    ...
    ValueError: finding ('a', 'r1', 'body', 'board') cites rule 'r1', not declared
    """
    known = {rule.id for rule in rules}
    checked: list[Finding] = []
    seen: set[FindingKey] = set()
    for finding in findings:
        if finding.rule.id not in known:
            raise ValueError(f"finding {finding.key} cites rule {finding.rule.id!r}, not declared")
        if finding.key in seen:
            raise ValueError(f"two findings share the key {finding.key}")
        seen.add(finding.key)
        checked.append(finding)
    return checked


def compare(previous: Set[FindingKey], current: Iterable[Finding]) -> Changes:
    """Sort ``current`` against the keys open after the last refresh, in the order given;
    resolved keys come sorted."""
    found = list(current)
    keys = {finding.key for finding in found}
    return Changes(
        new=tuple(finding for finding in found if finding.key not in previous),
        persisting=tuple(finding for finding in found if finding.key in previous),
        resolved=tuple(sorted(previous - keys)),
    )
