"""What other apps may read of the resources area: the strategy area's outcome page and
its "outcome with no resources" rule read :func:`resources_for_outcome`."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.resources.alignment import core_lines
from partnerscope.apps.resources.lookups import organisations_by_ref


def resources_for_outcome(partnership: Any, outcome_ref: str) -> list[dict[str, Any]]:
    """The money and staff time each partner gives one outcome, over every year of the
    ledger: ``organisation`` (ref), ``name``, ``amount`` (pounds, the lines' shares for this
    outcome) and ``hours`` (staff hours, FTE turned into hours), largest amount first.
    An empty list means the outcome has no resources in the ledger."""
    names = {
        ref: organisation.name for ref, organisation in organisations_by_ref(partnership).items()
    }
    totals: dict[str, list[float]] = {}
    for line in core_lines(partnership):
        for outcome, share in line.shares:
            if outcome == outcome_ref:
                found = totals.setdefault(line.organisation, [0.0, 0.0])
                found[0] += line.amount * share
                found[1] += line.hours * share
    return sorted(
        (
            {
                "organisation": ref,
                "name": names.get(ref, ref),
                "amount": round(amount, 2),
                "hours": round(hours, 1),
            }
            for ref, (amount, hours) in totals.items()
        ),
        key=lambda row: (-row["amount"], row["organisation"]),
    )
