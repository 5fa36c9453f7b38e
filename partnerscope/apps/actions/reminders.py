"""Reminder e-mails to the owners of actions: one some days before the due date, one some
days after it while the action is still open.

Each reminder is logged as an :class:`ActionReminder`, unique on the action, its kind and
the due date it was about, so it is never sent twice: the log row is written (and
committed) *before* the e-mail goes, and a second run, even one running at the same moment,
fails to write it and sends nothing. If the mail server refuses the e-mail, the row is
removed again so that the next run tries once more. A changed due date is a new reminder.

Safe to run from cron as often as liked (``manage.py send_action_reminders``, or
``partnerscope actions remind``).
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.urls import reverse

from partnerscope.apps.actions.choices import ReminderKind
from partnerscope.apps.actions.models import Action, ActionReminder
from partnerscope.apps.audit.log import AuditAction, record

logger = logging.getLogger(__name__)

DAYS_BEFORE = 7
"""Default: the first reminder goes this many days before the due date."""
DAYS_AFTER = 1
"""Default: the second goes this many days after it, if the action is still open."""


def days_before() -> int:
    return int(getattr(settings, "PARTNERSCOPE_ACTION_REMINDER_DAYS_BEFORE", DAYS_BEFORE))


def days_after() -> int:
    return int(getattr(settings, "PARTNERSCOPE_ACTION_REMINDER_DAYS_AFTER", DAYS_AFTER))


@dataclass(frozen=True)
class DueReminder:
    """A reminder due today: which action, which kind, to whom."""

    action: Action
    kind: str
    email: str

    @property
    def due(self) -> dt.date:
        assert self.action.due is not None
        return self.action.due


def reminder_kind(due: dt.date, today: dt.date, before: int, after: int) -> str | None:
    """Which reminder an open action due on ``due`` has due on ``today``, if any.

    The "before" reminder is due from ``before`` days ahead of the due date up to the day
    itself, the "after" reminder from ``after`` days past it on, so a run that was missed
    one day still sends it on the next.

    >>> reminder_kind(dt.date(2026, 5, 8), dt.date(2026, 5, 1), 7, 1)
    'before'
    >>> reminder_kind(dt.date(2026, 5, 8), dt.date(2026, 4, 30), 7, 1) is None
    True
    >>> reminder_kind(dt.date(2026, 5, 8), dt.date(2026, 5, 9), 7, 1)
    'after'
    """
    if due - dt.timedelta(days=before) <= today <= due:
        return ReminderKind.BEFORE.value
    if today >= due + dt.timedelta(days=after):
        return ReminderKind.AFTER.value
    return None


def due_reminders(
    today: dt.date, before: int | None = None, after: int | None = None
) -> Iterator[DueReminder]:
    """Every reminder due today not sent yet, to owners with an e-mail address."""
    before = days_before() if before is None else before
    after = days_after() if after is None else after
    actions = (
        Action.objects.open()
        .filter(due__isnull=False, owner_person__isnull=False)
        .exclude(owner_person__email="")
        .select_related("owner_person", "partnership")
        .order_by("partnership__slug", "due", "ref")
    )
    sent = set(ActionReminder.objects.values_list("action_id", "kind", "due"))
    for action in actions:
        assert action.due is not None and action.owner_person is not None
        kind = reminder_kind(action.due, today, before, after)
        if kind is not None and (action.pk, kind, action.due) not in sent:
            yield DueReminder(action, kind, action.owner_person.email)


def action_address(action: Action) -> str:
    path = reverse("actions:action", args=[action.partnership.slug, action.ref])
    return f"{settings.PARTNERSCOPE_BASE_URL}{path}"


def reminder_email(reminder: DueReminder, today: dt.date) -> EmailMessage:
    action = reminder.action
    assert action.owner_person is not None
    partnership = action.partnership.name
    if reminder.kind == ReminderKind.BEFORE:
        days = (reminder.due - today).days
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        opening = f"an action you own for {partnership} is due {when}, on {reminder.due:%d %B %Y}"
        subject = f"Action due {reminder.due:%d %B %Y}: {action.title}"
    else:
        opening = (
            f"an action you own for {partnership} was due on {reminder.due:%d %B %Y} and is "
            "still open"
        )
        subject = f"Action overdue: {action.title}"
    body = (
        f"Dear {action.owner_person.name},\n\n"
        f"A reminder: {opening}.\n\n"
        f"Action {action.ref}: {action.title}\n"
        f"Status: {action.get_status_display()}\n\n"
        "Please add a progress note, or ask the partnership manager to change its due date "
        f"or status:\n{action_address(action)}\n"
    )
    return EmailMessage(
        subject=f"{partnership}: {subject}"[:250],
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[reminder.email],
    )


def claim(reminder: DueReminder) -> ActionReminder | None:
    """Log the reminder before it is sent; None if another run has logged it already."""
    try:
        with transaction.atomic():
            return ActionReminder.objects.create(
                action=reminder.action, kind=reminder.kind, due=reminder.due, sent_to=reminder.email
            )
    except IntegrityError:
        return None


def deliver(message: EmailMessage) -> bool:
    """Send one message; False (and a log line) if the mail server refuses it."""
    try:
        return bool(get_connection().send_messages([message]))
    except (smtplib.SMTPException, OSError) as problem:
        logger.warning("E-mail to %s not sent: %s", ", ".join(message.to), problem)
        return False


@dataclass
class RemindersRun:
    """What one run did: the reminders sent (or, in a dry run, that would be sent)."""

    sent: list[DueReminder]
    failed: list[DueReminder]
    dry_run: bool


def send_action_reminders(
    today: dt.date,
    *,
    dry_run: bool = False,
    before: int | None = None,
    after: int | None = None,
) -> RemindersRun:
    """Send every reminder due today, once each; a dry run only lists them."""
    run = RemindersRun(sent=[], failed=[], dry_run=dry_run)
    for reminder in list(due_reminders(today, before, after)):
        if dry_run:
            run.sent.append(reminder)
            continue
        logged = claim(reminder)
        if logged is None:
            continue
        if not deliver(reminder_email(reminder, today)):
            logged.delete()
            run.failed.append(reminder)
            continue
        run.sent.append(reminder)
        record(
            AuditAction.RECORD_CREATED,
            partnership=reminder.action.partnership,
            subject_type="action reminder",
            subject_ref=reminder.action.ref,
            subject_label=f"{reminder.kind} reminder of action {reminder.action.ref}",
            detail={"kind": reminder.kind, "due": reminder.due.isoformat(), "to": reminder.email},
        )
    return run
