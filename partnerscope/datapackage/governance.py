"""The governance area's table: each partner's planning and reporting cycle (its financial
year, the months it sets its budget and agrees its business plan, and its reporting period).

Months are whole numbers from 1 (January) to 12 (December); a window may wrap round the
year end (a budget set from October to February).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.datapackage.schema import REF_PATTERN, Field, Resource
from partnerscope.datapackage.tables import TableError

__all__ = ["MONTH_COLUMNS", "PERIODS", "RESOURCES", "check_cycle_tables"]

MONTH_COLUMNS = (
    "year_start_month",
    "budget_start_month",
    "budget_end_month",
    "planning_start_month",
    "planning_end_month",
)
PERIODS = (1, 3, 6, 12)
"""Months in a reporting period: monthly, quarterly, half-yearly, yearly."""

RESOURCES: list[Resource] = [
    Resource(
        "partner_cycles",
        "Each partner's financial year, budget-setting and business-planning windows and "
        "reporting period.",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("organisation", required=True, description="The partner organisation's id."),
            *(
                Field(name, "integer", required=True, description="A month, 1 to 12.")
                for name in MONTH_COLUMNS
            ),
            Field(
                "reporting_period_months",
                "integer",
                required=True,
                description="Months in a reporting period: 1, 3, 6 or 12.",
            ),
        ],
        primary_key=["id"],
        foreign_keys=[(["organisation"], "organisations", ["id"])],
        optional=True,
    )
]


def check_cycle_tables(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[TableError]:
    """Months from 1 to 12, a known reporting period, and one cycle per organisation."""
    errors: list[TableError] = []
    path = "partner_cycles.csv"
    seen: set[str] = set()
    for number, row in enumerate(tables.get("partner_cycles", []), start=2):
        for name in MONTH_COLUMNS:
            value = row.get(name)
            if value is not None and not 1 <= int(value) <= 12:
                errors.append(TableError(path, number, name, "a month is a number from 1 to 12"))
        period = row.get("reporting_period_months")
        if period is not None and int(period) not in PERIODS:
            errors.append(
                TableError(
                    path, number, "reporting_period_months", "a period lasts 1, 3, 6 or 12 months"
                )
            )
        organisation = str(row.get("organisation"))
        if organisation in seen:
            errors.append(
                TableError(path, number, "organisation", "this organisation already has a cycle")
            )
        seen.add(organisation)
    return errors
