"""Lookups the Relationships area's modules share, and the relationship evidence others read.

The relationship survey is not anonymous: each organisation answers once, through the
person the manager names as its representative, and its answers are kept as its own. The
area's use cases have their own modules: ``waves`` (the front page, opening a wave),
``representatives``, ``invitations`` (single-use links), ``answering``, ``ties_import``;
``survey.py`` configures the survey engine; ``results.py`` holds the analysis pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.http import Http404
from django.utils import timezone

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.network.models import Tie, Wave
from partnerscope.apps.partnerships.choices import Tier
from partnerscope.apps.partnerships.models import Organisation, Participation
from partnerscope.core.network import combined_rating
from partnerscope.datapackage.network import TRUST_PARTS, VALUE_PARTS

# ---- Waves and organisations ------------------------------------------------------------


def wave_queryset(access: Access) -> models.QuerySet[Wave]:
    return Wave.objects.in_partnership(access.partnership).select_related("previous")


def get_wave(access: Access, pk: int) -> Wave:
    wave = wave_queryset(access).select_related("partnership").filter(pk=pk).first()
    if wave is None:
        raise Http404("No such wave.")
    return wave


def partnership_organisations(partnership: Any) -> models.QuerySet[Organisation]:
    return Organisation.objects.in_partnership(partnership).order_by("name", "pk")


def responding_organisations(wave: Wave) -> set[int]:
    """Ids of the organisations whose answers are in: every one that gave a tie."""
    return set(Tie.objects.filter(wave=wave).values_list("source_id", flat=True).distinct())


# ---- Tiers, and the relationship evidence other areas use -----------------------------


def organisation_tiers(organisations: Iterable[Organisation]) -> dict[int, str | None]:
    """Each organisation's tier in a two-tier area, from the partnerships it takes part in.

    The rule: an organisation that takes part in exactly one district partnership is a
    *district* organisation; one that takes part in two or more district partnerships, or
    in a county partnership and no district one, is *county-wide* (``county``). Any other
    (such as the members of a unitary partnership) has no tier and is left out of the tier
    E–I index.
    """
    ids = [organisation.pk for organisation in organisations]
    tiers: dict[int, list[str]] = {pk: [] for pk in ids}
    for organisation_id, tier in Participation.objects.filter(organisation_id__in=ids).values_list(
        "organisation_id", "partnership__tier"
    ):
        tiers[organisation_id].append(tier)
    result: dict[int, str | None] = {}
    for pk, found in tiers.items():
        districts = found.count(Tier.DISTRICT)
        if districts == 1:
            result[pk] = Tier.DISTRICT.value
        elif districts > 1 or Tier.COUNTY in found:
            result[pk] = Tier.COUNTY.value
        else:
            result[pk] = None
    return result


def latest_closed_wave(partnership: Any, day: dt.date | None = None) -> Wave | None:
    today = day or timezone.localdate()
    return (
        Wave.objects.in_partnership(partnership).closed_by(today).order_by("-closes", "-pk").first()
    )


def tie_trust(tie: Tie) -> float | None:
    """The tie's trust score: the mean of its three parts (PARTNER's convention)."""
    return combined_rating([getattr(tie, part) for part in TRUST_PARTS])


def tie_value(tie: Tie) -> float | None:
    """The tie's value score: the mean of its three parts."""
    return combined_rating([getattr(tie, part) for part in VALUE_PARTS])
