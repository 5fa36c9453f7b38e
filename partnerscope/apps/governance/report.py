"""The health-check report's section on governance: the three layers (each body with the
body it reports to, its meetings a year against Table 8, its agenda drift and its chair's
sector and Table 3 kind), the council's shares, and the governance findings.

It is fit for the public version: it names bodies and organisations, never a person (a
chair appears by sector and kind only), and each finding by its rule, message and period.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.governance.findings import located
from partnerscope.apps.governance.inputs import analysis_of
from partnerscope.apps.governance.pages import body_tree, tree_order
from partnerscope.core.layers import TABLE_8, body_figures
from partnerscope.core.layers.rules.leadership import SHARES


def section_context(request: ReportRequest) -> dict[str, Any]:
    partnership = request.partnership
    result = analysis_of(partnership)
    facts = result.facts
    found = located(partnership, result)
    counts: dict[str, int] = {}
    for finding in found:
        counts[finding.subject.ref] = counts.get(finding.subject.ref, 0) + 1
    bodies = [
        {
            "figures": body_figures(facts, body.ref),
            "parent": facts.bodies[body.parent].name if body.parent in facts.bodies else "",
            "table_8": TABLE_8[body.layer],
            "findings": counts.get(body.ref, 0),
        }
        for body in tree_order(body_tree(result, counts))
    ]
    return {
        "bodies": bodies,
        "years": [facts.year_label(year) for year in facts.years],
        "shares": [
            {
                "year": facts.year_label(row.year),
                "shares": [row.share(name) for name in SHARES],
            }
            for row in facts.council_shares
        ],
        "findings": found,
        "public": request.public,
    }


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="governance",
            title="Governance layers",
            order=ORDER["governance"],
            template="governance/report_section.html",
            context=section_context,
        )
    ]
