"""Export of the performance area's tables: every version of every value, so that a
package keeps the history of corrections."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.models import (
    Area,
    ImprovementTarget,
    Indicator,
    Outcome,
    PerformanceSettings,
    QualityRecord,
    TargetValue,
    ValueVersion,
)

Tables = Mapping[str, Sequence[Mapping[str, Any]]]
BATCH = 5_000


def _plain(value: float | None) -> float | int | None:
    """A number as exported: whole numbers without ``.0`` so they read as typed."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def export_tables(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    """The performance tables of the partnership, sorted so that exports are reproducible."""
    settings = PerformanceSettings.objects.filter(partnership=partnership).first()
    areas = {area.pk: area.ref for area in Area.objects.in_partnership(partnership)}
    outcomes = list(
        Outcome.objects.in_partnership(partnership).select_related("parent", "owner", "body")
    )
    indicators = list(
        Indicator.objects.in_partnership(partnership)
        .select_related("owner")
        .prefetch_related("outcomes")
    )
    codes = {indicator.pk: indicator.code for indicator in indicators}
    agenda = Outcome.agenda_items.through.objects.filter(
        outcome__partnership=partnership
    ).values_list("outcome__ref", "agendaitem__meeting__ref", "agendaitem__position")
    targets = ImprovementTarget.objects.filter(indicator__partnership=partnership).select_related(
        "lead_organisation", "lead_body"
    )
    target_values = TargetValue.objects.filter(
        target__indicator__partnership=partnership
    ).values_list("target__indicator_id", "target__area_id", "period", "ordinal", "value")
    values = (
        ValueVersion.objects.filter(indicator__partnership=partnership)
        .order_by("indicator_id", "area_id", "ordinal", "version")
        .values_list(
            "indicator_id",
            "area_id",
            "period",
            "ordinal",
            "value",
            "numerator",
            "denominator",
            "lower",
            "upper",
            "status",
            "received",
            "version",
            "recorded_at",
            "recorded_by",
            "reason",
        )
    )
    records = QualityRecord.objects.filter(indicator__partnership=partnership).values_list(
        "indicator_id", "dimension", "rating", "evidence", "recorded_at", "recorded_by"
    )
    return {
        "performance_settings": []
        if settings is None
        else [{"as_of": settings.as_of, "due_days": settings.due_days}],
        "performance_areas": sorted(
            (
                {"id": area.ref, "name": area.name, "position": area.position}
                for area in Area.objects.in_partnership(partnership)
            ),
            key=lambda row: row["id"],
        ),
        "outcomes": sorted(
            (
                {
                    "id": outcome.ref,
                    "title": outcome.title,
                    "description": outcome.description,
                    "parent": outcome.parent.ref if outcome.parent else None,
                    "owner": outcome.owner.ref if outcome.owner else None,
                    "body": outcome.body.ref if outcome.body else None,
                    "position": outcome.position,
                }
                for outcome in outcomes
            ),
            key=lambda row: row["id"],
        ),
        "outcome_agenda_items": [
            {"outcome": outcome, "meeting": meeting, "position": position}
            for outcome, meeting, position in sorted(agenda)
        ],
        "indicators": sorted(
            (
                {
                    "id": indicator.code,
                    "title": indicator.title,
                    "definition": indicator.definition,
                    "unit": indicator.unit,
                    "polarity": indicator.polarity or None,
                    "frequency": indicator.frequency,
                    "source": indicator.source,
                    "owner": indicator.owner.ref if indicator.owner else None,
                    "tolerance": _plain(indicator.tolerance),
                    "origin": indicator.origin,
                    "minimum": _plain(indicator.minimum),
                    "maximum": _plain(indicator.maximum),
                    "multiplier": _plain(indicator.multiplier),
                    "proportion": indicator.is_proportion,
                    "due_days": indicator.due_days,
                    "outcomes": ";".join(sorted(o.ref for o in indicator.outcomes.all())),
                }
                for indicator in indicators
            ),
            key=lambda row: row["id"],
        ),
        "targets": sorted(
            (
                {
                    "indicator": codes[target.indicator_id],
                    "area": areas[target.area_id],
                    "baseline_period": target.baseline_period or None,
                    "baseline_value": _plain(target.baseline_value),
                    "lead_organisation": target.lead_organisation.ref
                    if target.lead_organisation
                    else None,
                    "lead_body": target.lead_body.ref if target.lead_body else None,
                    "laa": target.laa,
                    "description": target.description,
                }
                for target in targets
            ),
            key=lambda row: (row["indicator"], row["area"]),
        ),
        "target_values": [
            {"indicator": code, "area": area, "period": period, "target": _plain(value)}
            for code, area, _, period, value in sorted(
                (codes[i], areas[a], o, p, v) for i, a, p, o, v in target_values
            )
        ],
        "indicator_values": sorted(
            (
                {
                    "indicator": codes[row[0]],
                    "area": areas[row[1]],
                    "period": row[2],
                    "value": _plain(row[4]),
                    "numerator": _plain(row[5]),
                    "denominator": _plain(row[6]),
                    "lower": _plain(row[7]),
                    "upper": _plain(row[8]),
                    "status": row[9],
                    "received": row[10],
                    "version": row[11],
                    "recorded_at": row[12],
                    "recorded_by": row[13],
                    "reason": row[14],
                    "_order": (codes[row[0]], areas[row[1]], row[3], row[11]),
                }
                for row in values
            ),
            key=lambda row: row.pop("_order"),
        ),
        "quality_records": sorted(
            (
                {
                    "indicator": codes[indicator_id],
                    "dimension": dimension,
                    "rating": rating,
                    "evidence": evidence,
                    "recorded_at": recorded_at,
                    "recorded_by": recorded_by,
                }
                for indicator_id, dimension, rating, evidence, recorded_at, recorded_by in records
            ),
            key=lambda row: (
                row["indicator"],
                row["recorded_at"],
                row["dimension"],
                row["rating"],
                row["evidence"],
            ),
        ),
    }
