"""The evidence snapshot the flag rules read: plain data about each outcome and about the
partnership as a whole, built by the flags app from the register and the analyses.

An outcome's evidence holds its indicators' latest statuses (red/amber/green, direction
since the last period and a year ago, the variation and assurance of the SPC chart), its
delivery chains' analysis (strength, single points of failure, weak links) and the
register's open findings about it, its indicators, its chains (their nodes and links) and
the body that owns it. The partnership's evidence holds every outcome and every open
finding of the register.

Examples
--------
>>> red = IndicatorEvidence("NI 32", "Repeat victims", rag="red",
...                         variation="special_cause_concerning")
>>> red.off_track, red.concerning
(True, True)
>>> ChainEvidence("dv", "Domestic abuse", strength=0.8, single_points=("dv/idva",)).fragile
True
"""

from __future__ import annotations

from dataclasses import dataclass

from partnerscope.core.findings import FindingKey, Severity

__all__ = [
    "FRAGILE_STRENGTH",
    "ChainEvidence",
    "FindingEvidence",
    "IndicatorEvidence",
    "OutcomeEvidence",
    "PartnershipEvidence",
]

FRAGILE_STRENGTH = 0.5
"""A chain whose workshop answered fewer than half of the twelve questions green is
fragile even without a single point of failure."""


@dataclass(frozen=True, slots=True)
class IndicatorEvidence:
    """One indicator's latest status in the partnership's whole area ("" where not judged).

    ``rag`` is red, amber or green; ``direction`` and ``year_ago`` are the change since the
    last period and since a year ago (improving, worsening, …); ``variation`` is the SPC
    chart's (``special_cause_concerning``, ``special_cause_improving``, …); ``assurance``
    whether the target is consistently met or missed.
    """

    code: str
    title: str
    rag: str = ""
    direction: str = ""
    year_ago: str = ""
    variation: str = ""
    assurance: str = ""
    has_target: bool = True

    @property
    def off_track(self) -> bool:
        """Rated red against its target."""
        return self.rag == "red"

    @property
    def concerning(self) -> bool:
        """The SPC chart shows a concerning special cause."""
        return self.variation == "special_cause_concerning"

    @property
    def improving(self) -> bool:
        """The SPC chart shows an improving special cause."""
        return self.variation == "special_cause_improving"

    @property
    def sustained(self) -> bool:
        """Improving on the chart and better than a year ago: an improvement held."""
        return self.improving and self.year_ago == "improving"

    @property
    def target_met(self) -> bool:
        """Rated green against its target, or consistently meeting it, and not
        consistently missing it on the SPC chart."""
        if not self.has_target or self.assurance == "consistently_missed":
            return False
        return self.rag == "green" or self.assurance == "consistently_met"


@dataclass(frozen=True, slots=True)
class ChainEvidence:
    """One delivery chain's analysis: ``strength`` (0-1, None without a rated workshop),
    its single points of failure (node refs as the register names them) and weak links."""

    ref: str
    title: str
    strength: float | None = None
    single_points: tuple[str, ...] = ()
    weak_links: int = 0

    @property
    def fragile(self) -> bool:
        """A single point of failure, or a rated strength below :data:`FRAGILE_STRENGTH`."""
        weak = self.strength is not None and self.strength < FRAGILE_STRENGTH
        return bool(self.single_points) or weak


@dataclass(frozen=True, slots=True)
class FindingEvidence:
    """An open finding of the register, as the rules read it: its key and severity."""

    key: FindingKey
    severity: Severity

    @property
    def area(self) -> str:
        return self.key[0]

    @property
    def rule(self) -> str:
        return self.key[1]

    @property
    def subject_kind(self) -> str:
        return self.key[2]

    @property
    def subject_ref(self) -> str:
        return self.key[3]

    @property
    def concern(self) -> bool:
        """High or medium: a concern that counts towards a red flag."""
        return self.severity in (Severity.HIGH, Severity.MEDIUM)


@dataclass(frozen=True, slots=True)
class OutcomeEvidence:
    """One shared outcome: its indicators, its chains and the open findings about it."""

    ref: str
    title: str
    indicators: tuple[IndicatorEvidence, ...] = ()
    chains: tuple[ChainEvidence, ...] = ()
    findings: tuple[FindingEvidence, ...] = ()

    @property
    def off_track(self) -> bool:
        """At least one of its indicators is rated red."""
        return any(indicator.off_track for indicator in self.indicators)


@dataclass(frozen=True, slots=True)
class PartnershipEvidence:
    """Everything the rules read: each outcome, and every open finding of the register;
    ``ref`` and ``name`` name the partnership (its slug) in a flag about it."""

    outcomes: tuple[OutcomeEvidence, ...] = ()
    findings: tuple[FindingEvidence, ...] = ()
    ref: str = "partnership"
    name: str = "The partnership"

    def outcome_finding_keys(self) -> frozenset[FindingKey]:
        """The keys of the findings tied to some outcome."""
        return frozenset(f.key for outcome in self.outcomes for f in outcome.findings)
