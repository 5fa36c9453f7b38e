"""The Relationships front page and opening or changing a wave."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count

from partnerscope.apps.accounts.permissions import Access
from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.network.models import Representative, Wave
from partnerscope.apps.network.representatives import suggest_representatives
from partnerscope.apps.network.services import partnership_organisations, wave_queryset


@dataclass(frozen=True)
class WaveRow:
    wave: Wave
    organisations: int
    answered: int


@dataclass(frozen=True)
class WaveIndex:
    """What the Relationships front page lists: every wave and the user's open surveys."""

    rows: list[WaveRow]
    waiting: list[Representative]
    latest: Wave | None


def wave_index(access: Access) -> WaveIndex:
    waves = list(
        wave_queryset(access)
        .annotate(answered_count=Count("ties__source", distinct=True))
        .order_by("-opens", "-pk")
    )
    size = partnership_organisations(access.partnership).count()
    rows = [WaveRow(wave, size, wave.answered_count) for wave in waves]
    waiting = [
        representative
        for representative in Representative.objects.for_user(access.user)
        .waiting()
        .filter(wave__partnership=access.partnership)
        .select_related("wave", "organisation")
        if representative.wave.is_open
    ]
    return WaveIndex(rows, waiting, waves[0] if waves else None)


def default_previous(access: Access) -> Wave | None:
    return wave_queryset(access).first()


def save_wave(access: Access, form: Any) -> Wave:
    """Create or change a wave; a new wave gets a suggested representative per organisation."""
    wave: Wave = form.save(commit=False)
    created = wave.pk is None
    wave.partnership = access.partnership
    if not wave.ref:
        wave.ref = unique_ref(Wave.objects.in_partnership(access.partnership), wave.title)
    wave.full_clean()
    with transaction.atomic():
        wave.save()
        if created:
            suggest_representatives(wave)
    return wave
