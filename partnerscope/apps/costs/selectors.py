"""What other apps may read of the costs and benefits area."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.costs import partnership_costs


def partnership_cost_per_year(partnership: Any) -> dict[int, float]:
    """The cost of the partnership itself by financial year (named by the year it starts
    in): its support-team costs plus its members' time in meetings, in pounds."""
    return partnership_costs.partnership_cost_per_year(partnership)
