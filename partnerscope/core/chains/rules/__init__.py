"""The delivery-chain rules, each citable by its id, and the default set run on every chain."""

from __future__ import annotations

from partnerscope.core.chains.findings import Rule
from partnerscope.core.chains.rules.crosschecks import OffTrackCause, PaperLink
from partnerscope.core.chains.rules.funding import FundingEndsBeforeTarget, UnfundedBranch
from partnerscope.core.chains.rules.structure import (
    LinkWithoutOwner,
    NoReturnPath,
    PeopleNotReached,
    SinglePointOfFailure,
)
from partnerscope.core.chains.rules.weak_links import (
    HighRisk,
    NoIndicator,
    RatedRedByMost,
    ReportingTooRare,
)

__all__ = [
    "DEFAULT_RULES",
    "FundingEndsBeforeTarget",
    "HighRisk",
    "LinkWithoutOwner",
    "NoIndicator",
    "NoReturnPath",
    "OffTrackCause",
    "PaperLink",
    "PeopleNotReached",
    "RatedRedByMost",
    "ReportingTooRare",
    "SinglePointOfFailure",
    "UnfundedBranch",
]

DEFAULT_RULES: tuple[Rule, ...] = (
    LinkWithoutOwner(),
    NoReturnPath(),
    PeopleNotReached(),
    SinglePointOfFailure(),
    UnfundedBranch(),
    FundingEndsBeforeTarget(),
    RatedRedByMost(),
    HighRisk(),
    NoIndicator(),
    ReportingTooRare(),
    PaperLink(),
    OffTrackCause(),
)
"""Every rule with its default thresholds, in the order findings are listed."""
