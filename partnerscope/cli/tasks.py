"""Commands for background work: the worker that runs queued tasks, and survey reminders."""

from __future__ import annotations

import datetime as dt

import typer

from partnerscope.cli.output import console, error_console
from partnerscope.cli.site import setup_django

reminders_app = typer.Typer(help="Survey reminders.", no_args_is_help=True)


def worker(
    queue: str = typer.Option("*", help="Queues to take tasks from, comma-separated; * for all."),
    interval: float = typer.Option(1.0, min=0.1, help="Seconds to wait when the queue is empty."),
    batch: bool = typer.Option(False, help="Run every task already queued, then stop."),
    max_tasks: int = typer.Option(0, min=0, help="Stop after this many tasks; 0 for no limit."),
) -> None:
    """Run queued background tasks (invitation e-mails, reminders, status refreshes)."""
    setup_django()
    from django.conf import settings
    from django.core.management import call_command

    if settings.TASKS["default"]["BACKEND"] != settings.TASK_BACKENDS["database"]:
        error_console.print(
            "error: PARTNERSCOPE_TASKS_BACKEND is not database, so tasks run as they are asked "
            "for and there is no queue for a worker to take them from."
        )
        raise typer.Exit(2)
    options: dict[str, object] = {
        "queue_name": queue,
        "interval": interval,
        "batch": batch,
        "reload": False,
        "startup_delay": not batch,
    }
    if max_tasks:
        options["max_tasks"] = max_tasks
    call_command("db_worker", **options)


def send(
    today: str = typer.Option(
        "", help="Act as if it were this day (YYYY-MM-DD), to test a schedule; default today."
    ),
) -> None:
    """Queue every reminder that is due; running it again sends nobody a second copy."""
    setup_django()
    from partnerscope.apps.notifications.services import queue_due_reminders

    day = None
    if today:
        try:
            day = dt.date.fromisoformat(today)
        except ValueError:
            error_console.print(f"error: --today {today!r} is not a date like 2026-03-01")
            raise typer.Exit(2) from None
    due = queue_due_reminders(day)
    for item in due:
        console.print(
            f"{item.survey.label} {item.wave}: {item.reminder.label} queued for "
            f"{item.waiting} {'person' if item.waiting == 1 else 'people'}."
        )
    console.print(f"{len(due)} wave{'' if len(due) == 1 else 's'} with reminders due.")


reminders_app.command()(send)


def register(app: typer.Typer) -> None:
    app.command()(worker)
    app.add_typer(reminders_app, name="reminders")
