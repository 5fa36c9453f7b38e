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
from partnerscope.apps.replies.selectors import replies_for


def by_rule(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The findings grouped under their rules, rules in the order of area and id."""
    rules: dict[tuple[str, str], dict[str, Any]] = {}
    for finding in sorted(found, key=lambda f: (f["area"], f["rule"]["id"])):
        key = (finding["area"], finding["rule"]["id"])
        rules.setdefault(key, {**finding["rule"], "area": finding["area"], "findings": []})
        rules[key]["findings"].append(finding)
    return list(rules.values())


def key_of(finding: dict[str, Any]) -> tuple[str, str, str, str]:
    subject = finding["subject"]
    return finding["area"], finding["rule"]["id"], subject["kind"], subject["ref"]


def context(report: ReportRequest) -> dict[str, Any]:
    """Every finding under its rule, each with the replies of the partners it names beside it."""
    found = findings(report.partnership)
    replies = replies_for(report.partnership, "finding", [key_of(f) for f in found])
    for finding in found:
        finding["replies"] = replies.get(key_of(finding), [])
    return {
        "count": len(found),
        "rules": by_rule(found),
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
