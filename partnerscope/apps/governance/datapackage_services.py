"""The governance area's table in a partnership's data package: the partners' cycles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.apps.governance.models import PartnerCycle
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.datapackage.governance import MONTH_COLUMNS, check_cycle_tables
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]
COLUMNS = (*MONTH_COLUMNS, "reporting_period_months")


def export_tables(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    return {
        "partner_cycles": [
            {"id": cycle.ref, "organisation": cycle.organisation.ref}
            | {name: getattr(cycle, name) for name in COLUMNS}
            for cycle in PartnerCycle.objects.in_partnership(partnership).order_by("ref")
        ]
    }


def check_tables(tables: Tables) -> list[TableError]:
    return check_cycle_tables(tables)


def import_tables(partnership: Partnership, tables: Tables, refs: Any) -> None:
    """Create the partners' cycles, inside the import's transaction."""
    for row in tables.get("partner_cycles", []):
        PartnerCycle.objects.create(
            partnership=partnership,
            ref=row["id"],
            organisation=refs.organisations[row["organisation"]],
            **{name: int(row[name]) for name in COLUMNS},
        )
