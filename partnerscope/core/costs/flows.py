"""Successes, benefit flows and the year-by-year cash flows of an appraisal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partnerscope.core.costs.discount import discount_factors, health_discount_factors
from partnerscope.core.costs.model import Appraisal, Benefit, BenefitType, Outcome

__all__ = [
    "BenefitLine",
    "YearFlow",
    "benefit_flow",
    "benefit_lines",
    "cost_flow",
    "successes",
    "year_flows",
]


def successes(outcome: Outcome, years: int) -> tuple[float, ...]:
    """Successes in each year: ``cohort × engagement × impact × (1 − deadweight) ×
    (1 − drop_off)^(t − lag)`` from the lag on, none before it.

    Examples
    --------
    >>> from partnerscope.core.costs.model import Outcome
    >>> o = Outcome("into work", cohort=100, engagement=0.5, impact=0.4, deadweight=0.25,
    ...             lag=1, drop_off=0.1, optimism_bias=0.2)
    >>> [round(s, 6) for s in successes(o, 4)]
    [0.0, 15.0, 13.5, 12.15]
    """
    first = outcome.cohort * outcome.engagement * outcome.impact * (1.0 - outcome.deadweight)
    keep = 1.0 - outcome.drop_off
    return tuple(
        0.0 if t < outcome.lag else first * keep ** (t - outcome.lag) for t in range(years)
    )


def benefit_flow(outcome: Outcome, benefit: Benefit, years: int) -> tuple[float, ...]:
    """One benefit line in each year: successes × value × (1 − optimism bias)."""
    scale = benefit.value * (1.0 - outcome.optimism_bias)
    return tuple(count * scale for count in successes(outcome, years))


@dataclass(frozen=True, slots=True)
class BenefitLine:
    """One benefit of one outcome, with its flow and discounted flow by year."""

    outcome: int
    benefit: Benefit
    flow: tuple[float, ...]
    discounted: tuple[float, ...]

    @property
    def present_value(self) -> float:
        """The sum of the discounted flow."""
        return sum(self.discounted)


def benefit_lines(appraisal: Appraisal) -> tuple[BenefitLine, ...]:
    """Every benefit line, discounted at the standard or (if marked) the health rate."""
    standard = discount_factors(appraisal.years, appraisal.discount)
    health = health_discount_factors(appraisal.years, appraisal.discount)
    lines = []
    for index, outcome in enumerate(appraisal.outcomes):
        for benefit in outcome.benefits:
            flow = benefit_flow(outcome, benefit, appraisal.years)
            factors = health if benefit.health else standard
            discounted = tuple(f * v for f, v in zip(factors, flow, strict=True))
            lines.append(BenefitLine(index, benefit, flow, discounted))
    return tuple(lines)


def cost_flow(appraisal: Appraisal, agency: str | None = None) -> tuple[float, ...]:
    """Costs in each year, of every agency or of one."""
    flow = [0.0] * appraisal.years
    for cost in appraisal.costs:
        if agency is None or cost.agency == agency:
            flow[cost.year] += cost.amount
    return tuple(flow)


@dataclass(frozen=True, slots=True)
class YearFlow:
    """One appraisal year's flows, undiscounted and discounted, with running totals."""

    year: int
    calendar_year: int
    discount_factor: float
    costs: float
    fiscal_benefits: float
    cashable: float
    economic_benefits: float
    social_benefits: float
    discounted_costs: float
    discounted_fiscal_benefits: float
    discounted_benefits: float
    cumulative_discounted_costs: float
    cumulative_discounted_fiscal_benefits: float
    cumulative_discounted_benefits: float

    @property
    def benefits(self) -> float:
        """Fiscal, economic and social benefits of the year, undiscounted."""
        return self.fiscal_benefits + self.economic_benefits + self.social_benefits

    @property
    def cumulative_discounted_net(self) -> float:
        """Cumulative discounted benefits of every type less cumulative discounted costs."""
        return self.cumulative_discounted_benefits - self.cumulative_discounted_costs

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the fields above, ``benefits``, ``net`` and ``cumulative_discounted_net``."""
        return {
            "year": self.year,
            "calendar_year": self.calendar_year,
            "discount_factor": self.discount_factor,
            "costs": self.costs,
            "fiscal_benefits": self.fiscal_benefits,
            "cashable": self.cashable,
            "economic_benefits": self.economic_benefits,
            "social_benefits": self.social_benefits,
            "benefits": self.benefits,
            "net": self.benefits - self.costs,
            "discounted_costs": self.discounted_costs,
            "discounted_fiscal_benefits": self.discounted_fiscal_benefits,
            "discounted_benefits": self.discounted_benefits,
            "cumulative_discounted_costs": self.cumulative_discounted_costs,
            "cumulative_discounted_fiscal_benefits": self.cumulative_discounted_fiscal_benefits,
            "cumulative_discounted_benefits": self.cumulative_discounted_benefits,
            "cumulative_discounted_net": self.cumulative_discounted_net,
        }


def year_flows(appraisal: Appraisal, lines: tuple[BenefitLine, ...]) -> tuple[YearFlow, ...]:
    """The flows of every year, from the costs and the benefit lines."""
    factors = discount_factors(appraisal.years, appraisal.discount)
    costs = cost_flow(appraisal)
    flows = []
    running_costs = running_fiscal = running_all = 0.0
    for t in range(appraisal.years):
        by_type = dict.fromkeys(BenefitType, 0.0)
        cashable = discounted_fiscal = discounted_all = 0.0
        for line in lines:
            by_type[line.benefit.type] += line.flow[t]
            discounted_all += line.discounted[t]
            if line.benefit.type is BenefitType.FISCAL:
                cashable += line.flow[t] * line.benefit.cashable
                discounted_fiscal += line.discounted[t]
        discounted_costs = factors[t] * costs[t]
        running_costs += discounted_costs
        running_fiscal += discounted_fiscal
        running_all += discounted_all
        flows.append(
            YearFlow(
                year=t,
                calendar_year=appraisal.base_year + t,
                discount_factor=factors[t],
                costs=costs[t],
                fiscal_benefits=by_type[BenefitType.FISCAL],
                cashable=cashable,
                economic_benefits=by_type[BenefitType.ECONOMIC],
                social_benefits=by_type[BenefitType.SOCIAL],
                discounted_costs=discounted_costs,
                discounted_fiscal_benefits=discounted_fiscal,
                discounted_benefits=discounted_all,
                cumulative_discounted_costs=running_costs,
                cumulative_discounted_fiscal_benefits=running_fiscal,
                cumulative_discounted_benefits=running_all,
            )
        )
    return tuple(flows)
