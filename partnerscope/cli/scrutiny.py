"""The `partnerscope scrutiny` commands: the recommendations tracker."""

from __future__ import annotations

import json
from datetime import date

import typer

from partnerscope.cli.site import setup_django

app = typer.Typer(help="Overview and scrutiny: the recommendations tracker.", no_args_is_help=True)


@app.command("tracker")
def tracker(
    slug: str = typer.Argument(..., help="The partnership's slug."),
    output: str = typer.Option("text", "--format", help="text or json."),
    today: str = typer.Option("", help="Act as if it were this day (YYYY-MM-DD); default today."),
) -> None:
    """Print the open recommendations (not closed), each with its partner, due date and state."""
    from partnerscope.cli.output import error_console

    if output not in ("text", "json"):
        error_console.print("error: --format must be text or json", markup=False)
        raise typer.Exit(2)
    try:
        day = date.fromisoformat(today) if today else date.today()
    except ValueError:
        error_console.print(f"error: {today!r} is not a date (YYYY-MM-DD)", markup=False)
        raise typer.Exit(2) from None
    setup_django()
    from partnerscope.apps.partnerships.models import Partnership
    from partnerscope.apps.scrutiny import services

    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None:
        error_console.print(f"error: no partnership {slug!r}", markup=False)
        raise typer.Exit(2)
    rows = services.tracker(partnership, day, open_only=True)
    if output == "json":
        typer.echo(
            json.dumps(
                [
                    {
                        "recommendation": row.key,
                        "partner": row.addressed_to,
                        "review": row.review,
                        "received": row.received.isoformat() if row.received else None,
                        "due": row.due.isoformat() if row.due else None,
                        "status": row.status.value,
                        "text": row.text,
                    }
                    for row in rows
                ],
                indent=2,
            )
        )
        return
    if not rows:
        typer.echo("No open recommendations.")
    for row in rows:
        due = row.due.isoformat() if row.due else "not sent"
        typer.echo(f"{due}  {row.status.value:<9}  {row.addressed_to}: {row.key}")
