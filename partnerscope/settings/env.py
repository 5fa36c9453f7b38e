"""Every setting PartnerScope reads from the environment, declared once with its default and help.

docs/settings.md documents each of them; a test checks that it does.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, default and what it does."""

    name: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.name, self.default)


SETTINGS = [
    Setting(
        "PARTNERSCOPE_DATA_DIR",
        str(PROJECT_DIR / "var"),
        "Folder for the SQLite database, the generated secret key and backups.",
    ),
    Setting(
        "DATABASE_URL",
        "",
        "sqlite:///PATH or postgres://USER:PASSWORD@HOST:PORT/NAME; empty means an SQLite "
        "file partnerscope.sqlite3 in the data folder.",
    ),
    Setting(
        "PARTNERSCOPE_SECRET_KEY",
        "",
        "Django's secret key; empty means one is generated on first run and kept in the "
        "data folder (never in the repository).",
    ),
    Setting("PARTNERSCOPE_DEBUG", "false", "true shows Django's debug pages; never in production."),
    Setting(
        "PARTNERSCOPE_ALLOWED_HOSTS",
        "127.0.0.1,localhost",
        "Comma-separated host names the site answers to.",
    ),
    Setting(
        "PARTNERSCOPE_SECURE",
        "false",
        "true when served over HTTPS: secure cookies, HSTS and redirects to HTTPS.",
    ),
    Setting(
        "PARTNERSCOPE_EMAIL_BACKEND",
        "django.core.mail.backends.console.EmailBackend",
        "Django e-mail backend for password resets and invitations; the default prints "
        "messages to the console.",
    ),
    Setting(
        "PARTNERSCOPE_DEFAULT_FROM_EMAIL",
        "partnerscope@localhost",
        "Sender address of the e-mails PartnerScope sends.",
    ),
    Setting(
        "PARTNERSCOPE_LOCKOUT_FAILURES",
        "5",
        "Failed sign-ins in a row after which an account is locked out.",
    ),
    Setting(
        "PARTNERSCOPE_LOCKOUT_MINUTES",
        "15",
        "How long a locked-out account stays locked.",
    ),
    Setting(
        "PARTNERSCOPE_IMPORT_BY_ANY_ACCOUNT",
        "false",
        "true lets any signed-in account create a partnership by importing a data package "
        "(and become its manager); false lets only superusers do so.",
    ),
    Setting(
        "PARTNERSCOPE_IMPORT_MAX_TABLE_MB",
        "4",
        "Largest unzipped size, in megabytes, of one table (CSV file) of an imported data "
        "package; a larger table is refused before it is read.",
    ),
    Setting(
        "PARTNERSCOPE_IMPORT_MAX_PACKAGE_MB",
        "5",
        "Largest unzipped size, in megabytes, of all the tables of an imported data package "
        "together.",
    ),
]

BY_NAME = {setting.name: setting for setting in SETTINGS}


def get(name: str) -> str:
    """The current value of a declared setting."""
    return BY_NAME[name].value()


def flag(name: str) -> bool:
    """A declared setting read as true or false."""
    return get(name).strip().lower() in {"1", "true", "yes", "on"}


def data_dir() -> Path:
    """The data folder, created if missing."""
    path = Path(get("PARTNERSCOPE_DATA_DIR"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key() -> str:
    """The configured secret key, or one generated once and kept in the data folder."""
    configured = get("PARTNERSCOPE_SECRET_KEY")
    if configured:
        return configured
    key_file = data_dir() / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def database_url() -> str:
    """The database to use: DATABASE_URL, else an SQLite file in the data folder."""
    return get("DATABASE_URL") or f"sqlite:///{data_dir() / 'partnerscope.sqlite3'}"
