"""Use cases of the action plan: save an action with the findings it answers, add a progress
note, delete, and build the plan (filtered, counted, overdue and unowned marked).

Views, the command line and the data-package import call these; nothing else writes actions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from partnerscope.apps.actions.choices import ActionStatus
from partnerscope.apps.actions.models import Action, ActionFinding, ActionNote
from partnerscope.apps.actions.selectors import action_counts

FindingKey = tuple[str, str, str, str]


def key_text(key: FindingKey) -> str:
    """A finding key as one line of text: ``area/rule/kind/ref`` (its form field's value)."""
    return "/".join(key)


def parse_key(text: str) -> FindingKey | None:
    """The key written as ``area/rule/kind/ref``, or None when it is not four parts."""
    parts = [part.strip() for part in text.strip().split("/", 3)]
    if len(parts) != 4 or not all(parts):
        return None
    return (parts[0], parts[1], parts[2], parts[3])


def next_ref(partnership: Any) -> str:
    """A new ref for an action of the partnership: ``a01``, ``a02``, … the first unused
    from the number of actions on."""
    taken = set(Action.objects.in_partnership(partnership).values_list("ref", flat=True))
    number = len(taken) + 1
    while f"a{number:02d}" in taken:
        number += 1
    return f"a{number:02d}"


@transaction.atomic
def save_action(
    partnership: Any, action: Action, finding_keys: Iterable[FindingKey] | None = None
) -> Action:
    """Save the action (a new ref when it has none) and, when given, the findings it answers."""
    action.partnership = partnership
    if not action.ref:
        action.ref = next_ref(partnership)
    action.save()
    if finding_keys is not None:
        set_findings(action, finding_keys)
    return action


def set_findings(action: Action, keys: Iterable[FindingKey]) -> None:
    wanted = {tuple(key) for key in keys}
    current = {link.key: link for link in action.findings.all()}
    for key, link in current.items():
        if key not in wanted:
            link.delete()
    ActionFinding.objects.bulk_create(
        ActionFinding(
            action=action, area=key[0], rule_id=key[1], subject_kind=key[2], subject_ref=key[3]
        )
        for key in sorted(wanted - set(current))
    )


def add_note(action: Action, text: str, author: str, date: dt.date | None = None) -> ActionNote:
    return ActionNote.objects.create(
        action=action, text=text, author=author, date=date or dt.date.today()
    )


def delete_action(action: Action) -> None:
    action.delete()


@dataclass(frozen=True)
class Plan:
    """The plan as one page shows it: the chosen actions in groups by status, and counts."""

    actions: list[Action]
    groups: list[tuple[str, str, list[Action]]]
    counts: dict[str, int]
    overdue: set[int]
    unowned: set[int]
    today: dt.date


def filtered_actions(partnership: Any, filters: dict[str, Any], today: dt.date) -> Any:
    """The partnership's actions matching the plan's filters (status, owner organisation,
    overdue, unowned, the area of a finding they answer)."""
    actions = Action.objects.in_partnership(partnership)
    if filters.get("status"):
        actions = actions.filter(status=filters["status"])
    if filters.get("organisation"):
        actions = actions.filter(owner_organisation=filters["organisation"])
    if filters.get("overdue"):
        actions = actions.overdue(today)
    if filters.get("unowned"):
        actions = actions.unowned()
    if filters.get("area"):
        area = filters["area"]
        actions = (
            actions.filter(chain_ref__gt="") | actions.filter(findings__area=area)
            if area == "chains"
            else actions.filter(findings__area=area)
        )
    return actions.distinct().with_owners().prefetch_related("findings").in_due_order()


def plan(partnership: Any, filters: dict[str, Any], today: dt.date) -> Plan:
    actions = list(filtered_actions(partnership, filters, today))
    groups = [
        (status.value, status.label, [a for a in actions if a.status == status])
        for status in ActionStatus
    ]
    return Plan(
        actions=actions,
        groups=groups,
        counts={**action_counts(partnership, today), "shown": len(actions)},
        overdue={a.pk for a in actions if a.is_overdue(today)},
        unowned={a.pk for a in actions if a.is_unowned},
        today=today,
    )


def finding_areas(partnership: Any) -> list[str]:
    """The areas of the findings the partnership's actions answer, for the plan's filter."""
    areas = set(
        ActionFinding.objects.filter(action__partnership=partnership).values_list("area", flat=True)
    )
    if Action.objects.in_partnership(partnership).exclude(chain_ref="").exists():
        areas.add("chains")
    return sorted(areas)
