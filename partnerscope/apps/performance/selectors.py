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


STATUS_FIELDS = ("rag", "direction", "year_ago", "variation", "assurance", "forecast")


def outcomes_with_statuses(partnership: Any) -> list[dict[str, Any]]:
    """Each outcome with its indicators' latest stored status in the partnership's first
    area (its whole area), for the flags area's rules.

    Every outcome is a dictionary: ``ref``, ``title``, ``body`` (its body's ref or ""),
    ``owner`` (its organisation's ref or "") and ``indicators``, each with ``code``,
    ``title``, ``url``, ``target`` and the status fields ``rag``, ``direction``,
    ``year_ago``, ``variation``, ``assurance`` and ``forecast`` ("" when not judged).
    """
    from django.urls import reverse

    from partnerscope.apps.performance.models import Outcome

    statuses: dict[int, dict[str, Any]] = {}
    snapshots = (
        IndicatorStatusSnapshot.objects.in_partnership(partnership)
        .order_by("indicator_id", "area__position")
        .values("indicator_id", "target", *STATUS_FIELDS)
    )
    for row in snapshots:
        statuses.setdefault(row["indicator_id"], row)
    outcomes = (
        Outcome.objects.filter(partnership=partnership)
        .select_related("body", "owner")
        .prefetch_related("indicators")
    )
    return [
        {
            "ref": outcome.ref,
            "title": outcome.title,
            "body": outcome.body.ref if outcome.body else "",
            "owner": outcome.owner.ref if outcome.owner else "",
            "indicators": [
                {
                    "code": indicator.code,
                    "title": indicator.title,
                    "url": reverse(
                        "performance:indicator_detail", args=[partnership.slug, indicator.pk]
                    ),
                    "target": statuses.get(indicator.pk, {}).get("target"),
                    **{
                        name: statuses.get(indicator.pk, {}).get(name) or ""
                        for name in STATUS_FIELDS
                    },
                }
                for indicator in sorted(outcome.indicators.all(), key=lambda i: i.code)
            ],
        }
        for outcome in outcomes
    ]
