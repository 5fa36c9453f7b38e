"""Findings and the rules that produce them.

Each rule is a small class whose docstring's first paragraph is the rule as a reader would
state it, with a stable ``id`` so that a report can cite the rule behind every finding (the
pattern of uktrade/tamato's ``business_rules``).
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from partnerscope.core.chains.facts import ChainFacts
from partnerscope.core.chains.model import LinkKey

__all__ = ["EvidenceValue", "Finding", "Rule"]

EvidenceValue = str | int | float | bool | None | tuple[str, ...]


@dataclass(frozen=True)
class Finding:
    """One thing a rule found in one chain, with the nodes, links and figures behind it."""

    rule: str
    name: str
    message: str
    nodes: tuple[str, ...] = ()
    links: tuple[LinkKey, ...] = ()
    evidence: tuple[tuple[str, EvidenceValue], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``rule`` (id), ``name``, ``message``, ``nodes``, ``links`` (each
        ``from``, ``to``, ``type``) and ``evidence`` (named figures)."""
        return {
            "rule": self.rule,
            "name": self.name,
            "message": self.message,
            "nodes": list(self.nodes),
            "links": [
                {"from": source, "to": target, "type": kind} for source, target, kind in self.links
            ],
            "evidence": {
                key: list(value) if isinstance(value, tuple) else value
                for key, value in self.evidence
            },
        }


class Rule(ABC):
    """A named test of a chain that returns findings.

    ``marks_weak_link`` says that every link the rule names is a weak link;
    ``needs_weak_links`` that the rule reads the weak links found by the other rules.
    """

    id: ClassVar[str]
    marks_weak_link: ClassVar[bool] = False
    needs_weak_links: ClassVar[bool] = False

    @classmethod
    def name(cls) -> str:
        """The rule's class name, e.g. ``HighRisk``."""
        return cls.__name__

    @classmethod
    def text(cls) -> str:
        """The rule's wording: the first paragraph of its docstring, on one line."""
        first = inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0]
        return " ".join(first.split())

    def describe(self) -> dict[str, Any]:
        """JSON-ready: ``id``, ``name``, ``text`` and ``marks_weak_link``."""
        return {
            "id": self.id,
            "name": self.name(),
            "text": self.text(),
            "marks_weak_link": self.marks_weak_link,
        }

    @abstractmethod
    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        """Test the chain and return what was found (nothing when the rule holds)."""

    def found(
        self,
        message: str,
        *,
        nodes: Sequence[str] = (),
        links: Sequence[LinkKey] = (),
        evidence: Mapping[str, EvidenceValue] | None = None,
    ) -> Finding:
        """A finding of this rule."""
        return Finding(
            rule=self.id,
            name=self.name(),
            message=message,
            nodes=tuple(nodes),
            links=tuple(links),
            evidence=tuple((evidence or {}).items()),
        )
