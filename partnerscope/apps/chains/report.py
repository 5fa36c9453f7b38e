"""The delivery chains section of the health-check report: each chain's strength and its
weak links, with the rules that mark them.

Every figure comes from :func:`partnerscope.apps.chains.analysis.analyse`, which rates a chain
only from a workshop with at least the anonymity threshold of participants; the section shows
the chain's strength and the links the rules mark, never one participant's view.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.chains.analysis import analyse
from partnerscope.apps.chains.models import Chain
from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection


def context(report: ReportRequest) -> dict[str, Any]:
    chains = Chain.objects.in_partnership(report.partnership).select_related("partnership")
    analyses = [analyse(chain) for chain in chains.order_by("outcome_title", "pk")]
    return {"analyses": analyses}


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="chains",
            title="Delivery chains",
            order=ORDER["chains"],
            template="chains/report/section.html",
            context=context,
        )
    ]
