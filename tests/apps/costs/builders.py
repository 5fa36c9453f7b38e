"""Initiatives of the kite partnership for the costs tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from partnerscope.apps.costs.models import (
    AssumptionRange,
    BenefitLine,
    Initiative,
    InitiativeCost,
    InitiativeOutcome,
)


def falls_initiative(kite: dict[str, Any]) -> Initiative:
    """A falls-prevention initiative: the council pays, the police and the council save,
    one outcome graded by confidence, a health outcome and two ranges."""
    found = Initiative.objects.filter(partnership=kite["partnership"], ref="falls").first()
    if found is not None:
        return found
    initiative = Initiative.objects.create(
        partnership=kite["partnership"],
        ref="falls",
        name="Falls prevention",
        base_year=2025,
        years=6,
    )
    council, police = kite["council"], kite["police"]
    for number, (organisation, kind, year, amount) in enumerate(
        [
            (council, "revenue", 0, "50000"),
            (council, "revenue", 1, "30000"),
            (police, "in_kind", 0, "5000"),
            (council, "capital", 0, "12000"),
        ]
    ):
        InitiativeCost.objects.create(
            initiative=initiative,
            ref=f"cost-{number}",
            organisation=organisation,
            kind=kind,
            year=year,
            amount=Decimal(amount),
        )
    callouts = InitiativeOutcome.objects.create(
        initiative=initiative,
        ref="callouts",
        name="Fewer call-outs",
        cohort=300,
        need=500,
        engagement=0.6,
        impact=0.4,
        deadweight=0.1,
        lag=1,
        drop_off=0.2,
        confidence="3",
    )
    admissions = InitiativeOutcome.objects.create(
        initiative=initiative,
        ref="admissions",
        name="Fewer admissions",
        cohort=120,
        engagement=0.8,
        impact=0.3,
        deadweight=0.2,
        lag=0,
        drop_off=0.1,
        optimism_bias=0.15,
        health=True,
    )
    police_saving = BenefitLine.objects.create(
        outcome=callouts,
        ref="police",
        name="Call-outs avoided",
        type="fiscal",
        organisation=police,
        value=Decimal("450"),
        cashable=0.25,
    )
    BenefitLine.objects.create(
        outcome=admissions,
        ref="council",
        name="Care avoided",
        type="fiscal",
        organisation=council,
        value=Decimal("900"),
        cashable=0.5,
    )
    BenefitLine.objects.create(
        outcome=admissions,
        ref="wellbeing",
        name="Wellbeing",
        type="social",
        organisation=council,
        value=Decimal("700"),
    )
    AssumptionRange.objects.create(
        initiative=initiative,
        ref="impact",
        assumption="impact",
        outcome=admissions,
        low=0.2,
        high=0.35,
    )
    AssumptionRange.objects.create(
        initiative=initiative,
        ref="value",
        assumption="value",
        benefit=police_saving,
        low=300,
        high=600,
    )
    return initiative
