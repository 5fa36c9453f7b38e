"""What other areas may read of, or ask of, the relationship survey: plain data only.

The delivery chains read relationship levels here; the audit app's personal-data requests
and purge use the rest. Nothing outside this app touches its models or services.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerscope.apps.common.deletion import deleted
from partnerscope.apps.network import services
from partnerscope.apps.network.analysis import Options, analyse, wave_network
from partnerscope.apps.network.models import Draft, Representative, Tie, Wave
from partnerscope.apps.network.report import wave_digest
from partnerscope.apps.reports.selectors import cached
from partnerscope.core.network import combined_rating
from partnerscope.datapackage.network import TRUST_PARTS


def representations_of(people: Any) -> list[dict[str, Any]]:
    """Which organisation each of these people answers the relationship survey for."""
    representing = Representative.objects.filter(person__in=people).select_related(
        "wave", "organisation", "person"
    )
    return [
        {
            "person": r.person.ref,
            "wave": r.wave.title,
            "answers_for": r.organisation.name,
            "answered": r.answered,
        }
        for r in representing
    ]


def waves_closed_before(last_day: dt.date) -> list[int]:
    return list(Wave.objects.filter(closes__lt=last_day).values_list("pk", flat=True))


def purge_closed_waves(last_day: dt.date) -> tuple[int, int]:
    """Delete the drafts of waves closed before ``last_day`` and clear their links' hashes
    (the representatives stay: the survey names who answered for each organisation);
    returns how many of each. Ties stay."""
    drafts = deleted(Draft.objects.filter(representative__wave__closes__lt=last_day))
    links = Representative.objects.filter(
        wave__closes__lt=last_day, token_hash__isnull=False
    ).update(token_hash=None)
    return drafts, links


def relationship_levels(partnership: Any) -> dict[tuple[str, str], tuple[int, float | None]]:
    """The latest closed wave's answers: ``(from ref, to ref) -> (level 0-4, mean trust)``.

    Mean trust is the answering organisation's trust in the other, the mean of the three
    parts it answered (1-4), or None (as ``services.tie_trust``). Empty when no wave has
    closed. Read as plain rows in one query, as pages read every tie of a large wave. The
    delivery chains (paper-link check) and the outcome pages read this.
    """
    wave = services.latest_closed_wave(partnership)
    if wave is None:
        return {}
    rows = Tie.objects.filter(wave=wave).values_list(
        "source__ref", "target__ref", "level", *TRUST_PARTS
    )
    return {
        (source, target): (level, combined_rating(parts)) for source, target, level, *parts in rows
    }


def latest_wave_measures(partnership: Any) -> dict[str, Any] | None:
    """The whole-network measures and each organisation's ties in the latest closed wave,
    analysed as the measures page shows it by default (``analysis.Options()``), or None.

    ``{"wave": title, "density", "in_centralisation", "ei_sector", "organisations":
    {ref: {"name", "degree", "in_degree", "isolated"}}}``; degree counts the ties an
    organisation gives and receives. The learning area reads this for its comparison and
    its two-tier view. Kept under a digest of every row the analysis reads, so it is never
    stale.
    """
    wave = services.latest_closed_wave(partnership)
    if wave is None:
        return None
    return cached("network-latest-measures", wave_digest(wave), lambda: _wave_measures(wave))


def _wave_measures(wave: Wave) -> dict[str, Any]:
    network = wave_network(wave)
    result = analyse(network, Options())
    return {
        "wave": wave.title,
        "density": result.network.density,
        "in_centralisation": result.network.in_centralization,
        "ei_sector": result.network.ei_sector.index,
        "organisations": {
            metrics.id: {
                "name": network.organisations[metrics.id].name,
                "degree": metrics.in_degree + metrics.out_degree,
                "in_degree": metrics.in_degree,
                "isolated": metrics.isolate,
            }
            for metrics in result.organisations
        },
    }


def relationship_digest(partnership: Any) -> str:
    """A digest of every row :func:`relationship_levels` reads (the latest closed wave and its
    answers), so another area can cache work built on them without serving it stale."""
    wave = services.latest_closed_wave(partnership)
    return "no-wave" if wave is None else wave_digest(wave)


def tie_counts(partnership: Any, min_level: int) -> dict[str, int]:
    """How many answered ties of at least ``min_level`` (0-4) each organisation has in the
    latest closed wave, given or received, by organisation ref (a degree centrality the
    resources area reads as involvement). Empty when no wave has closed."""
    wave = services.latest_closed_wave(partnership)
    if wave is None:
        return {}
    counts: dict[str, int] = {}
    pairs = Tie.objects.filter(wave=wave, level__gte=min_level).values_list(
        "source__ref", "target__ref"
    )
    for source, target in pairs:
        counts[source] = counts.get(source, 0) + 1
        counts[target] = counts.get(target, 0) + 1
    return counts
