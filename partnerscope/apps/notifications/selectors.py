"""What other areas may read of, or ask of, survey reminders: plain data only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Q

from partnerscope.apps.common.deletion import deleted
from partnerscope.apps.notifications.models import OptOut, ReminderLog, Survey


def opt_outs_of(people: Any) -> list[dict[str, Any]]:
    opt_outs = OptOut.objects.filter(person__in=people).select_related("person")
    return [{"person": o.person.ref, "opted_out": o.created} for o in opt_outs]


def purge_reminder_logs(sevens_waves: Sequence[int], network_waves: Sequence[int]) -> int:
    """Delete the reminder logs of these waves: who was reminded is who had not answered,
    so the log goes with the invitations it points at."""
    return deleted(
        ReminderLog.objects.filter(
            Q(survey=Survey.SEVENS, wave_id__in=list(sevens_waves))
            | Q(survey=Survey.NETWORK, wave_id__in=list(network_waves))
        )
    )
