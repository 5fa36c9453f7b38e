"""Cost–benefit analysis of joint initiatives, and who pays and who benefits.

The method is that of HM Treasury, PSTN and New Economy (2014) for local partnerships:
costs by agency, kind and year; outcomes with engagement, impact, deadweight, lag and
drop-off; fiscal, economic and social benefits; a financial case and an economic case,
discounted as the Green Book says. Start with :func:`parse_appraisal` and :func:`appraise`.
"""

from __future__ import annotations

from partnerscope.core.costs.agencies import (
    AgencyPosition,
    ContributionShare,
    WrongPocket,
    by_agency,
    combine_positions,
    contribution_split,
    wrong_pockets,
)
from partnerscope.core.costs.assumptions import (
    COSTS,
    DEFAULT_SPREAD,
    OUTCOME_ASSUMPTIONS,
    Assumption,
    SensitivitySettings,
    apply_assumption,
    assumptions,
    parse_sensitivity,
)
from partnerscope.core.costs.cases import (
    EconomicCase,
    FinancialCase,
    economic_case,
    financial_case,
    payback_year,
)
from partnerscope.core.costs.cba import CbaResult, appraise
from partnerscope.core.costs.discount import (
    discount_factor,
    discount_factors,
    health_discount_factors,
)
from partnerscope.core.costs.flows import (
    BenefitLine,
    YearFlow,
    benefit_flow,
    benefit_lines,
    cost_flow,
    successes,
    year_flows,
)
from partnerscope.core.costs.model import (
    GREEN_BOOK_LONG_FROM_YEAR,
    GREEN_BOOK_LONG_RATE,
    GREEN_BOOK_RATE,
    HEALTH_RATE,
    MAX_YEARS,
    Appraisal,
    Benefit,
    BenefitType,
    Cost,
    CostKind,
    DiscountSettings,
    Outcome,
)
from partnerscope.core.costs.optimism import OptimismBiasTable, optimism_bias_table
from partnerscope.core.costs.parse import ModelErrors, parse_appraisal
from partnerscope.core.costs.report import cba_report
from partnerscope.core.costs.sensitivity import (
    BreakEven,
    MonteCarlo,
    OneWay,
    PresentValues,
    Sensitivity,
    break_even,
    draw_rows,
    evaluate,
    monte_carlo,
    one_way,
    sensitivity,
)
from partnerscope.core.costs.unit_costs import (
    DeflatorSeries,
    UnitCost,
    UnitCostErrors,
    deflator_series,
    parse_price_year,
    parse_unit_costs,
    uprate,
    uprate_unit_costs,
)

__all__ = [
    "COSTS",
    "DEFAULT_SPREAD",
    "GREEN_BOOK_LONG_FROM_YEAR",
    "GREEN_BOOK_LONG_RATE",
    "GREEN_BOOK_RATE",
    "HEALTH_RATE",
    "MAX_YEARS",
    "OUTCOME_ASSUMPTIONS",
    "AgencyPosition",
    "Appraisal",
    "Assumption",
    "Benefit",
    "BenefitLine",
    "BenefitType",
    "BreakEven",
    "CbaResult",
    "ContributionShare",
    "Cost",
    "CostKind",
    "DeflatorSeries",
    "DiscountSettings",
    "EconomicCase",
    "FinancialCase",
    "ModelErrors",
    "MonteCarlo",
    "OneWay",
    "OptimismBiasTable",
    "Outcome",
    "PresentValues",
    "Sensitivity",
    "SensitivitySettings",
    "UnitCost",
    "UnitCostErrors",
    "WrongPocket",
    "YearFlow",
    "apply_assumption",
    "appraise",
    "assumptions",
    "benefit_flow",
    "benefit_lines",
    "break_even",
    "by_agency",
    "cba_report",
    "combine_positions",
    "contribution_split",
    "cost_flow",
    "deflator_series",
    "discount_factor",
    "discount_factors",
    "draw_rows",
    "economic_case",
    "evaluate",
    "financial_case",
    "health_discount_factors",
    "monte_carlo",
    "one_way",
    "optimism_bias_table",
    "parse_appraisal",
    "parse_price_year",
    "parse_sensitivity",
    "parse_unit_costs",
    "payback_year",
    "sensitivity",
    "successes",
    "uprate",
    "uprate_unit_costs",
    "wrong_pockets",
    "year_flows",
]
