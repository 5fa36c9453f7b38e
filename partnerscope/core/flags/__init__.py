"""Red and green flags: the evidence snapshot (:mod:`.evidence`) and the named rules that
propose candidate flags from it (:mod:`.rules`)."""

from partnerscope.core.flags.evidence import (
    FRAGILE_STRENGTH,
    ChainEvidence,
    FindingEvidence,
    IndicatorEvidence,
    OutcomeEvidence,
    PartnershipEvidence,
)
from partnerscope.core.flags.rules import (
    RULES,
    Colour,
    FlagRule,
    GreenExceptionalSuccess,
    GreenSustainedImprovement,
    Grounds,
    KnownAndBeingTackled,
    Proposal,
    RedOutcomeConsistentlyMissing,
    RedOutcomeOffTrackFragileChain,
    RedPartnershipSignificantConcerns,
    ScopeKind,
    flag_key,
    propose,
    rule_by_id,
)

__all__ = [
    "FRAGILE_STRENGTH",
    "RULES",
    "ChainEvidence",
    "Colour",
    "FindingEvidence",
    "FlagRule",
    "GreenExceptionalSuccess",
    "GreenSustainedImprovement",
    "Grounds",
    "IndicatorEvidence",
    "KnownAndBeingTackled",
    "OutcomeEvidence",
    "PartnershipEvidence",
    "Proposal",
    "RedOutcomeConsistentlyMissing",
    "RedOutcomeOffTrackFragileChain",
    "RedPartnershipSignificantConcerns",
    "ScopeKind",
    "flag_key",
    "propose",
    "rule_by_id",
]
