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
