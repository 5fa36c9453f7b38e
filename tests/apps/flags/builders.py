"""Records for the flags tests: an outcome off track in the kite partnership, the register
refreshed on it, an action answering one of its findings, and flags made by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from partnerscope.apps.actions.models import Action, ActionFinding
from partnerscope.apps.findings.services import refresh
from partnerscope.apps.flags.models import Flag
from partnerscope.apps.performance.models import IndicatorStatusSnapshot
from tests.apps.performance.factories import area, indicator, outcome

MISSING_KEY = "red_outcome_consistently_missing:outcome:homes"
RED_FINDING = ("performance", "rag_red", "indicator", "NI 154")


def homes_off_track(partnership: Any) -> None:
    """Outcome ``homes`` whose two indicators are red and consistently missed, and the
    register refreshed on it (so its findings are open)."""
    place = area(partnership)
    homes = outcome(partnership, "homes", "More affordable homes")
    for code in ("NI 154", "NI 155"):
        measure = indicator(partnership, code, polarity="higher_is_better")
        measure.outcomes.add(homes)
        IndicatorStatusSnapshot.objects.update_or_create(
            indicator=measure,
            area=place,
            defaults={
                "as_of": dt.date(2026, 6, 30),
                "latest_period": "2026-Q1",
                "latest_value": 50.0,
                "target": 80.0,
                "rag": "red",
                "direction": "worsening",
                "variation": "common_cause",
                "assurance": "consistently_missed",
            },
        )
    refresh(partnership, ran_by="a test")


def action_answering(
    partnership: Any, key: tuple[str, str, str, str] = RED_FINDING, due: dt.date | None = None
) -> Action:
    """An open action, due in a month unless ``due`` says otherwise, answering ``key``."""
    action = Action.objects.create(
        partnership=partnership,
        ref=f"act-{Action.objects.count() + 1}",
        title="Deliver the housing plan",
        due=due or timezone.localdate() + dt.timedelta(days=30),
    )
    ActionFinding.objects.create(
        action=action, area=key[0], rule_id=key[1], subject_kind=key[2], subject_ref=key[3]
    )
    return action


def flag(partnership: Any, rule_id: str = "red_outcome_consistently_missing", **extra: Any) -> Flag:
    """A red candidate about outcome ``homes`` (no rule run)."""
    now = timezone.now()
    fields = {
        "scope": "outcome",
        "scope_ref": "homes",
        "scope_name": "More affordable homes",
        "proposed_colour": "red",
        "evidence": {"findings": [list(RED_FINDING)], "figures": [["codes", "NI 154"]]},
        "proposed_at": now,
        "last_proposed_at": now,
        **extra,
    }
    return Flag.objects.create(
        partnership=partnership,
        ref=f"{rule_id}-{fields['scope_ref']}".replace("_", "-"),
        rule_id=rule_id,
        **fields,
    )
