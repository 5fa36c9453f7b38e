"""What other areas may read of, or ask of, the 7S self-assessment: plain data only.

The audit app's personal-data requests and purge use these; nothing outside this app
touches its models.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from partnerscope.apps.common.deletion import deleted
from partnerscope.apps.sevens.findings import latest_published_wave
from partnerscope.apps.sevens.models import Draft, Invitation, Wave
from partnerscope.apps.sevens.services import named_results, results_dict, results_published, scored
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


def published_wave_results(partnership: Any) -> list[dict[str, Any]]:
    """The published results of the partnership's closed waves, latest first, as the results
    pages show them: withheld groups are absent, never an individual answer.

    Each wave: ``ref``, ``title``, ``closes``, ``url`` (its results page), ``bodies`` (the
    refs of the bodies whose members answered), ``threshold``, ``respondents``,
    ``withheld_whole`` (fewer than the threshold answered: no figures), ``elements``
    (``[{"id", "name", "score"}]`` in the model's order), ``mean`` (of the element scores),
    ``soft``, ``hard`` and ``sectors`` (``{sector: {"respondents", "mean", "elements":
    {id: score}}}`` for the sector groups the results page shows). The outcomes and
    strategy area reads this.
    """
    today = timezone.localdate()
    found = []
    waves = (
        Wave.objects.in_partnership(partnership)
        .filter(closes__lt=today)
        .select_related("partnership", "previous")
        .prefetch_related("bodies")
        .order_by("-closes", "-pk")
    )
    for wave in waves:
        if not results_published(wave):
            continue
        result = named_results(wave, scored(wave)[1])
        withheld_whole = WAVE in result["withheld"]
        elements = [
            {
                "id": info.id,
                "name": info.name,
                "score": None
                if withheld_whole
                else result["elements"].get(info.id, {}).get("score"),
            }
            for info in ELEMENTS
        ]
        sectors = {}
        if not withheld_whole:
            for sector, group in result["groups"]["sector"].items():
                if sector == "gap":
                    continue
                scores = {
                    info.id: group["elements"].get(info.id, {}).get("score") for info in ELEMENTS
                }
                sectors[sector] = {
                    "respondents": group["respondents"],
                    "elements": scores,
                    "mean": _mean(scores.values()),
                }
        found.append(
            {
                "ref": wave.ref,
                "title": wave.title,
                "closes": wave.closes,
                "url": reverse("sevens:results", args=[partnership.slug, wave.pk]),
                "bodies": sorted(body.ref for body in wave.bodies.all()),
                "threshold": result["threshold"],
                "respondents": result["respondents"],
                "withheld_whole": withheld_whole,
                "elements": elements,
                "mean": None if withheld_whole else _mean(e["score"] for e in elements),
                "soft": None if withheld_whole else result["soft"],
                "hard": None if withheld_whole else result["hard"],
                "sectors": sectors,
            }
        )
    return found


def _mean(values: Any) -> float | None:
    known = [value for value in values if value is not None]
    return sum(known) / len(known) if known else None
