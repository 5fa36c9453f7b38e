"""The costs section of the health-check report: each initiative's headline results and
the cost of the partnership itself by year. Nothing in it is an individual's answer, so it
goes in the public version too."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.costs.partnership_costs import partnership_cost_per_year
from partnerscope.apps.costs.results import initiative_summaries


def costs_context(request: ReportRequest) -> dict[str, Any]:
    partnership = request.partnership
    return {
        "summaries": initiative_summaries(partnership),
        "cost_per_year": sorted(partnership_cost_per_year(partnership).items()),
    }


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="costs",
            title="Costs and benefits of joint working",
            order=ORDER["costs"],
            template="costs/report_section.html",
            context=costs_context,
        )
    ]
