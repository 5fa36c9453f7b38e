"""Network files: read ties and organisations from CSV, write GraphML, GEXF and CSV lists,
and the relationship survey's tables in a partnership's data package.

Reading reports every problem as ``file:row:column: message`` through
:class:`~partnerscope.datapackage.tables.TableErrors`, all at once, including problems that
span rows (a tie given twice, a tie to an organisation not in the organisations file).
Writing takes an analysed :class:`~partnerscope.core.network.NetworkResult`, so the files
carry every measure as a node attribute and each tie's level, trust and value.

The survey asks trust in three parts (reliable, committed to the shared goals, open to
discussion) and value in three (power and influence, level of involvement, resources
contributed), how often the organisations work together and what flows between them:
:func:`read_survey_ties` reads those columns too, and ``RESOURCES`` declares the
``network_waves``, ``network_representatives`` and ``network_ties`` tables.
"""

from __future__ import annotations

import csv
import math
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import igraph

from partnerscope.core.network import NetworkResult, Organisation, Tie
from partnerscope.datapackage.csvfiles import CsvWriter
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
    "EDGE_FIELDS",
    "FLOWS",
    "FREQUENCIES",
    "NODE_COLUMNS",
    "RATING_PARTS",
    "RESOURCES",
    "SURVEY_TIE_COLUMNS",
    "TIE_COLUMNS",
    "TRUST_PARTS",
    "VALUE_PARTS",
    "check_package_tables",
    "edge_rows",
    "export_network",
    "flow_list",
    "node_rows",
    "read_network",
    "read_organisations",
    "read_survey_ties",
    "read_ties",
    "write_edge_csv",
    "write_gexf",
    "write_graphml",
    "write_node_csv",
    "yes_no",
]

GEXF_NAMESPACE = "http://gexf.net/1.3"
EDGE_FIELDS = ("from", "to", "level", "trust", "value", "weight", "inferred")


def yes_no(value: str) -> bool:
    """``yes``/``no`` (also ``true``/``false``, ``y``/``n``, ``1``/``0``), any case."""
    answer = value.strip().casefold()
    if answer in ("yes", "y", "true", "1"):
        return True
    if answer in ("no", "n", "false", "0"):
        return False
    raise ValueError(f"{value.strip()!r} is not yes or no")


def positive_number(value: str) -> float:
    """A number above zero, such as ``1.5``."""
    result = number(value)
    if result <= 0:
        raise ValueError(f"{value.strip()!r} is not above zero")
    return result


TIE_COLUMNS = (
    Column("from", text, help="The organisation that gave the answer."),
    Column("to", text, help="The organisation it is about."),
    Column("level", integer_between(0, 4), required=False, help="0 none ... 4 collaboration."),
    Column("trust", integer_between(1, 4), required=False, help="How much from trusts to."),
    Column("value", integer_between(1, 4), required=False, help="How much from values to."),
    Column("weight", positive_number, required=False, help="Strength of the tie."),
)
NODE_COLUMNS = (
    Column("id", text, help="The organisation's id, as used in the ties file."),
    Column("sector", text, required=False, help="council, health, police, ..."),
    Column("tier", text, required=False, help="county, district, ..."),
    Column("responded", yes_no, required=False, help="Whether it answered the survey."),
)


@dataclass(frozen=True)
class _Row:
    number: int
    values: Mapping[str, Any]


def _read_rows(path: str | Path, columns: Sequence[Column], label: str | None = None) -> list[_Row]:
    """:func:`read_table`, keeping each row's number in the file (the header is row 1)."""
    records = read_table(path, columns, label=label)
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        numbers = [n for n, cells in enumerate(reader, start=2) if any(c.strip() for c in cells)]
    return [_Row(n, record) for n, record in zip(numbers, records, strict=True)]


def read_organisations(path: str | Path) -> list[Organisation]:
    """Read ``id[,sector,tier,responded]``; an id given twice is an error."""
    label = str(path)
    rows = _read_rows(path, NODE_COLUMNS)
    errors: list[TableError] = []
    first: dict[str, int] = {}
    for row in rows:
        organisation = row.values["id"]
        if organisation in first:
            message = f"organisation {organisation!r} is already given on row {first[organisation]}"
            errors.append(TableError(label, row.number, "id", message))
        first.setdefault(organisation, row.number)
    if errors:
        raise TableErrors(errors)
    return [
        Organisation(
            row.values["id"],
            sector=row.values["sector"],
            tier=row.values["tier"],
            responded=row.values["responded"],
        )
        for row in rows
    ]


def _pair_errors(
    rows: Sequence[_Row], known: set[str] | None, label: str, organisations_label: str
) -> list[TableError]:
    """Ties to unknown organisations, to themselves, or given twice."""
    errors: list[TableError] = []
    first: dict[tuple[str, str], int] = {}
    for row in rows:
        source, target = row.values["from"], row.values["to"]
        for column, organisation in (("from", source), ("to", target)):
            if known is not None and organisation not in known:
                message = f"{organisation!r} is not an id in {organisations_label}"
                errors.append(TableError(label, row.number, column, message))
        if source == target:
            message = f"a tie from {source!r} to itself is not allowed"
            errors.append(TableError(label, row.number, "to", message))
        elif (source, target) in first:
            message = (
                f"the tie {source} -> {target} is already given on row {first[source, target]}"
            )
            errors.append(TableError(label, row.number, "to", message))
        first.setdefault((source, target), row.number)
    return errors


def read_ties(
    path: str | Path,
    organisations: Sequence[Organisation] | None = None,
    *,
    organisations_label: str = "the organisations file",
) -> list[Tie]:
    """Read ``from,to[,level,trust,value,weight]`` rows into ties.

    A tie from an organisation to itself, the same ``from -> to`` twice, or (when
    ``organisations`` is given) an id not among them is an error.
    """
    label = str(path)
    rows = _read_rows(path, TIE_COLUMNS)
    known = None if organisations is None else {o.id for o in organisations}
    errors = _pair_errors(rows, known, label, organisations_label)
    if errors:
        raise TableErrors(errors)
    return [
        Tie(
            row.values["from"],
            row.values["to"],
            level=row.values["level"],
            trust=row.values["trust"],
            value=row.values["value"],
            weight=row.values["weight"],
        )
        for row in rows
    ]


def read_network(
    ties_path: str | Path, nodes_path: str | Path | None = None
) -> tuple[list[Organisation], list[Tie]]:
    """Read a ties file and, when given, an organisations file checked against it."""
    organisations = [] if nodes_path is None else read_organisations(nodes_path)
    ties = read_ties(
        ties_path,
        None if nodes_path is None else organisations,
        organisations_label=str(nodes_path),
    )
    return organisations, ties


FREQUENCIES = ("weekly", "monthly", "quarterly", "yearly", "rarely")
"""How often two organisations work together, most often first."""
FLOWS = ("information", "funding", "staff", "data", "referrals", "premises")
"""What may flow between two organisations."""
TRUST_PARTS = ("trust_reliable", "trust_committed", "trust_open")
"""The three parts of trust: reliable, committed to the shared goals, open to discussion."""
VALUE_PARTS = ("value_power", "value_involvement", "value_resources")
"""The three parts of value: power and influence, level of involvement, resources."""
RATING_PARTS = TRUST_PARTS + VALUE_PARTS


def flow_list(value: str) -> tuple[str, ...]:
    """Flows separated by ``;``, such as ``information;data``, in the order of ``FLOWS``."""
    names = [name.strip() for name in value.split(";") if name.strip()]
    unknown = [name for name in names if name not in FLOWS]
    if unknown:
        raise ValueError(
            f"{', '.join(repr(n) for n in unknown)} is not a flow: use {', '.join(FLOWS)}"
        )
    return tuple(flow for flow in FLOWS if flow in names)


SURVEY_TIE_COLUMNS = (
    *(
        Column("level", integer_between(0, 4), help="0 not at all ... 4 integrate.")
        if column.name == "level"
        else column
        for column in TIE_COLUMNS
    ),
    Column("frequency", choice(*FREQUENCIES), required=False, help="How often they work together."),
    Column("flows", flow_list, required=False, default=(), help="What flows, separated by ;."),
    *(
        Column(part, integer_between(1, 4), required=False, help="One part of trust or value.")
        for part in RATING_PARTS
    ),
)
"""The columns of a relationship survey's ties file: the CLI's, a required ``level``, and the
survey's ``frequency``, ``flows`` and the six rating parts."""


def _overall_and_part_errors(rows: Sequence[_Row], label: str) -> list[TableError]:
    """A row may give trust (value) or its parts, not both."""
    errors = []
    for row in rows:
        for overall, parts in (("trust", TRUST_PARTS), ("value", VALUE_PARTS)):
            given = [row.values.get(name) not in (None, "") for name in (overall, *parts)]
            if given[0] and any(given[1:]):
                message = f"give either {overall} or its parts ({', '.join(parts)}), not both"
                errors.append(TableError(label, row.number, overall, message))
    return errors


def _with_pair_errors(
    path: str | Path,
    errors: Sequence[TableError],
    known: set[str],
    label: str,
    organisations_label: str,
) -> list[TableError]:
    """Cell errors plus the problems between rows, so one pass shows every problem."""
    if any(error.row <= 1 for error in errors):
        return list(errors)
    ends = (Column("from", str.strip, required=False), Column("to", str.strip, required=False))
    try:
        rows = [
            row for row in _read_rows(path, ends, label) if row.values["from"] and row.values["to"]
        ]
    except TableErrors:
        return list(errors)
    found = {(e.row, e.column, e.message): e for e in errors}
    more = _pair_errors(rows, known, label, organisations_label)
    more += _overall_and_part_errors(_read_rows(path, (), label), label)
    for error in more:
        found.setdefault((error.row, error.column, error.message), error)
    return sorted(found.values(), key=lambda e: (e.row, e.column))


def read_survey_ties(
    path: str | Path,
    organisations: Sequence[str],
    *,
    label: str | None = None,
    organisations_label: str = "the partnership's organisations",
) -> list[dict[str, Any]]:
    """Read a relationship survey's ties (``from,to,level,...``) as plain rows, checked.

    Every row needs a level. A single ``trust`` (``value``) answer, as the command line
    reads it, stands for each of its three parts; giving both it and a part is an error.
    Each row comes back with ``from``, ``to``, ``level``, ``frequency``, ``flows`` (a tuple),
    the six parts and ``row`` (its number in the file); ``weight`` is not kept.
    """
    name = label or str(path)
    known = set(organisations)
    try:
        rows = _read_rows(path, SURVEY_TIE_COLUMNS, label=name)
    except TableErrors as problem:
        errors = _with_pair_errors(path, problem.errors, known, name, organisations_label)
        raise TableErrors(errors) from None
    errors = _pair_errors(rows, known, name, organisations_label)
    result = []
    errors += _overall_and_part_errors(rows, name)
    for row in rows:
        values = dict(row.values)
        for overall, parts in (("trust", TRUST_PARTS), ("value", VALUE_PARTS)):
            if values[overall] is not None:
                for part in parts:
                    values[part] = values[overall]
        result.append(
            {
                "from": values["from"],
                "to": values["to"],
                "level": values["level"],
                "frequency": values["frequency"] or "",
                "flows": values["flows"] or (),
                **{part: values[part] for part in RATING_PARTS},
                "row": row.number,
            }
        )
    if errors:
        raise TableErrors(errors)
    return result


def node_rows(result: NetworkResult) -> list[dict[str, Any]]:
    """One flat row per organisation: the ``nodes`` keys, brokerage as ``brokerage_<role>``."""
    rows = []
    for organisation in result.to_dict()["nodes"]:
        flat: dict[str, Any] = {}
        for key, value in organisation.items():
            if isinstance(value, dict):
                flat |= {f"{key}_{inner}": item for inner, item in value.items()}
            else:
                flat[key] = value
        rows.append(flat)
    return rows


def edge_rows(result: NetworkResult) -> list[dict[str, Any]]:
    """One row per counted tie: from, to, level, trust, value, weight, inferred."""
    return [
        {
            "from": tie.source,
            "to": tie.target,
            "level": tie.level,
            "trust": tie.trust,
            "value": tie.value,
            "weight": tie.weight,
            "inferred": tie.inferred,
        }
        for tie in result.ties
    ]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write_csv(path: Path, rows: Sequence[Mapping[str, Any]], fields: Sequence[str]) -> Path:
    """Write a list for people's spreadsheets: text that would start a formula is neutralised."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = CsvWriter(handle, for_spreadsheets=True)
        writer.writerow(fields)
        for row in rows:
            writer.writerow([_cell(row.get(name)) for name in fields])
    return path


def write_node_csv(result: NetworkResult, path: str | Path) -> Path:
    """Write the node list (one row per organisation, every measure) as CSV."""
    rows = node_rows(result)
    fields = list(rows[0]) if rows else ["id"]
    return _write_csv(Path(path), rows, fields)


def write_edge_csv(result: NetworkResult, path: str | Path) -> Path:
    """Write the edge list (one row per counted tie) as CSV."""
    return _write_csv(Path(path), edge_rows(result), EDGE_FIELDS)


def _kind(values: Sequence[Any]) -> str:
    """The GEXF/GraphML type of a column: boolean, integer, double or string."""
    given = [value for value in values if value is not None]
    if given and all(isinstance(value, bool) for value in given):
        return "boolean"
    if given and all(isinstance(value, int) and not isinstance(value, bool) for value in given):
        return "integer"
    if given and all(isinstance(v, int | float) and not isinstance(v, bool) for v in given):
        return "double"
    return "string"


def _columns(rows: Sequence[Mapping[str, Any]], skip: Sequence[str]) -> dict[str, str]:
    names = [name for name in (rows[0] if rows else {}) if name not in skip]
    return {name: _kind([row.get(name) for row in rows]) for name in names}


def _graphml_values(values: list[Any], kind: str) -> list[Any]:
    if kind == "string":
        return ["" if value is None else str(value) for value in values]
    if kind == "boolean":
        if any(value is None for value in values):
            return ["" if value is None else _gexf_text(value) for value in values]
        return [bool(value) for value in values]
    return [math.nan if value is None else float(value) for value in values]


def write_graphml(result: NetworkResult, path: str | Path) -> Path:
    """Write GraphML (igraph's writer) with node and edge attributes.

    Nodes carry ``name`` (the organisation id) and every measure; edges carry level, trust,
    value, weight and inferred. Missing numbers are written as NaN, missing text as empty.
    """
    nodes, edges = node_rows(result), edge_rows(result)
    index = {row["id"]: number for number, row in enumerate(nodes)}
    graph = igraph.Graph(
        n=len(nodes),
        edges=[(index[row["from"]], index[row["to"]]) for row in edges],
        directed=result.network.directed,
    )
    graph.vs["name"] = [row["id"] for row in nodes]
    for name, kind in _columns(nodes, ["id"]).items():
        graph.vs[name] = _graphml_values([row[name] for row in nodes], kind)
    for name, kind in _columns(edges, ["from", "to"]).items():
        graph.es[name] = _graphml_values([row[name] for row in edges], kind)
    target = Path(path)
    graph.write_graphml(str(target))
    return target


def _gexf_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _attributes(parent: ElementTree.Element, kind: str, columns: Mapping[str, str]) -> None:
    block = ElementTree.SubElement(parent, "attributes", {"class": kind, "mode": "static"})
    for position, (name, column_type) in enumerate(columns.items()):
        ElementTree.SubElement(
            block, "attribute", {"id": str(position), "title": name, "type": column_type}
        )


def _attvalues(
    parent: ElementTree.Element, row: Mapping[str, Any], columns: Mapping[str, str]
) -> None:
    values = ElementTree.SubElement(parent, "attvalues")
    for position, name in enumerate(columns):
        value = row.get(name)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        ElementTree.SubElement(
            values, "attvalue", {"for": str(position), "value": _gexf_text(value)}
        )


def write_gexf(result: NetworkResult, path: str | Path) -> Path:
    """Write GEXF 1.3 (Gephi's format) with node and edge attributes, by hand.

    Nodes have the organisation id as id and label and every measure as an attribute;
    edges have the tie weight as ``weight`` and level, trust, value and inferred as
    attributes. Missing values are left out.
    """
    nodes, edges = node_rows(result), edge_rows(result)
    node_columns = _columns(nodes, ["id"])
    edge_columns = _columns(edges, ["from", "to", "weight"])
    root = ElementTree.Element("gexf", {"xmlns": GEXF_NAMESPACE, "version": "1.3"})
    meta = ElementTree.SubElement(root, "meta")
    ElementTree.SubElement(meta, "creator").text = "PartnerScope"
    ElementTree.SubElement(meta, "description").text = "Partnership network"
    kind = "directed" if result.network.directed else "undirected"
    graph = ElementTree.SubElement(root, "graph", {"defaultedgetype": kind, "mode": "static"})
    _attributes(graph, "node", node_columns)
    _attributes(graph, "edge", edge_columns)
    node_block = ElementTree.SubElement(graph, "nodes")
    for row in nodes:
        node = ElementTree.SubElement(node_block, "node", {"id": row["id"], "label": row["id"]})
        _attvalues(node, row, node_columns)
    edge_block = ElementTree.SubElement(graph, "edges")
    for position, row in enumerate(edges):
        edge = ElementTree.SubElement(
            edge_block,
            "edge",
            {
                "id": str(position),
                "source": row["from"],
                "target": row["to"],
                "weight": _gexf_text(row["weight"]),
            },
        )
        _attvalues(edge, row, edge_columns)
    ElementTree.indent(root)
    target = Path(path)
    ElementTree.ElementTree(root).write(target, encoding="UTF-8", xml_declaration=True)
    return target


def export_network(
    result: NetworkResult,
    folder: str | Path,
    *,
    graphml: bool = True,
    gexf: bool = True,
    csv_lists: bool = True,
) -> list[Path]:
    """Write the chosen files into ``folder`` (created if needed); returns their paths.

    ``network.graphml``, ``network.gexf``, ``nodes.csv`` and ``edges.csv``.
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    if graphml:
        written.append(write_graphml(result, target / "network.graphml"))
    if gexf:
        written.append(write_gexf(result, target / "network.gexf"))
    if csv_lists:
        written.append(write_node_csv(result, target / "nodes.csv"))
        written.append(write_edge_csv(result, target / "edges.csv"))
    return written


_REF = "[A-Za-z0-9_-]+"
FLOW_LIST_PATTERN = f"((^|;)({'|'.join(FLOWS)}))*"

RESOURCES: list[Resource] = [
    Resource(
        "network_waves",
        "Waves of the relationship survey: when each ran and the wave it is compared with.",
        [
            Field("id", required=True, pattern=_REF, description="The wave's id."),
            Field("title", required=True),
            Field("opens", "date", required=True, description="First day answers were taken."),
            Field("closes", "date", required=True, description="Last day answers were taken."),
            Field("previous", description="id of the earlier wave this one is compared with."),
        ],
        primary_key=["id"],
        foreign_keys=[(["previous"], "network_waves", ["id"])],
    ),
    Resource(
        "network_representatives",
        "The person who answers the relationship survey for each organisation in a wave.",
        [
            Field("wave", required=True),
            Field("organisation", required=True),
            Field("person", required=True, description="A person of that organisation."),
            Field("answered", "date", description="Day the answers were sent; empty if not."),
        ],
        primary_key=["wave", "organisation"],
        foreign_keys=[
            (["wave"], "network_waves", ["id"]),
            (["organisation"], "organisations", ["id"]),
            (["person"], "people", ["id"]),
        ],
    ),
    Resource(
        "network_ties",
        "Each organisation's answer about each other one (not anonymous), and the ties the "
        "analysis infers for organisations that did not answer (inferred = true; these are "
        "worked out again from the answers on import).",
        [
            Field("wave", required=True),
            Field("from", required=True, description="The organisation that answered."),
            Field("to", required=True, description="The organisation it answered about."),
            Field(
                "level",
                "integer",
                required=True,
                description="0 not at all, 1 share information, 2 cooperate, 3 coordinate, "
                "4 integrate.",
            ),
            Field("frequency", enum=list(FREQUENCIES), description="How often they work together."),
            Field(
                "flows",
                pattern=FLOW_LIST_PATTERN,
                description=f"What flows between them, separated by ';': {', '.join(FLOWS)}.",
            ),
            *(
                Field(part, "integer", description=f"{part.replace('_', ': ', 1)}, 1 to 4.")
                for part in RATING_PARTS
            ),
            Field(
                "inferred",
                "boolean",
                required=True,
                description="true for a tie inferred from the other side's answer.",
            ),
        ],
        primary_key=["wave", "from", "to"],
        foreign_keys=[
            (["wave"], "network_waves", ["id"]),
            (["from"], "organisations", ["id"]),
            (["to"], "organisations", ["id"]),
        ],
    ),
]


def check_package_tables(tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[TableError]:
    """The relationship survey's rules a Table Schema cannot express, as ``file:row:column``.

    Waves close on or after they open and do not follow themselves; a representative works
    for the organisation they answer for; a tie joins two different organisations, has a
    level from 0 to 4 and ratings from 1 to 4, and an inferred tie carries no answers of
    its own (no frequency, flows or ratings).
    """
    errors: list[TableError] = []
    for line, row in enumerate(tables.get("network_waves", []), start=2):
        where = ("network_waves.csv", line)
        if row.get("opens") and row.get("closes") and row["closes"] < row["opens"]:
            errors.append(TableError(*where, "closes", "is before opens"))
        if row.get("previous") and row["previous"] == row["id"]:
            errors.append(TableError(*where, "previous", "a wave cannot follow itself"))
    works_for = {row["id"]: row["organisation"] for row in tables.get("people", [])}
    for line, row in enumerate(tables.get("network_representatives", []), start=2):
        employer = works_for.get(row["person"])
        if employer is not None and employer != row["organisation"]:
            message = f"{row['person']!r} works for {employer!r}, not {row['organisation']!r}"
            errors.append(TableError("network_representatives.csv", line, "person", message))
    for line, row in enumerate(tables.get("network_ties", []), start=2):
        where = ("network_ties.csv", line)
        if row["from"] == row["to"]:
            errors.append(TableError(*where, "to", "a tie from an organisation to itself"))
        if row.get("level") is not None and not 0 <= row["level"] <= 4:
            errors.append(TableError(*where, "level", f"{row['level']} is not between 0 and 4"))
        for part in RATING_PARTS:
            score = row.get(part)
            if score is not None and not 1 <= score <= 4:
                errors.append(TableError(*where, part, f"{score} is not between 1 and 4"))
        if row.get("inferred"):
            given = [
                name
                for name in ("frequency", "flows", *RATING_PARTS)
                if row.get(name) not in (None, "")
            ]
            if given:
                message = f"an inferred tie has no answers of its own: {', '.join(given)}"
                errors.append(TableError(*where, given[0], message))
    return errors
