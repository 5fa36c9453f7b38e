"""The `partnerscope findings` commands: refresh a partnership's register, and list it."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from partnerscope.cli.output import FORMAT_OPTION, OutputFormat, console, emit, error_console
from partnerscope.cli.site import setup_django

app = typer.Typer(
    help="The register of findings: what every area's rules found, traced to its evidence.",
    no_args_is_help=True,
)

SlugArgument = Annotated[str, typer.Argument(help="The partnership's slug, as in /p/<slug>/.")]


class StatusChoice(StrEnum):
    open = "open"
    resolved = "resolved"
    all = "all"


def find_partnership(slug: str) -> Any:
    """The partnership ``slug``, or exit 2 naming the ones there are."""
    from partnerscope.apps.partnerships.models import Partnership

    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None:
        known = ", ".join(Partnership.objects.values_list("slug", flat=True)) or "none"
        error_console.print(f"error: no partnership {slug!r} (known: {known})", markup=False)
        raise typer.Exit(2)
    return partnership


@app.command("refresh")
def refresh(slug: SlugArgument) -> None:
    """Ask every area for its findings and update the partnership's register."""
    setup_django()
    from partnerscope.apps.findings.services import SourceFailed
    from partnerscope.apps.findings.services import refresh as refresh_register

    partnership = find_partnership(slug)
    try:
        log = refresh_register(partnership, ran_by="the command line")
    except SourceFailed as problem:
        error_console.print(f"error: {problem} Nothing was changed.", markup=False)
        raise typer.Exit(2) from None
    console.print(
        f"Refreshed the register of {partnership.name}: {log.new} new, {log.persisting} "
        f"persisting, {log.resolved} resolved, {log.found_again} found again.",
        markup=False,
        highlight=False,
    )


def _summarise(result: dict[str, Any]) -> None:
    table = Table(title=f"Findings of {result['partnership']} ({len(result['findings'])})")
    for column in ("Severity", "Area", "Rule", "About", "Period", "Status"):
        table.add_column(column)
    for found in result["findings"]:
        subject = found["subject"]
        table.add_row(
            found["severity"],
            found["area"],
            f"{found['rule']['id']}: {found['rule']['label']}",
            f"{subject['name'] or subject['ref']} ({subject['kind']})",
            found["period"] or "-",
            found["status"],
        )
    console.print(table)


@app.command("list")
def list_findings(
    slug: SlugArgument,
    output_format: OutputFormat = FORMAT_OPTION,
    area: Annotated[
        list[str] | None,
        typer.Option("--area", help="Only this area's findings (sevens, network, …); repeatable."),
    ] = None,
    status: Annotated[
        StatusChoice, typer.Option("--status", help="Open findings, resolved ones, or all.")
    ] = StatusChoice.open,
) -> None:
    """List the partnership's register as it was last refreshed."""
    setup_django()
    from partnerscope.apps.findings import selectors

    partnership = find_partnership(slug)
    chosen = "" if status is StatusChoice.all else status.value
    found = [
        finding
        for finding in selectors.findings(partnership, status=chosen)
        if not area or finding["area"] in area
    ]
    result = {
        "partnership": partnership.slug,
        "last_refresh": selectors.last_refresh(partnership),
        "findings": found,
    }
    emit(result, output_format, _summarise)
