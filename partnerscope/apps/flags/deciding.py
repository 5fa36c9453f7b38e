"""A manager's decision about a flag: confirm, change its colour, or reject, with a reason.

Every decision needs a reason, and a change needs the other colour. A decision is a new
version of the flag, so the flag's page lists every decision ever made about it.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from partnerscope.apps.flags.choices import Colour, Decision, FlagStatus
from partnerscope.apps.flags.models import Flag

STATUS_OF = {
    Decision.CONFIRM: FlagStatus.CONFIRMED,
    Decision.CHANGE: FlagStatus.CHANGED,
    Decision.REJECT: FlagStatus.REJECTED,
}


class DecisionRefused(ValueError):
    """The decision cannot be recorded as given; nothing was changed."""


def decide(
    flag: Flag, decision: str, reason: str, user: Any = None, colour: str = "", by: str = ""
) -> Flag:
    """Record ``decision`` about ``flag`` with ``reason``; ``colour`` for a change."""
    reason = reason.strip()
    if not reason:
        raise DecisionRefused("Give the reason for the decision.")
    if decision not in STATUS_OF:
        raise DecisionRefused("Choose whether to confirm, change or reject the flag.")
    if decision == Decision.CHANGE:
        if colour not in Colour.values:
            raise DecisionRefused("Choose the colour the flag should be.")
        if colour == flag.proposed_colour:
            raise DecisionRefused(
                f"The flag was proposed {colour}: to keep that colour, confirm it instead."
            )
    flag.status = STATUS_OF[Decision(decision)]
    flag.decided_colour = colour if decision == Decision.CHANGE else ""
    flag.reason = reason
    flag.decided_by_user = user if getattr(user, "is_authenticated", False) else None
    flag.decided_by = by or (user.get_full_name() or user.get_username() if user else "")
    flag.decided_at = timezone.now()
    flag._history_user = flag.decided_by_user  # type: ignore[attr-defined]
    flag.save()
    return flag


def decisions(flag: Flag) -> list[dict[str, Any]]:
    """Every decision recorded about ``flag``, newest first, from its versions."""
    seen: list[dict[str, Any]] = []
    versions = flag.history.exclude(decided_at=None).order_by("history_date", "history_id")
    last: tuple[Any, ...] | None = None
    for version in versions:
        mark = (version.status, version.decided_colour, version.reason, version.decided_at)
        if mark == last:
            continue
        last = mark
        seen.append(
            {
                "status": FlagStatus(version.status).label,
                "colour": Colour(version.decided_colour).label if version.decided_colour else "",
                "reason": version.reason,
                "by": version.decided_by,
                "at": version.decided_at,
            }
        )
    return list(reversed(seen))
