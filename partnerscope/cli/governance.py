"""The `partnerscope governance` commands: governance layer health on a data package."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from partnerscope.cli.output import FORMAT_OPTION, OutputFormat, clear_errors, console, emit
from partnerscope.core.layers import analyse_governance, governance_from_tables, rules_catalogue
from partnerscope.datapackage.package import read_package

app = typer.Typer(
    help="Governance layers: how often bodies meet, agenda drift, attendance and leadership.",
    no_args_is_help=True,
)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _summarise_check(result: dict[str, Any]) -> None:
    years = ", ".join(result["years"]) or "none"
    table = Table(title=f"Bodies of {result['partnership']} (years judged: {years})")
    for column in ("Body", "Layer", "Meetings a year", "Drift", "Attendance", "Chair sector"):
        table.add_column(column)
    for body in result["bodies"]:
        meetings = body["meetings_per_year"]
        table.add_row(
            body["body"],
            body["layer"],
            "-" if meetings is None else f"{meetings:g}",
            _share(body["drift_share"]),
            _share(body["attendance_rate"]),
            body["chair_sector"] or "-",
        )
    console.print(table)
    found = Table(title=f"Findings ({len(result['findings'])})")
    found.add_column("Rule")
    found.add_column("Subject")
    found.add_column("Finding")
    for finding in result["findings"]:
        found.add_row(finding["rule"], finding["subject"]["ref"], finding["text"])
    console.print(found)


@app.command("check")
def check(
    folder: Annotated[
        Path, typer.Argument(help="A data package folder (datapackage.json and CSV).")
    ],
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Judge a partnership's governance layers from its data package and list the findings."""
    with clear_errors():
        if not folder.exists():
            raise ValueError(f"{folder}: no such folder")
        if not folder.is_dir():
            raise ValueError(f"{folder}: not a folder (unzip a data package first)")
        tables = read_package(folder)
        result = analyse_governance(governance_from_tables(tables))
        emit(result.to_dict(), fmt, _summarise_check)


def _summarise_rules(result: dict[str, Any]) -> None:
    table = Table(title="Governance layer rules")
    for column in ("Id", "Label", "Rule"):
        table.add_column(column)
    for rule in result["rules"]:
        table.add_row(rule["id"], rule["label"], rule["text"])
    console.print(table)


@app.command("rules")
def rules(fmt: OutputFormat = FORMAT_OPTION) -> None:
    """List the governance layer rules, with the ids findings cite."""
    emit({"rules": rules_catalogue()}, fmt, _summarise_rules)
