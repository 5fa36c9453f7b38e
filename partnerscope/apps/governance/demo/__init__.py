"""The governance area's demo rows: the county partnership's partners' cycles, where the
council sets its budget from October to February and the integrated care board from
January to March, so the partnership's decisions through the year miss one window or the
other (the misaligned health and council budget windows the cycle rules find)."""

from __future__ import annotations

from typing import Any

Rows = dict[str, list[dict[str, Any]]]

# (organisation suffix, year start, budget from, to, planning from, to, reporting months)
COUNTY_CYCLES = [
    ("county-council", 4, 10, 2, 9, 3, 3),
    ("icb", 4, 1, 3, 11, 3, 3),
]


def demo_tables(tables: dict[str, Any], index: int) -> Rows:
    """The cycles of the council and the health partner of every county partnership."""
    partnership = tables["partnership"][0]
    if partnership.get("parent") not in (None, ""):
        return {"partner_cycles": []}
    known = {row["id"] for row in tables["organisations"]}
    council = next(ref for ref in known if ref.endswith("-county-council"))
    prefix = council.removesuffix("county-council")
    rows = []
    for suffix, year, budget_from, budget_to, plan_from, plan_to, period in COUNTY_CYCLES:
        organisation = f"{prefix}{suffix}"
        if organisation not in known:
            continue
        rows.append(
            {
                "id": f"{suffix}-cycle",
                "organisation": organisation,
                "year_start_month": year,
                "budget_start_month": budget_from,
                "budget_end_month": budget_to,
                "planning_start_month": plan_from,
                "planning_end_month": plan_to,
                "reporting_period_months": period,
            }
        )
    return {"partner_cycles": rows}
