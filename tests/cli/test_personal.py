"""`partnerscope person export|erase`, `partnerscope purge`, and the audit events of the
export and backup commands, run in this process on the test database."""

from __future__ import annotations

import json
import stat

import pytest
from typer.testing import CliRunner

from partnerscope.apps.audit.models import AuditAction, AuditEvent, Channel
from partnerscope.apps.partnerships.models import Person
from partnerscope.cli import app
from tests.apps.partnerships.factories import RoleFactory, UserFactory

pytestmark = pytest.mark.django_db

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def alice_account(kite):
    user = UserFactory(username="aadams", email="alice@example.org")
    RoleFactory(partnership=kite["partnership"], user=user, kind="member")
    Person.objects.filter(pk=kite["alice"].pk).update(user=user)
    return user


def test_person_export_writes_a_private_json_file(kite, alice_account, tmp_path):
    out = tmp_path / "alice.json"
    result = run("person", "export", str(out), "--username", "aadams")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["account"]["email"] == "alice@example.org"
    assert data["people"][0]["name"] == "Alice Adams"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    [event] = AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_EXPORTED)
    assert event.channel == Channel.COMMAND_LINE


def test_person_export_by_partnership_and_ref(kite, tmp_path):
    out = tmp_path / "bola.json"
    result = run("person", "export", str(out), "--partnership", "kite", "--ref", kite["bola"].ref)
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["account"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--username", "nobody"], "No account with the username 'nobody'"),
        (["--partnership", "kite", "--ref", "nobody"], "No person with the ref 'nobody'"),
        (["--partnership", "nowhere", "--ref", "x"], "No partnership 'nowhere'"),
        ([], "give either --username, or --partnership and --ref"),
    ],
)
def test_an_unknown_person_is_a_clear_error(kite, tmp_path, args, message):
    result = run("person", "export", str(tmp_path / "x.json"), *args)
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "x.json").exists()


def test_person_erase_asks_first_then_erases(kite, alice_account):
    refused = run("person", "erase", "--username", "aadams", input="n\n")
    assert refused.exit_code == 1
    assert Person.objects.get(pk=kite["alice"].pk).name == "Alice Adams"
    done = run("person", "erase", "--username", "aadams", "--yes")
    assert done.exit_code == 0, done.output
    assert "Erased 1 people records and the account" in done.output
    assert Person.objects.get(pk=kite["alice"].pk).name.startswith("Erased person")
    assert AuditEvent.objects.filter(action=AuditAction.PERSON_ERASED).count() == 1


def test_purge_reports_what_it_deleted(kite):
    result = run("purge", "--audit-days", "0")
    assert result.exit_code == 0, result.output
    assert "audit events past their retention" in result.output
    [note] = AuditEvent.objects.all()
    assert note.action == AuditAction.PURGED


def test_export_and_backup_commands_are_recorded(kite, tmp_path):
    assert run("export", "kite", str(tmp_path / "package")).exit_code == 0
    assert run("backup", str(tmp_path / "backup.json.gz")).exit_code == 0
    exported = AuditEvent.objects.get(action=AuditAction.DATA_PACKAGE_EXPORTED)
    assert exported.partnership == kite["partnership"]
    assert exported.channel == Channel.COMMAND_LINE
    backup = AuditEvent.objects.get(action=AuditAction.BACKUP_WRITTEN)
    assert backup.partnership is None
    assert backup.detail["file"].endswith("backup.json.gz")


@pytest.mark.django_db(transaction=True)
def test_a_restore_is_recorded_after_the_data_it_loads(kite, tmp_path):
    backup = tmp_path / "backup.json.gz"
    assert run("backup", str(backup)).exit_code == 0
    result = run("restore", str(backup), "--force")
    assert result.exit_code == 0, result.output
    restored = AuditEvent.objects.get(action=AuditAction.BACKUP_RESTORED)
    assert restored.channel == Channel.COMMAND_LINE
    assert AuditEvent.objects.filter(action=AuditAction.BACKUP_WRITTEN).count() == 0
    assert AuditEvent.objects.filter(action=AuditAction.RECORD_CREATED).exists()
