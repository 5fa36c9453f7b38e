"""The action plan's section of the health-check report: the plan by status, the overdue
and unowned actions, and the findings each action answers.

In the public version owner persons' names are left out (organisations are kept): local
people read what each partner organisation has taken on, not who in it.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.actions.choices import ActionStatus
from partnerscope.apps.actions.models import Action
from partnerscope.apps.actions.pages import findings_by_key
from partnerscope.apps.actions.selectors import action_counts
from partnerscope.apps.common.reporting import ORDER, ReportRequest, ReportSection


def owner_text(action: Action, public: bool) -> str:
    """The owner as the report prints it: without the person's name in the public version."""
    organisation = action.owner_organisation.name if action.owner_organisation else ""
    if public:
        return organisation or ("Named owner" if action.owner_person or action.owner_other else "")
    return action.owner_names


def actions_context(request: ReportRequest) -> dict[str, Any]:
    partnership, today = request.partnership, request.today
    register = findings_by_key(partnership)
    actions = list(
        Action.objects.in_partnership(partnership)
        .with_owners()
        .prefetch_related("findings")
        .in_due_order()
    )
    rows = [
        {
            "ref": action.ref,
            "title": action.title,
            "status": action.status,
            "status_label": action.get_status_display(),
            "owner": owner_text(action, request.public),
            "due": action.due,
            "overdue": action.is_overdue(today),
            "unowned": action.is_unowned,
            "chain": action.chain_ref,
            "findings": [
                {
                    "key": "/".join(link.key),
                    "finding": register.get(link.key),
                }
                for link in action.findings.all()
            ],
        }
        for action in actions
    ]
    return {
        "counts": action_counts(partnership, today),
        "groups": [
            (status.value, status.label, [row for row in rows if row["status"] == status])
            for status in ActionStatus
        ],
        "overdue": [row for row in rows if row["overdue"]],
        "unowned": [row for row in rows if row["unowned"]],
        "total": len(rows),
    }


def report_sections() -> list[ReportSection]:
    return [
        ReportSection(
            key="actions",
            title="Action plan",
            order=ORDER["actions"],
            template="actions/report_section.html",
            context=actions_context,
        )
    ]
