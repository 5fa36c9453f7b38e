"""The `partnerscope network` commands: social network analysis of the partners' ties."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from partnerscope.cli.output import FORMAT_OPTION, OutputFormat, clear_errors, console, emit
from partnerscope.core.network import (
    DEFAULT_MIN_LEVEL,
    DEFAULT_TOP_SHARE,
    NetworkOptions,
    NetworkResult,
    analyse_network,
    compare_waves,
)
from partnerscope.datapackage.network import export_network, read_network

app = typer.Typer(
    help="Social network analysis: who works with whom, how closely, and how much they trust "
    "and value each other.",
    no_args_is_help=True,
)

NodesOption = Annotated[
    Path | None,
    typer.Option("--nodes", help="CSV of organisations: id[,sector,tier,responded]."),
]
UndirectedOption = Annotated[
    bool, typer.Option("--undirected", help="Ignore direction: a pair is tied if either says so.")
]
MinLevelOption = Annotated[
    int,
    typer.Option("--min-level", min=0, max=4, help="Lowest level counted as a tie (0-4)."),
]
SymmetriseOption = Annotated[
    bool,
    typer.Option(
        "--symmetrise",
        help="Infer a non-responding organisation's ties from the other side's answers.",
    ),
]
CouncilOption = Annotated[
    list[str] | None,
    typer.Option(
        "--council-sector", help="Sector naming the council (repeatable; default: council)."
    ),
]
SampleOption = Annotated[
    int | None,
    typer.Option(
        "--sample",
        min=1,
        help="Measure paths from this many sampled organisations (default: exact up to "
        "10,000 organisations, 500 above).",
    ),
]
ExactOption = Annotated[
    bool, typer.Option("--exact", help="Measure paths from every organisation, however many.")
]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed for sampling and communities.")]
AllTwoPathsOption = Annotated[
    bool,
    typer.Option(
        "--all-two-paths",
        help="Count every brokerage two-path, not only those where a -> c is absent.",
    ),
]


def _options(
    undirected: bool,
    min_level: int,
    symmetrise: bool,
    council_sector: list[str] | None,
    sample: int | None,
    exact: bool,
    seed: int,
    all_two_paths: bool,
) -> NetworkOptions:
    if exact and sample is not None:
        raise ValueError("--exact and --sample cannot be used together")
    return NetworkOptions(
        directed=not undirected,
        min_level=min_level,
        symmetrise=symmetrise,
        council_sectors=tuple(council_sector) if council_sector else ("council",),
        sample_sources=sample,
        exact_limit=2**62 if exact else NetworkOptions().exact_limit,
        seed=seed,
        brokerage_open_only=not all_two_paths,
    )


def _analyse(ties: Path, nodes: Path | None, options: NetworkOptions) -> NetworkResult:
    organisations, answers = read_network(ties, nodes)
    return analyse_network(organisations, answers, options)


def _number(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _summarise_metrics(result: dict[str, Any]) -> None:
    network = result["network"]
    table = Table(title="Partnership network")
    table.add_column("Measure")
    table.add_column("Value", justify="right")
    rows: list[tuple[str, Any]] = [
        ("Organisations", network["nodes"]),
        ("Ties", network["ties"]),
        ("Density", network["density"]),
        ("Reciprocity", network["reciprocity"]),
    ]
    if network["directed"]:
        rows += [
            ("In-degree centralisation", network["in_centralization"]),
            ("Out-degree centralisation", network["out_centralization"]),
        ]
    else:
        rows.append(("Degree centralisation", network["degree_centralization"]))
    rows += [
        ("Betweenness centralisation", network["betweenness_centralization"]),
        ("Components", network["components"]),
        ("Isolates", network["isolates"]),
        ("Cut points", network["cut_points"]),
        ("Average path length", network["average_path_length"]),
        ("Diameter", network["diameter"]),
        ("Communities", network["communities"]),
        ("Modularity", network["modularity"]),
        ("Response rate", network["response_rate"]),
        ("Inferred ties", len(network["inferred_ties"])),
        ("E-I index, sectors", network["ei_index"]["sector"]["index"]),
        ("E-I index, tiers", network["ei_index"]["tier"]["index"]),
        ("Mean trust (1-4)", network["trust"]["mean"]),
        ("Mean value (1-4)", network["value"]["mean"]),
        ("Dependency on the council", network["council"]["dependency"]),
    ]
    for name, value in rows:
        table.add_row(name, _number(value))
    console.print(table)
    ranked = sorted(result["nodes"], key=lambda node: node["betweenness"], reverse=True)[:10]
    top = Table(title="Most central organisations (by betweenness)")
    for column in ("Organisation", "Sector", "Betweenness", "Closeness", "PageRank", "Cut point"):
        top.add_column(column)
    for node in ranked:
        top.add_row(
            node["id"],
            node["sector"] or "-",
            _number(node["betweenness"]),
            _number(node["closeness"]),
            _number(node["pagerank"]),
            "yes" if node["cut_point"] else "",
        )
    console.print(top)


@app.command("metrics")
def metrics(
    ties: Annotated[Path, typer.Argument(help="CSV of ties: from,to[,level,trust,value,weight].")],
    nodes: NodesOption = None,
    undirected: UndirectedOption = False,
    min_level: MinLevelOption = DEFAULT_MIN_LEVEL,
    symmetrise: SymmetriseOption = False,
    council_sector: CouncilOption = None,
    sample: SampleOption = None,
    exact: ExactOption = False,
    seed: SeedOption = 42,
    all_two_paths: AllTwoPathsOption = False,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Measure the network: density, centralisation, centrality, brokerage, trust, council."""
    with clear_errors():
        options = _options(
            undirected, min_level, symmetrise, council_sector, sample, exact, seed, all_two_paths
        )
        emit(_analyse(ties, nodes, options).to_dict(), fmt, _summarise_metrics)


def _summarise_comparison(result: dict[str, Any]) -> None:
    table = Table(title="Change between waves")
    for column in ("Measure", "Before", "After", "Change"):
        table.add_column(column, justify="right")
    for key, change in result["change"].items():
        before, after = result["before"][key], result["after"][key]
        if before is None and after is None:
            continue
        table.add_row(key, _number(before), _number(after), _number(change))
    console.print(table)
    lists = Table(title="Organisations and ties")
    lists.add_column("What")
    lists.add_column("Which")
    for key in (
        "joined",
        "left",
        "became_isolated",
        "no_longer_isolated",
        "became_central",
        "no_longer_central",
    ):
        lists.add_row(key.replace("_", " "), ", ".join(result[key]) or "-")
    for key in ("new_ties", "lost_ties"):
        ties = ", ".join(f"{a} -> {b}" for a, b in result[key])
        lists.add_row(key.replace("_", " "), ties or "-")
    console.print(lists)


@app.command("compare")
def compare(
    before: Annotated[Path, typer.Argument(help="CSV of ties in the earlier wave.")],
    after: Annotated[Path, typer.Argument(help="CSV of ties in the later wave.")],
    nodes: NodesOption = None,
    after_nodes: Annotated[
        Path | None,
        typer.Option("--after-nodes", help="Organisations of the later wave (default: --nodes)."),
    ] = None,
    undirected: UndirectedOption = False,
    min_level: MinLevelOption = DEFAULT_MIN_LEVEL,
    symmetrise: SymmetriseOption = False,
    council_sector: CouncilOption = None,
    sample: SampleOption = None,
    exact: ExactOption = False,
    seed: SeedOption = 42,
    top_share: Annotated[
        float,
        typer.Option(
            "--top-share",
            min=0.0,
            max=1.0,
            help="Share of organisations counted as central, by betweenness.",
        ),
    ] = DEFAULT_TOP_SHARE,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Compare two waves: ties made and lost, density and centralisation, who moved."""
    with clear_errors():
        options = _options(
            undirected, min_level, symmetrise, council_sector, sample, exact, seed, False
        )
        first = _analyse(before, nodes, options)
        second = _analyse(after, after_nodes or nodes, options)
        emit(
            compare_waves(first, second, top_share=top_share).to_dict(), fmt, _summarise_comparison
        )


def _summarise_export(result: dict[str, Any]) -> None:
    table = Table(title="Network files written")
    table.add_column("File")
    for path in result["files"]:
        table.add_row(path)
    console.print(table)


@app.command("export")
def export(
    ties: Annotated[Path, typer.Argument(help="CSV of ties: from,to[,level,trust,value,weight].")],
    outdir: Annotated[Path, typer.Argument(help="Folder to write into (created if needed).")],
    nodes: NodesOption = None,
    graphml: Annotated[bool, typer.Option(help="Write network.graphml.")] = True,
    gexf: Annotated[bool, typer.Option(help="Write network.gexf (GEXF 1.3, for Gephi).")] = True,
    csv_lists: Annotated[
        bool, typer.Option("--csv/--no-csv", help="Write nodes.csv and edges.csv.")
    ] = True,
    undirected: UndirectedOption = False,
    min_level: MinLevelOption = DEFAULT_MIN_LEVEL,
    symmetrise: SymmetriseOption = False,
    council_sector: CouncilOption = None,
    sample: SampleOption = None,
    exact: ExactOption = False,
    seed: SeedOption = 42,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Write the network with every measure as GraphML, GEXF and CSV node and edge lists."""
    with clear_errors():
        options = _options(
            undirected, min_level, symmetrise, council_sector, sample, exact, seed, False
        )
        result = _analyse(ties, nodes, options)
        written = export_network(result, outdir, graphml=graphml, gexf=gexf, csv_lists=csv_lists)
        emit({"files": [str(path) for path in written]}, fmt, _summarise_export)
