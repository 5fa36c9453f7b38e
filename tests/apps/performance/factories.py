"""Records of the performance area for tests: areas, outcomes, indicators, values, targets."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerscope.apps.performance.models import (
    Area,
    ImprovementTarget,
    Indicator,
    Outcome,
    PendingImport,
    TargetValue,
    ValueVersion,
)
from partnerscope.core.indicators import parse_period


def area(partnership: Any, ref: str = "kiteshire", name: str = "Kiteshire", **extra: Any) -> Area:
    return Area.objects.get_or_create(
        partnership=partnership, ref=ref, defaults={"name": name, **extra}
    )[0]


def outcome(partnership: Any, ref: str = "safer", title: str = "Safer streets", **extra: Any):
    return Outcome.objects.get_or_create(
        partnership=partnership, ref=ref, defaults={"title": title, **extra}
    )[0]


def indicator(
    partnership: Any,
    code: str = "NI 15",
    polarity: str = "lower_is_better",
    frequency: str = "quarter",
    **extra: Any,
) -> Indicator:
    defaults = {"title": f"Indicator {code}", "polarity": polarity, "frequency": frequency}
    return Indicator.objects.get_or_create(
        partnership=partnership, code=code, defaults={**defaults, **extra}
    )[0]


def values(
    indicator: Indicator, area: Area, figures: dict[str, float], **extra: Any
) -> list[ValueVersion]:
    """Version 1 of a value for each period."""
    rows = []
    for text, value in figures.items():
        period = parse_period(text)
        rows.append(
            ValueVersion.objects.create(
                indicator=indicator,
                area=area,
                period=str(period),
                ordinal=period.ordinal,
                value=value,
                recorded_by="Test",
                **extra,
            )
        )
    return rows


def target(
    indicator: Indicator, area: Area, figures: dict[str, float], **extra: Any
) -> ImprovementTarget:
    improvement = ImprovementTarget.objects.create(indicator=indicator, area=area, **extra)
    for text, value in figures.items():
        period = parse_period(text)
        TargetValue.objects.create(
            target=improvement, period=str(period), ordinal=period.ordinal, value=value
        )
    return improvement


def quarters(first: str, amounts: list[float]) -> dict[str, float]:
    """``{period: value}`` for consecutive quarters from ``first``."""
    start = parse_period(first)
    return {str(start.shift(step)): amount for step, amount in enumerate(amounts)}


def kite_indicator(kite: dict[str, Any]) -> Indicator:
    """NI 15 in the kite partnership, with eight quarters of values and a target."""
    partnership = kite["partnership"]
    place = area(partnership)
    ni15 = indicator(partnership, "NI 15")
    ni15.outcomes.add(outcome(partnership))
    if not ni15.values.exists():
        values(ni15, place, quarters("2024-Q1", [12, 11, 11.5, 10, 10.2, 9.8, 9.9, 9.5]))
        target(ni15, place, {"2025-Q4": 9.0, "2026-Q1": 8.8})
    return ni15


def pending_import(kite: dict[str, Any]) -> PendingImport:
    ni15 = kite_indicator(kite)
    place = ni15.values.first().area
    return PendingImport.objects.create(
        partnership=kite["partnership"],
        filename="values.csv",
        created_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        rows=[
            {
                "row": 2,
                "indicator_id": ni15.pk,
                "indicator": ni15.code,
                "area_id": place.pk,
                "area": place.name,
                "period": "2026-Q1",
                "ordinal": parse_period("2026-Q1").ordinal,
                "reason": "",
                "figures": {
                    "value": 9.1,
                    "numerator": None,
                    "denominator": None,
                    "lower": None,
                    "upper": None,
                    "status": "final",
                    "received": None,
                },
                "action": "new",
                "previous": None,
                "version": 0,
            }
        ],
    )
