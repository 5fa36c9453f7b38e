"""The health-check report's section on learning from others: the comparison (when this
partnership shares and enough others do), the two-tier view for a county, and the practice
entries linked to the partnership's open findings.

It is fit for the public version: peers stay unnamed unless they agreed to be named, the
two-tier view shows only partnerships that share (no reader's roles count in a report),
and every figure is one the areas publish (7S scores only above the anonymity threshold).
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.findings import selectors as findings
from partnerscope.apps.learning import comparison, library, two_tier


def section_context(request: ReportRequest) -> dict[str, Any]:
    partnership = request.partnership
    open_rules = {row["rule"]["id"] for row in findings.open_findings(partnership)}
    county = two_tier.county_of(partnership)
    return {
        "comparison": comparison.comparison_page(partnership),
        "two_tier": two_tier.two_tier_page(partnership)
        if county is not None and county.pk == partnership.pk
        else None,
        "practice": library.entries_for_rules(partnership, open_rules),
        "slug": partnership.slug,
        "public": request.public,
    }


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="learning",
            title="Learning from others",
            order=ORDER["learning"],
            template="learning/report_section.html",
            context=section_context,
        )
    ]
