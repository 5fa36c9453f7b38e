"""The appendix of the health-check report: every finding of the register traced to its rule
and its data (the rule's id, label and wording, the subject, the evidence figures and the page
that shows them), so every figure and finding in the report can be checked.

The evidence of a finding may hold one organisation's figures, so the appendix is left out of
the public version (``in_public_version=False``).
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.findings.selectors import findings, last_refresh


def context(report: ReportRequest) -> dict[str, Any]:
    found = findings(report.partnership)
    rules: dict[str, dict[str, str]] = {}
    for finding in sorted(found, key=lambda f: (f["area"], f["rule"]["id"])):
        rules.setdefault(finding["rule"]["id"], {**finding["rule"], "area": finding["area"]})
    return {
        "findings": found,
        "rules": list(rules.values()),
        "refresh": last_refresh(report.partnership),
    }


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="appendix",
            title="Appendix: every finding traced to its rule and data",
            order=ORDER["appendix"],
            template="findings/report/appendix.html",
            context=context,
            in_public_version=False,
        )
    ]
