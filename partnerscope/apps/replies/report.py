"""The replies' section of the health-check report: every reply beside the finding or flag
it answers, its position, text and dates, and the manager's response.

Replies are organisations' statements made to be shown, so the section is in the public
version too; there it leaves out the name of the person who wrote each reply and of the
manager who responded, and keeps the organisation's name.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection
from partnerscope.apps.findings import selectors as findings
from partnerscope.apps.replies.choices import TargetKind
from partnerscope.apps.replies.keys import finding_key
from partnerscope.apps.replies.models import Reply
from partnerscope.apps.replies.selectors import view_of, with_version_counts


def sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="replies",
            title="Partners' replies",
            order=ORDER["replies"],
            template="replies/report_section.html",
            context=context,
        )
    ]


def context(request: ReportRequest) -> dict[str, Any]:
    """Each reply grouped under its finding or flag, oldest finding first."""
    partnership = request.partnership
    rows = (
        Reply.objects.in_partnership(partnership)
        .select_related("organisation", "response")
        .order_by("target_kind", "target_key", "written_at", "pk")
    )
    rows = with_version_counts(rows)
    keys = [finding_key(row.target_key) for row in rows if row.target_kind == TargetKind.FINDING]
    found = findings.findings_by_keys(partnership, keys)
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        group = groups.setdefault(
            (row.target_kind, row.target_key),
            {"kind": row.target_kind, "label": row.target_label, "finding": None, "replies": []},
        )
        if row.target_kind == TargetKind.FINDING:
            group["finding"] = found.get(finding_key(row.target_key))
        group["replies"].append(view_of(row, partnership.slug))
    return {"targets": list(groups.values()), "public": request.public}
