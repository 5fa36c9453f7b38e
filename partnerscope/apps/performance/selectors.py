"""The performance area's public read module: everything other areas read of, or ask of,
performance management, as plain data, and nothing they do not use.

Delivery chains read ``indicator_statuses``; the audit app's personal-data requests use the
rest. No other area imports this app's models, services or views.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.performance.models import (
    ImprovementTarget,
    Indicator,
    IndicatorStatusSnapshot,
    Outcome,
    QualityRecord,
    ValueVersion,
)


def values_recorded_by(user: Any) -> int:
    return int(ValueVersion.objects.filter(user=user).count())


def quality_ratings_by(user: Any) -> list[dict[str, Any]]:
    records = QualityRecord.objects.filter(user=user).select_related("indicator")
    return [
        {
            "indicator": q.indicator.code,
            "dimension": q.dimension,
            "rating": q.rating,
            "recorded_at": q.recorded_at,
        }
        for q in records
    ]


def rename_recorder(user: Any, old: str, new: str) -> None:
    """Replace the name a value or a quality rating was recorded under, for erasure."""
    ValueVersion.objects.filter(user=user, recorded_by=old).update(recorded_by=new)
    QualityRecord.objects.filter(user=user, recorded_by=old).update(recorded_by=new)


def indicator_statuses(partnership: Any) -> dict[str, str]:
    """The latest stored red/amber/green status of each indicator code: the one in the
    partnership's first area (its whole area) that has a status. Unrated codes are left out.
    """
    statuses: dict[str, str] = {}
    snapshots = (
        IndicatorStatusSnapshot.objects.in_partnership(partnership)
        .exclude(rag="")
        .order_by("indicator__code", "area__position")
        .values_list("indicator__code", "rag")
    )
    for code, rag in snapshots:
        statuses.setdefault(code, rag)
    return statuses


def outcome_list(partnership: Any) -> list[dict[str, Any]]:
    """The partnership's outcomes in their order: ``ref``, ``title`` and the ``parent``
    theme's ref (None for a theme). The resources area names outcomes by these refs."""
    return [
        {"ref": ref, "title": title, "parent": parent}
        for ref, title, parent in Outcome.objects.filter(partnership=partnership)
        .order_by("position", "title")
        .values_list("ref", "title", "parent__ref")
    ]


def outcome_indicator_statuses(partnership: Any) -> dict[str, list[dict[str, str]]]:
    """For each outcome ref, its indicators' latest stored status in the partnership's
    whole area: ``code``, ``rag``, ``direction`` and ``variation`` (empty when unknown)."""
    latest: dict[str, dict[str, str]] = {}
    snapshots = (
        IndicatorStatusSnapshot.objects.in_partnership(partnership)
        .order_by("indicator__code", "area__position")
        .values_list("indicator__code", "rag", "direction", "variation")
    )
    for code, rag, direction, variation in snapshots:
        latest.setdefault(code, {"rag": rag, "direction": direction, "variation": variation})
    found: dict[str, list[dict[str, str]]] = {}
    links = Indicator.outcomes.through.objects.filter(
        indicator__partnership=partnership
    ).values_list("outcome__ref", "indicator__code")
    for outcome, code in sorted(links):
        status = latest.get(code, {"rag": "", "direction": "", "variation": ""})
        found.setdefault(outcome, []).append({"code": code, **status})
    return found


def lead_commitments(partnership: Any) -> dict[str, int]:
    """How many improvement targets each organisation leads (its LAA-style commitments),
    by organisation ref; organisations leading none are left out."""
    counts: dict[str, int] = {}
    for ref in ImprovementTarget.objects.filter(
        indicator__partnership=partnership, lead_organisation__isnull=False
    ).values_list("lead_organisation__ref", flat=True):
        counts[ref] = counts.get(ref, 0) + 1
    return counts
