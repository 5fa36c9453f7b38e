"""Northshire's two appraised initiatives. Every figure is invented for the demo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

UNIT_SOURCE = "Illustrative: invented for the PartnerScope demo, not a published unit cost"


def _initiative(result: dict[str, Any], **row: Any) -> None:
    result["cost_initiatives"].append(
        {"description": "", "discount_rate": None, "spread": 0.2, "chain": None, **row}
    )


def _costs(
    result: dict[str, Any], initiative: str, lines: list[tuple[str, str, range, int]]
) -> None:
    number = 0
    for organisation, kind, years, amount in lines:
        for year in years:
            number += 1
            result["cost_initiative_costs"].append(
                {
                    "initiative": initiative,
                    "id": f"cost-{number:02d}",
                    "organisation": organisation,
                    "kind": kind,
                    "year": year,
                    "amount": amount,
                }
            )


def _outcome(result: dict[str, Any], initiative: str, **row: Any) -> None:
    result["cost_outcomes"].append(
        {
            "initiative": initiative,
            "need": None,
            "optimism_bias": None,
            "confidence": None,
            "health": False,
            **row,
        }
    )


def _benefit(result: dict[str, Any], initiative: str, outcome: str, **row: Any) -> None:
    result["cost_benefits"].append(
        {"initiative": initiative, "outcome": outcome, "cashable": 0.0, "unit_cost": None, **row}
    )


def _unit_cost(
    result: dict[str, Any], code: str, description: str, unit: str, value: int, agency: str
) -> None:
    result["unit_costs"].append(
        {
            "id": code.lower(),
            "code": code,
            "category": "",
            "description": description,
            "unit": unit,
            "value": value,
            "agency": agency,
            "price_year": 2025,
            "source": UNIT_SOURCE,
            "licence": "",
            "type": "fiscal",
            "confidence": "",
        }
    )


def add_initiatives(result: dict[str, Any], organisation: Callable[[str], str]) -> None:
    council, police, icb = (
        organisation("county-council"),
        organisation("police"),
        organisation("icb"),
    )
    cvs, womens_aid = organisation("cvs"), organisation("womens-aid")
    _unit_cost(
        result,
        "DEMO-CS1",
        "A child looked after for a year (example)",
        "per child per year",
        24000,
        "Council",
    )
    _unit_cost(
        result,
        "DEMO-PO1",
        "Police response to a domestic abuse incident (example)",
        "per incident",
        2000,
        "Police",
    )
    _unit_cost(
        result,
        "DEMO-HE1",
        "Health care after a domestic abuse incident (example)",
        "per victim per year",
        3500,
        "NHS",
    )

    early = "early-help"
    _initiative(
        result,
        id=early,
        name="Early help programme",
        description="Family key workers who step in before problems reach social care.",
        base_year=2025,
        years=10,
        chain="neet",
    )
    _costs(
        result,
        early,
        [
            (council, "revenue", range(0, 5), 250000),
            (council, "capital", range(0, 1), 40000),
            (cvs, "in_kind", range(0, 5), 20000),
        ],
    )
    _outcome(
        result,
        early,
        id="fewer-entering-care",
        name="Fewer children entering care",
        cohort=300,
        engagement=0.7,
        impact=0.15,
        deadweight=0.3,
        lag=1,
        drop_off=0.1,
        confidence="3",
    )
    _benefit(
        result,
        early,
        "fewer-entering-care",
        id="care-avoided",
        name="Care placements avoided",
        type="fiscal",
        organisation=council,
        value=24000,
        cashable=0.3,
        unit_cost="DEMO-CS1",
    )
    _outcome(
        result,
        early,
        id="fewer-offending",
        name="Fewer young people offending",
        cohort=300,
        engagement=0.7,
        impact=0.25,
        deadweight=0.4,
        lag=1,
        drop_off=0.2,
        optimism_bias=0.15,
    )
    _benefit(
        result,
        early,
        "fewer-offending",
        id="police-time",
        name="Police time saved",
        type="fiscal",
        organisation=police,
        value=2500,
        cashable=0.1,
    )
    _benefit(
        result,
        early,
        "fewer-offending",
        id="wellbeing",
        name="Children's wellbeing",
        type="social",
        organisation=council,
        value=3000,
    )
    result["cost_ranges"].append(
        {
            "initiative": early,
            "id": "impact",
            "assumption": "impact",
            "outcome": "fewer-entering-care",
            "benefit": None,
            "low": 0.08,
            "high": 0.2,
        }
    )

    abuse = "domestic-abuse-one-stop"
    _initiative(
        result,
        id=abuse,
        name="Domestic abuse one-stop service",
        description="One place where victims meet the police, health, housing and Women's Aid.",
        base_year=2025,
        years=8,
        chain="domestic-abuse",
    )
    _costs(
        result,
        abuse,
        [
            (council, "revenue", range(0, 8), 180000),
            (womens_aid, "in_kind", range(0, 8), 15000),
            (police, "in_kind", range(0, 8), 10000),
        ],
    )
    _outcome(
        result,
        abuse,
        id="fewer-repeats",
        name="Fewer repeat incidents",
        cohort=500,
        engagement=0.4,
        impact=0.2,
        deadweight=0.3,
        lag=0,
        drop_off=0.15,
        confidence="4",
    )
    _benefit(
        result,
        abuse,
        "fewer-repeats",
        id="police-response",
        name="Police responses avoided",
        type="fiscal",
        organisation=police,
        value=2000,
        cashable=0.1,
        unit_cost="DEMO-PO1",
    )
    _benefit(
        result,
        abuse,
        "fewer-repeats",
        id="health-care",
        name="Health care avoided",
        type="fiscal",
        organisation=icb,
        value=3500,
        cashable=0.2,
        unit_cost="DEMO-HE1",
    )
    _benefit(
        result,
        abuse,
        "fewer-repeats",
        id="quality-of-life",
        name="Victims' quality of life",
        type="social",
        organisation=council,
        value=10000,
    )
    _outcome(
        result,
        abuse,
        id="better-mental-health",
        name="Better mental health of survivors",
        cohort=500,
        engagement=0.4,
        impact=0.2,
        deadweight=0.3,
        lag=1,
        drop_off=0.2,
        optimism_bias=0.15,
        health=True,
    )
    _benefit(
        result,
        abuse,
        "better-mental-health",
        id="mental-health-care",
        name="Mental health care avoided",
        type="fiscal",
        organisation=icb,
        value=1800,
        cashable=0.2,
    )
    result["cost_ranges"].append(
        {
            "initiative": abuse,
            "id": "engagement",
            "assumption": "engagement",
            "outcome": "fewer-repeats",
            "benefit": None,
            "low": 0.3,
            "high": 0.55,
        }
    )
