"""One call that appraises an initiative: the flows, both cases and who pays and benefits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partnerscope.core.costs.agencies import (
    AgencyPosition,
    ContributionShare,
    WrongPocket,
    by_agency,
    contribution_split,
    wrong_pockets,
)
from partnerscope.core.costs.cases import (
    EconomicCase,
    FinancialCase,
    economic_case,
    financial_case,
)
from partnerscope.core.costs.flows import YearFlow, benefit_lines, year_flows
from partnerscope.core.costs.model import Appraisal

__all__ = ["CbaResult", "appraise"]


@dataclass(frozen=True, slots=True)
class CbaResult:
    """The appraisal of one initiative."""

    appraisal: Appraisal
    financial_case: FinancialCase
    economic_case: EconomicCase
    by_agency: tuple[AgencyPosition, ...]
    wrong_pockets: tuple[WrongPocket, ...]
    contribution_split: tuple[ContributionShare, ...]
    years: tuple[YearFlow, ...]

    def to_dict(self) -> dict[str, Any]:
        """``name``, ``base_year``, ``discount``, ``financial_case``, ``economic_case``,
        ``by_agency``, ``wrong_pocket``, ``contribution_split`` and ``years``."""
        discount = self.appraisal.discount
        return {
            "name": self.appraisal.name,
            "base_year": self.appraisal.base_year,
            "discount": {
                "rate": discount.rate,
                "long_rate": discount.long_rate,
                "long_from_year": discount.long_from_year,
                "health_rate": discount.health_rate,
                "health_long_rate": discount.health_long_rate,
            },
            "financial_case": self.financial_case.to_dict(),
            "economic_case": self.economic_case.to_dict(),
            "by_agency": [position.to_dict() for position in self.by_agency],
            "wrong_pocket": [case.to_dict() for case in self.wrong_pockets],
            "contribution_split": [share.to_dict() for share in self.contribution_split],
            "years": [flow.to_dict() for flow in self.years],
        }


def appraise(appraisal: Appraisal) -> CbaResult:
    """Appraise ``appraisal``: year flows, financial and economic cases, agencies.

    Examples
    --------
    >>> from partnerscope.core.costs.model import (
    ...     Appraisal, Benefit, BenefitType, Cost, CostKind, DiscountSettings, Outcome)
    >>> model = Appraisal(
    ...     "pilot", base_year=2025, years=2, discount=DiscountSettings.flat(0.0),
    ...     costs=(Cost("council", CostKind.REVENUE, 0, 100.0),),
    ...     outcomes=(Outcome("fewer admissions", cohort=10, engagement=1, impact=1,
    ...                       deadweight=0, lag=1, drop_off=0, optimism_bias=0,
    ...                       benefits=(Benefit(BenefitType.FISCAL, "nhs", 15.0),)),))
    >>> result = appraise(model)
    >>> result.financial_case.net_present_budget_impact, result.financial_case.payback_year
    (50.0, 1)
    >>> [(case.payer, case.beneficiary) for case in result.wrong_pockets]
    [('council', 'nhs')]
    """
    lines = benefit_lines(appraisal)
    flows = year_flows(appraisal, lines)
    positions = by_agency(appraisal, lines)
    return CbaResult(
        appraisal=appraisal,
        financial_case=financial_case(flows, lines),
        economic_case=economic_case(flows, lines),
        by_agency=positions,
        wrong_pockets=wrong_pockets(positions),
        contribution_split=contribution_split(positions),
        years=flows,
    )
