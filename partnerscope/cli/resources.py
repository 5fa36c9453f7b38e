"""The `partnerscope resources` commands: how resources line up with the shared outcomes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from partnerscope.cli.output import FORMAT_OPTION, OutputFormat, clear_errors, console, emit
from partnerscope.core.resources.alignment import ALIGNMENT_RULES, align
from partnerscope.core.resources.funding import chain_funding_not_in_ledger
from partnerscope.datapackage.package import read_package
from partnerscope.datapackage.resources import alignment_inputs, check_package_tables
from partnerscope.datapackage.tables import TableErrors

app = typer.Typer(
    help="Resources for the shared outcomes: the ledger set beside the outcomes and partners.",
    no_args_is_help=True,
)


def alignment_result(folder: Path, year: int | None = None) -> dict[str, Any]:
    """The alignment of a data package's ledger, as JSON-ready data."""
    tables = read_package(folder)
    errors = check_package_tables(tables)
    if errors:
        raise TableErrors(errors)
    inputs = alignment_inputs(tables)
    lines = [line for line in inputs["lines"] if year is None or line.year == year]
    result = align(
        lines,
        inputs["outcomes"],
        inputs["involvement"],
        inputs["organisations"],
        inputs["names"],
    )
    checks = [found for rule in ALIGNMENT_RULES for found in rule(result)]
    checks += chain_funding_not_in_ledger(inputs["funding_links"], inputs["lines"])
    return {
        "total": round(result.total, 2),
        "outcomes": [
            {
                "outcome": item.ref,
                "title": item.title,
                "total": round(item.total, 2),
                "share": round(item.share, 4),
                "money": {ref: round(amount, 2) for ref, amount in item.money.items()},
                "hours": {ref: round(hours, 1) for ref, hours in item.hours.items()},
            }
            for item in result.outcomes
        ],
        "partners": [
            {
                "organisation": partner.organisation,
                "total": round(partner.total, 2),
                "placed": round(partner.placed, 2),
                "aligned": round(partner.aligned, 2),
                "hours": round(partner.hours, 1),
                "share": round(partner.share, 4),
                "involvement": None
                if partner.involvement is None
                else round(partner.involvement, 4),
            }
            for partner in result.partners
        ],
        "findings": [
            {"rule": c.rule, "subject": c.subject, "message": c.message, "figures": dict(c.figures)}
            for c in checks
        ],
    }


def _summarise(result: dict[str, Any]) -> None:
    outcomes = Table(title=f"Resources by outcome (all £{result['total']:,.0f})")
    for column in ("Outcome", "Total", "Share"):
        outcomes.add_column(column)
    for item in result["outcomes"]:
        outcomes.add_row(item["title"], f"£{item['total']:,.0f}", f"{item['share']:.0%}")
    console.print(outcomes)
    partners = Table(title="Partners: placed in the partnership and aligned")
    for column in ("Organisation", "Total", "Placed", "Aligned", "Share", "Involvement"):
        partners.add_column(column)
    for p in result["partners"]:
        involvement = "-" if p["involvement"] is None else f"{p['involvement']:.0%}"
        partners.add_row(
            p["organisation"],
            f"£{p['total']:,.0f}",
            f"£{p['placed']:,.0f}",
            f"£{p['aligned']:,.0f}",
            f"{p['share']:.0%}",
            involvement,
        )
    console.print(partners)
    for found in result["findings"]:
        console.print(f"{found['rule']}: {found['message']}", markup=False, highlight=False)


@app.command("align")
def align_command(
    folder: Annotated[Path, typer.Argument(help="A data package folder (with datapackage.json).")],
    year: Annotated[
        int | None, typer.Option(help="Only this financial year (the year it starts in).")
    ] = None,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Set the ledger's money and staff time beside the outcomes and the partners'
    involvement, and list what the alignment rules find."""
    with clear_errors():
        result = alignment_result(folder, year)
    emit(result, fmt, _summarise)
