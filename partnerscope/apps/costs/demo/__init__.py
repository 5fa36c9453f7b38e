"""The demo's costs and benefits rows for Northshire (demo partnership 0): its support
team, a rate card marked illustrative, its meeting-cost settings and two initiatives with a
full cost–benefit analysis: an early-help programme that pays back, and a domestic-abuse
one-stop service (tied to the demo's domestic-abuse chain) that the county council pays
for while health and the police save. Every figure is invented for the demo."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.costs.demo.initiatives import add_initiatives
from partnerscope.apps.costs.demo.partnership import add_partnership_costs

Rows = list[dict[str, Any]]
TABLES = (
    "cost_initiatives",
    "cost_initiative_costs",
    "cost_outcomes",
    "cost_benefits",
    "cost_ranges",
    "unit_costs",
    "support_costs",
    "hourly_rates",
    "meeting_cost_settings",
)


def demo_tables(tables: dict[str, Any], index: int) -> dict[str, Rows]:
    """The costs rows of demo partnership ``index``: Northshire's (index 0), none for others."""
    result: dict[str, Rows] = {name: [] for name in TABLES}
    if index != 0:
        return result
    slug = tables["partnership"][0]["slug"]
    organisations = {row["id"] for row in tables["organisations"]}

    def organisation(suffix: str) -> str:
        ref = f"{slug}-{suffix}"
        if ref not in organisations:
            raise ValueError(f"the demo has no organisation {ref}")
        return ref

    add_partnership_costs(result, organisation)
    add_initiatives(result, organisation)
    return result
