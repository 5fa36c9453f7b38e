"""The costs and benefits tables of the data package: export, check and import.

The tables are declared in ``partnerscope.datapackage.costs.RESOURCES``. The package's
schema checks types, enumerations and keys; :func:`check_tables` adds what spans rows or
what a type cannot say (shares from 0 to 1, a cost's year within its initiative's years, a
range that names its outcome or benefit line, a unit cost with its source).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from partnerscope.apps.costs.models import (
    AssumptionRange,
    BenefitLine,
    HourlyRate,
    Initiative,
    InitiativeCost,
    InitiativeOutcome,
    MeetingCostSetting,
    SupportCost,
    UnitCost,
)
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.core.costs import MAX_YEARS
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]
SHARES = ("engagement", "impact", "deadweight", "drop_off", "optimism_bias")


def amount(value: Decimal | None) -> Decimal | int | None:
    """An amount without trailing zeros: 25000 rather than 25000.00."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value.normalize()


def export_tables(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    """The partnership's initiatives, unit costs, support costs, rate card and settings."""
    initiatives = Initiative.objects.filter(partnership=partnership).order_by("ref")
    outcomes = InitiativeOutcome.objects.filter(initiative__partnership=partnership)
    setting = MeetingCostSetting.objects.filter(partnership=partnership).first()
    return {
        "cost_initiatives": [
            {
                "id": i.ref,
                "name": i.name,
                "description": i.description,
                "base_year": i.base_year,
                "years": i.years,
                "discount_rate": i.discount_rate,
                "spread": i.spread,
                "chain": i.chain_ref,
            }
            for i in initiatives
        ],
        "cost_initiative_costs": [
            {
                "initiative": c.initiative.ref,
                "id": c.ref,
                "organisation": c.organisation.ref,
                "kind": c.kind,
                "year": c.year,
                "amount": amount(c.amount),
            }
            for c in InitiativeCost.objects.filter(initiative__partnership=partnership)
            .select_related("initiative", "organisation")
            .order_by("initiative__ref", "year", "id")
        ],
        "cost_outcomes": [
            {
                "initiative": o.initiative.ref,
                "id": o.ref,
                "name": o.name,
                "cohort": o.cohort,
                "need": o.need,
                "engagement": o.engagement,
                "impact": o.impact,
                "deadweight": o.deadweight,
                "lag": o.lag,
                "drop_off": o.drop_off,
                "optimism_bias": o.optimism_bias,
                "confidence": o.confidence or None,
                "health": o.health,
            }
            for o in outcomes.select_related("initiative").order_by("initiative__ref", "id")
        ],
        "cost_benefits": [
            {
                "initiative": b.outcome.initiative.ref,
                "outcome": b.outcome.ref,
                "id": b.ref,
                "name": b.name,
                "type": b.type,
                "organisation": b.organisation.ref,
                "value": amount(b.value),
                "cashable": b.cashable,
                "unit_cost": b.unit_cost_code,
            }
            for b in BenefitLine.objects.filter(outcome__initiative__partnership=partnership)
            .select_related("outcome__initiative", "organisation")
            .order_by("outcome__initiative__ref", "outcome_id", "id")
        ],
        "cost_ranges": [
            {
                "initiative": r.initiative.ref,
                "id": r.ref,
                "assumption": r.assumption,
                "outcome": r.outcome.ref
                if r.outcome
                else (r.benefit.outcome.ref if r.benefit else None),
                "benefit": r.benefit.ref if r.benefit else None,
                "low": r.low,
                "high": r.high,
            }
            for r in AssumptionRange.objects.filter(initiative__partnership=partnership)
            .select_related("initiative", "outcome", "benefit__outcome")
            .order_by("initiative__ref", "id")
        ],
        "unit_costs": [
            {
                "id": u.ref,
                "code": u.code,
                "category": u.category,
                "description": u.description,
                "unit": u.unit,
                "value": amount(u.value),
                "agency": u.agency,
                "price_year": u.price_year,
                "source": u.source,
                "licence": u.licence,
                "type": u.type,
                "confidence": u.confidence,
            }
            for u in UnitCost.objects.filter(partnership=partnership).order_by("ref")
        ],
        "support_costs": [
            {
                "id": s.ref,
                "category": s.category,
                "year": s.year,
                "organisation": s.organisation.ref,
                "payment": s.payment,
                "amount": amount(s.amount),
                "description": s.description,
            }
            for s in SupportCost.objects.filter(partnership=partnership)
            .select_related("organisation")
            .order_by("ref")
        ],
        "hourly_rates": [
            {
                "id": r.ref,
                "organisation": r.organisation.ref if r.organisation else None,
                "sector": r.sector or None,
                "role": r.role,
                "hourly_cost": amount(r.hourly_cost),
                "price_year": r.price_year,
                "source": r.source,
                "illustrative": r.illustrative,
            }
            for r in HourlyRate.objects.filter(partnership=partnership)
            .select_related("organisation")
            .order_by("ref")
        ],
        "meeting_cost_settings": []
        if setting is None
        else [
            {
                "preparation_hours": setting.preparation_hours,
                "travel_hours": setting.travel_hours,
                "price_year": setting.price_year,
            }
        ],
    }


def _rows(tables: Tables, name: str) -> list[tuple[int, Mapping[str, Any]]]:
    return list(enumerate(tables.get(name, []), start=2))


def check_tables(tables: Tables) -> list[TableError]:
    """Every problem the schema cannot see, each located by file, row and column."""
    errors: list[TableError] = []
    years = {row["id"]: row["years"] for row in tables.get("cost_initiatives", [])}
    for number, row in _rows(tables, "cost_initiatives"):
        if not 1 <= row["years"] <= MAX_YEARS:
            errors.append(
                TableError("cost_initiatives.csv", number, "years", f"must be 1 to {MAX_YEARS}")
            )
        for column in ("discount_rate", "spread"):
            if row.get(column) is not None and not 0 <= row[column] <= 1:
                errors.append(
                    TableError("cost_initiatives.csv", number, column, "must be between 0 and 1")
                )
    for number, row in _rows(tables, "cost_initiative_costs"):
        limit = years.get(row["initiative"])
        if limit is not None and not 0 <= row["year"] < limit:
            errors.append(
                TableError(
                    "cost_initiative_costs.csv",
                    number,
                    "year",
                    f"must be a whole number from 0 to {limit - 1}",
                )
            )
        if row["amount"] < 0:
            errors.append(TableError("cost_initiative_costs.csv", number, "amount", "is negative"))
    for number, row in _rows(tables, "cost_outcomes"):
        for column in SHARES:
            if row.get(column) is not None and not 0 <= row[column] <= 1:
                errors.append(
                    TableError("cost_outcomes.csv", number, column, "must be between 0 and 1")
                )
        if row.get("optimism_bias") is None and not row.get("confidence"):
            errors.append(
                TableError(
                    "cost_outcomes.csv",
                    number,
                    "optimism_bias",
                    "give a bias or a confidence grade",
                )
            )
        if row["cohort"] < 0 or row["lag"] < 0:
            errors.append(TableError("cost_outcomes.csv", number, "cohort", "must be 0 or more"))
    for number, row in _rows(tables, "cost_benefits"):
        if not 0 <= row["cashable"] <= 1:
            errors.append(
                TableError("cost_benefits.csv", number, "cashable", "must be between 0 and 1")
            )
        if row["value"] < 0:
            errors.append(TableError("cost_benefits.csv", number, "value", "is negative"))
    outcomes = {(row["initiative"], row["id"]) for row in tables.get("cost_outcomes", [])}
    benefits = {
        (row["initiative"], row["outcome"], row["id"]) for row in tables.get("cost_benefits", [])
    }
    for number, row in _rows(tables, "cost_ranges"):
        if row["assumption"] != "costs" and (row["initiative"], row.get("outcome")) not in outcomes:
            errors.append(
                TableError(
                    "cost_ranges.csv", number, "outcome", "no such outcome of the initiative"
                )
            )
        if (
            row["assumption"] == "value"
            and (
                row["initiative"],
                row.get("outcome"),
                row.get("benefit"),
            )
            not in benefits
        ):
            errors.append(
                TableError(
                    "cost_ranges.csv", number, "benefit", "no such benefit line of the outcome"
                )
            )
        if row["low"] > row["high"]:
            errors.append(TableError("cost_ranges.csv", number, "high", "is below low"))
    for number, row in _rows(tables, "hourly_rates"):
        if row["hourly_cost"] < 0:
            errors.append(TableError("hourly_rates.csv", number, "hourly_cost", "is negative"))
    if len(tables.get("meeting_cost_settings", [])) > 1:
        errors.append(TableError("meeting_cost_settings.csv", 3, "", "only one row is allowed"))
    return errors


def import_tables(partnership: Partnership, tables: Tables, refs: Any) -> None:
    """Create the records from checked rows (inside the package import's transaction)."""
    initiatives = {
        row["id"]: Initiative.objects.create(
            partnership=partnership,
            ref=row["id"],
            name=row["name"],
            description=row.get("description") or "",
            base_year=row["base_year"],
            years=row["years"],
            discount_rate=row.get("discount_rate"),
            spread=row["spread"],
            chain_ref=row.get("chain") or "",
        )
        for row in tables.get("cost_initiatives", [])
    }
    for row in tables.get("cost_initiative_costs", []):
        InitiativeCost.objects.create(
            initiative=initiatives[row["initiative"]],
            ref=row["id"],
            organisation=refs.organisations[row["organisation"]],
            kind=row["kind"],
            year=row["year"],
            amount=Decimal(str(row["amount"])),
        )
    outcomes = {}
    for row in tables.get("cost_outcomes", []):
        outcomes[(row["initiative"], row["id"])] = InitiativeOutcome.objects.create(
            initiative=initiatives[row["initiative"]],
            ref=row["id"],
            name=row["name"],
            cohort=row["cohort"],
            need=row.get("need"),
            engagement=row["engagement"],
            impact=row["impact"],
            deadweight=row["deadweight"],
            lag=row["lag"],
            drop_off=row["drop_off"],
            optimism_bias=row.get("optimism_bias"),
            confidence=row.get("confidence") or "",
            health=bool(row["health"]),
        )
    benefits = {}
    for row in tables.get("cost_benefits", []):
        benefits[(row["initiative"], row["outcome"], row["id"])] = BenefitLine.objects.create(
            outcome=outcomes[(row["initiative"], row["outcome"])],
            ref=row["id"],
            name=row.get("name") or "",
            type=row["type"],
            organisation=refs.organisations[row["organisation"]],
            value=Decimal(str(row["value"])),
            cashable=row["cashable"],
            unit_cost_code=row.get("unit_cost") or "",
        )
    for row in tables.get("cost_ranges", []):
        value = row["assumption"] == "value"
        AssumptionRange.objects.create(
            initiative=initiatives[row["initiative"]],
            ref=row["id"],
            assumption=row["assumption"],
            outcome=None
            if row["assumption"] == "costs" or value
            else outcomes[(row["initiative"], row["outcome"])],
            benefit=benefits[(row["initiative"], row["outcome"], row["benefit"])]
            if value
            else None,
            low=row["low"],
            high=row["high"],
        )
    _import_partnership_costs(partnership, tables, refs)


def _import_partnership_costs(partnership: Partnership, tables: Tables, refs: Any) -> None:
    UnitCost.objects.bulk_create(
        UnitCost(
            partnership=partnership,
            ref=row["id"],
            code=row["code"],
            category=row.get("category") or "",
            description=row["description"],
            unit=row["unit"],
            value=Decimal(str(row["value"])),
            agency=row["agency"],
            price_year=row["price_year"],
            source=row["source"],
            licence=row.get("licence") or "",
            type=row.get("type") or "",
            confidence=row.get("confidence") or "",
        )
        for row in tables.get("unit_costs", [])
    )
    SupportCost.objects.bulk_create(
        SupportCost(
            partnership=partnership,
            ref=row["id"],
            category=row["category"],
            year=row["year"],
            organisation=refs.organisations[row["organisation"]],
            payment=row["payment"],
            amount=Decimal(str(row["amount"])),
            description=row.get("description") or "",
        )
        for row in tables.get("support_costs", [])
    )
    HourlyRate.objects.bulk_create(
        HourlyRate(
            partnership=partnership,
            ref=row["id"],
            organisation=refs.organisations[row["organisation"]]
            if row.get("organisation")
            else None,
            sector=row.get("sector") or "",
            role=row.get("role") or "",
            hourly_cost=Decimal(str(row["hourly_cost"])),
            price_year=row["price_year"],
            source=row.get("source") or "",
            illustrative=bool(row["illustrative"]),
        )
        for row in tables.get("hourly_rates", [])
    )
    for row in tables.get("meeting_cost_settings", [])[:1]:
        MeetingCostSetting.objects.create(
            partnership=partnership,
            ref="settings",
            preparation_hours=row["preparation_hours"],
            travel_hours=row["travel_hours"],
            price_year=row.get("price_year"),
        )
