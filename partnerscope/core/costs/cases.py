"""The financial case (public budgets) and the economic case (public value)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from partnerscope.core.costs.flows import BenefitLine, YearFlow
from partnerscope.core.costs.model import BenefitType

__all__ = [
    "EconomicCase",
    "FinancialCase",
    "economic_case",
    "financial_case",
    "payback_year",
    "ratio",
    "reaches",
]


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or ``None`` when there is nothing to divide by."""
    return None if denominator == 0 else numerator / denominator


def reaches(benefits: float, costs: float) -> bool:
    """Whether ``benefits`` reach ``costs``, allowing for rounding in the last digits."""
    return benefits >= costs - 1e-9 * max(1.0, abs(costs))


def payback_year(flows: Sequence[YearFlow]) -> int | None:
    """The first appraisal year whose cumulative discounted fiscal benefits reach the
    cumulative discounted costs, skipping years before anything has been spent or saved;
    ``None`` if that never happens.
    """
    for flow in flows:
        costs = flow.cumulative_discounted_costs
        fiscal = flow.cumulative_discounted_fiscal_benefits
        if (costs > 0 or fiscal > 0) and reaches(fiscal, costs):
            return flow.year
    return None


@dataclass(frozen=True, slots=True)
class FinancialCase:
    """What the initiative does to public budgets: every cost against fiscal benefits."""

    pv_costs: float
    pv_fiscal_benefits: float
    cashable: float
    payback_year: int | None

    @property
    def net_present_budget_impact(self) -> float:
        """PV(fiscal benefits) − PV(costs)."""
        return self.pv_fiscal_benefits - self.pv_costs

    @property
    def financial_roi(self) -> float | None:
        """PV(fiscal benefits) ÷ PV(costs); below 1 the case is not financially justified."""
        return ratio(self.pv_fiscal_benefits, self.pv_costs)

    def to_dict(self) -> dict[str, Any]:
        """``pv_costs``, ``pv_fiscal_benefits``, ``net_present_budget_impact``,
        ``financial_roi``, ``payback_year`` and ``cashable``."""
        return {
            "pv_costs": self.pv_costs,
            "pv_fiscal_benefits": self.pv_fiscal_benefits,
            "net_present_budget_impact": self.net_present_budget_impact,
            "financial_roi": self.financial_roi,
            "payback_year": self.payback_year,
            "cashable": self.cashable,
        }


@dataclass(frozen=True, slots=True)
class EconomicCase:
    """What the initiative is worth to the public: every cost against every benefit."""

    pv_costs: float
    pv_fiscal_benefits: float
    pv_economic_benefits: float
    pv_social_benefits: float

    @property
    def pv_benefits(self) -> float:
        """PV of fiscal, economic and social benefits together (public value)."""
        return self.pv_fiscal_benefits + self.pv_economic_benefits + self.pv_social_benefits

    @property
    def net_present_public_value(self) -> float:
        """PV(all benefits) − PV(costs)."""
        return self.pv_benefits - self.pv_costs

    @property
    def bcr(self) -> float | None:
        """The benefit–cost ratio, PV(all benefits) ÷ PV(costs)."""
        return ratio(self.pv_benefits, self.pv_costs)

    def to_dict(self) -> dict[str, Any]:
        """``pv_benefits``, ``net_present_public_value`` and ``bcr``, then the PV of each type
        (``pv_fiscal_benefits``, ``pv_economic_benefits``, ``pv_social_benefits``)."""
        return {
            "pv_benefits": self.pv_benefits,
            "net_present_public_value": self.net_present_public_value,
            "bcr": self.bcr,
            "pv_fiscal_benefits": self.pv_fiscal_benefits,
            "pv_economic_benefits": self.pv_economic_benefits,
            "pv_social_benefits": self.pv_social_benefits,
        }


def _pv_of(lines: Sequence[BenefitLine], kind: BenefitType) -> float:
    return sum(line.present_value for line in lines if line.benefit.type is kind)


def financial_case(flows: Sequence[YearFlow], lines: Sequence[BenefitLine]) -> FinancialCase:
    """The financial case from the year flows and the benefit lines."""
    cashable = sum(
        line.present_value * line.benefit.cashable
        for line in lines
        if line.benefit.type is BenefitType.FISCAL
    )
    return FinancialCase(
        pv_costs=sum(flow.discounted_costs for flow in flows),
        pv_fiscal_benefits=_pv_of(lines, BenefitType.FISCAL),
        cashable=cashable,
        payback_year=payback_year(flows),
    )


def economic_case(flows: Sequence[YearFlow], lines: Sequence[BenefitLine]) -> EconomicCase:
    """The economic case from the year flows and the benefit lines."""
    return EconomicCase(
        pv_costs=sum(flow.discounted_costs for flow in flows),
        pv_fiscal_benefits=_pv_of(lines, BenefitType.FISCAL),
        pv_economic_benefits=_pv_of(lines, BenefitType.ECONOMIC),
        pv_social_benefits=_pv_of(lines, BenefitType.SOCIAL),
    )
