"""`partnerscope backup` and `restore` in this process, on the test database (SQLite or
PostgreSQL) outside any test transaction: a backup is private to its owner, and a bad file
gets a clear error that leaves the database as it was."""

from __future__ import annotations

import gzip
import json
import os
import stat
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from typer.testing import CliRunner

from partnerscope.apps.partnerships.models import Organisation, Partnership, Person
from partnerscope.cli import app
from partnerscope.cli.output import console, error_console

# Committed data, as a real restore meets it: PostgreSQL refuses to empty tables whose rows
# the same transaction has just written (their foreign-key checks are still pending).
pytestmark = pytest.mark.django_db(transaction=True)
runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep each error on one line, however long the temporary path."""
    for each in (console, error_console):
        monkeypatch.setattr(each, "_width", 1000)


@pytest.fixture
def backup(kite, tmp_path) -> Path:
    path = tmp_path / "backup.json.gz"
    result = runner.invoke(app, ["backup", str(path)])
    assert result.exit_code == 0, result.output
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def held() -> dict[str, list]:
    """What the database holds, to show that a refused restore changed nothing."""
    return {
        "partnerships": list(Partnership.objects.values_list("slug", "name").order_by("slug")),
        "organisations": list(Organisation.objects.values_list("ref", "name").order_by("ref")),
        "people": list(Person.objects.values_list("ref", "organisation__ref").order_by("ref")),
        "users": list(get_user_model().objects.values_list("username", flat=True).order_by("pk")),
    }


def test_a_backup_is_readable_by_its_owner_only(backup):
    assert mode(backup) == 0o600
    records = json.loads(gzip.decompress(backup.read_bytes()))
    assert any(record["model"] == "partnerships.partnership" for record in records)


def test_a_backup_over_a_readable_file_is_private_too(kite, tmp_path):
    path = tmp_path / "backup.json.gz"
    path.write_text("an older file")
    path.chmod(0o644)
    assert runner.invoke(app, ["backup", str(path)]).exit_code == 0
    assert mode(path) == 0o600
    assert gzip.decompress(path.read_bytes()).startswith(b"[")


def test_a_good_backup_restores_over_the_data_with_force(backup):
    before = held()
    result = runner.invoke(app, ["restore", str(backup), "--force"])
    assert result.exit_code == 0, result.output
    assert held() == before


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def not_gzip(data: bytes) -> bytes:
    return b'[{"model": "partnerships.partnership"}]\n'


def gzip_not_json(data: bytes) -> bytes:
    return gzip.compress(b"PartnerScope backup, but not JSON\n")


def inconsistent(data: bytes) -> bytes:
    """A person whose organisation is not in the backup."""
    records = json.loads(gzip.decompress(data))
    person = next(record for record in records if record["model"] == "partnerships.person")
    person["fields"]["organisation"] = 999_999_999
    return gzip.compress(json.dumps(records).encode())


@pytest.mark.parametrize(
    "damage, explained",
    [
        (truncated, "is truncated"),
        (not_gzip, "is not a gzip file"),
        (gzip_not_json, "is not JSON"),
        (inconsistent, "is inconsistent"),
    ],
)
def test_a_bad_backup_gets_a_clear_error_and_changes_nothing(backup, damage, explained):
    bad = backup.with_name("bad.json.gz")
    bad.write_bytes(damage(backup.read_bytes()))
    before = held()
    result = runner.invoke(app, ["restore", str(bad), "--force"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stderr.startswith(f"error: {bad} {explained}")
    assert "nothing was changed" in result.stderr
    assert held() == before


def test_a_backup_outside_any_transaction_restores_to_the_same_records(kite, manager, tmp_path):
    """The path a scheduled backup takes (its own read transaction, closed afterwards), and
    the check docs/deploy.md gives for a restore: a backup of the restored database holds
    exactly the records of the backup restored."""
    first, again = tmp_path / "first.json.gz", tmp_path / "again.json.gz"
    assert runner.invoke(app, ["backup", str(first)]).exit_code == 0
    assert not connection.in_atomic_block
    Person.objects.all().delete()
    result = runner.invoke(app, ["restore", str(first), "--force"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["backup", str(again)]).exit_code == 0
    assert records(again) == records(first)
    assert audit_events(again)[: len(audit_events(first))] == audit_events(first)
    restored_since = audit_events(again)[len(audit_events(first)) :]
    assert [event["fields"]["action"] for event in restored_since] == ["backup_restored"]


def records(backup_file):
    """Every record of a backup but the audit log's, which grows with each backup and restore."""
    rows = json.loads(gzip.decompress(backup_file.read_bytes()))
    return [row for row in rows if row["model"] != "audit.auditevent"]


def audit_events(backup_file):
    rows = json.loads(gzip.decompress(backup_file.read_bytes()))
    return [row for row in rows if row["model"] == "audit.auditevent"]
