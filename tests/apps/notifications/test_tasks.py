"""Background tasks: queued with the database backend and run by the worker, run at once with
the immediate backend; no survey token ever written to the queue."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from partnerscope.apps.notifications.services import queue_due_reminders
from partnerscope.apps.performance import value_import
from partnerscope.apps.performance.models import IndicatorStatusSnapshot
from partnerscope.apps.sevens import invitations as sevens_invitations
from partnerscope.apps.sevens.models import Invitation
from tests.apps.performance import factories as performance_factories
from tests.apps.sevens.factories import make_wave

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def run_worker(monkeypatch):
    """Run every queued task in this process, as ``partnerscope worker --batch`` does.

    The worker drops database connections that are not in autocommit mode between tasks;
    here the test's own transaction is such a connection, so that step is skipped.
    """
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    return lambda: call_command(
        "db_worker", batch=True, reload=False, startup_delay=False, verbosity=0
    )


def with_email(kite):
    for key in ("alice", "bola"):
        kite[key].email = f"{key}@example.org"
        kite[key].save()


def test_invitation_emails_are_sent_at_once_with_the_immediate_backend(kite):
    with_email(kite)
    page = sevens_invitations.send_invitations(make_wave(kite))
    assert len(mail.outbox) == 2
    assert all(link.emailed and not link.queued for link in page.issued)
    assert not DBTaskResult.objects.exists()


def test_invitation_emails_are_queued_for_the_worker_and_never_carry_a_token(
    kite, settings, run_worker
):
    settings.TASKS = DATABASE_TASKS
    with_email(kite)
    page = sevens_invitations.send_invitations(make_wave(kite))
    assert mail.outbox == []
    assert all(link.queued and not link.emailed for link in page.issued)
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("notifications.tasks.send_invitations")
    tokens = [link.url.rstrip("/").rsplit("/", 1)[1] for link in page.issued]
    assert not any(token in str(queued.args_kwargs) for token in tokens)
    run_worker()
    assert len(mail.outbox) == 2
    assert all(token in "".join(m.body for m in mail.outbox) for token in tokens)
    assert Invitation.objects.filter(emailed=True).count() == 2
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_the_invitations_page_says_which_e_mails_are_queued(manager_client, kite, settings):
    settings.TASKS = DATABASE_TASKS
    with_email(kite)
    wave = make_wave(kite)
    page = manager_client.post(reverse("sevens:invitations", args=["kite", wave.pk]))
    assert "Queued: to be sent to alice@example.org shortly" in page.content.decode()


def test_reminders_are_queued_by_the_command_and_sent_by_the_worker(kite, settings, run_worker):
    settings.TASKS = DATABASE_TASKS
    with_email(kite)
    wave = make_wave(kite, reminder_days=[1])
    sevens_invitations.send_invitations(wave)
    run_worker()
    mail.outbox.clear()
    due = queue_due_reminders(wave.opens + dt.timedelta(days=1))
    assert [item.waiting for item in due] == [2]
    assert mail.outbox == []
    run_worker()
    assert len(mail.outbox) == 2
    assert queue_due_reminders(wave.opens + dt.timedelta(days=1)) == []


def values_csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["indicator", "area", "period", "value", "status", "reason"])
    writer.writerows(rows)
    return buffer.getvalue().encode()


def test_an_import_queues_its_status_refresh_which_the_worker_runs(
    kite, manager, settings, run_worker
):
    ni15 = performance_factories.kite_indicator(kite)
    IndicatorStatusSnapshot.objects.all().delete()
    settings.TASKS = DATABASE_TASKS
    check, pending = value_import.stage_upload(
        kite["partnership"],
        manager,
        "values.csv",
        values_csv([("NI 15", "Kiteshire", "2026-Q1", 9.1, "provisional", "")]),
    )
    assert check.ok
    counts, errors = value_import.confirm_import(pending, manager)
    assert errors == [] and counts["new"] == 1
    task = DBTaskResult.objects.get()
    assert task.task_path.endswith("performance.tasks.refresh_statuses")
    assert task.args_kwargs["args"][0] == kite["partnership"].pk
    assert not IndicatorStatusSnapshot.objects.filter(indicator=ni15).exists()
    run_worker()
    assert IndicatorStatusSnapshot.objects.get(indicator=ni15).latest_period == "2026-Q1"


def test_the_worker_command_takes_a_queued_task_from_the_database(tmp_path: Path):
    """``partnerscope worker`` in its own process, on a fresh SQLite database."""
    env = {
        **os.environ,
        "PARTNERSCOPE_DATA_DIR": str(tmp_path),
        "DATABASE_URL": "",
        "PARTNERSCOPE_TASKS_BACKEND": "database",
        "DJANGO_SETTINGS_MODULE": "partnerscope.settings.base",
    }
    enqueue = textwrap.dedent(
        """
        from partnerscope.cli.site import setup_django
        setup_django()
        from partnerscope.apps.performance.tasks import refresh_statuses
        print(refresh_statuses.enqueue(424242).id)
        """
    )
    made = subprocess.run(
        [sys.executable, "-c", enqueue], capture_output=True, text=True, env=env, timeout=300
    )
    assert made.returncode == 0, made.stderr
    task_id = made.stdout.strip().splitlines()[-1]
    worked = subprocess.run(
        [sys.executable, "-m", "partnerscope.cli", "worker", "--batch"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert worked.returncode == 0, worked.stderr
    check = textwrap.dedent(
        f"""
        from partnerscope.cli.site import setup_django
        setup_django()
        from django_tasks_db.models import DBTaskResult
        result = DBTaskResult.objects.get(id="{task_id}")
        print(result.status, result.return_value)
        """
    )
    read = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, env=env, timeout=120
    )
    assert read.stdout.split() == ["SUCCESSFUL", "0"], read.stderr


def test_the_worker_refuses_to_start_without_a_queue(tmp_path: Path):
    env = {
        **os.environ,
        "PARTNERSCOPE_DATA_DIR": str(tmp_path),
        "DATABASE_URL": "",
        "PARTNERSCOPE_TASKS_BACKEND": "immediate",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    refused = subprocess.run(
        [sys.executable, "-m", "partnerscope.cli", "worker", "--batch"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert refused.returncode == 2
    assert "no queue" in refused.stderr


def test_an_unknown_tasks_backend_is_a_clear_error(tmp_path: Path):
    env = {
        **os.environ,
        "PARTNERSCOPE_DATA_DIR": str(tmp_path),
        "DATABASE_URL": "",
        "PARTNERSCOPE_TASKS_BACKEND": "queue-server",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    refused = subprocess.run(
        [sys.executable, "-m", "partnerscope.cli", "migrate"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert refused.returncode == 2
    assert "PARTNERSCOPE_TASKS_BACKEND is 'queue-server': use database or immediate." in (
        refused.stderr
    )
    assert "Traceback" not in refused.stderr


def test_the_invitations_list_says_an_e_mail_is_not_sent_yet(manager_client, kite, settings):
    settings.TASKS = DATABASE_TASKS
    with_email(kite)
    wave = make_wave(kite)
    url = reverse("sevens:invitations", args=["kite", wave.pk])
    manager_client.post(url)
    later = manager_client.get(url).content.decode()
    assert "Invited: e-mail not sent yet (queued, or the mail server refused it)" in later
