"""The learning area's tables in a partnership's data package: its sharing agreement and its
own practice entries (the site-wide library belongs to the site and travels in a file of
its own; see ``management/commands/import_practice_library.py``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from partnerscope.apps.learning.library import entry_values
from partnerscope.apps.learning.models import PracticeEntry, SharingAgreement
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.datapackage.learning import check_package_tables, rule_ids, rule_ids_text
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]


def export_tables(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    agreement = SharingAgreement.objects.filter(partnership=partnership).first()
    sharing_rows = (
        [
            {
                "shares": agreement.shares,
                "may_be_named": agreement.may_be_named,
                "agreed_by": agreement.agreed_by,
                "agreed_on": agreement.agreed_on,
            }
        ]
        if agreement
        else []
    )
    practice_rows = [
        {
            "id": entry.ref,
            "practice": entry.practice,
            "description": entry.description,
            "where": entry.where,
            "evidence": entry.evidence,
            "framework_part": entry.framework_part,
            "contact": entry.contact,
            "rule_ids": rule_ids_text(entry.rule_ids),
            "example": entry.example,
        }
        for entry in PracticeEntry.objects.own(partnership).order_by("ref")
    ]
    return {"learning_sharing": sharing_rows, "learning_practice": practice_rows}


def check_tables(tables: Tables) -> list[TableError]:
    return check_package_tables(tables)


def import_tables(partnership: Partnership, tables: Tables, refs: Any) -> None:
    """Create the sharing agreement and the own entries, inside the import's transaction."""
    for row in tables.get("learning_sharing", [])[:1]:
        SharingAgreement.objects.create(
            partnership=partnership,
            shares=row["shares"],
            may_be_named=row["may_be_named"],
            agreed_by=row["agreed_by"],
            agreed_on=row["agreed_on"],
        )
    for row in tables.get("learning_practice", []):
        values = entry_values({**row, "rule_ids": rule_ids(row.get("rule_ids"))})
        PracticeEntry.objects.create(partnership=partnership, ref=row["id"], **values)
