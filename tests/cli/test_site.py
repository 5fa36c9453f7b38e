"""The site commands, run as a user runs them: in a fresh process on a fresh database."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = [sys.executable, "-m", "partnerscope.cli"]


def run(data_dir: Path, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PARTNERSCOPE_DATA_DIR": str(data_dir),
        "DATABASE_URL": "",
        "COLUMNS": "200",
        **extra_env,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The demo built in one database and exported."""
    root = tmp_path_factory.mktemp("site")
    built = run(root / "first", "demo")
    assert built.returncode == 0, built.stderr
    assert "demo-partnership-2026" in built.stdout
    assert "manager" in built.stdout
    out = run(root / "first", "export", "northshire", str(root / "export"))
    assert out.returncode == 0, out.stderr
    return root


def test_demo_export_import_into_a_fresh_database_round_trips(exported):
    imported = run(exported / "second", "import", str(exported / "export"))
    assert imported.returncode == 0, imported.stderr
    assert "150 people" in imported.stdout
    again = run(exported / "second", "export", "northshire", str(exported / "again"))
    assert again.returncode == 0, again.stderr
    for path in sorted((exported / "export").iterdir()):
        assert path.read_bytes() == (exported / "again" / path.name).read_bytes(), path.name


def test_a_broken_csv_gets_located_errors_and_leaves_the_database_unchanged(exported, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    for path in (exported / "export").iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    rows = list(csv.reader((broken / "people.csv").open(encoding="utf-8")))
    rows[3][2] = "nowhere"
    with (broken / "people.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    result = run(tmp_path / "db", "import", str(broken))
    assert result.returncode == 2
    assert "people.csv:4:organisation: 'nowhere' is not an id in organisations.csv" in result.stderr
    listing = run(tmp_path / "db", "export", "northshire", str(tmp_path / "out"))
    assert listing.returncode == 2
    assert "no partnership 'northshire' (known: none)" in listing.stderr


def test_backup_and_restore(exported, tmp_path):
    backup = tmp_path / "backup.json.gz"
    assert run(exported / "first", "backup", str(backup)).returncode == 0
    restored = run(tmp_path / "restored", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    out = run(tmp_path / "restored", "export", "northshire-easton", str(tmp_path / "easton"))
    assert out.returncode == 0, out.stderr
    refused = run(tmp_path / "restored", "restore", str(backup))
    assert refused.returncode == 2
    assert "--force" in refused.stderr


def test_migrate_reports_an_up_to_date_schema(tmp_path):
    result = run(tmp_path, "migrate")
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout


def test_grant_gives_a_role_and_refuses_a_new_account_without_email(exported):
    ok = run(exported / "first", "grant", "northshire-easton", "member", "--role", "viewer")
    assert ok.returncode == 0, ok.stderr
    assert "member is now viewer of Easton Partnership" in ok.stdout
    refused = run(exported / "first", "grant", "northshire", "stranger", "--role", "viewer")
    assert refused.returncode == 2
    assert "An e-mail address is needed" in refused.stderr


def test_grant_emails_a_password_link_to_the_configured_base_url(exported):
    granted = run(
        exported / "first",
        "grant",
        "northshire",
        "newcomer",
        "--email",
        "newcomer@example.org",
        PARTNERSCOPE_BASE_URL="https://partners.example.org",
    )
    assert granted.returncode == 0, granted.stderr
    assert "https://partners.example.org/accounts/password-reset/" in granted.stdout
    assert "127.0.0.1:8000" not in granted.stdout


def test_the_server_entry_point_loads_every_view_before_the_first_request(tmp_path):
    script = (
        "import sys, partnerscope.wsgi; "
        "print('partnerscope.apps.performance.views' in sys.modules, "
        "'partnerscope.apps.network.views' in sys.modules)"
    )
    env = {**os.environ, "PARTNERSCOPE_DATA_DIR": str(tmp_path), "DATABASE_URL": ""}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert loaded.stdout.split() == ["True", "True"], loaded.stderr


OPEN_CONNECTION = """
import os, stat, django
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM django_migrations")
database = connection.settings_dict["NAME"]
for path in (database, database + "-wal", database + "-shm"):
    print(oct(stat.S_IMODE(os.stat(path).st_mode)))
"""


def test_the_database_and_the_secret_key_are_private_to_their_owner(tmp_path):
    """Even under a umask that lets everyone read new files, as most systems have."""
    env = {**os.environ, "PARTNERSCOPE_DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": ""}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("PARTNERSCOPE_SECRET_KEY", None)
    created = subprocess.run(
        [*COMMAND, "migrate"], capture_output=True, text=True, env=env, umask=0o022, timeout=300
    )
    assert created.returncode == 0, created.stderr
    for name in ("partnerscope.sqlite3", "secret_key"):
        assert stat.S_IMODE(os.stat(tmp_path / "data" / name).st_mode) == 0o600, name
    (tmp_path / "data" / "partnerscope.sqlite3").chmod(0o644)
    env["DJANGO_SETTINGS_MODULE"] = "partnerscope.settings.base"
    opened = subprocess.run(
        [sys.executable, "-c", OPEN_CONNECTION],
        capture_output=True,
        text=True,
        env=env,
        umask=0o022,
        timeout=120,
    )
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.split() == ["0o600"] * 3, "the database, its -wal and -shm files"


def test_a_truncated_backup_is_refused_without_a_traceback(exported, tmp_path):
    backup = tmp_path / "backup.json.gz"
    assert run(exported / "first", "backup", str(backup)).returncode == 0
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    backup.write_bytes(backup.read_bytes()[:1000])
    refused = run(tmp_path / "fresh", "restore", str(backup))
    assert refused.returncode == 2
    assert f"error: {backup} is truncated" in refused.stderr
    assert "Traceback" not in refused.stderr
    listing = run(tmp_path / "fresh", "export", "northshire", str(tmp_path / "out"))
    assert "(known: none)" in listing.stderr
