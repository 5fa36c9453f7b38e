"""The unit-cost library: entries restated at a base year's prices with the shipped
deflator, and the import of a CSV file in the layout docs/costs.md describes (read by the
core's :func:`partnerscope.core.costs.parse_unit_costs`), all rows or none."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from partnerscope.apps.common.records import unique_ref
from partnerscope.apps.costs.models import UnitCost
from partnerscope.core.costs import DeflatorSeries, UnitCostErrors, parse_unit_costs, uprate
from partnerscope.reference.costs import load_deflators


@dataclass(frozen=True)
class UpratedCost:
    """A library entry with its value at the base year's prices (None when the deflator
    does not cover its price year)."""

    entry: UnitCost
    base_value: float | None


def default_base_year(series: DeflatorSeries, today_year: int) -> int:
    """This year, kept within the years the deflator covers."""
    return min(max(today_year, min(series.index)), max(series.index))


def uprated_library(partnership: Any, base_year: int) -> list[UpratedCost]:
    """Every entry of the partnership's library with its value at ``base_year`` prices."""
    series = load_deflators()
    found = []
    for entry in UnitCost.objects.filter(partnership=partnership):
        try:
            value = uprate(float(entry.value), entry.price_year, base_year, series)
        except ValueError:
            value = None
        found.append(UpratedCost(entry, value))
    return found


def _ref(partnership: Any, code: str) -> str:
    return unique_ref(UnitCost.objects.filter(partnership=partnership), code)


@transaction.atomic
def import_unit_costs(
    partnership: Any, text: str, default_source: str = "", default_licence: str = ""
) -> tuple[int, int]:
    """Add or correct (as new versions) the entries of ``text``, matched by code; returns
    how many were added and changed. Raises :class:`UnitCostErrors` naming each bad row,
    and then saves nothing."""
    entries = parse_unit_costs(text, default_source, default_licence)
    added = changed = 0
    for cost in entries:
        fields = {
            "category": cost.category,
            "description": cost.description,
            "unit": cost.unit,
            "value": Decimal(str(round(cost.value, 2))),
            "agency": cost.agency,
            "price_year": cost.price_year,
            "source": cost.source,
            "licence": cost.licence,
            "type": cost.type,
            "confidence": cost.confidence,
        }
        existing = UnitCost.objects.filter(partnership=partnership, code=cost.code).first()
        if existing is None:
            UnitCost.objects.create(
                partnership=partnership, code=cost.code, ref=_ref(partnership, cost.code), **fields
            )
            added += 1
        elif any(getattr(existing, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(existing, name, value)
            existing.save()
            changed += 1
    return added, changed


def save_unit_cost(partnership: Any, form: Any) -> UnitCost:
    """Add or change one entry from its form."""
    entry: UnitCost = form.save(commit=False)
    entry.partnership = partnership
    if not entry.ref:
        entry.ref = _ref(partnership, entry.code)
    entry.save()
    return entry


__all__ = [
    "UnitCostErrors",
    "UpratedCost",
    "default_base_year",
    "import_unit_costs",
    "save_unit_cost",
    "uprated_library",
]
