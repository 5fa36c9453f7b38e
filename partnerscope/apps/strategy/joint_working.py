"""Joint working beside each outcome: everything the outcome pages show, read once.

For every outcome of the strategy this gathers, through the other areas' selectors and in a
fixed number of queries whatever the number of outcomes:

A theme is measured and delivered through its goals: its indicators and delivery chains are
its own and its goals' together; its owners are its own.

- its indicators' stored statuses (red/amber/green, direction, special cause) and its
  performance score (``core.strategy.performance_score``);
- its delivery chains, analysed as the chain pages show them (strength, weak links);
- its **owners**: the body that owns it and its partners, the accountable organisation and
  the organisations of the body's members;
- the 7S results of the latest closed wave that the owning body answered, published figures
  only (withheld groups stay absent), with the sector groups of its partners;
- the relationship network among its partners in the latest closed relationship wave
  (density, trust, isolated partners);
- the open governance findings of the register about its body;
- the resources behind it, from an area that records them (:mod:`.resources`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from partnerscope.apps.chains import selectors as chains
from partnerscope.apps.common.extensions import OutcomeResources, outcome_resources
from partnerscope.apps.findings import selectors as findings
from partnerscope.apps.network import selectors as network
from partnerscope.apps.partnerships.choices import Sector
from partnerscope.apps.partnerships.models import Membership, Organisation, Partnership
from partnerscope.apps.performance import selectors as performance
from partnerscope.apps.sevens import selectors as sevens
from partnerscope.core.strategy import (
    IndicatorJudgement,
    PartnerNetwork,
    mean,
    partner_network,
    performance_score,
)

SECTOR_LABELS = dict(Sector.choices)


@dataclass(frozen=True)
class OutcomeWorking:
    """One outcome with everything shown beside it."""

    outcome: dict[str, Any]
    theme: dict[str, Any] | None
    indicators: list[dict[str, Any]]
    score: float | None
    chains: list[dict[str, Any]]
    partners: list[dict[str, Any]]
    sevens: dict[str, Any] | None
    sevens_sectors: list[dict[str, Any]]
    network: PartnerNetwork
    isolated: list[dict[str, Any]]
    body_findings: list[dict[str, Any]]
    resources: OutcomeResources | None
    resources_known: bool
    goals: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return str(self.outcome["ref"])

    @property
    def title(self) -> str:
        return str(self.outcome["title"])

    @property
    def chain_strength(self) -> float | None:
        """The mean strength of its delivery chains (one chain: that chain's)."""
        return mean(chain["strength"] for chain in self.chains)

    @property
    def network_density(self) -> float | None:
        return self.network.density

    @property
    def sevens_mean(self) -> float | None:
        return None if self.sevens is None else self.sevens["mean"]

    @property
    def judged(self) -> int:
        return sum(1 for indicator in self.indicators if indicator["rag"] or indicator["direction"])

    @property
    def doing_well(self) -> int:
        return sum(1 for indicator in self.indicators if indicator["doing_well"])


@dataclass
class JointWorking:
    """Everything read once for a partnership's outcomes; :meth:`outcome` builds one."""

    partnership: Partnership
    outcomes: list[dict[str, Any]]
    judgements: dict[str, dict[str, Any]]
    chains: dict[str, list[dict[str, Any]]]
    waves: list[dict[str, Any]]
    levels: dict[tuple[str, str], tuple[int, float | None]]
    members: dict[str, list[str]]
    organisations: dict[str, dict[str, Any]]
    body_findings: dict[str, list[dict[str, Any]]]
    resources: dict[str, OutcomeResources] | None
    by_ref: dict[str, dict[str, Any]] = field(init=False)
    networks: dict[tuple[str, ...], PartnerNetwork] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.by_ref = {outcome["ref"]: outcome for outcome in self.outcomes}
        self.goals_of: dict[str, list[dict[str, Any]]] = {}
        for outcome in self.outcomes:
            if outcome["parent"]:
                self.goals_of.setdefault(outcome["parent"], []).append(outcome)

    @cached_property
    def all(self) -> list[OutcomeWorking]:
        return [self.outcome(outcome["ref"]) for outcome in self.outcomes]

    def outcome(self, ref: str) -> OutcomeWorking:
        outcome = self.by_ref[ref]
        goals = self.goals_of.get(ref, [])
        codes = list(
            dict.fromkeys([*outcome["indicators"], *(c for g in goals for c in g["indicators"])])
        )
        indicators = [self.indicator(code) for code in codes]
        body = outcome["body"]["ref"] if outcome["body"] else None
        partner_refs = self.partner_refs(outcome)
        partners = [self.organisation(partner) for partner in partner_refs]
        wave = next((w for w in self.waves if body and body in w["bodies"]), None)
        partner_network_result = self.network_among(tuple(partner_refs))
        return OutcomeWorking(
            outcome=outcome,
            theme=self.by_ref.get(outcome["parent"] or ""),
            indicators=indicators,
            score=performance_score(
                IndicatorJudgement(i["code"], i["rag"], i["direction"]) for i in indicators
            ),
            chains=[
                chain for r in [ref, *(g["ref"] for g in goals)] for chain in self.chains.get(r, [])
            ],
            partners=partners,
            sevens=wave,
            sevens_sectors=self.sector_rows(wave, partners),
            network=partner_network_result,
            isolated=[self.organisation(r) for r in partner_network_result.isolated],
            body_findings=self.body_findings.get(body or "", []),
            resources=None if self.resources is None else self.resources.get(ref),
            resources_known=self.resources is not None,
            goals=goals,
        )

    def network_among(self, partners: tuple[str, ...]) -> PartnerNetwork:
        """The network among these partners, worked out once for outcomes that share them."""
        if partners not in self.networks:
            self.networks[partners] = partner_network(partners, self.levels)
        return self.networks[partners]

    def indicator(self, code: str) -> dict[str, Any]:
        found = self.judgements.get(code) or {"title": code, "url": "", "rag": "", "direction": ""}
        row = {"code": code, "variation": "", "latest_period": "", "latest_value": None, **found}
        row["doing_well"] = IndicatorJudgement(code, row["rag"], row["direction"]).doing_well
        return row

    def partner_refs(self, outcome: dict[str, Any]) -> list[str]:
        """The accountable organisation first, then the body's members' organisations."""
        refs = [outcome["owner"]["ref"]] if outcome["owner"] else []
        if outcome["body"]:
            refs += self.members.get(outcome["body"]["ref"], [])
        return list(dict.fromkeys(refs))

    def organisation(self, ref: str) -> dict[str, Any]:
        return self.organisations.get(ref) or {"ref": ref, "name": ref, "sector": ""}

    def sector_rows(
        self, wave: dict[str, Any] | None, partners: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """The published sector groups of the wave for its partners' sectors."""
        if wave is None:
            return []
        sectors = list(dict.fromkeys(partner["sector"] for partner in partners))
        return [
            {
                "sector": sector,
                "label": SECTOR_LABELS.get(sector, sector),
                **wave["sectors"][sector],
            }
            for sector in sectors
            if sector in wave["sectors"]
        ]


def load(partnership: Partnership, outcome: str | None = None) -> JointWorking:
    """Read everything the outcome pages need, once; with ``outcome``, only the delivery
    chains of that outcome (and of its goals) are analysed."""
    memberships = (
        Membership.objects.filter(body__partnership=partnership)
        .order_by("body__ref", "person__organisation__name")
        .values_list("body__ref", "person__organisation__ref")
    )
    members: dict[str, list[str]] = {}
    for body, organisation in memberships:
        listed = members.setdefault(body, [])
        if organisation not in listed:
            listed.append(organisation)
    organisations = {
        ref: {"ref": ref, "name": name, "sector": sector}
        for ref, name, sector in Organisation.objects.filter(
            participations__partnership=partnership
        ).values_list("ref", "name", "sector")
    }
    body_findings: dict[str, list[dict[str, Any]]] = {}
    for found in findings.findings(partnership, subject_kind="body", status="open"):
        body_findings.setdefault(found["subject"]["ref"], []).append(found)
    levels = network.relationship_levels(partnership)
    outcomes = performance.outcomes(partnership)
    chosen = None
    if outcome is not None:
        chosen = [row["ref"] for row in outcomes if outcome in (row["ref"], row["parent"])]
    return JointWorking(
        partnership=partnership,
        outcomes=outcomes,
        judgements=performance.indicator_judgements(partnership),
        chains=chains.chains_of_outcomes(partnership, outcomes=chosen, relationships=levels),
        waves=sevens.published_wave_results(partnership),
        levels=levels,
        members=members,
        organisations=organisations,
        body_findings=body_findings,
        resources=outcome_resources(partnership),
    )
