"""The `partnerscope actions` commands: the action plan's reminder e-mails."""

from __future__ import annotations

import typer

from partnerscope.cli.site import setup_django

app = typer.Typer(help="The action plan: reminders to the owners of actions.", no_args_is_help=True)


@app.command("remind")
def remind(
    dry_run: bool = typer.Option(False, "--dry-run", help="List the reminders due; send nothing."),
    today: str = typer.Option("", help="Act as if it were this day (YYYY-MM-DD); default today."),
) -> None:
    """E-mail the owners of actions due soon or overdue; each reminder goes once (cron-safe)."""
    setup_django()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from partnerscope.cli.output import error_console

    try:
        call_command("send_action_reminders", dry_run=dry_run, today=today)
    except CommandError as problem:
        error_console.print(f"error: {problem}", markup=False)
        raise typer.Exit(2) from None
