"""The resources area's tables in a partnership's data package: its settings, the resource
ledger's lines and their split over the outcomes, and pooled funds.

``check_package_tables`` adds the rules a Table Schema cannot express, as
``file:row:column`` errors: a line's shares add to 1, staff time has its hours or FTE.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from partnerscope.core.resources.alignment import Line, OutcomeInfo, involvement_shares
from partnerscope.core.resources.funding import FundingLink
from partnerscope.core.resources.ledger import SHARE_TOLERANCE
from partnerscope.datapackage.schema import REF_PATTERN, Field, Resource
from partnerscope.datapackage.tables import TableError

__all__ = [
    "ARRANGEMENTS",
    "KINDS",
    "POOL_KINDS",
    "RESOURCES",
    "STATUSES",
    "alignment_inputs",
    "check_package_tables",
    "split_refs",
]

ARRANGEMENTS = ["pooling", "aligning", "grants", "procurement", "partnership"]
KINDS = ["revenue", "capital", "staff_time", "premises", "data", "services"]
STATUSES = ["planned", "committed", "spent"]
POOL_KINDS = ["health_social_care", "children", "other"]
VAT_RECOVERY = ["full", "partial", "none"]

RESOURCES: list[Resource] = [
    Resource(
        "resource_settings",
        "How the partnership counts its resources: at most one row.",
        [
            Field(
                "year_start_month",
                "integer",
                required=True,
                description="The month the financial year starts (4 = April).",
            ),
            Field(
                "hours_per_fte",
                "number",
                required=True,
                description="Working hours in one full-time equivalent year.",
            ),
        ],
        optional=True,
    ),
    Resource(
        "contributions",
        "The resource ledger: what each partner gives to the shared outcomes in a year.",
        [
            Field("id", required=True, pattern=REF_PATTERN, description="The line's id."),
            Field("organisation", required=True, description="id of the partner."),
            Field(
                "year",
                "integer",
                required=True,
                description="The calendar year the financial year starts in.",
            ),
            Field("arrangement", required=True, enum=ARRANGEMENTS),
            Field("kind", required=True, enum=KINDS),
            Field("amount", "number", required=True, description="Pounds."),
            Field("fte", "number", description="Staff time as FTE."),
            Field("hours", "number", description="Staff time in hours."),
            Field("cost_per_hour", "number", description="Pounds per hour of staff time."),
            Field("status", required=True, enum=STATUSES),
            Field("description"),
            Field("source", description="Where the figure comes from."),
            Field("evidence", description="A document or link that shows it."),
        ],
        primary_key=["id"],
        foreign_keys=[(["organisation"], "organisations", ["id"])],
        optional=True,
    ),
    Resource(
        "contribution_shares",
        "How each ledger line is split over the outcomes it serves; a line's shares add to 1.",
        [
            Field("contribution", required=True),
            Field("outcome", required=True),
            Field("share", "number", required=True, description="Above 0, at most 1."),
        ],
        primary_key=["contribution", "outcome"],
        foreign_keys=[
            (["contribution"], "contributions", ["id"]),
            (["outcome"], "outcomes", ["id"]),
        ],
        optional=True,
    ),
    Resource(
        "pooled_funds",
        "Pooled funds: money several partners place in one budget under one host.",
        [
            Field("id", required=True, pattern=REF_PATTERN),
            Field("name", required=True),
            Field("kind", required=True, enum=POOL_KINDS),
            Field("host", required=True, description="id of the host organisation."),
            Field("legal_basis", description="For example a section 75 agreement."),
            Field("written_agreement", "boolean", required=True),
            Field("agreement_date", "date"),
            Field("vat_recovery", enum=VAT_RECOVERY, description="VAT the pool expects back."),
            Field("outcomes", description="ids of the outcomes it serves, separated by ';'."),
        ],
        primary_key=["id"],
        foreign_keys=[(["host"], "organisations", ["id"])],
        optional=True,
    ),
    Resource(
        "pooled_fund_members",
        "The organisations that pay into each pooled fund.",
        [Field("fund", required=True), Field("organisation", required=True)],
        primary_key=["fund", "organisation"],
        foreign_keys=[
            (["fund"], "pooled_funds", ["id"]),
            (["organisation"], "organisations", ["id"]),
        ],
        optional=True,
    ),
    Resource(
        "pooled_fund_values",
        "What each pooled fund holds in each financial year.",
        [
            Field("fund", required=True),
            Field("year", "integer", required=True),
            Field("amount", "number", required=True, description="Pounds."),
        ],
        primary_key=["fund", "year"],
        foreign_keys=[(["fund"], "pooled_funds", ["id"])],
        optional=True,
    ),
]


def check_package_tables(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[TableError]:
    """The ledger's rules a Table Schema cannot express, as ``file:row:column``."""
    errors: list[TableError] = []
    if len(tables.get("resource_settings", [])) > 1:
        errors.append(TableError("resource_settings.csv", 3, "", "at most one row"))
    for line, row in enumerate(tables.get("resource_settings", []), start=2):
        if not 1 <= int(row.get("year_start_month") or 0) <= 12:
            errors.append(
                TableError("resource_settings.csv", line, "year_start_month", "must be 1 to 12")
            )
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for line, row in enumerate(tables.get("contribution_shares", []), start=2):
        share = Decimal(str(row.get("share") or 0))
        if not 0 < share <= 1:
            errors.append(
                TableError("contribution_shares.csv", line, "share", "must be above 0, at most 1")
            )
        totals[row.get("contribution") or ""] += share
    for line, row in enumerate(tables.get("contributions", []), start=2):
        where = ("contributions.csv", line)
        if Decimal(str(row.get("amount") or 0)) < 0:
            errors.append(TableError(*where, "amount", "must not be below zero"))
        total = totals.get(row["id"], Decimal(0))
        if abs(total - 1) > SHARE_TOLERANCE:
            message = f"its shares in contribution_shares.csv add to {total.normalize()}, not 1"
            errors.append(TableError(*where, "id", message))
    outcomes = {row["id"] for row in tables.get("outcomes", [])}
    for line, row in enumerate(tables.get("pooled_funds", []), start=2):
        unknown = [ref for ref in split_refs(row.get("outcomes")) if ref not in outcomes]
        if unknown:
            message = f"no outcome {', '.join(unknown)} in outcomes.csv"
            errors.append(TableError("pooled_funds.csv", line, "outcomes", message))
    return errors


def split_refs(text: str | None) -> list[str]:
    """Ids separated by ``;``, empty ones dropped."""
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def alignment_inputs(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, Any]:
    """The alignment core's inputs from a read data package: the ledger's ``lines``, the
    ``outcomes``, each organisation's ``involvement`` (board seats of current memberships,
    targets it leads, ties of level 2 or more in the latest relationship wave), the chains'
    ``funding_links`` and the ``organisations``' refs. A package carries no indicator
    statuses, so outcomes come without them."""
    settings = list(tables.get("resource_settings", []))
    hours_per_fte = float(settings[0]["hours_per_fte"]) if settings else 1650.0
    shares: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for row in tables.get("contribution_shares", []):
        shares[row["contribution"]].append((row["outcome"], float(row["share"])))
    lines = [
        Line(
            row["organisation"],
            int(row["year"]),
            row["arrangement"],
            row["kind"],
            float(row["amount"]),
            float(row["hours"])
            if row.get("hours") is not None
            else float(row.get("fte") or 0) * hours_per_fte,
            tuple(sorted(shares.get(row["id"], []))),
        )
        for row in tables.get("contributions", [])
    ]
    outcomes = [
        OutcomeInfo(row["id"], row["title"], parent=row.get("parent") or None)
        for row in sorted(tables.get("outcomes", []), key=lambda r: (r["position"], r["title"]))
    ]
    person_organisation = {row["id"]: row["organisation"] for row in tables.get("people", [])}
    seats: dict[str, float] = defaultdict(float)
    for row in tables.get("memberships", []):
        if not row.get("end"):
            seats[person_organisation[row["person"]]] += 1
    leads: dict[str, float] = defaultdict(float)
    for row in tables.get("targets", []):
        if row.get("lead_organisation"):
            leads[row["lead_organisation"]] += 1
    waves = sorted(row["id"] for row in tables.get("network_waves", []))
    ties: dict[str, float] = defaultdict(float)
    for row in tables.get("network_ties", []):
        if waves and row["wave"] == waves[-1] and (row.get("level") or 0) >= 2:
            ties[row["from"]] += 1
            ties[row["to"]] += 1
    chains = {row["id"]: row for row in tables.get("chains", [])}
    nodes = {(row["chain"], row["id"]): row for row in tables.get("chain_nodes", [])}
    links = [
        FundingLink(
            row["chain"],
            chains[row["chain"]]["outcome"],
            chains[row["chain"]].get("outcome_ref") or None,
            nodes[(row["chain"], row["from"])].get("organisation") or None,
            nodes[(row["chain"], row["from"])]["name"],
            float(row["amount"]),
        )
        for row in tables.get("chain_links", [])
        if row["type"] == "funds" and row.get("amount") is not None
    ]
    return {
        "lines": lines,
        "outcomes": outcomes,
        "involvement": involvement_shares([dict(seats), dict(leads), dict(ties)]),
        "funding_links": links,
        "organisations": sorted(row["id"] for row in tables.get("organisations", [])),
        "names": {row["id"]: row["name"] for row in tables.get("organisations", [])},
    }
