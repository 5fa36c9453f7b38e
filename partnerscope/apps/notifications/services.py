"""Sending survey e-mails in bulk, reminding those who have not answered, and opting out.

The rules: only invitees who have not answered are reminded; each reminder goes once to
each of them (a ``ReminderLog`` row, unique per wave, invitee and reminder, is claimed
before the e-mail is sent, and given back if sending fails so that a later run retries);
nobody who opted out is reminded; and only while the wave is open. Every e-mail carries a
link to opt out that works without signing in.
"""

from __future__ import annotations

import logging
import smtplib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from partnerscope.apps.common.links import absolute
from partnerscope.apps.common.surveys.schedule import Reminder, due_reminder
from partnerscope.apps.notifications.models import OptOut, ReminderLog, Survey
from partnerscope.apps.notifications.sources import Source, sources
from partnerscope.apps.partnerships.models import Person

logger = logging.getLogger(__name__)
OPT_OUT_SALT = "partnerscope.notifications.opt-out"


# ---- Opting out ----------------------------------------------------------------------


def opt_out_token(person: Person) -> str:
    """A signed token naming the person; it needs no sign-in and never expires."""
    return signing.dumps(person.pk, salt=OPT_OUT_SALT)


def opt_out_url(person: Person) -> str:
    return absolute(reverse("notifications_public:opt_out", args=[opt_out_token(person)]))


def person_for_token(token: str) -> Person | None:
    """The person an opt-out token names, or None for a forged or mangled token."""
    try:
        pk = signing.loads(token, salt=OPT_OUT_SALT)
    except signing.BadSignature:
        return None
    return Person.objects.select_related("partnership").filter(pk=pk).first()


def opt_out(person: Person) -> OptOut:
    """Record that the person wants no more reminders; doing it twice changes nothing."""
    record, _ = OptOut.objects.get_or_create(person=person)
    return record


def has_opted_out(person: Person) -> bool:
    return OptOut.objects.filter(person=person).exists()


def with_opt_out(message: EmailMessage, person: Person) -> EmailMessage:
    message.body = (
        f"{message.body}\n--\nTo get no more reminders about {person.partnership.name}'s "
        f"surveys, open this link:\n{opt_out_url(person)}\n"
    )
    return message


# ---- Sending -------------------------------------------------------------------------


def deliver(message: EmailMessage) -> bool:
    """Send one message; False (and a log line) if the mail server refuses it."""
    try:
        return bool(get_connection().send_messages([message]))
    except (smtplib.SMTPException, OSError) as problem:
        logger.warning("E-mail to %s not sent: %s", ", ".join(message.to), problem)
        return False


def send_invitation_emails(survey: str, ids: Iterable[int]) -> int:
    """E-mail each invitee their survey link; returns how many were sent.

    An invitee whose link has since been renewed is skipped: the renewal sends its own.
    """
    source = sources()[Survey(survey)]
    sent = []
    for invitee in source.by_ids(ids):
        person = source.person(invitee)
        url = source.link(invitee, renew=False)
        if url is None or not person.email:
            continue
        if deliver(with_opt_out(source.invitation_email(invitee, url), person)):
            sent.append(invitee.pk)
    source.mark_emailed(sent)
    return len(sent)


def reminder_email(source: Source, wave: object, invitee: object, url: str) -> EmailMessage:
    person = source.person(invitee)
    partnership = person.partnership.name
    title = wave.title  # type: ignore[attr-defined]
    closes = wave.closes  # type: ignore[attr-defined]
    body = (
        f"Dear {person.name},\n\n"
        f"A reminder: {partnership} is still waiting for {source.answering_for(invitee)} to "
        f"{title}. The survey closes at the end of {closes:%d %B %Y}.\n\n"
        f"Please answer using this link:\n{url}\n\n"
        "If you have started already, the link takes you back to the answers you saved. "
        "If you have answered since this reminder was sent, thank you: please ignore it.\n"
    )
    message = EmailMessage(
        subject=f"Reminder: {partnership}: {title}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[person.email],
    )
    return with_opt_out(message, person)


def send_reminder(survey: str, wave_id: int, reminder: str, today: date | None = None) -> int:
    """Send the wave's reminder ``reminder`` to each invitee still to answer, once each.

    ``today`` is the day the reminder was found due (default: today). Nothing is sent
    unless the wave is open that day and has not closed since, and that reminder is the
    one due then, so a late or repeated task never sends a stale or second reminder.
    """
    source = sources()[Survey(survey)]
    wave = source.wave(wave_id)
    today = today or timezone.localdate()
    if wave is None or not wave.opens <= today <= wave.closes:
        return 0
    if timezone.localdate() > wave.closes:
        return 0
    due = due_reminder(wave.reminders, today)
    if due is None or due.key != reminder:
        return 0
    sent = 0
    for invitee in source.awaiting(wave):
        try:
            with transaction.atomic():
                claim = ReminderLog.objects.create(
                    survey=survey, wave_id=wave.pk, invitee_id=invitee.pk, reminder=reminder
                )
        except IntegrityError:
            continue
        url = source.link(invitee, renew=True)
        if url and deliver(reminder_email(source, wave, invitee, url)):
            sent += 1
        else:
            claim.delete()
    return sent


@dataclass(frozen=True)
class DueReminder:
    survey: Survey
    wave_id: int
    wave: str
    reminder: Reminder
    waiting: int


def due_reminders(today: date | None = None) -> list[DueReminder]:
    """Every wave's reminder due today that some invitee has not been sent yet."""
    today = today or timezone.localdate()
    found = []
    for survey, source in sources().items():
        for wave in source.waves_open_on(today):
            due = due_reminder(wave.reminders, today)
            if due is None:
                continue
            done = ReminderLog.objects.filter(
                survey=survey, wave_id=wave.pk, reminder=due.key
            ).values_list("invitee_id", flat=True)
            waiting = source.awaiting(wave).exclude(pk__in=list(done)).count()
            if waiting:
                found.append(DueReminder(survey, wave.pk, str(wave), due, waiting))
    return found


def queue_due_reminders(today: date | None = None) -> list[DueReminder]:
    """Queue one sending task per wave with a reminder due; safe to run as often as wanted."""
    from partnerscope.apps.notifications.tasks import send_reminders

    today = today or timezone.localdate()
    due = due_reminders(today)
    for item in due:
        send_reminders.enqueue(str(item.survey), item.wave_id, item.reminder.key, today.isoformat())
    return due


# ---- The log a manager reads ----------------------------------------------------------


@dataclass(frozen=True)
class LogRow:
    """Reminders of one kind sent on one day, and to whom where the survey is not anonymous."""

    reminder: str
    day: date
    count: int
    names: list[str]


@dataclass(frozen=True)
class ReminderPage:
    wave: object
    anonymous: bool
    schedule: list[Reminder]
    due: Reminder | None
    rows: list[LogRow]
    opted_out: int

    @property
    def total(self) -> int:
        return sum(row.count for row in self.rows)


def reminder_page(survey: Survey, wave: object) -> ReminderPage:
    """What the wave's manager may see of its reminders.

    For an anonymous survey only counts per reminder and day: a list of who was reminded
    would be a list of who had not answered at that time.
    """
    source = sources()[survey]
    labels = {r.key: r.label for r in wave.reminders}  # type: ignore[attr-defined]
    logs = list(
        ReminderLog.objects.filter(survey=survey, wave_id=wave.pk)  # type: ignore[attr-defined]
        .order_by("sent")
        .values_list("reminder", "sent", "invitee_id")
    )
    names: dict[int, str] = {}
    if not source.anonymous:
        names = {
            invitee.pk: f"{invitee.person.name} ({invitee.organisation.name})"
            for invitee in source.invitees(wave)
        }
    counts: Counter[tuple[str, date]] = Counter()
    people: dict[tuple[str, date], list[str]] = {}
    for key, sent, invitee_id in logs:
        day = timezone.localtime(sent).date() if isinstance(sent, datetime) else sent
        counts[(key, day)] += 1
        if not source.anonymous:
            people.setdefault((key, day), []).append(names.get(invitee_id, "(removed)"))
    rows = [
        LogRow(labels.get(key, key), day, count, sorted(people.get((key, day), [])))
        for (key, day), count in counts.items()
    ]
    opted_out = source.invitees(wave).filter(person__reminder_opt_out__isnull=False).count()
    return ReminderPage(
        wave,
        source.anonymous,
        wave.reminders,  # type: ignore[attr-defined]
        due_reminder(wave.reminders, timezone.localdate()),  # type: ignore[attr-defined]
        rows,
        opted_out,
    )
