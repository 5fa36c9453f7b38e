"""The `partnerscope chains` commands: delivery chain analysis and its twelve questions."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from partnerscope.cli.output import FORMAT_OPTION, OutputFormat, clear_errors, console, emit
from partnerscope.core.chains import (
    ChainContext,
    analyse_chain,
    results_to_dict,
    rules_catalogue,
)
from partnerscope.datapackage.chains import (
    iso_date,
    read_chains,
    read_indicator_status,
    read_ratings,
    read_relationships,
)
from partnerscope.reference.chains import load_instrument

app = typer.Typer(
    help="Delivery chain analysis: from a shared outcome to the people served, find the weak "
    "links.",
    no_args_is_help=True,
)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _summarise_analysis(result: dict[str, Any]) -> None:
    for chain in result["chains"]:
        table = Table(title=f"Delivery chain {chain['chain']}: {chain['outcome_name']}")
        table.add_column("Measure")
        table.add_column("Value")
        longest = chain["longest_path"]
        weakest = chain["weakest_link"]
        rows = [
            ("Nodes", str(chain["counts"]["nodes"])),
            ("Organisations", str(chain["counts"]["organisations"])),
            ("Links", str(chain["counts"]["links"])),
            ("Delivery paths", f"{len(chain['paths'])}{'+' if chain['paths_truncated'] else ''}"),
            ("Longest path", "-" if longest is None else " -> ".join(longest)),
            (
                "Single points of failure",
                ", ".join(p["node"] for p in chain["single_points_of_failure"]) or "none",
            ),
            ("Strength (share of questions green)", _share(chain["strength"])),
            (
                "Weakest link",
                "-"
                if weakest is None
                else f"{weakest['from']} -> {weakest['to']} (by {weakest['basis']})",
            ),
        ]
        for name, value in rows:
            table.add_row(name, value)
        console.print(table)
        if chain["weak_links"]:
            weak = Table(title="Weak links")
            for column in ("From", "To", "Types", "Rules"):
                weak.add_column(column)
            for link in chain["weak_links"]:
                weak.add_row(
                    link["from"], link["to"], ", ".join(link["types"]), ", ".join(link["rules"])
                )
            console.print(weak)
        if chain["findings"]:
            found = Table(title="Findings")
            found.add_column("Rule")
            found.add_column("Finding")
            for finding in chain["findings"]:
                found.add_row(f"{finding['rule']} {finding['name']}", finding["message"])
            console.print(found)


@app.command("analyse")
def analyse(
    nodes: Annotated[
        Path, typer.Argument(help="CSV of nodes: chain,id,kind,name[,layer,organisation].")
    ],
    links: Annotated[Path, typer.Argument(help="CSV of links: chain,from,to,type[,owner,...].")],
    ratings: Annotated[
        Path | None,
        typer.Option(help="CSV of ratings: chain,participant,level,question,rating[,from,to]."),
    ] = None,
    target_date: Annotated[
        str | None, typer.Option(help="When the outcomes are to be achieved (YYYY-MM-DD).")
    ] = None,
    relationships: Annotated[
        Path | None,
        typer.Option(help="CSV of the relationship survey: from,to,level[,trust]."),
    ] = None,
    indicators: Annotated[
        Path | None, typer.Option(help="CSV of indicator status: indicator,rag.")
    ] = None,
    min_group_size: Annotated[
        int,
        typer.Option(min=1, help="Hide a level's ratings when fewer took part (anonymity)."),
    ] = 5,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Analyse delivery chains: paths, single points of failure, funding, ratings, weak links."""
    with clear_errors():
        chains = read_chains(nodes, links)
        given = read_ratings(ratings, chains) if ratings is not None else {}
        context = ChainContext(
            target_date=None if target_date is None else _target_date(target_date),
            relationships={} if relationships is None else read_relationships(relationships),
            indicator_status={} if indicators is None else read_indicator_status(indicators),
            min_group_size=min_group_size,
        )
        results = [analyse_chain(chain, given.get(chain.id, ()), context) for chain in chains]
        emit(results_to_dict(results), fmt, _summarise_analysis)


def _target_date(value: str) -> date:
    try:
        return iso_date(value)
    except ValueError as problem:
        raise ValueError(f"--target-date: {problem}") from None


def _summarise_questions(result: dict[str, Any]) -> None:
    table = Table(title=result["title"], caption=result["source"])
    for column in ("Id", "Slug", "Question"):
        table.add_column(column)
    for question in result["questions"]:
        table.add_row(question["id"], question["slug"], question["text"])
    console.print(table)


@app.command("questions")
def questions(fmt: OutputFormat = FORMAT_OPTION) -> None:
    """List the twelve self-assessment questions and the rating scale."""
    emit(load_instrument().to_dict(), fmt, _summarise_questions)


def _summarise_rules(result: dict[str, Any]) -> None:
    table = Table(title="Delivery chain rules")
    for column in ("Id", "Name", "Weak link", "Rule"):
        table.add_column(column)
    for rule in result["rules"]:
        table.add_row(
            rule["id"], rule["name"], "yes" if rule["marks_weak_link"] else "", rule["text"]
        )
    console.print(table)


@app.command("rules")
def rules(fmt: OutputFormat = FORMAT_OPTION) -> None:
    """List the rules the analysis applies, with the ids findings cite."""
    emit({"rules": rules_catalogue()}, fmt, _summarise_rules)
