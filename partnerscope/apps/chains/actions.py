"""The chain's action plan: the actions agreed in its workshops, saved with a short ``ref``
and shown by status in due-date order, overdue ones marked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from partnerscope.apps.chains.choices import ActionStatus
from partnerscope.apps.chains.models import Chain, ChainAction


def save_action(chain: Chain, form: Any) -> ChainAction:
    action: ChainAction = form.save(commit=False)
    action.chain = chain
    if not action.ref:
        number = chain.actions.count() + 1
        while chain.actions.filter(ref=f"a{number:02d}").exists():
            number += 1
        action.ref = f"a{number:02d}"
    action.save()
    return action


def delete_action(chain: Chain, action: ChainAction) -> None:
    action.delete()


@dataclass(frozen=True)
class ActionPlan:
    chain: Chain
    groups: list[tuple[str, str, list[ChainAction]]]
    total: int
    overdue: set[int]


def action_plan(chain: Chain, today: Any) -> ActionPlan:
    """The chain's agreed actions by status, each in due-date order; overdue ones marked."""
    actions = list(
        chain.actions.select_related(
            "owner_person", "link__source", "link__target", "workshop"
        ).order_by(models.F("due").asc(nulls_last=True), "pk")
    )
    groups = [
        (status.value, status.label, [a for a in actions if a.status == status])
        for status in ActionStatus
    ]
    overdue = {a.pk for a in actions if a.due and a.due < today and a.status != ActionStatus.DONE}
    return ActionPlan(chain=chain, groups=groups, total=len(actions), overdue=overdue)
