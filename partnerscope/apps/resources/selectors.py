"""What other apps may read of the resources area: the strategy area's outcome page and
its "outcome with no resources" rule read :func:`resources_for_outcome`."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.common.extensions import OutcomeResources, Panel
from partnerscope.apps.resources.alignment import core_lines
from partnerscope.apps.resources.lookups import organisations_by_ref, outcomes_by_ref


def resources_by_outcome(partnership: Any) -> dict[str, list[dict[str, Any]]]:
    """For each outcome ref with resources, what :func:`resources_for_outcome` gives, read
    from the ledger once."""
    names = {ref: org.name for ref, org in organisations_by_ref(partnership).items()}
    totals: dict[str, dict[str, list[float]]] = {}
    for line in core_lines(partnership):
        for outcome, share in line.shares:
            found = totals.setdefault(outcome, {}).setdefault(line.organisation, [0.0, 0.0])
            found[0] += line.amount * share
            found[1] += line.hours * share
    return {
        outcome: sorted(
            (
                {
                    "organisation": ref,
                    "name": names.get(ref, ref),
                    "amount": round(amount, 2),
                    "hours": round(hours, 1),
                }
                for ref, (amount, hours) in by_partner.items()
            ),
            key=lambda row: (-row["amount"], row["organisation"]),
        )
        for outcome, by_partner in totals.items()
    }


def resources_for_outcome(partnership: Any, outcome_ref: str) -> list[dict[str, Any]]:
    """The money and staff time each partner gives one outcome, over every year of the
    ledger: ``organisation`` (ref), ``name``, ``amount`` (pounds, the lines' shares for this
    outcome) and ``hours`` (staff hours, FTE turned into hours), largest amount first.
    An empty list means the outcome has no resources in the ledger."""
    return resources_by_outcome(partnership).get(outcome_ref, [])


def outcome_resources(partnership: Any) -> dict[str, OutcomeResources] | None:
    """For every outcome, how many partners give it money or staff time in the ledger and
    the panel that lists them on the outcome's page (the ``outcome_resources`` extension
    point); None while the partnership's ledger is empty, so nothing is judged unfunded
    before any resources are recorded."""
    found = resources_by_outcome(partnership)
    if not found:
        return None
    result: dict[str, OutcomeResources] = {}
    for outcome in outcomes_by_ref(partnership):
        rows = found.get(outcome, [])
        panel = Panel("resources/includes/_outcome_panel.html", {"rows": rows}) if rows else None
        result[outcome] = OutcomeResources(len(rows), panel)
    return result
