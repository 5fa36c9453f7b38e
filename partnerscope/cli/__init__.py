"""The ``partnerscope`` command: a thin skin over the services and the analysis core."""

from __future__ import annotations

import typer

from partnerscope.cli import (
    actions,
    chains,
    costs,
    findings,
    governance,
    indicators,
    network,
    personal,
    report,
    resources,
    scrutiny,
    sevens,
    site,
    tasks,
)

app = typer.Typer(
    help="PartnerScope: test, manage and explain how well a partnership works together.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
site.register(app)
tasks.register(app)
app.add_typer(sevens.app, name="sevens")
app.add_typer(network.app, name="network")
app.add_typer(indicators.app, name="indicators")
app.add_typer(chains.app, name="chains")
app.add_typer(findings.app, name="findings")
app.add_typer(costs.app, name="costs")
app.add_typer(governance.app, name="governance")
app.add_typer(actions.app, name="actions")
app.add_typer(resources.app, name="resources")
app.add_typer(personal.app, name="person")
app.add_typer(scrutiny.app, name="scrutiny")
app.command()(personal.purge)
app.command("report")(report.report)


def main() -> None:
    """Entry point of the installed ``partnerscope`` script."""
    app()
