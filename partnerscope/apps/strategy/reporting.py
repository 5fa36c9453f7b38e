"""The area's sections of the health-check report: "outcomes" (outcome by outcome as on
each outcome's page, then the table across outcomes with the rank correlations and their
charts) and "strategy" (the review of the shared strategy).

Both are fit for the public version: the 7S figures are the published ones (groups below the
anonymity threshold are absent before they reach this area), the network figures are
measures over organisations, and no individual answer is read. Links to the site's pages
are left out of the public version.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.strategy.across import across_outcomes
from partnerscope.apps.strategy.charts import scatter_charts
from partnerscope.apps.strategy.joint_working import load
from partnerscope.apps.strategy.review import strategy_review


def outcomes_context(request: ReportRequest) -> dict[str, Any]:
    across = across_outcomes(request.partnership, load(request.partnership))
    return {
        "across": across,
        "charts": scatter_charts(across),
        "links": not request.public,
    }


def strategy_context(request: ReportRequest) -> dict[str, Any]:
    return {
        "review": strategy_review(request.partnership, request.today),
        "links": False,
    }


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="outcomes",
            title="Outcome by outcome",
            order=ORDER["outcomes"],
            template="strategy/report/outcomes.html",
            context=outcomes_context,
        ),
        ReportSection(
            key="strategy",
            title="Review of the shared strategy",
            order=ORDER["strategy"],
            template="strategy/report/strategy.html",
            context=strategy_context,
        ),
    ]
