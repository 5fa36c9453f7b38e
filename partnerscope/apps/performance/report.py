"""The performance section of the health-check report: how many indicators are red, amber
and green in the partnership's headline area, and the exceptions (the statuses that need the
board's attention) with the reasons and the rules behind them.

Statuses are the stored snapshots the dashboard and the exception report read, so the report
agrees with those pages; nothing is computed or stored here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.performance.dashboard import RAG_ORDER
from partnerscope.apps.performance.exception_report import REASONS
from partnerscope.apps.performance.models import Area, IndicatorStatusSnapshot
from partnerscope.apps.performance.querysets import EXCEPTION_CONDITIONS


def _exception_rows(area: Area) -> list[dict[str, Any]]:
    flags = {
        reason.flag: ExpressionWrapper(
            EXCEPTION_CONDITIONS[reason.key], output_field=BooleanField()
        )
        for reason in REASONS
    }
    snapshots = (
        IndicatorStatusSnapshot.objects.filter(area=area)
        .exceptions()
        .annotate(**flags)
        .select_related("indicator")
        .in_report_order()
    )
    return [
        {
            "snapshot": snapshot,
            "reasons": [reason.label for reason in REASONS if getattr(snapshot, reason.flag)],
        }
        for snapshot in snapshots
    ]


def context(report: ReportRequest) -> dict[str, Any]:
    area = Area.objects.in_partnership(report.partnership).first()
    if area is None:
        return {"area": None}
    ratings = Counter(
        IndicatorStatusSnapshot.objects.filter(
            area=area, indicator__partnership=report.partnership
        ).values_list("rag", flat=True)
    )
    counts = [(label, ratings.get(key, 0), key or "none") for key, label in RAG_ORDER]
    rows = _exception_rows(area)
    tallies = Counter(reason for row in rows for reason in row["reasons"])
    return {
        "area": area,
        "counts": counts,
        "total": sum(ratings.values()),
        "rows": rows,
        "reasons": [(reason, tallies.get(reason.label, 0)) for reason in REASONS],
    }


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="performance",
            title="Performance of the shared outcomes",
            order=ORDER["performance"],
            template="performance/report/section.html",
            context=context,
        )
    ]
