"""The flag rules: named rules that propose candidate red and green flags from the evidence.

The study's comprehensive area assessment gives a red flag for significant concerns about
outcomes, performance or prospects, a green flag for exceptional success or innovation, and
no automatic red flag where the issue is already known and being tackled. Each rule here is
a small named object: its ``id``, a short ``label``, its wording (the class docstring's
first paragraph), its ``colour`` and its ``scope`` (one outcome, or the partnership as a
whole). It reads the evidence snapshot (:mod:`partnerscope.core.flags.evidence`) and, where
it applies, proposes a candidate with its grounds: the register findings that express the
evidence (their keys) and the figures that triggered it.

A candidate is never a flag until a manager confirms, changes or rejects it.

Examples
--------
>>> from partnerscope.core.flags.evidence import (
...     ChainEvidence, IndicatorEvidence, OutcomeEvidence, PartnershipEvidence)
>>> outcome = OutcomeEvidence(
...     "dv", "Less domestic abuse",
...     indicators=(IndicatorEvidence("NI 32", "Repeat victims", rag="red",
...                                   variation="special_cause_concerning"),),
...     chains=(ChainEvidence("dv", "Domestic abuse", single_points=("dv/idva",)),))
>>> [p.key for p in propose(PartnershipEvidence(outcomes=(outcome,)))]
['red_outcome_off_track_fragile_chain:outcome:dv']
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass, replace
from enum import StrEnum
from inspect import cleandoc
from typing import ClassVar

from partnerscope.core.findings import EvidenceValue, FindingKey, Severity
from partnerscope.core.flags.evidence import (
    FindingEvidence,
    IndicatorEvidence,
    OutcomeEvidence,
    PartnershipEvidence,
)

__all__ = [
    "EXCEPTIONAL_POSITIVES",
    "PARTNERSHIP_CONCERN_SCORE",
    "PARTNERSHIP_SUBJECTS",
    "RULES",
    "Colour",
    "FlagRule",
    "GreenExceptionalSuccess",
    "GreenSustainedImprovement",
    "Grounds",
    "KnownAndBeingTackled",
    "Proposal",
    "RedOutcomeConsistentlyMissing",
    "RedOutcomeOffTrackFragileChain",
    "RedPartnershipSignificantConcerns",
    "ScopeKind",
    "flag_key",
    "propose",
    "rule_by_id",
]


class Colour(StrEnum):
    RED = "red"
    GREEN = "green"


class ScopeKind(StrEnum):
    """What a flag is about: one shared outcome, or the partnership as a whole."""

    OUTCOME = "outcome"
    PARTNERSHIP = "partnership"


def flag_key(rule_id: str, scope_kind: str, scope_ref: str) -> str:
    """A flag's stable key, ``rule:scope kind:scope ref``.

    >>> flag_key("green_sustained_improvement", "outcome", "waste")
    'green_sustained_improvement:outcome:waste'
    """
    return f"{rule_id}:{scope_kind}:{scope_ref}"


@dataclass(frozen=True, slots=True)
class Grounds:
    """Why a rule applies: the register findings that express it and the figures."""

    findings: tuple[FindingKey, ...]
    figures: tuple[tuple[str, EvidenceValue], ...]


@dataclass(frozen=True, slots=True)
class Proposal:
    """A candidate flag proposed by a rule, with its grounds.

    ``tackled_by`` lists the evidence findings that an open, on-time action answers: a red
    candidate with any is shown as known and being tackled (:class:`KnownAndBeingTackled`).
    """

    rule_id: str
    colour: Colour
    scope_kind: ScopeKind
    scope_ref: str
    scope_name: str
    grounds: Grounds
    tackled_by: tuple[FindingKey, ...] = ()

    @property
    def key(self) -> str:
        return flag_key(self.rule_id, self.scope_kind.value, self.scope_ref)

    @property
    def known_and_being_tackled(self) -> bool:
        return self.colour is Colour.RED and bool(self.tackled_by)


def wording(docstring: str | None) -> str:
    """A rule's wording: its docstring's first paragraph, on one line."""
    return " ".join(cleandoc(docstring or "").split("\n\n")[0].split())


class FlagRule:
    """A named flag rule; subclasses give their wording as their docstring."""

    id: ClassVar[str]
    label: ClassVar[str]
    colour: ClassVar[Colour]
    scope: ClassVar[ScopeKind]

    @classmethod
    def text(cls) -> str:
        return wording(cls.__doc__)

    def find(self, evidence: PartnershipEvidence) -> list[Proposal]:
        """The candidates this rule proposes."""
        if self.scope is ScopeKind.PARTNERSHIP:
            grounds = self.judge_partnership(evidence)
            if grounds is None:
                return []
            return [self.proposal(evidence.ref, evidence.name, grounds)]
        found = []
        for outcome in evidence.outcomes:
            outcome_grounds = self.judge_outcome(outcome)
            if outcome_grounds is not None:
                found.append(self.proposal(outcome.ref, outcome.title, outcome_grounds))
        return found

    def proposal(self, ref: str, name: str, grounds: Grounds) -> Proposal:
        return Proposal(self.id, self.colour, self.scope, ref, name, grounds)

    def judge_outcome(self, outcome: OutcomeEvidence) -> Grounds | None:
        raise NotImplementedError

    def judge_partnership(self, evidence: PartnershipEvidence) -> Grounds | None:
        raise NotImplementedError


def codes(indicators: Iterable[IndicatorEvidence]) -> str:
    return ", ".join(indicator.code for indicator in indicators)


def indicator_findings(
    outcome: OutcomeEvidence, indicators: Iterable[IndicatorEvidence], rules: Set[str]
) -> tuple[FindingKey, ...]:
    """The outcome's performance findings of these rules about these indicators."""
    wanted = {indicator.code for indicator in indicators}
    return tuple(
        f.key
        for f in outcome.findings
        if f.area == "performance"
        and f.subject_kind == "indicator"
        and f.subject_ref in wanted
        and f.rule in rules
    )


def about_chain(finding: FindingEvidence, chain_ref: str) -> bool:
    """A chains finding about this chain, one of its nodes or one of its links."""
    ref = finding.subject_ref
    return finding.area == "chains" and (ref == chain_ref or ref.startswith(f"{chain_ref}/"))


class RedOutcomeOffTrackFragileChain(FlagRule):
    """Off-track outcome with a concerning special cause and a fragile chain: at least one
    of the outcome's indicators is rated red, at least one shows a concerning special cause
    on its SPC chart, and a delivery chain serving it is fragile (it has a single point of
    failure, or its workshop rated fewer than half of the twelve questions green). A
    significant concern about the outcome and about its prospects.
    """

    id = "red_outcome_off_track_fragile_chain"
    label = "Off track, concerning special cause, fragile chain"
    colour = Colour.RED
    scope = ScopeKind.OUTCOME

    def judge_outcome(self, outcome: OutcomeEvidence) -> Grounds | None:
        red = [i for i in outcome.indicators if i.off_track]
        concerning = [i for i in outcome.indicators if i.concerning]
        fragile = [chain for chain in outcome.chains if chain.fragile]
        if not (red and concerning and fragile):
            return None
        chain_findings = tuple(
            f.key
            for f in outcome.findings
            if f.severity is Severity.HIGH and any(about_chain(f, c.ref) for c in fragile)
        )
        strengths = [c.strength for c in fragile if c.strength is not None]
        return Grounds(
            findings=(
                *indicator_findings(outcome, red, {"rag_red"}),
                *indicator_findings(outcome, concerning, {"spc_special_cause_concerning"}),
                *chain_findings,
            ),
            figures=(
                ("red_indicators", codes(red)),
                ("concerning_special_cause", codes(concerning)),
                ("fragile_chains", ", ".join(c.ref for c in fragile)),
                ("single_points_of_failure", sum(len(c.single_points) for c in fragile)),
                ("weakest_chain_strength", round(min(strengths), 3) if strengths else None),
            ),
        )


class RedOutcomeConsistentlyMissing(FlagRule):
    """Outcome consistently missing its targets: at least two of the outcome's indicators,
    and at least half of them, are rated red and consistently miss their target on the SPC
    chart. A significant concern about the outcome's performance.
    """

    id = "red_outcome_consistently_missing"
    label = "Most indicators red and consistently missed"
    colour = Colour.RED
    scope = ScopeKind.OUTCOME

    def judge_outcome(self, outcome: OutcomeEvidence) -> Grounds | None:
        missing = [
            i for i in outcome.indicators if i.off_track and i.assurance == "consistently_missed"
        ]
        if len(missing) < 2 or 2 * len(missing) < len(outcome.indicators):
            return None
        return Grounds(
            findings=indicator_findings(outcome, missing, {"rag_red", "spc_consistently_missed"}),
            figures=(
                ("indicators", len(outcome.indicators)),
                ("red_and_consistently_missed", len(missing)),
                ("codes", codes(missing)),
            ),
        )


PARTNERSHIP_SUBJECTS = frozenset(
    {"partnership", "organisation", "body", "element", "layer", "wave", "budget"}
)
"""The subjects of findings about how the partnership works as a whole (its 7S elements,
its relationships, its bodies and layers, its resources), not about one outcome's delivery."""

PARTNERSHIP_CONCERN_SCORE = 4
"""The weight of concerns that makes the partnership red: a high finding counts 3, a medium
one 1, so two high findings, or one high and one medium, or four medium, suffice."""

CONCERN_WEIGHT = {Severity.HIGH: 3, Severity.MEDIUM: 1}


class RedPartnershipSignificantConcerns(FlagRule):
    """Significant concerns about how the partnership works: its open findings about the
    partnership as a whole (the 7S elements, the relationships between partners, its bodies
    and layers, its resources) come from at least two analyses and weigh at least 4, a
    high finding counting 3 and a medium one 1. A significant concern about the
    partnership's prospects of improving outcomes.
    """

    id = "red_partnership_significant_concerns"
    label = "Concerns across the partnership's working"
    colour = Colour.RED
    scope = ScopeKind.PARTNERSHIP

    def judge_partnership(self, evidence: PartnershipEvidence) -> Grounds | None:
        concerns = [
            f
            for f in evidence.findings
            if f.subject_kind in PARTNERSHIP_SUBJECTS and f.severity in CONCERN_WEIGHT
        ]
        score = sum(CONCERN_WEIGHT[f.severity] for f in concerns)
        areas = sorted({f.area for f in concerns})
        if score < PARTNERSHIP_CONCERN_SCORE or len(areas) < 2:
            return None
        return Grounds(
            findings=tuple(f.key for f in concerns),
            figures=(
                ("concern_score", score),
                ("high_findings", sum(f.severity is Severity.HIGH for f in concerns)),
                ("medium_findings", sum(f.severity is Severity.MEDIUM for f in concerns)),
                ("areas", ", ".join(areas)),
            ),
        )


class GreenSustainedImprovement(FlagRule):
    """Sustained improvement with targets met: none of the outcome's indicators is red,
    every one with a target meets it (rated green or consistently met, and not
    consistently missed on its SPC chart), and at least one
    shows an improving special cause on its SPC chart and is better than a year ago.
    """

    id = "green_sustained_improvement"
    label = "Sustained improvement, targets met"
    colour = Colour.GREEN
    scope = ScopeKind.OUTCOME

    def judge_outcome(self, outcome: OutcomeEvidence) -> Grounds | None:
        targeted = [i for i in outcome.indicators if i.has_target]
        sustained = [i for i in outcome.indicators if i.sustained]
        if outcome.off_track or not targeted or not sustained:
            return None
        if not all(i.target_met for i in targeted):
            return None
        return Grounds(
            findings=(
                *indicator_findings(outcome, sustained, {"spc_special_cause_improving"}),
                *indicator_findings(outcome, targeted, {"rag_green", "spc_consistently_met"}),
            ),
            figures=(
                ("sustained_improvement", codes(sustained)),
                ("targets_met", len(targeted)),
                ("indicators", len(outcome.indicators)),
            ),
        )


EXCEPTIONAL_POSITIVES = 5
"""How many positive findings an outcome needs, with no concern, to be exceptional."""


class GreenExceptionalSuccess(FlagRule):
    """Exceptional success evidenced by positive findings: the outcome is not off track,
    the register holds at least 5 open positive findings about it (its indicators, its
    chains, the body that owns it) and no high or medium concern about any of them.
    """

    id = "green_exceptional_success"
    label = "Exceptional success, positive findings"
    colour = Colour.GREEN
    scope = ScopeKind.OUTCOME

    def judge_outcome(self, outcome: OutcomeEvidence) -> Grounds | None:
        positive = [f for f in outcome.findings if f.severity is Severity.POSITIVE]
        if outcome.off_track or len(positive) < EXCEPTIONAL_POSITIVES:
            return None
        if any(f.concern for f in outcome.findings):
            return None
        return Grounds(
            findings=tuple(f.key for f in positive),
            figures=(
                ("positive_findings", len(positive)),
                ("areas", ", ".join(sorted({f.area for f in positive}))),
            ),
        )


class KnownAndBeingTackled:
    """Known and being tackled: a candidate red flag one of whose evidence findings is
    answered by an open action that is not overdue is shown as known and being tackled,
    not as a red flag. There is no automatic red flag where the issue is known and being
    tackled; a manager may still confirm it as red, with a reason.
    """

    id = "known_and_being_tackled"
    label = "Known and being tackled"

    @classmethod
    def text(cls) -> str:
        return wording(cls.__doc__)

    @staticmethod
    def apply(proposal: Proposal, tackled: Set[FindingKey]) -> Proposal:
        """The proposal with the evidence findings being tackled noted (reds only)."""
        if proposal.colour is not Colour.RED:
            return proposal
        answered = tuple(key for key in proposal.grounds.findings if key in tackled)
        return replace(proposal, tackled_by=answered)


RULES: tuple[FlagRule, ...] = (
    RedOutcomeOffTrackFragileChain(),
    RedOutcomeConsistentlyMissing(),
    RedPartnershipSignificantConcerns(),
    GreenSustainedImprovement(),
    GreenExceptionalSuccess(),
)


def rule_by_id(rule_id: str) -> FlagRule | None:
    """The flag rule with this id, or None (a rule since retired)."""
    return next((rule for rule in RULES if rule.id == rule_id), None)


def propose(
    evidence: PartnershipEvidence, tackled: Set[FindingKey] = frozenset()
) -> list[Proposal]:
    """Every candidate the rules propose, red candidates whose evidence is being tackled
    marked so (:class:`KnownAndBeingTackled`), in the rules' order."""
    return [
        KnownAndBeingTackled.apply(proposal, tackled)
        for rule in RULES
        for proposal in rule.find(evidence)
    ]
