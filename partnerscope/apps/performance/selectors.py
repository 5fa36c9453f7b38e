"""The performance area's public read module: everything other areas read of, or ask of,
performance management, as plain data, and nothing they do not use.

Delivery chains read ``indicator_statuses``; the audit app's personal-data requests use the
rest. No other area imports this app's models, services or views.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

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


def outcomes(partnership: Any) -> list[dict[str, Any]]:
    """The partnership's outcomes (themes and goals) in the strategy's order, as plain data:
    ``ref``, ``title``, ``description``, ``parent`` (the theme's ref or None), ``owner``
    and ``body`` (each ``{"ref", "name"}`` or None) and ``indicators`` (the codes that
    measure it). Two queries whatever the number of outcomes. The outcomes and strategy
    area reads this."""
    rows = (
        Outcome.objects.in_partnership(partnership)
        .order_by("parent__position", "parent__title", "position", "title")
        .values_list(
            "pk",
            "ref",
            "title",
            "description",
            "parent__ref",
            "owner__ref",
            "owner__name",
            "body__ref",
            "body__name",
        )
    )
    codes: dict[int, list[str]] = {}
    measured = (
        Indicator.outcomes.through.objects.filter(outcome__partnership=partnership)
        .order_by("indicator__code")
        .values_list("outcome_id", "indicator__code")
    )
    for outcome_id, code in measured:
        codes.setdefault(outcome_id, []).append(code)
    return [
        {
            "ref": ref,
            "title": title,
            "description": description,
            "parent": parent,
            "owner": {"ref": owner, "name": owner_name} if owner else None,
            "body": {"ref": body, "name": body_name} if body else None,
            "indicators": codes.get(pk, []),
        }
        for pk, ref, title, description, parent, owner, owner_name, body, body_name in rows
    ]


def indicator_judgements(partnership: Any) -> dict[str, dict[str, Any]]:
    """Each indicator's stored judgement in the partnership's first area (its whole area):
    ``code -> {"title", "url", "area", "rag", "direction", "variation", "latest_period",
    "latest_value", "target", "as_of"}`` (empty strings or None where not judged). Indicators
    with no stored status appear with empty judgements. One query for the snapshots and one
    for the indicators. The outcomes and strategy area reads this."""
    found: dict[str, dict[str, Any]] = {}
    for pk, code, title in (
        Indicator.objects.in_partnership(partnership)
        .order_by("code")
        .values_list("pk", "code", "title")
    ):
        found[code] = {
            "title": title,
            "url": reverse("performance:indicator_detail", args=[partnership.slug, pk]),
            "area": "",
            "rag": "",
            "direction": "",
            "variation": "",
            "latest_period": "",
            "latest_value": None,
            "target": None,
            "as_of": None,
        }
    seen: set[str] = set()
    snapshots = (
        IndicatorStatusSnapshot.objects.in_partnership(partnership)
        .order_by("indicator__code", "area__position", "area__name")
        .values_list(
            "indicator__code",
            "area__name",
            "rag",
            "direction",
            "variation",
            "latest_period",
            "latest_value",
            "target",
            "as_of",
        )
    )
    for code, area, rag, direction, variation, period, value, target, as_of in snapshots:
        if code in seen or code not in found:
            continue
        seen.add(code)
        found[code].update(
            area=area,
            rag=rag,
            direction=direction,
            variation=variation,
            latest_period=period,
            latest_value=value,
            target=target,
            as_of=as_of,
        )
    return found


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
