"""Cross-checks of the chain against other evidence: the relationship survey and the
indicators' latest status."""

from __future__ import annotations

from dataclasses import dataclass

from partnerscope.core.chains.context import relationship_between
from partnerscope.core.chains.facts import ChainFacts
from partnerscope.core.chains.findings import EvidenceValue, Finding, Rule
from partnerscope.core.chains.model import Link, downward_step, organisation_of
from partnerscope.core.chains.paths import steps_leading_to
from partnerscope.core.chains.ratings import Rag
from partnerscope.core.chains.rules.structure import describe_link

__all__ = ["PAPER_LINK_LEVEL", "PAPER_LINK_TRUST", "OffTrackCause", "PaperLink"]

PAPER_LINK_LEVEL = 2
"""The least relationship level (2, coordination) that counts as a working tie."""

PAPER_LINK_TRUST = 2.5
"""Mean trust (1-4 scale) below which a tie is too weak to carry a chain link."""


@dataclass(frozen=True)
class PaperLink(Rule):
    """A link between two organisations is only on paper when the relationship survey shows
    no working tie between them (no tie at level 2 or above, either way round) or low trust
    (mean trust below 2.5 on the 1-4 scale).

    Checked only for links joining nodes of two different organisations that both took part
    in the survey.
    """

    id = "DC-X01"
    marks_weak_link = True
    min_level: int = PAPER_LINK_LEVEL
    min_trust: float = PAPER_LINK_TRUST

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        survey = facts.context.relationships
        surveyed = {organisation for pair in survey for organisation in pair}
        results = []
        for link in facts.chain.links:
            first = organisation_of(facts.chain.node(link.source))
            second = organisation_of(facts.chain.node(link.target))
            if first is None or second is None or first == second:
                continue
            if first not in surveyed or second not in surveyed:
                continue
            tie = relationship_between(survey, first, second)
            level, trust = tie if tie is not None else (None, None)
            if level is None or level < self.min_level:
                reason = f"the survey shows no working tie between {first} and {second}"
            elif trust is not None and trust < self.min_trust:
                reason = f"trust between {first} and {second} is low ({trust:.2f})"
            else:
                continue
            results.append(
                self.found(
                    f"Link {describe_link(*link.key)} is on paper only: {reason}.",
                    nodes=link.pair,
                    links=(link.key,),
                    evidence={
                        "organisations": (first, second),
                        "level": level,
                        "trust": trust,
                        "min_level": self.min_level,
                        "min_trust": self.min_trust,
                    },
                )
            )
        return tuple(results)


@dataclass(frozen=True)
class OffTrackCause(Rule):
    """When an indicator is off track, a weak link at or upstream of the link meant to move
    it, or an upstream link whose own indicator is off track, is a likely cause.

    Upstream links lie on a delivery path from the outcome down to the indicator's link.
    Off track means red by default.
    """

    id = "DC-X02"
    needs_weak_links = True
    off_track: tuple[Rag, ...] = ("red",)

    def findings(self, facts: ChainFacts) -> tuple[Finding, ...]:
        chain = facts.chain
        status = facts.context.indicator_status
        results = []
        for indicator, rag in status.items():
            if rag not in self.off_track:
                continue
            carriers = [link for link in chain.links if link.indicator == indicator]
            causes: dict[Link, list[Link]] = {}
            for carrier in carriers:
                upper, lower = downward_step(carrier)
                steps, _ = steps_leading_to(
                    chain, upper, avoid=(lower,), limit=facts.context.path_limit
                )
                for link in chain.links:
                    upstream = downward_step(link) in steps
                    if link is carrier or upstream:
                        causes.setdefault(link, []).append(carrier)
            for link, meant in causes.items():
                weak_rules = facts.weak_links.get(link.key, ())
                own = None if link in carriers else link.indicator
                own_status = None if own is None else status.get(own)
                off_track_upstream = own_status is not None and own_status in self.off_track
                if not weak_rules and not off_track_upstream:
                    continue
                reasons = []
                if weak_rules:
                    reasons.append(f"it is weak ({', '.join(weak_rules)})")
                if off_track_upstream:
                    reasons.append(f"its own indicator {own} is {own_status}")
                where = "the link meant to move it" if link in carriers else "upstream"
                evidence: dict[str, EvidenceValue] = {
                    "indicator": indicator,
                    "status": rag,
                    "indicator_links": tuple(describe_link(*m.key) for m in meant),
                    "weak_rules": weak_rules,
                    "upstream_indicator": own if off_track_upstream else None,
                }
                results.append(
                    self.found(
                        f"Indicator {indicator} is {rag}; link {describe_link(*link.key)} "
                        f"({where}) is a likely cause: {' and '.join(reasons)}.",
                        nodes=link.pair,
                        links=(link.key,),
                        evidence=evidence,
                    )
                )
        return tuple(results)
