"""The resources area's tables in a partnership's data package: export, check, import.

Rows are written in an order fixed by their content, so export, import and export again
give the same files. Numbers travel as exact decimals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from partnerscope.apps.partnerships.models import Partnership
from partnerscope.apps.resources.models import (
    Contribution,
    ContributionShare,
    PooledFund,
    PooledFundValue,
    ResourceSettings,
)
from partnerscope.apps.resources.pools import funds_of
from partnerscope.datapackage.resources import check_package_tables, split_refs
from partnerscope.datapackage.tables import TableError

Tables = Mapping[str, Sequence[Mapping[str, Any]]]
LINE_NUMBERS = ("amount", "fte", "hours", "cost_per_hour")
LINE_TEXTS = ("description", "source", "evidence")


def export_tables(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    """The partnership's resource settings, ledger lines and their shares as rows."""
    settings = ResourceSettings.objects.filter(partnership=partnership).first()
    lines = list(Contribution.objects.in_partnership(partnership).with_shares().order_by("ref"))
    return {
        "resource_settings": (
            [
                {
                    "year_start_month": settings.year_start_month,
                    "hours_per_fte": settings.hours_per_fte,
                }
            ]
            if settings
            else []
        ),
        "contributions": [
            {
                "id": line.ref,
                "organisation": line.organisation.ref,
                "year": line.year,
                "arrangement": line.arrangement,
                "kind": line.kind,
                **{name: getattr(line, name) for name in LINE_NUMBERS},
                "status": line.status,
                **{name: getattr(line, name) or None for name in LINE_TEXTS},
            }
            for line in lines
        ],
        "contribution_shares": [
            {"contribution": line.ref, "outcome": share.outcome_ref, "share": share.share}
            for line in lines
            for share in sorted(line.shares.all(), key=lambda share: share.outcome_ref)
        ],
        **export_funds(partnership),
    }


def export_funds(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    funds = sorted(funds_of(partnership), key=lambda fund: fund.ref)
    return {
        "pooled_funds": [
            {
                "id": fund.ref,
                "name": fund.name,
                "kind": fund.kind,
                "host": fund.host.ref,
                "legal_basis": fund.legal_basis or None,
                "written_agreement": fund.written_agreement,
                "agreement_date": fund.agreement_date,
                "vat_recovery": fund.vat_recovery or None,
                "outcomes": ";".join(fund.outcome_refs) or None,
            }
            for fund in funds
        ],
        "pooled_fund_members": [
            {"fund": fund.ref, "organisation": ref}
            for fund in funds
            for ref in sorted(member.ref for member in fund.members.all())
        ],
        "pooled_fund_values": [
            {"fund": fund.ref, "year": value.year, "amount": value.amount}
            for fund in funds
            for value in sorted(fund.values.all(), key=lambda value: value.year)
        ],
    }


def check_tables(tables: Tables) -> list[TableError]:
    return check_package_tables(tables)


def decimal_or_none(value: Any) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def import_tables(partnership: Partnership, tables: Tables, refs: Any) -> None:
    """Create the resources area's records of a checked package, inside the import's
    transaction."""
    for row in tables.get("resource_settings", []):
        ResourceSettings.objects.create(
            partnership=partnership,
            year_start_month=row["year_start_month"],
            hours_per_fte=Decimal(str(row["hours_per_fte"])),
        )
    lines = Contribution.objects.bulk_create(
        Contribution(
            partnership=partnership,
            ref=row["id"],
            organisation=refs.organisations[row["organisation"]],
            year=row["year"],
            arrangement=row["arrangement"],
            kind=row["kind"],
            status=row["status"],
            **{name: decimal_or_none(row.get(name)) for name in LINE_NUMBERS},
            **{name: row.get(name) or "" for name in LINE_TEXTS},
        )
        for row in tables.get("contributions", [])
    )
    by_ref = {line.ref: line for line in lines}
    ContributionShare.objects.bulk_create(
        ContributionShare(
            contribution=by_ref[row["contribution"]],
            outcome_ref=row["outcome"],
            share=Decimal(str(row["share"])),
        )
        for row in tables.get("contribution_shares", [])
    )
    funds = {}
    for row in tables.get("pooled_funds", []):
        funds[row["id"]] = PooledFund.objects.create(
            partnership=partnership,
            ref=row["id"],
            name=row["name"],
            kind=row["kind"],
            host=refs.organisations[row["host"]],
            legal_basis=row.get("legal_basis") or "",
            written_agreement=bool(row.get("written_agreement")),
            agreement_date=row.get("agreement_date"),
            vat_recovery=row.get("vat_recovery") or "",
            outcome_refs=split_refs(row.get("outcomes")),
        )
    for row in tables.get("pooled_fund_members", []):
        funds[row["fund"]].members.add(refs.organisations[row["organisation"]])
    PooledFundValue.objects.bulk_create(
        PooledFundValue(
            fund=funds[row["fund"]], year=row["year"], amount=Decimal(str(row["amount"]))
        )
        for row in tables.get("pooled_fund_values", [])
    )
