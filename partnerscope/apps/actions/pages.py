"""What the action plan's pages and panels show beyond the records: an action's findings
read from the register, its chain context named, its history; the form's prefill; and the
panel on a finding's page."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from partnerscope.apps.accounts.permissions import access_for
from partnerscope.apps.actions.forms import LINK_SEPARATOR
from partnerscope.apps.actions.models import Action
from partnerscope.apps.actions.selectors import actions_answering
from partnerscope.apps.actions.services import FindingKey, key_text, parse_key
from partnerscope.apps.chains import selectors as chains
from partnerscope.apps.common.extensions import Panel
from partnerscope.apps.findings import selectors as findings

PREFILLED = ("title", "chain_ref", "question", "workshop_ref")


def findings_by_key(partnership: Any) -> dict[FindingKey, dict[str, Any]]:
    """The register's findings (open and resolved) by key, the open one first if both."""
    found: dict[FindingKey, dict[str, Any]] = {}
    for row in findings.findings(partnership):
        key = (row["area"], row["rule"]["id"], row["subject"]["kind"], row["subject"]["ref"])
        if key not in found or row["status"] == "open":
            found[key] = row
    return found


def answered_findings(action: Action) -> list[dict[str, Any]]:
    """The findings the action answers, each with the register's row when it has one."""
    keys = [link.key for link in action.findings.all()]
    if not keys:
        return []
    register = findings_by_key(action.partnership)
    return [{"key": key, "text": key_text(key), "finding": register.get(key)} for key in keys]


def chain_context(action: Action) -> dict[str, Any] | None:
    if not action.chain_ref:
        return None
    chain = chains.chain_page(action.partnership, action.chain_ref)
    nodes = chain["nodes"] if chain else {}
    questions = dict(chains.question_choices())
    link = action.link
    return {
        "chain": chain,
        "chain_ref": action.chain_ref,
        "link": (nodes.get(link[0], link[0]), nodes.get(link[1], link[1])) if link else None,
        "question": questions.get(action.question, action.question),
        "workshop": (chain["workshops"].get(action.workshop_ref) if chain else None)
        or action.workshop_ref,
    }


def history(action: Action) -> list[dict[str, Any]]:
    """The action's versions, newest first, with what changed in each."""
    versions = list(action.history.all().select_related("history_user"))
    rows = []
    for index, version in enumerate(versions):
        older = versions[index + 1] if index + 1 < len(versions) else None
        changed = [change.field for change in version.diff_against(older).changes] if older else []
        rows.append(
            {
                "date": version.history_date,
                "by": version.history_user.get_username() if version.history_user else "",
                "kind": version.get_history_type_display(),
                "changed": ", ".join(
                    str(Action._meta.get_field(name).verbose_name) for name in changed
                ),
            }
        )
    return rows


def action_details(action: Action, today: dt.date) -> dict[str, Any]:
    return {
        "action": action,
        "overdue": action.is_overdue(today),
        "findings": answered_findings(action),
        "chain": chain_context(action),
        "notes": list(action.notes.all()),
        "history": history(action),
    }


def prefill(query: QueryDict) -> dict[str, Any]:
    """The new-action form's first values from the address: a finding's key, a chain, its
    link, question and workshop (what a finding's or a chain's page links with)."""
    initial: dict[str, Any] = {name: query[name] for name in PREFILLED if query.get(name)}
    keys = [key_text(key) for key in map(parse_key, query.getlist("finding")) if key]
    if keys:
        initial["finding_keys"] = "\n".join(keys)
    if query.get("link") and LINK_SEPARATOR in query["link"]:
        initial["link"] = query["link"]
    return initial


def new_action_url(slug: str, back: str = "", **values: str) -> str:
    """The new-action form's address with these values filled in."""
    query = {name: value for name, value in values.items() if value}
    if back:
        query["back"] = back
    suffix = f"?{urlencode(query)}" if query else ""
    return reverse("actions:action_create", args=[slug]) + suffix


def finding_panel(request: Any, partnership: Any, key: FindingKey) -> Panel | None:
    """On a finding's page: the actions answering it and, for managers, a link to agree one."""
    answering = actions_answering(partnership, [key], timezone.localdate()).get(tuple(key), [])
    can_edit = access_for(request.user, partnership.slug).can_edit
    return Panel(
        "actions/includes/_finding_panel.html",
        {
            "actions": answering,
            "can_edit": can_edit,
            "new_url": new_action_url(
                partnership.slug, back=request.get_full_path(), finding=key_text(key)
            ),
            "plan_url": reverse("actions:plan", args=[partnership.slug]),
        },
    )
