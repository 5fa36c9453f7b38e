"""``manage.py send_action_reminders``: e-mail the owners of actions due soon or overdue.

Safe to run from cron as often as liked: each reminder is sent once (see
:mod:`partnerscope.apps.actions.reminders`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from partnerscope.apps.actions.reminders import days_after, days_before, send_action_reminders


class Command(BaseCommand):
    help = "E-mail the owners of actions a set number of days before and after the due date."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="List the reminders due; send nothing."
        )
        parser.add_argument(
            "--today", default="", help="Act as if it were this day (YYYY-MM-DD); default today."
        )
        parser.add_argument(
            "--days-before",
            type=int,
            default=None,
            help=f"Days before the due date to remind (default {days_before()}).",
        )
        parser.add_argument(
            "--days-after",
            type=int,
            default=None,
            help=f"Days after the due date to remind (default {days_after()}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(
                    f"--today {options['today']!r} is not a date like 2026-03-01"
                ) from None
        for name in ("days_before", "days_after"):
            if options[name] is not None and options[name] < 0:
                raise CommandError(f"--{name.replace('_', '-')} must be 0 or more")
        run = send_action_reminders(
            today,
            dry_run=options["dry_run"],
            before=options["days_before"],
            after=options["days_after"],
        )
        verb = "would be sent" if run.dry_run else "sent"
        for reminder in run.sent:
            action = reminder.action
            self.stdout.write(
                f"{action.partnership.slug} {action.ref}: {reminder.kind} reminder "
                f"(due {reminder.due}) {verb} to {reminder.email}"
            )
        for reminder in run.failed:
            self.stderr.write(
                f"{reminder.action.partnership.slug} {reminder.action.ref}: the e-mail to "
                f"{reminder.email} was refused; it will be tried again next run"
            )
        count = len(run.sent)
        self.stdout.write(f"{count} reminder{'' if count == 1 else 's'} {verb}.")
