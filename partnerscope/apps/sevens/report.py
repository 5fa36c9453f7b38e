"""The 7S section of the health-check report: the published results of the latest closed
wave, element by element, with exactly the withholding of the 7S results page.

Every figure comes from :func:`partnerscope.apps.sevens.results.results_overview`, which reads
only the core's JSON form of the result, in which withheld groups are absent: the report, its
public version included, can show nothing the results page does not.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.sevens.models import Wave
from partnerscope.apps.sevens.results import results_overview
from partnerscope.core.sevens import WEAK_ELEMENT


def latest_closed_wave(partnership: Any, today: Any) -> Wave | None:
    """The partnership's 7S wave that closed last before ``today``, or None."""
    return (
        Wave.objects.filter(partnership=partnership, closes__lt=today)
        .select_related("previous", "partnership")
        .order_by("-closes", "-pk")
        .first()
    )


def context(report: ReportRequest) -> dict[str, Any]:
    wave = latest_closed_wave(report.partnership, report.today)
    if wave is None:
        return {"wave": None}
    return {
        "wave": wave,
        "overview": results_overview(wave),
        "weak_rule_id": WEAK_ELEMENT.name,
    }


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="sevens",
            title="The 7S self-assessment",
            order=ORDER["sevens"],
            template="sevens/report/section.html",
            context=context,
        )
    ]
