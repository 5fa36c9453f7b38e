"""Reminder e-mails to action owners: before and after the due date, never twice, a dry
run sends nothing, and people without an e-mail address are left out."""

from __future__ import annotations

import datetime as dt
import doctest
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from partnerscope.apps.actions import moved, reminders
from partnerscope.apps.actions.models import ActionReminder
from partnerscope.apps.audit.models import AuditEvent
from tests.apps.actions.builders import TODAY, action

DUE = TODAY + dt.timedelta(days=7)


@pytest.fixture
def owned(kite):
    kite["alice"].email = "alice@example.org"
    kite["alice"].save()
    return action(kite["partnership"], ref="a01", due=DUE, owner_person=kite["alice"])


def run(today, *args):
    call_command("send_action_reminders", "--today", today.isoformat(), *args)


def test_the_modules_examples_hold():
    for module in (reminders, moved):
        assert doctest.testmod(module).failed == 0


def test_a_reminder_goes_seven_days_before_the_due_date(owned):
    run(DUE - dt.timedelta(days=8))
    assert mail.outbox == []
    run(DUE - dt.timedelta(days=7))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert "due in 7 days" in message.body
    assert "/p/kite/actions/a01/" in message.body
    assert ActionReminder.objects.get().kind == "before"


def test_a_reminder_goes_a_day_after_the_due_date_while_open(owned):
    run(DUE)
    run(DUE + dt.timedelta(days=1))
    assert [m.subject.split(": ")[1] for m in mail.outbox] == [
        f"Action due {DUE:%d %B %Y}",
        "Action overdue",
    ]
    owned.status = "done"
    owned.save()
    run(DUE + dt.timedelta(days=30))
    assert len(mail.outbox) == 2


def test_no_reminder_is_sent_twice(owned):
    day = DUE - dt.timedelta(days=3)
    run(day)
    run(day)
    run(day + dt.timedelta(days=1))
    assert len(mail.outbox) == 1
    assert ActionReminder.objects.count() == 1


def test_a_new_due_date_is_a_new_reminder(owned):
    run(DUE - dt.timedelta(days=1))
    owned.due = DUE + dt.timedelta(days=30)
    owned.save()
    run(owned.due - dt.timedelta(days=2))
    assert len(mail.outbox) == 2


def test_a_dry_run_sends_and_logs_nothing(owned, capsys):
    run(DUE, "--dry-run")
    assert mail.outbox == []
    assert not ActionReminder.objects.exists()
    assert "a01: before reminder (due" in capsys.readouterr().out


def test_owners_without_an_email_address_get_nothing(kite):
    action(kite["partnership"], ref="b", due=DUE, owner_person=kite["bola"])
    action(kite["partnership"], ref="c", due=DUE, owner_other="The youth team")
    kite["bola"].email = ""
    kite["bola"].save()
    run(DUE)
    assert mail.outbox == []


def test_each_sent_reminder_is_audited(owned):
    run(DUE)
    event = AuditEvent.objects.get(subject_type="action reminder")
    assert event.subject_ref == "a01" and event.detail["kind"] == "before"


def test_a_refused_email_is_tried_again_next_run(owned, monkeypatch):
    monkeypatch.setattr(reminders, "deliver", lambda message: False)
    run(DUE)
    assert not ActionReminder.objects.exists()
    monkeypatch.undo()
    run(DUE)
    assert len(mail.outbox) == 1


def test_the_log_refuses_a_second_row_for_one_reminder(owned):
    due = next(reminders.due_reminders(DUE))
    assert reminders.claim(due) is not None
    assert reminders.claim(due) is None


def test_a_bad_day_is_refused():
    with pytest.raises(CommandError, match="not a date"):
        call_command("send_action_reminders", "--today", "soon")


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_one_reminder(kite):
    kite["alice"].email = "alice@example.org"
    kite["alice"].save()
    action(kite["partnership"], ref="a01", due=DUE, owner_person=kite["alice"])
    barrier = threading.Barrier(2)
    original = reminders.due_reminders

    def both_find_it(*args, **kwargs):
        found = list(original(*args, **kwargs))
        barrier.wait(timeout=10)
        return iter(found)

    def one_run():
        try:
            reminders.send_action_reminders(DUE)
        finally:
            connection.close()

    reminders.due_reminders = both_find_it
    try:
        threads = [threading.Thread(target=one_run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        reminders.due_reminders = original
    assert len(mail.outbox) == 1
    assert ActionReminder.objects.count() == 1
