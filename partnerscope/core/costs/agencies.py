"""Who pays and who benefits: each agency's costs and fiscal benefits, the "wrong pocket"
cases, and a split of the costs in proportion to the fiscal benefits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from partnerscope.core.costs.cases import ratio
from partnerscope.core.costs.discount import discount_factors
from partnerscope.core.costs.flows import BenefitLine
from partnerscope.core.costs.model import Appraisal, BenefitType

__all__ = [
    "AgencyPosition",
    "ContributionShare",
    "WrongPocket",
    "by_agency",
    "combine_positions",
    "contribution_split",
    "wrong_pockets",
]


@dataclass(frozen=True, slots=True)
class AgencyPosition:
    """One agency's present values: the costs it bears and the fiscal benefits it receives."""

    agency: str
    pv_costs: float
    pv_fiscal_benefits: float
    pv_cashable: float

    @property
    def net(self) -> float:
        """PV(fiscal benefits received) − PV(costs borne)."""
        return self.pv_fiscal_benefits - self.pv_costs

    def to_dict(self) -> dict[str, Any]:
        """``agency``, ``pv_costs``, ``pv_fiscal_benefits``, ``net`` and ``pv_cashable``."""
        return {
            "agency": self.agency,
            "pv_costs": self.pv_costs,
            "pv_fiscal_benefits": self.pv_fiscal_benefits,
            "net": self.net,
            "pv_cashable": self.pv_cashable,
        }


def by_agency(appraisal: Appraisal, lines: Sequence[BenefitLine]) -> tuple[AgencyPosition, ...]:
    """Every agency that bears a cost or receives a fiscal benefit, in name order."""
    factors = discount_factors(appraisal.years, appraisal.discount)
    costs: dict[str, float] = {}
    fiscal: dict[str, float] = {}
    cashable: dict[str, float] = {}
    for cost in appraisal.costs:
        costs[cost.agency] = costs.get(cost.agency, 0.0) + factors[cost.year] * cost.amount
    for line in lines:
        if line.benefit.type is BenefitType.FISCAL:
            agency = line.benefit.agency
            fiscal[agency] = fiscal.get(agency, 0.0) + line.present_value
            cashable[agency] = (
                cashable.get(agency, 0.0) + line.present_value * line.benefit.cashable
            )
    return tuple(
        AgencyPosition(
            agency=agency,
            pv_costs=costs.get(agency, 0.0),
            pv_fiscal_benefits=fiscal.get(agency, 0.0),
            pv_cashable=cashable.get(agency, 0.0),
        )
        for agency in sorted(costs.keys() | fiscal.keys())
    )


def combine_positions(groups: Iterable[Sequence[AgencyPosition]]) -> tuple[AgencyPosition, ...]:
    """Each agency's positions added up over several initiatives (the whole partnership)."""
    totals: dict[str, tuple[float, float, float]] = {}
    for group in groups:
        for position in group:
            costs, fiscal, cashable = totals.get(position.agency, (0.0, 0.0, 0.0))
            totals[position.agency] = (
                costs + position.pv_costs,
                fiscal + position.pv_fiscal_benefits,
                cashable + position.pv_cashable,
            )
    return tuple(AgencyPosition(agency, *totals[agency]) for agency in sorted(totals))


@dataclass(frozen=True, slots=True)
class WrongPocket:
    """One agency pays more than it saves while another saves more than it pays."""

    payer: str
    payer_net: float
    beneficiary: str
    beneficiary_net: float

    def to_dict(self) -> dict[str, Any]:
        """``payer``, ``payer_net``, ``beneficiary`` and ``beneficiary_net``."""
        return {
            "payer": self.payer,
            "payer_net": self.payer_net,
            "beneficiary": self.beneficiary,
            "beneficiary_net": self.beneficiary_net,
        }


def wrong_pockets(positions: Sequence[AgencyPosition]) -> tuple[WrongPocket, ...]:
    """Every pair of a net payer (net below 0) and a net gainer (net above 0), largest
    payer first, then largest gainer."""
    payers = sorted((p for p in positions if p.net < 0), key=lambda p: (p.net, p.agency))
    gainers = sorted((p for p in positions if p.net > 0), key=lambda p: (-p.net, p.agency))
    return tuple(
        WrongPocket(payer.agency, payer.net, gainer.agency, gainer.net)
        for payer in payers
        for gainer in gainers
    )


@dataclass(frozen=True, slots=True)
class ContributionShare:
    """What an agency would pay if the costs were split as the fiscal benefits fall."""

    agency: str
    share: float
    contribution: float
    pv_costs: float

    @property
    def change(self) -> float:
        """How much more (or, below 0, less) the agency would pay than it does now."""
        return self.contribution - self.pv_costs

    def to_dict(self) -> dict[str, Any]:
        """``agency``, ``share``, ``contribution``, ``pv_costs`` and ``change``."""
        return {
            "agency": self.agency,
            "share": self.share,
            "contribution": self.contribution,
            "pv_costs": self.pv_costs,
            "change": self.change,
        }


def contribution_split(positions: Sequence[AgencyPosition]) -> tuple[ContributionShare, ...]:
    """The total PV of costs split in proportion to each agency's PV of fiscal benefits:
    a basis for negotiating a pooled fund. Empty when there are no fiscal benefits."""
    total_costs = sum(p.pv_costs for p in positions)
    total_fiscal = sum(p.pv_fiscal_benefits for p in positions)
    if total_fiscal <= 0:
        return ()
    shares = []
    for position in positions:
        share = ratio(position.pv_fiscal_benefits, total_fiscal) or 0.0
        shares.append(
            ContributionShare(position.agency, share, total_costs * share, position.pv_costs)
        )
    return tuple(shares)
