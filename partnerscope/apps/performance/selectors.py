"""The performance area's public read module: everything other areas read of, or ask of,
performance management, as plain data, and nothing they do not use.

Delivery chains read ``indicator_statuses``; the audit app's personal-data requests use the
rest. No other area imports this app's models, services or views.
"""

from __future__ import annotations

from typing import Any

from partnerscope.apps.performance.models import (
    IndicatorStatusSnapshot,
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
