"""The chain's action plan: the actions of the one action plan agreed for this chain (read
through the actions area's selectors), shown by status in due-date order, overdue ones
marked, with each action's link and question named in the chain's words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from partnerscope.apps.actions.selectors import ActionView, action_statuses, actions_for_chain
from partnerscope.apps.chains.choices import QUESTION_TITLES
from partnerscope.apps.chains.models import Chain


@dataclass(frozen=True)
class ChainActionRow:
    """One action of the chain's plan, its link's ends and question named."""

    action: ActionView
    link_names: tuple[str, str] | None
    question_title: str


@dataclass(frozen=True)
class ActionPlan:
    chain: Chain
    groups: list[tuple[str, str, list[ChainActionRow]]]
    total: int
    overdue: int


def question_title(question: str) -> str:
    """The question as "3. Enough capacity", or empty."""
    if question not in QUESTION_TITLES:
        return ""
    return f"{int(question[1:])}. {QUESTION_TITLES[question]}"


def action_plan(chain: Chain, today: Any) -> ActionPlan:
    """The chain's agreed actions by status, each in due-date order; overdue ones marked."""
    names = dict(chain.nodes.values_list("ref", "name"))
    rows = [
        ChainActionRow(
            action=action,
            link_names=(
                (
                    names.get(action.link[0], action.link[0]),
                    names.get(action.link[1], action.link[1]),
                )
                if action.link
                else None
            ),
            question_title=question_title(action.question),
        )
        for action in actions_for_chain(chain.partnership, chain.ref, today)
    ]
    groups = [
        (status, label, [row for row in rows if row.action.status == status])
        for status, label in action_statuses()
    ]
    return ActionPlan(
        chain=chain,
        groups=groups,
        total=len(rows),
        overdue=sum(row.action.overdue for row in rows),
    )


def new_action_url(chain: Chain, back: str) -> str:
    """The action plan's form for a new action of this chain, the chain filled in."""
    values = {"chain_ref": chain.ref, "back": back}
    return reverse("actions:action_create", args=[chain.partnership.slug]) + "?" + urlencode(values)
