"""Recording values (a correction is a new version), improvement targets and data-quality
ratings, and the starting values of the forms that record them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from partnerscope.apps.performance.choices import ValueStatus
from partnerscope.apps.performance.lookups import (
    FIGURES,
    current_value,
    period_in,
    same_figures,
    who,
)
from partnerscope.apps.performance.models import (
    Area,
    ImprovementTarget,
    Indicator,
    QualityRecord,
    TargetValue,
    ValueVersion,
)
from partnerscope.apps.performance.status_snapshots import refresh_series
from partnerscope.core.indicators import Frequency as CoreFrequency
from partnerscope.core.indicators import Period


@transaction.atomic
def record_value(
    indicator: Indicator,
    area: Area,
    period: Period,
    figures: Mapping[str, Any],
    reason: str = "",
    user: Any = None,
    refresh: bool = True,
) -> ValueVersion | None:
    """Record a value, or correct it with a new version; ``None`` when nothing changed.

    A correction never overwrites: the current version is kept (no longer current) and a
    new one, with who, when and why, becomes current. A correction needs a reason.
    """
    current = (
        ValueVersion.objects.select_for_update()
        .filter(indicator=indicator, area=area, ordinal=period.ordinal, is_current=True)
        .first()
    )
    if current is not None and same_figures(current, figures):
        return None
    if current is not None and not reason.strip():
        raise ValidationError(
            {"reason": f"Give a reason for correcting the recorded value {current.value:g}."}
        )
    version = 1
    if current is not None:
        current.is_current = False
        current.save(update_fields=["is_current"])
        version = current.version + 1
    saved = ValueVersion.objects.create(
        indicator=indicator,
        area=area,
        period=str(period),
        ordinal=period.ordinal,
        version=version,
        is_current=True,
        value=figures["value"],
        numerator=figures.get("numerator"),
        denominator=figures.get("denominator"),
        lower=figures.get("lower"),
        upper=figures.get("upper"),
        status=figures.get("status") or ValueStatus.FINAL,
        received=figures.get("received"),
        recorded_by=who(user),
        user=user if getattr(user, "is_authenticated", False) else None,
        reason=reason.strip(),
    )
    if refresh:
        refresh_series(indicator, [area])
    return saved


@transaction.atomic
def save_target(
    indicator: Indicator,
    area: Area,
    details: Mapping[str, Any],
    periods: Mapping[Period, float],
) -> ImprovementTarget:
    """Create or change the improvement target of an indicator in an area, and its periods."""
    target, _ = ImprovementTarget.objects.update_or_create(
        indicator=indicator, area=area, defaults=dict(details)
    )
    kept = {period.ordinal for period in periods}
    for stale in target.values.exclude(ordinal__in=kept):
        stale.delete()
    existing = {value.ordinal: value for value in target.values.all()}
    for period, amount in periods.items():
        row = existing.get(period.ordinal)
        if row is None:
            TargetValue.objects.create(
                target=target, period=str(period), ordinal=period.ordinal, value=amount
            )
        elif row.value != amount:
            row.value = amount
            row.save()
    refresh_series(indicator, [area])
    return target


def add_quality_record(indicator: Indicator, form: Any, user: Any) -> QualityRecord:
    record: QualityRecord = form.save(commit=False)
    record.indicator = indicator
    record.recorded_by = who(user)
    record.user = user if getattr(user, "is_authenticated", False) else None
    record.save()
    return record


def value_initial(indicator: Indicator, area: Area, period_text: str) -> dict[str, Any]:
    """The form's starting values for correcting a recorded value (empty if none)."""
    try:
        period = period_in(period_text, indicator.frequency)
    except ValidationError:
        return {}
    current = current_value(indicator, area, period)
    if current is None:
        return {"period": str(period)}
    return {"period": str(period), **{name: getattr(current, name) for name in FIGURES}}


def next_period_initial(indicator: Indicator, area: Area) -> dict[str, Any]:
    """The form's starting period for a new value: the one after the area's latest value,
    which is usually the one a person comes to record (empty when there is none yet)."""
    latest = (
        ValueVersion.objects.of_series(indicator.pk, area.pk)
        .current()
        .aggregate(latest=Max("ordinal"))["latest"]
    )
    if latest is None:
        return {}
    return {"period": str(Period(CoreFrequency(indicator.frequency), latest + 1))}


def target_initial(indicator: Indicator, area: Area) -> dict[str, Any]:
    """The target form's starting values: the area's target, if it has one."""
    target = ImprovementTarget.objects.filter(indicator=indicator, area=area).first()
    if target is None:
        return {"area": area}
    return {
        "area": area,
        "baseline_period": target.baseline_period,
        "baseline_value": target.baseline_value,
        "lead_organisation": target.lead_organisation,
        "lead_body": target.lead_body,
        "laa": target.laa,
        "description": target.description,
        "targets": "\n".join(f"{row.period}: {row.value:g}" for row in target.values.all()),
    }
