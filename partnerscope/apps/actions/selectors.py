"""What other apps may read of the action plan area, as plain data only.

The flags area asks which findings are known and being tackled
(:func:`finding_keys_being_tackled`); a finding's page, the chains' pages and the report
list the actions that answer a finding or belong to a chain; the audit app's personal-data
requests read the actions a person owns. A finding key is ``(area, rule id, subject kind,
subject ref)``, as in :mod:`partnerscope.core.findings`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.urls import reverse

from partnerscope.apps.actions.choices import ActionStatus
from partnerscope.apps.actions.models import Action, ActionFinding

__all__ = [
    "ActionView",
    "action_counts",
    "action_statuses",
    "actions_answering",
    "actions_for_chain",
    "actions_owned_by",
    "finding_keys_being_tackled",
    "open_action_counts_by_chain",
]

FindingKey = tuple[str, str, str, str]


@dataclass(frozen=True)
class ActionView:
    """One action as other areas show it."""

    ref: str
    title: str
    owner_names: str
    due: dt.date | None
    status: str
    status_label: str
    overdue: bool
    url: str
    question: str = ""
    link: tuple[str, str] | None = None
    workshop_ref: str = ""


def as_view(action: Action, slug: str, today: dt.date) -> ActionView:
    return ActionView(
        ref=action.ref,
        title=action.title,
        owner_names=action.owner_names,
        due=action.due,
        status=action.status,
        status_label=action.get_status_display(),
        overdue=action.is_overdue(today),
        url=reverse("actions:action", args=[slug, action.ref]),
        question=action.question,
        link=action.link,
        workshop_ref=action.workshop_ref,
    )


def finding_keys_being_tackled(partnership: Any, today: dt.date) -> set[FindingKey]:
    """The keys of findings with at least one open action that is on time (not done, not
    dropped, and no due date passed): the issue is known and being tackled."""
    rows = ActionFinding.objects.filter(
        action__in=Action.objects.in_partnership(partnership).on_time(today)
    ).values_list("area", "rule_id", "subject_kind", "subject_ref")
    return {tuple(row) for row in rows}  # type: ignore[misc]


def actions_answering(
    partnership: Any, keys: Iterable[FindingKey], today: dt.date | None = None
) -> dict[FindingKey, list[ActionView]]:
    """For each of these finding keys that some action answers, those actions in due order."""
    wanted = {tuple(key) for key in keys}
    if not wanted:
        return {}
    today = today or dt.date.today()
    areas = {key[0] for key in wanted}
    links = (
        ActionFinding.objects.filter(action__partnership=partnership, area__in=areas)
        .select_related("action__owner_person", "action__owner_organisation")
        .order_by("action__due", "action__ref")
    )
    found: dict[FindingKey, list[ActionView]] = defaultdict(list)
    for link in links:
        if link.key in wanted:
            found[link.key].append(as_view(link.action, partnership.slug, today))
    return dict(found)


def actions_for_chain(
    partnership: Any, chain_ref: str, today: dt.date | None = None
) -> list[ActionView]:
    """The actions agreed for one delivery chain, in due-date order (undated last)."""
    today = today or dt.date.today()
    actions = (
        Action.objects.in_partnership(partnership).for_chain(chain_ref).with_owners().in_due_order()
    )
    return [as_view(action, partnership.slug, today) for action in actions]


def action_counts(partnership: Any, today: dt.date) -> dict[str, int]:
    """How many actions are open, overdue, unowned (open with no owner) and done."""
    actions = Action.objects.in_partnership(partnership)
    return {
        "open": actions.open().count(),
        "overdue": actions.overdue(today).count(),
        "unowned": actions.unowned().count(),
        "done": actions.filter(status="done").count(),
    }


def actions_owned_by(people: Any) -> list[dict[str, Any]]:
    """The actions these people own, for a personal-data request."""
    actions = Action.objects.filter(owner_person__in=people).select_related("partnership")
    return [
        {
            "partnership": action.partnership.name,
            "chain": action.chain_ref,
            "ref": action.ref,
            "action": action.title,
            "description": action.description,
            "due": action.due,
            "status": action.status,
        }
        for action in actions
    ]


def open_action_counts_by_chain(partnership: Any) -> dict[str, int]:
    """How many open actions each delivery chain has, by chain ref (chains with none left out)."""
    rows = (
        Action.objects.in_partnership(partnership)
        .open()
        .exclude(chain_ref="")
        .values("chain_ref")
        .annotate(count=Count("pk"))
    )
    return {row["chain_ref"]: row["count"] for row in rows}


def action_statuses() -> list[tuple[str, str]]:
    """The statuses of an action as ``(value, label)``, in the plan's order."""
    return list(ActionStatus.choices)
