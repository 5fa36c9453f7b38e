"""Commands that run the site: migrate, demo, serve, import, export, backup, restore."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.progress import Progress

from partnerscope.cli.output import console, error_console


def setup_django(migrate: bool = True) -> None:
    """Configure Django; create or update the schema first when ``migrate`` is true."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerscope.settings.base")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as problem:
        error_console.print(f"error: {problem}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    if migrate:
        ensure_schema()


def ensure_schema(verbose: bool = False) -> None:
    """Apply any migrations not yet applied (a new database gets its whole schema)."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        if verbose or len(pending) > 0:
            error_console.print(f"Updating the database schema ({len(pending)} migrations)…")
        call_command("migrate", verbosity=0, interactive=False)


def migrate() -> None:
    """Create the database schema, or bring it up to date."""
    setup_django(migrate=False)
    ensure_schema(verbose=True)
    console.print("The database schema is up to date.")


def demo(
    scale: int = typer.Option(
        1, min=1, help="How many demo areas to build (six partnerships each)."
    ),
) -> None:
    """Build the demo partnership Northshire (a county and five districts) and its log-ins."""
    # The demo's status refreshes run as it is built, so that it needs no worker.
    os.environ["PARTNERSCOPE_TASKS_BACKEND"] = "immediate"
    setup_django()
    from partnerscope.apps.partnerships.demo.build import build_demo, demo_partnership_count

    with Progress(console=error_console, transient=True) as progress:
        task = progress.add_task("Building demo partnerships", total=demo_partnership_count(scale))
        result = build_demo(scale, progress=lambda slug: progress.advance(task))
    console.print(
        f"Built {len(result.created)} partnerships; {len(result.skipped)} were already there."
    )
    print_demo_logins(result.users, result.password)


def print_demo_logins(users: list[tuple[str, str, str]], password: str) -> None:
    console.print("\nDemo sign-ins (password for all: [bold]" + password + "[/bold]):")
    for username, role, partnership in users:
        console.print(f"  {username:<12} {role:<11} {partnership}")


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    threads: int = typer.Option(8, help="Worker threads."),
    connections: int = typer.Option(
        1000, help="Open connections at most; more wait to be accepted."
    ),
) -> None:
    """Serve the web app (with the schema brought up to date first).

    Each browser keeps its connection open between pages, so on a survey's launch day
    hundreds are open at once: Waitress's own limit of 100 kept new respondents waiting
    up to a minute for their first page. Past 1,024 open files ``select`` fails, so the
    connections are watched with ``poll``.
    """
    setup_django()
    from waitress import serve as waitress_serve

    from partnerscope.wsgi import application

    console.print(f"PartnerScope is serving on http://{host}:{port}/ (Ctrl+C stops it).")
    waitress_serve(
        application,
        host=host,
        port=port,
        threads=threads,
        connection_limit=connections,
        asyncore_use_poll=True,
        ident="PartnerScope",
    )


def import_package(
    source: Path = typer.Argument(
        ...,
        help="Folder holding datapackage.json and its CSV files, or a .zip of them as exported.",
    ),
    as_user: str = typer.Option(
        "",
        "--as",
        help="Import as this account, with its rights; it becomes the new partnership's "
        "manager. Without it the import is the operator's.",
    ),
) -> None:
    """Import a partnership from a data package: all of it, or nothing with every error."""
    setup_django()
    from django.contrib.auth import get_user_model

    from partnerscope.apps.partnerships.datapackage_services import import_folder, import_zip

    importer = None
    if as_user:
        importer = get_user_model().objects.filter(username=as_user).first()
        if importer is None:
            error_console.print(f"error: no account {as_user!r}")
            raise typer.Exit(2)
    if source.is_dir():
        result = import_folder(source, importer)
    elif source.is_file():
        with source.open("rb") as upload:
            result = import_zip(upload, importer)
    else:
        error_console.print(f"error: {source} is neither a folder nor a file")
        raise typer.Exit(2)
    if not result.ok:
        for error in result.errors:
            error_console.print(error, markup=False, highlight=False)
        error_console.print(f"Nothing was imported: {len(result.errors)} errors.")
        raise typer.Exit(2)
    assert result.partnership is not None
    for note in result.notes:
        console.print(note, markup=False, highlight=False)
    console.print(
        f"Imported {result.partnership.name} ({result.partnership.slug}): {result.summary}."
    )


def export_package(
    slug: str = typer.Argument(..., help="The partnership's slug, as in /p/<slug>/."),
    folder: Path = typer.Argument(..., help="Folder to write (created if missing)."),
) -> None:
    """Export a partnership as a data package: CSV files plus datapackage.json."""
    setup_django()
    from partnerscope.apps.audit.log import AuditAction, record
    from partnerscope.apps.partnerships.datapackage_services import export_folder
    from partnerscope.apps.partnerships.models import Partnership

    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None:
        known = ", ".join(Partnership.objects.values_list("slug", flat=True)) or "none"
        error_console.print(f"error: no partnership {slug!r} (known: {known})")
        raise typer.Exit(2)
    export_folder(partnership, folder)
    record(AuditAction.DATA_PACKAGE_EXPORTED, partnership=partnership, detail={"file": str(folder)})
    console.print(f"Exported {partnership.name} to {folder}.")


def grant(
    slug: str = typer.Argument(..., help="The partnership's slug."),
    username: str = typer.Argument(..., help="Sign-in name; a new account is created if needed."),
    role: str = typer.Option("viewer", help="manager, member, scrutineer or viewer."),
    email: str = typer.Option("", help="E-mail for a new account; it is sent a password link."),
) -> None:
    """Give someone a role in a partnership (creating their account if it is new)."""
    setup_django()
    from django.core.exceptions import ValidationError

    from partnerscope.apps.accounts.services import grant_role
    from partnerscope.apps.partnerships.models import Partnership

    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None:
        error_console.print(f"error: no partnership {slug!r}")
        raise typer.Exit(2)
    try:
        result = grant_role(partnership, username=username, email=email, kind=role)
    except ValidationError as problem:
        error_console.print("error: " + " ".join(problem.messages))
        raise typer.Exit(2) from None
    created = (
        " (new account: a link to choose a password was e-mailed)" if result.created_account else ""
    )
    console.print(f"{username} is now {role} of {partnership.name}{created}.")


def backup(
    file: Path = typer.Argument(..., help="File to write, e.g. partnerscope-backup.json.gz."),
) -> None:
    """Write every record of the database (all partnerships and users) to a compressed file,
    readable by its owner only."""
    setup_django()
    from partnerscope.apps.audit.log import AuditAction, record
    from partnerscope.apps.common.backups import BackupError, write_backup

    try:
        write_backup(file)
    except BackupError as problem:
        error_console.print(f"error: {problem}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    record(AuditAction.BACKUP_WRITTEN, detail={"file": str(file)})
    console.print(f"Backed up the database to {file}.")


def restore(
    file: Path = typer.Argument(..., help="A backup written by `partnerscope backup`."),
    force: bool = typer.Option(False, "--force", help="Replace a database that holds data."),
) -> None:
    """Load a backup into the database, all or nothing; refuses to overwrite data unless
    --force is given, and a damaged file with a clear error."""
    setup_django()
    from partnerscope.apps.audit.log import AuditAction, record
    from partnerscope.apps.common.backups import BackupError, restore_backup

    try:
        restore_backup(file, force=force)
    except BackupError as problem:
        error_console.print(f"error: {problem}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    record(AuditAction.BACKUP_RESTORED, detail={"file": str(file)})
    console.print(f"Restored the database from {file}.")


def register(app: typer.Typer) -> None:
    """Add the site commands to the top-level ``partnerscope`` app."""
    app.command()(migrate)
    app.command()(demo)
    app.command()(serve)
    app.command("import")(import_package)
    app.command("export")(export_package)
    app.command()(grant)
    app.command()(backup)
    app.command()(restore)
