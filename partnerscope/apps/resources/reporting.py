"""The resources area's section of the health-check report: resources by outcome, unfunded
priorities, money beside performance and the pooled funds' checks."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.resources.alignment import build_alignment
from partnerscope.apps.resources.alignment_chart import alignment_chart
from partnerscope.apps.resources.pools import checked_funds


def resources_context(request: ReportRequest) -> dict[str, Any]:
    view = build_alignment(request.partnership)
    return {
        "view": view,
        "chart": alignment_chart(view),
        "checks": view.checks,
        "funds": checked_funds(request.partnership),
    }


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="resources",
            title="Resources for the shared outcomes",
            order=ORDER["resources"],
            template="resources/report_section.html",
            context=resources_context,
        )
    ]
