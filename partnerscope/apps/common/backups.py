"""Whole-database backups: written private to their owner, restored all or nothing.

A backup holds every partnership, every account's password hash and every survey answer, so
it is written readable by its owner only (0600), to a temporary file beside the target that
is moved into place when complete: a backup cut short by a full disk never replaces a good
one. A restore empties the database and loads the backup in one transaction; a file that is
cut short, not gzip, not JSON, or whose records do not fit together is refused with a
sentence saying so, and the transaction leaves the database as it was.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.exceptions import ObjectDoesNotExist
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction

BACKUP_EXCLUDES = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "axes"]
"""Tables a backup leaves out: rebuilt by migrations, or short-lived sign-in state."""

GZIP_MAGIC = b"\x1f\x8b"
UNCHANGED = "nothing was changed"


class BackupError(Exception):
    """A backup could not be written or restored; the message says why, in one sentence."""


def write_backup(path: Path) -> Path:
    """Write every record of the database (all partnerships and users) to ``path`` as
    gzip-compressed JSON, readable by its owner only."""
    target = Path(path)
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".partial"
        )
    except OSError as problem:
        raise BackupError(f"cannot write in {target.parent}: {problem.strerror}") from None
    try:
        with (
            one_snapshot(),
            os.fdopen(descriptor, "wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw) as compressed,
            io.TextIOWrapper(compressed, encoding="utf-8") as text,
        ):
            call_command(
                "dumpdata",
                natural_foreign=True,
                natural_primary=True,
                exclude=BACKUP_EXCLUDES,
                stdout=text,
                indent=None,
            )
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


@contextmanager
def one_snapshot() -> Iterator[None]:
    """Read every table as of one moment while the site goes on writing.

    A dump reads table after table; without one snapshot, a survey answered during a
    scheduled backup could leave a row whose reference was written after its table was
    read, and the backup would then be refused as inconsistent when it is needed. PostgreSQL
    gets a read-only repeatable-read transaction; SQLite a deferred read transaction, which
    in WAL mode sees one snapshot without holding writers back (the site's own ``IMMEDIATE``
    transactions would lock them out for the whole dump). Inside a transaction already
    begun, its snapshot is the one read.
    """
    if connection.in_atomic_block:
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
            try:
                yield
            finally:
                cursor.execute("COMMIT")
    else:
        yield


def restore_backup(path: Path, *, force: bool = False) -> None:
    """Replace the database's records with those of a backup written by :func:`write_backup`.

    Refuses a database that holds partnerships unless ``force``; raises :class:`BackupError`
    for a file that cannot be restored, with the database unchanged.
    """
    from partnerscope.apps.partnerships.models import Partnership

    source = Path(path)
    if not source.is_file():
        raise BackupError(f"{source} not found")
    if Partnership.objects.exists() and not force:
        raise BackupError("the database already holds partnerships; use --force to replace them.")
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "backup.json"
        unpack(source, plain)
        try:
            with transaction.atomic():
                call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(plain), verbosity=0)
        except (DeserializationError, DatabaseError, ValueError) as problem:
            raise BackupError(f"{source} {refusal(problem)}; {UNCHANGED}.") from None


def unpack(source: Path, plain: Path) -> None:
    """Decompress ``source`` into ``plain``, or say why it is not a whole gzip file."""
    with open(source, "rb") as raw:
        if raw.read(2) != GZIP_MAGIC:
            raise BackupError(
                f"{source} is not a gzip file, so `partnerscope backup` did not write it; "
                f"{UNCHANGED}."
            )
    try:
        with gzip.open(source, "rb") as compressed, open(plain, "wb") as out:
            shutil.copyfileobj(compressed, out)
    except EOFError:
        raise BackupError(
            f"{source} is truncated: it ends before its compressed data does (was the copy "
            f"cut short?); {UNCHANGED}."
        ) from None
    except (gzip.BadGzipFile, zlib.error) as problem:
        raise BackupError(f"{source} is damaged ({problem}); {UNCHANGED}.") from None


def refusal(problem: Exception) -> str:
    """Why the records of an unpacked backup could not be loaded, for the person restoring."""
    cause = problem.__cause__
    reading = problem if isinstance(problem, UnicodeDecodeError) else cause
    if isinstance(reading, json.JSONDecodeError | UnicodeDecodeError):
        return f"is not JSON once unpacked ({reading}), so `partnerscope backup` did not write it"
    if isinstance(cause, TypeError | KeyError | AttributeError):
        return "is JSON but not a list of PartnerScope records"
    if isinstance(problem, DatabaseError) or isinstance(cause, ObjectDoesNotExist):
        return f"is inconsistent: {detail(problem)}"
    return f"holds a record this database cannot take: {detail(problem)}"


def detail(problem: Exception) -> str:
    """The database's or Django's own words, on one line and without the temporary file."""
    text = re.sub(r"^Problem installing fixtures?(?: '[^']*')?: ", "", str(problem))
    return " ".join(text.split()).rstrip(".")
