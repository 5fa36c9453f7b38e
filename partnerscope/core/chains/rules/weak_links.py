"""Weak-link rules: links the partners rate red, risky links, links with no indicator, and
data reported too seldom for the body that receives it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from partnerscope.core.chains.facts import ChainFacts
from partnerscope.core.chains.findings import Finding, Rule
from partnerscope.core.chains.model import Layer
from partnerscope.core.chains.rules.structure import describe_link

__all__ = [
    "HIGH_RISK_SCORE",
    "REPORTING_FREQUENCY",
    "HighRisk",
    "NoIndicator",
    "RatedRedByMost",
    "ReportingTooRare",
]

HIGH_RISK_SCORE = 15
"""Likelihood times impact (each 1-5) at or above which a link's risk is high."""

REPORTING_FREQUENCY: Mapping[Layer, tuple[float, float]] = {
    "strategic": (3, 4),
    "executive": (6, 12),
    "operational": (12, 52),
}
"""Times a year each governance layer takes performance reports, as a (least, most) range:
Audit Commission (2009), *Working better together?*, Table 8."""


@dataclass(frozen=True)
class RatedRedByMost(Rule):
    """A link is weak when most of the participants who rated it rate it red.

    Each participant's view of a link is the lower median of their scored ratings of it;
    the link is flagged when more than half of those views are red.
    """

    id = "DC-W01"
    marks_weak_link = True

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        results = []
        for rated in facts.link_ratings:
            if not rated.rated_red_by_most:
                continue
            pair = (rated.source, rated.target)
            links = [link for link in facts.chain.links if link.pair == pair]
            results.append(
                self.found(
                    f"{rated.views.red} of {rated.views.scored} participants who rated the "
                    f"link {rated.source} -> {rated.target} rate it red.",
                    nodes=pair,
                    links=[link.key for link in links],
                    evidence={"red": rated.views.red, "scored": rated.views.scored},
                )
            )
        return tuple(results)


@dataclass(frozen=True)
class HighRisk(Rule):
    """A link is weak when its risk is high: likelihood times impact at or above the
    threshold (15 by default, on 1-5 scales).
    """

    id = "DC-W02"
    marks_weak_link = True
    threshold: int = HIGH_RISK_SCORE

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        return tuple(
            self.found(
                f"Link {describe_link(*link.key)} has a risk score of {link.risk.score} "
                f"(likelihood {link.risk.likelihood} x impact {link.risk.impact}).",
                nodes=link.pair,
                links=(link.key,),
                evidence={
                    "likelihood": link.risk.likelihood,
                    "impact": link.risk.impact,
                    "score": link.risk.score,
                    "threshold": self.threshold,
                },
            )
            for link in facts.chain.links
            if link.risk is not None and link.risk.score >= self.threshold
        )


@dataclass(frozen=True)
class NoIndicator(Rule):
    """A link is weak when it names no indicator it should move, so nobody can tell
    whether it works."""

    id = "DC-W03"
    marks_weak_link = True

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        return tuple(
            self.found(
                f"Link {describe_link(*link.key)} names no indicator.",
                nodes=link.pair,
                links=(link.key,),
            )
            for link in facts.chain.links
            if link.indicator is None
        )


@dataclass(frozen=True)
class ReportingTooRare(Rule):
    """A link is weak when data reach a body less often than its governance layer needs:
    at least 3 times a year for the strategic layer, 6 for the executive and 12 for the
    operational (Audit Commission 2009, Table 8).

    Applies to ``reports_data_to`` links into a body with a layer; a link with no stated
    frequency is flagged too.
    """

    id = "DC-W04"
    marks_weak_link = True
    minimum: Mapping[Layer, float] = field(
        default_factory=lambda: {layer: low for layer, (low, _) in REPORTING_FREQUENCY.items()}
    )

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        results = []
        for link in facts.chain.links:
            layer = facts.chain.node(link.target).layer
            if link.type != "reports_data_to" or layer is None:
                continue
            needed = self.minimum[layer]
            if link.frequency is not None and link.frequency >= needed:
                continue
            given = (
                "no frequency is stated"
                if link.frequency is None
                else f"data arrive {link.frequency:g} times a year"
            )
            results.append(
                self.found(
                    f"On {describe_link(*link.key)} {given}; the {layer} layer needs at "
                    f"least {needed:g}.",
                    nodes=link.pair,
                    links=(link.key,),
                    evidence={"frequency": link.frequency, "layer": layer, "minimum": needed},
                )
            )
        return tuple(results)
