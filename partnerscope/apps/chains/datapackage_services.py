"""The delivery chain tables of the data package: export, check and import.

The tables are declared in ``partnerscope.datapackage.chains.RESOURCES``. The checks that
span rows (one outcome a chain, known link ends, a field on the wrong link type, a rating of
an unknown link) are the command line's own (:func:`chains_from_rows` and
:func:`ratings_from_rows`), so the web import and ``partnerscope chains analyse`` reject the
same files with the same messages. Invitations are not exported: they are single-use
secrets, and only their hashes are kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from partnerscope.apps.chains.models import (
    Chain,
    ChainLink,
    ChainNode,
    Participant,
    Rating,
    Workshop,
)
from partnerscope.apps.partnerships.models import Partnership
from partnerscope.datapackage.chains import Row, chains_from_rows, ratings_from_rows
from partnerscope.datapackage.tables import TableError, TableErrors

Tables = Mapping[str, Sequence[Mapping[str, Any]]]
TABLES = (
    "chains",
    "chain_nodes",
    "chain_links",
    "chain_workshops",
    "chain_participants",
    "chain_ratings",
)


def plain_amount(amount: Decimal | None) -> Decimal | int | None:
    """An amount without trailing zeros: 25000 rather than 25000.00."""
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else amount.normalize()


def export_tables(partnership: Partnership) -> dict[str, list[dict[str, Any]]]:
    """The partnership's chains, nodes, links, workshops and answers as rows (their actions
    travel with the action plan's tables)."""
    chains = Chain.objects.in_partnership(partnership)
    nodes = ChainNode.objects.in_partnership(partnership).select_related(
        "chain", "organisation", "body"
    )
    links = (
        ChainLink.objects.in_partnership(partnership)
        .select_related("chain", "owner_person")
        .with_ends()
    )
    workshops = Workshop.objects.in_partnership(partnership).select_related("chain")
    participants = Participant.objects.filter(workshop__chain__partnership=partnership)
    ratings = Rating.objects.filter(
        participant__workshop__chain__partnership=partnership
    ).select_related("participant__workshop__chain", "link_source", "link_target")
    return {
        "chains": [
            {
                "id": chain.ref,
                "outcome": chain.outcome_title,
                "description": chain.outcome_description,
                "target_date": chain.target_date,
                "outcome_ref": chain.outcome_ref,
            }
            for chain in chains.order_by("ref")
        ],
        "chain_nodes": [
            {
                "chain": node.chain.ref,
                "id": node.ref,
                "kind": node.kind,
                "name": node.name,
                "layer": node.layer or None,
                "organisation": node.organisation.ref if node.organisation else None,
                "body": node.body.ref if node.body else None,
            }
            for node in nodes.order_by("chain__ref", "pk")
        ],
        "chain_links": [
            {
                "chain": link.chain.ref,
                "from": link.source.ref,
                "to": link.target.ref,
                "type": link.type,
                "owner": link.owner_name,
                "indicator": link.indicator,
                "amount": plain_amount(link.amount),
                "secure_until": link.secure_until,
                "frequency": link.frequency,
                "likelihood": link.likelihood,
                "impact": link.impact,
                "owner_person": link.owner_person.ref if link.owner_person else None,
            }
            for link in links.order_by("chain__ref", "pk")
        ],
        "chain_workshops": [
            {
                "chain": workshop.chain.ref,
                "id": workshop.ref,
                "title": workshop.title,
                "held_on": workshop.held_on,
                "open": workshop.is_open,
            }
            for workshop in workshops.order_by("chain__ref", "pk")
        ],
        "chain_participants": [
            {
                "chain": participant.workshop.chain.ref,
                "workshop": participant.workshop.ref,
                "participant": participant.ref,
                "level": participant.level,
                "comment": participant.comment,
            }
            for participant in participants.select_related("workshop__chain").order_by(
                "workshop__chain__ref", "workshop__pk", "pk"
            )
        ],
        "chain_ratings": [
            {
                "chain": rating.participant.workshop.chain.ref,
                "participant": rating.participant.ref,
                "level": rating.participant.level,
                "question": rating.question,
                "rating": rating.value,
                "from": rating.link_source.ref if rating.link_source else None,
                "to": rating.link_target.ref if rating.link_target else None,
                "workshop": rating.participant.workshop.ref,
            }
            for rating in ratings.order_by(
                "participant__workshop__chain__ref",
                "participant__workshop__pk",
                "participant__pk",
                "pk",
            )
        ],
    }


def numbered(tables: Tables, name: str) -> list[Row]:
    return [Row(number, row) for number, row in enumerate(tables.get(name, []), start=2)]


def value_errors(tables: Tables) -> list[TableError]:
    """Numbers outside what a chain allows, which the package's types cannot express."""
    errors = []
    for row in numbered(tables, "chain_links"):
        values = row.values
        if values.get("amount") is not None and values["amount"] < 0:
            errors.append(TableError("chain_links.csv", row.number, "amount", "is negative"))
        if values.get("frequency") is not None and values["frequency"] < 1:
            errors.append(
                TableError("chain_links.csv", row.number, "frequency", "must be 1 or more")
            )
        for column in ("likelihood", "impact"):
            if values.get(column) is not None and not 1 <= values[column] <= 5:
                errors.append(
                    TableError(
                        "chain_links.csv", row.number, column, f"{values[column]} is not 1 to 5"
                    )
                )
    return errors


def check_tables(tables: Tables) -> list[TableError]:
    """Every cross-row problem in the chain tables, each located by file, row and column."""
    errors = value_errors(tables)
    bad_rows = {error.row for error in errors}
    link_rows = [row for row in numbered(tables, "chain_links") if row.number not in bad_rows]
    node_rows = [
        Row(row.number, {**row.values, "organisation": row.values.get("organisation")})
        for row in numbered(tables, "chain_nodes")
    ]
    for row in node_rows:
        if row.values.get("body") and row.values["kind"] != "body":
            errors.append(
                TableError("chain_nodes.csv", row.number, "body", "only a body node names a body")
            )
    with_nodes = {row.values["chain"] for row in node_rows}
    for row in numbered(tables, "chains"):
        if row.values["id"] not in with_nodes:
            errors.append(
                TableError(
                    "chains.csv",
                    row.number,
                    "id",
                    f"chain {row.values['id']!r} has no nodes: it needs its outcome node",
                )
            )
    chains: tuple[Any, ...] = ()
    try:
        chains = chains_from_rows(
            node_rows, link_rows, nodes_label="chain_nodes.csv", links_label="chain_links.csv"
        )
    except TableErrors as problem:
        errors += problem.errors
    if chains:
        errors += rating_errors(tables, chains)
    return errors


def rating_errors(tables: Tables, chains: Sequence[Any]) -> list[TableError]:
    errors = []
    try:
        ratings_from_rows(numbered(tables, "chain_ratings"), chains, label="chain_ratings.csv")
    except TableErrors as problem:
        errors += problem.errors
    participants = {
        (row["chain"], row["participant"]): row for row in tables.get("chain_participants", [])
    }
    for row in numbered(tables, "chain_ratings"):
        given = participants.get((row.values["chain"], row.values["participant"]))
        if given is None:
            continue
        for column in ("level", "workshop"):
            if given[column] != row.values[column]:
                errors.append(
                    TableError(
                        "chain_ratings.csv",
                        row.number,
                        column,
                        f"participant {row.values['participant']!r} has {column} "
                        f"{given[column]!r} in chain_participants.csv",
                    )
                )
    return errors


def import_tables(partnership: Partnership, tables: Tables, refs: Any) -> None:
    """Create the chain records from checked rows (inside the package import's transaction)."""
    chains = {}
    for row in tables.get("chains", []):
        chains[row["id"]] = Chain.objects.create(
            partnership=partnership,
            ref=row["id"],
            outcome_title=row["outcome"],
            outcome_description=row.get("description") or "",
            target_date=row.get("target_date"),
            outcome_ref=row.get("outcome_ref") or None,
        )
    ChainNode.objects.bulk_create(
        ChainNode(
            chain=chains[row["chain"]],
            ref=row["id"],
            kind=row["kind"],
            name=row["name"],
            layer=row.get("layer") or "",
            organisation=refs.organisations.get(row["organisation"])
            if row.get("organisation")
            else None,
            body=refs.bodies.get(row["body"]) if row.get("body") else None,
        )
        for row in tables.get("chain_nodes", [])
    )
    nodes = {
        (node.chain.ref, node.ref): node
        for node in ChainNode.objects.in_partnership(partnership).select_related("chain")
    }
    ChainLink.objects.bulk_create(
        ChainLink(
            chain=chains[row["chain"]],
            source=nodes[(row["chain"], row["from"])],
            target=nodes[(row["chain"], row["to"])],
            type=row["type"],
            owner="" if row.get("owner_person") else row.get("owner") or "",
            owner_person=refs.people.get(row["owner_person"]) if row.get("owner_person") else None,
            indicator=row.get("indicator") or "",
            amount=None if row.get("amount") is None else Decimal(str(row["amount"])),
            secure_until=row.get("secure_until"),
            frequency=row.get("frequency"),
            likelihood=row.get("likelihood"),
            impact=row.get("impact"),
        )
        for row in tables.get("chain_links", [])
    )
    workshops = {}
    for row in tables.get("chain_workshops", []):
        workshops[(row["chain"], row["id"])] = Workshop.objects.create(
            chain=chains[row["chain"]],
            ref=row["id"],
            title=row["title"],
            held_on=row.get("held_on"),
            is_open=bool(row["open"]),
        )
    Participant.objects.bulk_create(
        Participant(
            workshop=workshops[(row["chain"], row["workshop"])],
            ref=row["participant"],
            level=row["level"],
            comment=row.get("comment") or "",
        )
        for row in tables.get("chain_participants", [])
    )
    participants = {
        (p.workshop.chain.ref, p.ref): p
        for p in Participant.objects.filter(
            workshop__chain__partnership=partnership
        ).select_related("workshop__chain")
    }
    Rating.objects.bulk_create(
        Rating(
            participant=participants[(row["chain"], row["participant"])],
            question=row["question"],
            value=row["rating"],
            link_source=nodes[(row["chain"], row["from"])] if row.get("from") else None,
            link_target=nodes[(row["chain"], row["to"])] if row.get("to") else None,
        )
        for row in tables.get("chain_ratings", [])
    )
