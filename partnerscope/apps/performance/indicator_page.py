"""The indicator page: one indicator in one area, its status computed now, its chart,
the history of its values and corrections, its target and its data quality."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.performance.charts import decimal_places, indicator_chart
from partnerscope.apps.performance.choices import Dimension
from partnerscope.apps.performance.lookups import chosen_area, get_indicator
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
from partnerscope.apps.performance.status_snapshots import (
    live_status,
    reporting_settings,
    targets_by_series,
)
from partnerscope.core.indicators import IndicatorStatus


@dataclass
class PeriodHistory:
    period: str
    versions: list[ValueVersion]


@dataclass
class IndicatorPage:
    indicator: Indicator
    area: Area
    areas: list[Area]
    settings: PerformanceSettings
    status: IndicatorStatus
    record: dict[str, Any]
    chart: Any
    current: list[ValueVersion]
    corrections: list[PeriodHistory]
    findings: list[dict[str, Any]]
    quality_latest: list[tuple[str, QualityRecord | None]]
    quality_records: list[QualityRecord]
    target: ImprovementTarget | None
    target_values: list[TargetValue]
    outcomes: list[Outcome]
    places: int

    @property
    def directions(self) -> list[tuple[str, dict[str, Any] | None]]:
        direction = self.record["direction"]
        return [
            ("Since the period before", direction["previous"]),
            ("Since a year before", direction["year_ago"]),
        ]

    @property
    def tolerance_percent(self) -> str:
        return f"{self.indicator.tolerance * 100:g}"


def indicator_page(partnership: Partnership, pk: int, area_ref: str | None) -> IndicatorPage:
    """One indicator in one area: its status computed now, chart, history and quality."""
    indicator = get_indicator(partnership, pk)
    area, areas = chosen_area(partnership, area_ref)
    settings = reporting_settings(partnership)
    status, _ = live_status(indicator, area, settings)
    targets = targets_by_series([indicator.pk]).get((indicator.pk, area.pk), {})
    versions = list(
        ValueVersion.objects.of_series(indicator.pk, area.pk).order_by("ordinal", "version")
    )
    current = [version for version in versions if version.is_current]
    by_period: dict[int, list[ValueVersion]] = {}
    for version in versions:
        by_period.setdefault(version.ordinal, []).append(version)
    corrections = [
        PeriodHistory(group[-1].period, list(reversed(group)))
        for ordinal, group in sorted(by_period.items(), reverse=True)
        if len(group) > 1
    ]
    records = list(QualityRecord.objects.filter(indicator=indicator))
    latest: dict[str, QualityRecord] = {}
    for record in records:
        latest.setdefault(record.dimension, record)
    target = (
        ImprovementTarget.objects.filter(indicator=indicator, area=area)
        .select_related("lead_organisation", "lead_body")
        .first()
    )
    return IndicatorPage(
        indicator=indicator,
        area=area,
        areas=areas,
        settings=settings,
        status=status,
        record=status.to_dict(),
        chart=indicator_chart(
            f"chart-{indicator.pk}",
            f"{indicator.code} in {area.name}: values, targets and process limits",
            status,
            targets,
        ),
        current=list(reversed(current)),
        corrections=corrections,
        findings=[{**finding.to_dict()} for finding in status.quality],
        quality_latest=[(label, latest.get(value)) for value, label in Dimension.choices],
        quality_records=records,
        target=target,
        target_values=list(target.values.all()) if target else [],
        outcomes=list(indicator.outcomes.all()),
        places=decimal_places(status.series.values),
    )
