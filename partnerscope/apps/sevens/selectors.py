"""What other areas may read of, or ask of, the 7S self-assessment: plain data only.

The audit app's personal-data requests and purge use these; nothing outside this app
touches its models.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerscope.apps.common.deletion import deleted
from partnerscope.apps.sevens.findings import latest_published_wave
from partnerscope.apps.sevens.models import Draft, Invitation, Wave
from partnerscope.apps.sevens.services import results_dict
from partnerscope.core.sevens import ELEMENTS, WAVE


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


def published_element_scores(partnership: Any) -> dict[str, Any] | None:
    """The 7S element scores of the partnership's latest closed wave, as its results page
    publishes them: ``{"wave": title, "withheld": bool, "elements": {id: score or None},
    "soft": …, "hard": …}``, or None without a closed wave.

    When the whole wave has fewer respondents than the anonymity threshold, ``withheld`` is
    True and every score is None, exactly as the results page withholds it. The learning
    area reads this for its comparison.
    """
    wave = latest_published_wave(partnership)
    if wave is None:
        return None
    result = results_dict(wave)
    withheld = WAVE in result["withheld"]
    return {
        "wave": wave.title,
        "withheld": withheld,
        "elements": {
            info.id: None if withheld else result["elements"].get(info.id, {}).get("score")
            for info in ELEMENTS
        },
        "soft": None if withheld else result.get("soft"),
        "hard": None if withheld else result.get("hard"),
    }
