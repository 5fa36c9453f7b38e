"""`partnerscope actions remind`: the same reminders as the management command, once each."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from typer.testing import CliRunner

from partnerscope.cli import app
from tests.apps.actions.builders import TODAY, action

pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


def test_actions_remind_sends_once_and_says_so(kite):
    kite["alice"].email = "alice@example.org"
    kite["alice"].save()
    action(kite["partnership"], ref="a01", due=TODAY, owner_person=kite["alice"])
    day = (TODAY - dt.timedelta(days=2)).isoformat()
    dry = runner.invoke(app, ["actions", "remind", "--dry-run", "--today", day])
    assert dry.exit_code == 0, dry.output
    assert "1 reminder would be sent." in dry.output
    assert mail.outbox == []
    first = runner.invoke(app, ["actions", "remind", "--today", day])
    assert "kite a01: before reminder" in first.output
    assert "1 reminder sent." in first.output
    again = runner.invoke(app, ["actions", "remind", "--today", day])
    assert "0 reminders sent." in again.output
    assert len(mail.outbox) == 1


def test_actions_remind_refuses_a_day_that_is_not_a_date(db):
    result = runner.invoke(app, ["actions", "remind", "--today", "tomorrow"])
    assert result.exit_code == 2
    assert "not a date" in result.output
