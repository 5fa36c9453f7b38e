"""What other areas may read of, or ask of, the 7S self-assessment: plain data only.

The audit app's personal-data requests and purge use these; nothing outside this app
touches its models.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerscope.apps.common.deletion import deleted
from partnerscope.apps.sevens.models import Draft, Invitation, Wave


def invitations_of(people: Any) -> list[dict[str, Any]]:
    """The 7S invitations of these people (never their answers, which name no one)."""
    invitations = Invitation.objects.filter(person__in=people).select_related("wave", "person")
    return [
        {
            "person": i.person.ref,
            "wave": i.wave.title,
            "invited": i.created,
            "emailed": i.emailed,
            "answered": i.answered,
        }
        for i in invitations
    ]


def waves_closed_before(last_day: dt.date) -> list[int]:
    return list(Wave.objects.filter(closes__lt=last_day).values_list("pk", flat=True))


def purge_closed_waves(last_day: dt.date) -> tuple[int, int]:
    """Delete the drafts and the spent invitations of waves closed before ``last_day``;
    returns how many of each. Submitted answers stay."""
    drafts = deleted(Draft.objects.filter(wave__closes__lt=last_day))
    invitations = deleted(Invitation.objects.filter(wave__closes__lt=last_day))
    return drafts, invitations
