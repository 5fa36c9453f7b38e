"""`partnerscope reminders send`: queues what is due, and running it again sends nothing twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from typer.testing import CliRunner

from partnerscope.apps.sevens import invitations as sevens_invitations
from partnerscope.cli import app
from tests.apps.sevens.factories import make_wave

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


def test_reminders_send_reminds_once_and_says_what_it_queued(kite):
    for key in ("alice", "bola"):
        kite[key].email = f"{key}@example.org"
        kite[key].save()
    wave = make_wave(kite, reminder_days=[1])
    sevens_invitations.send_invitations(wave)
    mail.outbox.clear()
    day = (wave.opens + dt.timedelta(days=1)).isoformat()
    first = runner.invoke(app, ["reminders", "send", "--today", day])
    assert first.exit_code == 0, first.output
    assert f"{wave.title}: 1 day after opening queued for 2 people." in first.output
    assert len(mail.outbox) == 2
    again = runner.invoke(app, ["reminders", "send", "--today", day])
    assert again.exit_code == 0
    assert "0 waves with reminders due." in again.output
    assert len(mail.outbox) == 2


def test_reminders_send_refuses_a_day_that_is_not_a_date(db):
    result = runner.invoke(app, ["reminders", "send", "--today", "tomorrow"])
    assert result.exit_code == 2
    assert "not a date" in result.output
