"""Sample records of the kite partnership for every costs URL that takes parameters."""

from __future__ import annotations

from tests.apps.costs.builders import falls_initiative


def initiative(kite):
    return {"pk": falls_initiative(kite).pk}


def step(kite):
    return {"pk": falls_initiative(kite).pk, "step": "outcomes"}


def part(kite):
    found = falls_initiative(kite)
    return {"pk": found.pk, "step": "costs", "row_pk": found.costs.first().pk}


SAMPLES = {
    "costs:initiative_results": initiative,
    "costs:initiative_edit": initiative,
    "costs:initiative_flows": initiative,
    "costs:initiative_step": step,
    "costs:part_edit": part,
    "costs:part_delete": part,
}


def unit_cost(kite):
    from partnerscope.apps.costs.models import UnitCost

    entry, _ = UnitCost.objects.get_or_create(
        partnership=kite["partnership"],
        code="K1",
        defaults={
            "ref": "k1",
            "description": "A night in a refuge",
            "unit": "per night",
            "value": 100,
            "agency": "Council",
            "price_year": 2020,
            "source": "Kite survey",
        },
    )
    return {"pk": entry.pk}


SAMPLES |= {"costs:unit_cost_edit": unit_cost, "costs:unit_cost_delete": unit_cost}


def support_cost(kite):
    from partnerscope.apps.costs.models import SupportCost

    entry = SupportCost.objects.filter(partnership=kite["partnership"]).first()
    if entry is None:
        entry = SupportCost.objects.create(
            partnership=kite["partnership"],
            ref="support",
            category="website",
            year=2025,
            organisation=kite["council"],
            amount=1200,
        )
    return {"kind": "support", "pk": entry.pk}


SAMPLES |= {
    "costs:record_create": lambda kite: {"kind": "rates"},
    "costs:record_edit": support_cost,
    "costs:record_delete": support_cost,
}
