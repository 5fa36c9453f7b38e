"""Every setting PartnerScope reads from the environment, declared once with its default and help.

docs/settings.md documents each of them; a test checks that it does.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
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
        "PARTNERSCOPE_BEHIND_TLS_PROXY",
        "false",
        "true when a reverse proxy in front ends TLS and sets X-Forwarded-Proto: Django then "
        "trusts that header to tell HTTPS requests; never true without such a proxy.",
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
        "PARTNERSCOPE_BASE_URL",
        "http://127.0.0.1:8000",
        "The address people reach the site at, such as https://partners.example.org: the "
        "start of every link in invitations, reminders and new-account e-mails.",
    ),
    Setting(
        "PARTNERSCOPE_TASKS_BACKEND",
        "database",
        "database queues background work (bulk e-mails, reminders, status refreshes) for "
        "`partnerscope worker`; immediate runs it at once inside the request, for the demo "
        "or a site without a worker.",
    ),
    Setting(
        "PARTNERSCOPE_LOCKOUT_FAILURES",
        "5",
        "Failed sign-ins in a row, for one account name from one address, after which that "
        "account is locked out at that address.",
    ),
    Setting(
        "PARTNERSCOPE_ACTION_REMINDER_DAYS_BEFORE",
        "7",
        "How many days before an action's due date its owner is reminded by e-mail.",
    ),
    Setting(
        "PARTNERSCOPE_ACTION_REMINDER_DAYS_AFTER",
        "1",
        "How many days after an action's due date, if it is not done, its owner is reminded.",
    ),
    Setting(
        "PARTNERSCOPE_LEARNING_MINIMUM_SHARING",
        "5",
        "How many partnerships must share their figures before the comparison shows any; "
        "values below 5 count as 5.",
    ),
    Setting(
        "PARTNERSCOPE_LOCKOUT_MINUTES",
        "15",
        "How long a locked-out account stays locked.",
    ),
    Setting(
        "PARTNERSCOPE_TRUSTED_PROXY_COUNT",
        "0",
        "How many reverse proxies of your own stand in front of the site; lock-out then reads "
        "the client's address from X-Forwarded-For. 0 means the connection's own address.",
    ),
    Setting(
        "PARTNERSCOPE_REQUIRE_2FA_FOR_MANAGERS",
        "false",
        "true makes everyone who manages a partnership (and superusers) set up two-factor "
        "sign-in and use it before they reach any partnership page.",
    ),
    Setting(
        "PARTNERSCOPE_OIDC_ISSUER",
        "",
        "Single sign-on: the OpenID Connect provider's issuer URL (for Microsoft Entra ID "
        "https://login.microsoftonline.com/TENANT-ID/v2.0). Empty turns single sign-on off.",
    ),
    Setting("PARTNERSCOPE_OIDC_CLIENT_ID", "", "Single sign-on: PartnerScope's client ID."),
    Setting("PARTNERSCOPE_OIDC_CLIENT_SECRET", "", "Single sign-on: PartnerScope's client secret."),
    Setting(
        "PARTNERSCOPE_OIDC_AUTHORIZATION_ENDPOINT",
        "",
        "Single sign-on: the provider's authorisation endpoint; empty means discovered from "
        "the issuer's /.well-known/openid-configuration.",
    ),
    Setting(
        "PARTNERSCOPE_OIDC_TOKEN_ENDPOINT",
        "",
        "Single sign-on: the provider's token endpoint; empty means discovered.",
    ),
    Setting(
        "PARTNERSCOPE_OIDC_USERINFO_ENDPOINT",
        "",
        "Single sign-on: the provider's user information endpoint; empty means discovered.",
    ),
    Setting(
        "PARTNERSCOPE_OIDC_JWKS_URI",
        "",
        "Single sign-on: where the provider publishes its signing keys; empty means discovered.",
    ),
    Setting(
        "PARTNERSCOPE_OIDC_SIGNING_ALGORITHM",
        "RS256",
        "Single sign-on: the algorithm the provider signs ID tokens with (RS256 or ES256).",
    ),
    Setting(
        "PARTNERSCOPE_OIDC_BUTTON_LABEL",
        "Sign in with your organisation",
        "Single sign-on: the label of the sign-in page's button.",
    ),
    Setting(
        "PARTNERSCOPE_PASSKEY_ORIGINS",
        "http://localhost:8000",
        "Comma-separated addresses (scheme, host and port) at which passkeys may be used; the "
        "first one's host name is the passkeys' domain. Passkeys need HTTPS or localhost.",
    ),
    Setting(
        "PARTNERSCOPE_AUDIT_RETENTION_DAYS",
        "730",
        "Days the audit log keeps an event; `partnerscope purge` deletes older ones.",
    ),
    Setting(
        "PARTNERSCOPE_PURGE_AFTER_DAYS",
        "90",
        "Days after a survey closes before `partnerscope purge` deletes its unsent drafts "
        "and spent invitations (submitted answers are never deleted).",
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
    """The data folder, created if missing (readable by its owner only when new)."""
    path = Path(get("PARTNERSCOPE_DATA_DIR"))
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


PRIVATE = 0o600
"""The mode of files that hold secrets, password hashes or answers: the owner's alone."""


def private_file(path: Path) -> Path:
    """Create ``path`` empty with mode 0600 if it is missing, before anything is written to
    it, so there is no moment when others may read it; an existing file of this user's that
    others may read or write is made private too."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    except FileExistsError:
        status = path.stat()
        if status.st_mode & 0o077 and status.st_uid == os.getuid():
            path.chmod(PRIVATE)
    else:
        os.fchmod(descriptor, PRIVATE)
        os.close(descriptor)
    return path


def secret_key() -> str:
    """The configured secret key, or one generated once and kept in the data folder (0600).

    The key is written to a private temporary file and linked into place, so a second process
    starting at the same moment never reads a half-written key.
    """
    configured = get("PARTNERSCOPE_SECRET_KEY")
    if configured:
        return configured
    key_file = data_dir() / "secret_key"
    if not key_file.exists():
        descriptor, temporary = tempfile.mkstemp(dir=key_file.parent, prefix=".secret_key.")
        try:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
            with contextlib.suppress(FileExistsError):
                os.link(temporary, key_file)
        finally:
            os.unlink(temporary)
    return key_file.read_text().strip()


def private_sqlite_files(name: str) -> None:
    """Make an SQLite database file ``name`` (created empty if missing) and any ``-wal`` and
    ``-shm`` beside it readable by their owner only. SQLite gives the ``-wal`` and ``-shm``
    files it creates later the database file's own mode."""
    if name == ":memory:" or name.startswith("file:"):
        return
    database = Path(name)
    database.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    private_file(database)
    for extra in (Path(f"{name}-wal"), Path(f"{name}-shm")):
        if extra.exists():
            private_file(extra)


def database_url() -> str:
    """The database to use: DATABASE_URL, else an SQLite file in the data folder."""
    return get("DATABASE_URL") or f"sqlite:///{data_dir() / 'partnerscope.sqlite3'}"
