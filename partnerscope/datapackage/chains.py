"""Read delivery chains, ratings and cross-check inputs from CSV into the core's types.

Every problem is reported as ``file:row:column: message`` through
:class:`~partnerscope.datapackage.tables.TableErrors`, all at once, including problems that
span rows (an unknown node id, a chain with no outcome, a link given twice).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from partnerscope.core.chains import (
    LAYERS,
    LEVELS,
    LINK_TYPES,
    NODE_KINDS,
    QUESTION_IDS,
    RATING_VALUES,
    DeliveryChain,
    Link,
    Node,
    Rag,
    Rating,
    Relationships,
    Risk,
)
from partnerscope.datapackage.schema import Field, Resource
from partnerscope.datapackage.tables import (
    Column,
    TableError,
    TableErrors,
    choice,
    integer_between,
    number,
    read_table,
    text,
)

__all__ = [
    "INDICATOR_COLUMNS",
    "LINK_COLUMNS",
    "NODE_COLUMNS",
    "RATING_COLUMNS",
    "RELATIONSHIP_COLUMNS",
    "RESOURCES",
    "Row",
    "chains_from_rows",
    "iso_date",
    "positive_number",
    "non_negative_number",
    "read_chains",
    "read_indicator_status",
    "ratings_from_rows",
    "read_ratings",
    "read_relationships",
]


def iso_date(value: str) -> date:
    """A calendar date written ``YYYY-MM-DD``."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value.strip()!r} is not a date written YYYY-MM-DD") from None


def positive_number(value: str) -> float:
    """A number above zero, such as ``12``."""
    result = number(value)
    if result <= 0:
        raise ValueError(f"{value.strip()!r} is not above zero")
    return result


def non_negative_number(value: str) -> float:
    """A number of zero or more, such as ``25000``."""
    result = number(value)
    if result < 0:
        raise ValueError(f"{value.strip()!r} is negative")
    return result


def _optional_text(value: str) -> str:
    return value.strip()


NODE_COLUMNS = (
    Column("chain", text, help="The chain (one shared outcome) the node belongs to."),
    Column("id", text, help="The node's id, unique within its chain."),
    Column("kind", choice(*NODE_KINDS), help="outcome, body, organisation, service, ..."),
    Column("name", text, help="The node's name."),
    Column("layer", choice(*LAYERS), required=False, help="A body's governance layer."),
    Column("organisation", _optional_text, required=False, help="The organisation's id."),
)
LINK_COLUMNS = (
    Column("chain", text, help="The chain the link belongs to."),
    Column("from", text, help="The id of the node the link starts from."),
    Column("to", text, help="The id of the node the link goes to."),
    Column("type", choice(*LINK_TYPES), help="accountable_to, funds, commissions, ..."),
    Column("owner", _optional_text, required=False, help="Who answers for the link."),
    Column("indicator", _optional_text, required=False, help="The indicator it should move."),
    Column("amount", non_negative_number, required=False, help="Money a funds link carries."),
    Column("secure_until", iso_date, required=False, help="Last day the funding is secure."),
    Column("frequency", positive_number, required=False, help="Reports a year."),
    Column("likelihood", integer_between(1, 5), required=False, help="Risk likelihood 1-5."),
    Column("impact", integer_between(1, 5), required=False, help="Risk impact 1-5."),
)
RATING_COLUMNS = (
    Column("chain", text),
    Column("participant", text),
    Column("level", choice(*LEVELS)),
    Column("question", choice(*QUESTION_IDS)),
    Column("rating", choice(*RATING_VALUES)),
    Column("from", _optional_text, required=False),
    Column("to", _optional_text, required=False),
)
RELATIONSHIP_COLUMNS = (
    Column("from", text, help="The organisation answering the survey."),
    Column("to", text, help="The organisation it describes."),
    Column("level", integer_between(0, 4), help="0 none to 4 collaboration."),
    Column("trust", number, required=False, help="Trust on the 1-4 scale."),
)
INDICATOR_COLUMNS = (
    Column("indicator", text),
    Column("rag", choice("red", "amber", "green")),
)


@dataclass(frozen=True)
class Row:
    """One parsed CSV row and its row number in the file (the header is row 1)."""

    number: int
    values: Mapping[str, Any]


def _read_rows(path: str | Path, columns: Sequence[Column]) -> list[Row]:
    """:func:`read_table`, with each row's number in the file kept for later errors."""
    records = read_table(path, columns)
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        numbers = [
            number for number, cells in enumerate(reader, start=2) if any(c.strip() for c in cells)
        ]
    return [Row(number, record) for number, record in zip(numbers, records, strict=True)]


def _node_errors(rows: Sequence[Row], label: str) -> tuple[dict[str, dict[str, Row]], list[Any]]:
    errors: list[TableError] = []
    chains: dict[str, dict[str, Row]] = {}
    outcomes: dict[str, Row] = {}
    for row in rows:
        chain, node_id, kind = row.values["chain"], row.values["id"], row.values["kind"]
        nodes = chains.setdefault(chain, {})
        if node_id in nodes:
            errors.append(
                TableError(
                    label,
                    row.number,
                    "id",
                    f"node {node_id!r} is already in chain {chain!r} (row {nodes[node_id].number})",
                )
            )
            continue
        nodes[node_id] = row
        if row.values["layer"] is not None and kind != "body":
            errors.append(
                TableError(label, row.number, "layer", "only a body sits in a governance layer")
            )
        if kind == "outcome":
            if chain in outcomes:
                errors.append(
                    TableError(
                        label,
                        row.number,
                        "kind",
                        f"chain {chain!r} already has an outcome "
                        f"(row {outcomes[chain].number}); a chain serves one outcome",
                    )
                )
            else:
                outcomes[chain] = row
    for chain, nodes in chains.items():
        if chain not in outcomes:
            first = next(iter(nodes.values()))
            errors.append(
                TableError(label, first.number, "kind", f"chain {chain!r} has no outcome node")
            )
    return chains, errors


def _link_errors(
    rows: Sequence[Row], label: str, chains: Mapping[str, Mapping[str, Row]]
) -> list[TableError]:
    errors: list[TableError] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    for row in rows:
        values = row.values
        chain, kind = values["chain"], values["type"]

        def error(column: str, message: str, number: int = row.number) -> None:
            errors.append(TableError(label, number, column, message))

        if chain not in chains:
            error("chain", f"chain {chain!r} has no nodes in the nodes file")
            continue
        for column in ("from", "to"):
            if values[column] not in chains[chain]:
                error(column, f"chain {chain!r} has no node {values[column]!r}")
        if values["from"] == values["to"]:
            error("to", "a link must join two different nodes")
        if kind is not None:
            key = (chain, values["from"], values["to"], kind)
            if key in seen:
                error("type", f"this {kind} link is already given (row {seen[key]})")
            seen.setdefault(key, row.number)
            if kind != "funds":
                for column in ("amount", "secure_until"):
                    if values[column] is not None:
                        error(column, f"{column} applies only to funds links")
            if kind != "reports_data_to" and values["frequency"] is not None:
                error("frequency", "frequency applies only to reports_data_to links")
        if (values["likelihood"] is None) != (values["impact"] is None):
            missing = "impact" if values["impact"] is None else "likelihood"
            error(missing, "a risk needs both likelihood and impact")
    return errors


def chains_from_rows(
    nodes: Sequence[Row],
    links: Sequence[Row],
    *,
    nodes_label: str = "nodes",
    links_label: str = "links",
) -> tuple[DeliveryChain, ...]:
    """Build the chains from parsed node and link rows, in the order chains first appear.

    Raises :class:`TableErrors` with every cross-row problem found.
    """
    chains, errors = _node_errors(nodes, nodes_label)
    errors.extend(_link_errors(links, links_label, chains))
    if errors:
        raise TableErrors(errors)
    result = []
    for chain, node_rows in chains.items():
        chain_nodes = tuple(
            Node(
                id=row.values["id"],
                kind=row.values["kind"],
                name=row.values["name"],
                layer=row.values["layer"],
                organisation=row.values["organisation"] or None,
            )
            for row in node_rows.values()
        )
        chain_links = tuple(
            Link(
                source=v["from"],
                target=v["to"],
                type=v["type"],
                owner=v["owner"] or None,
                indicator=v["indicator"] or None,
                amount=v["amount"],
                secure_until=v["secure_until"],
                frequency=v["frequency"],
                risk=None if v["likelihood"] is None else Risk(v["likelihood"], v["impact"]),
            )
            for v in (row.values for row in links)
            if v["chain"] == chain
        )
        result.append(DeliveryChain(chain, chain_nodes, chain_links))
    return tuple(result)


def read_chains(nodes_path: str | Path, links_path: str | Path) -> tuple[DeliveryChain, ...]:
    """Read a nodes CSV and a links CSV into delivery chains (see ``docs/chains.md``)."""
    problems: list[TableError] = []
    node_rows: list[Row] = []
    link_rows: list[Row] = []
    try:
        node_rows = _read_rows(nodes_path, NODE_COLUMNS)
    except TableErrors as bad:
        problems.extend(bad.errors)
    try:
        link_rows = _read_rows(links_path, LINK_COLUMNS)
    except TableErrors as bad:
        problems.extend(bad.errors)
    if problems:
        raise TableErrors(problems)
    return chains_from_rows(
        node_rows, link_rows, nodes_label=str(nodes_path), links_label=str(links_path)
    )


def ratings_from_rows(
    rows: Sequence[Row], chains: Sequence[DeliveryChain], *, label: str = "ratings"
) -> dict[str, tuple[Rating, ...]]:
    """Build each chain's ratings from parsed rows, checking them against the chains."""
    pairs = {chain.id: {link.pair for link in chain.links} for chain in chains}
    levels: dict[tuple[str, str], tuple[str, int]] = {}
    seen: dict[tuple[str, str, str, tuple[str, str] | None], int] = {}
    errors: list[TableError] = []
    ratings: dict[str, list[Rating]] = {chain.id: [] for chain in chains}
    for row in rows:
        v = row.values
        chain, participant = v["chain"], v["participant"]
        problems_before = len(errors)
        if chain not in pairs:
            errors.append(TableError(label, row.number, "chain", f"no chain {chain!r}"))
            continue
        level_seen = levels.setdefault((chain, participant), (v["level"], row.number))
        if level_seen[0] != v["level"]:
            errors.append(
                TableError(
                    label,
                    row.number,
                    "level",
                    f"participant {participant!r} is {level_seen[0]} at row {level_seen[1]}",
                )
            )
        link: tuple[str, str] | None = None
        if bool(v["from"]) != bool(v["to"]):
            column = "to" if v["from"] else "from"
            errors.append(
                TableError(label, row.number, column, "a link rating needs both from and to")
            )
        elif v["from"]:
            link = (v["from"], v["to"])
            if link not in pairs[chain]:
                errors.append(
                    TableError(
                        label,
                        row.number,
                        "from",
                        f"chain {chain!r} has no link {link[0]} -> {link[1]}",
                    )
                )
        key = (chain, participant, v["question"], link)
        if key in seen:
            errors.append(
                TableError(
                    label,
                    row.number,
                    "question",
                    f"participant {participant!r} already rated {v['question']} (row {seen[key]})",
                )
            )
        seen.setdefault(key, row.number)
        if len(errors) == problems_before:
            ratings[chain].append(Rating(participant, v["level"], v["question"], v["rating"], link))
    if errors:
        raise TableErrors(errors)
    return {chain: tuple(given) for chain, given in ratings.items()}


def read_ratings(
    path: str | Path, chains: Sequence[DeliveryChain]
) -> dict[str, tuple[Rating, ...]]:
    """Read a ratings CSV: each chain's id to its participants' ratings."""
    return ratings_from_rows(_read_rows(path, RATING_COLUMNS), chains, label=str(path))


def read_relationships(path: str | Path) -> Relationships:
    """Read a relationship survey CSV into ``(from, to) -> (level, trust)``."""
    rows = _read_rows(path, RELATIONSHIP_COLUMNS)
    survey: dict[tuple[str, str], tuple[int, float | None]] = {}
    first: dict[tuple[str, str], int] = {}
    errors = []
    for row in rows:
        pair = (row.values["from"], row.values["to"])
        trust = row.values["trust"]
        if pair in first:
            errors.append(
                TableError(
                    str(path), row.number, "to", f"this pair is already at row {first[pair]}"
                )
            )
            continue
        if trust is not None and not 1 <= trust <= 4:
            errors.append(TableError(str(path), row.number, "trust", f"{trust:g} is not 1 to 4"))
            continue
        first[pair] = row.number
        survey[pair] = (row.values["level"], trust)
    if errors:
        raise TableErrors(errors)
    return survey


def read_indicator_status(path: str | Path) -> dict[str, Rag]:
    """Read an indicator status CSV into ``indicator -> red/amber/green``."""
    rows = _read_rows(path, INDICATOR_COLUMNS)
    status: dict[str, Rag] = {}
    first: dict[str, int] = {}
    errors = []
    for row in rows:
        indicator = row.values["indicator"]
        if indicator in first:
            errors.append(
                TableError(
                    str(path), row.number, "indicator", f"already given at row {first[indicator]}"
                )
            )
            continue
        first[indicator] = row.number
        status[indicator] = row.values["rag"]
    if errors:
        raise TableErrors(errors)
    return status


# --- The delivery chain tables of a PartnerScope data package ---------------------------
# chain_nodes, chain_links and chain_ratings keep the columns of the NODES, LINKS and
# RATINGS files above (plus a few of their own), so `partnerscope chains analyse` reads an
# exported package's files as they are.

_RATINGS = list(RATING_VALUES)
_QUESTIONS = list(QUESTION_IDS)
_LEVELS = list(LEVELS)
_REF = "[A-Za-z0-9_-]+"

RESOURCES: list[Resource] = [
    Resource(
        "chains",
        "Delivery chains: one row for each shared outcome whose chain is mapped.",
        [
            Field("id", required=True, pattern=_REF, description="The chain's id."),
            Field("outcome", required=True, description="The shared outcome's title."),
            Field("description", description="What the outcome means."),
            Field("target_date", "date", description="When the outcome is to be achieved."),
            Field("outcome_ref", description="The performance outcome the chain serves."),
        ],
        primary_key=["id"],
    ),
    Resource(
        "chain_nodes",
        "The nodes of each delivery chain; exactly one of kind outcome per chain.",
        [
            Field("chain", required=True),
            Field("id", required=True, pattern=_REF, description="Unique within its chain."),
            Field("kind", required=True, enum=list(NODE_KINDS)),
            Field("name", required=True),
            Field("layer", enum=list(LAYERS), description="A body's governance layer."),
            Field("organisation", description="id of the organisation it is or belongs to."),
            Field("body", description="id of the partnership body it is."),
        ],
        primary_key=["chain", "id"],
        foreign_keys=[
            (["chain"], "chains", ["id"]),
            (["organisation"], "organisations", ["id"]),
            (["body"], "bodies", ["id"]),
        ],
    ),
    Resource(
        "chain_links",
        "Typed links between the nodes of a chain, each with its owner, indicator and risk.",
        [
            Field("chain", required=True),
            Field("from", required=True, description="id of the node the link starts from."),
            Field("to", required=True, description="id of the node the link goes to."),
            Field("type", required=True, enum=list(LINK_TYPES)),
            Field("owner", description="Who answers for the link."),
            Field("indicator", description="The code of the indicator the link should move."),
            Field("amount", "number", description="funds links: money a year."),
            Field("secure_until", "date", description="funds links: last day it is secure."),
            Field("frequency", "integer", description="reports_data_to links: times a year."),
            Field("likelihood", "integer", description="Risk likelihood, 1 to 5."),
            Field("impact", "integer", description="Risk impact, 1 to 5."),
            Field("owner_person", description="id of the owner in people.csv, if listed."),
        ],
        primary_key=["chain", "from", "to", "type"],
        foreign_keys=[
            (["chain", "from"], "chain_nodes", ["chain", "id"]),
            (["chain", "to"], "chain_nodes", ["chain", "id"]),
            (["owner_person"], "people", ["id"]),
        ],
    ),
    Resource(
        "chain_workshops",
        "Workshops (waves) of the twelve-question self-assessment of a chain.",
        [
            Field("chain", required=True),
            Field("id", required=True, pattern=_REF),
            Field("title", required=True),
            Field("held_on", "date"),
            Field("open", "boolean", required=True, description="Still taking answers."),
        ],
        primary_key=["chain", "id"],
        foreign_keys=[(["chain"], "chains", ["id"])],
    ),
    Resource(
        "chain_participants",
        "Each workshop participant's level and comment, with no link to who they are.",
        [
            Field("chain", required=True),
            Field("workshop", required=True),
            Field("participant", required=True, pattern=_REF, description="Unique in a chain."),
            Field("level", required=True, enum=_LEVELS),
            Field("comment"),
        ],
        primary_key=["chain", "participant"],
        foreign_keys=[(["chain", "workshop"], "chain_workshops", ["chain", "id"])],
    ),
    Resource(
        "chain_ratings",
        "Ratings of the twelve questions, for a chain as a whole or (from, to) for one link.",
        [
            Field("chain", required=True),
            Field("participant", required=True),
            Field("level", required=True, enum=_LEVELS),
            Field("question", required=True, enum=_QUESTIONS),
            Field("rating", required=True, enum=_RATINGS),
            Field("from", description="For a link rating: the link's from node."),
            Field("to", description="For a link rating: the link's to node."),
            Field("workshop", required=True),
        ],
        foreign_keys=[(["chain", "participant"], "chain_participants", ["chain", "participant"])],
    ),
]
