"""Actions of the kite partnership for the action plan's tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerscope.apps.actions.models import Action
from partnerscope.apps.actions.services import save_action

TODAY = dt.date(2026, 6, 1)
WEAK_STEERING = ("sevens", "weak_element", "element", "steering")
ISOLATED_POLICE = ("network", "isolated_partner", "organisation", "kite-police")


def action(
    partnership: Any, findings: list[tuple[str, str, str, str]] | None = None, **fields: Any
) -> Action:
    fields.setdefault("title", "Agree a shared steering group")
    return save_action(partnership, Action(**fields), findings or [])
