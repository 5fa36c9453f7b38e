"""The scrutiny area's section of the health-check report: the reviews, each
recommendation's partner, due date and state, and the response's decision.

Fit for the public version: it names committees, organisations and bodies, never a person
(not the officers who wrote responses, nor the scrutineers who made recommendations; the
committees' members are public office-holders, named on the overview page, but the report
does not need them).
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.scrutiny import services
from partnerscope.apps.scrutiny.models import Review


def context(request: ReportRequest) -> dict[str, Any]:
    rows = services.tracker(request.partnership, request.today)
    reviews = Review.objects.filter(committee__partnership=request.partnership).select_related(
        "committee"
    )
    return {
        "reviews": [
            {
                "review": review,
                "rows": [row for row in rows if row.review_key == services.review_key(review)],
            }
            for review in reviews
        ],
        "overdue": sum(1 for row in rows if row.status == "overdue"),
    }


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="scrutiny",
            title="Overview and scrutiny",
            order=ORDER["scrutiny"],
            template="scrutiny/report/section.html",
            context=context,
        )
    ]
