"""`partnerscope person export|erase` and `partnerscope purge`: personal data on request, and
what is deleted once it has been kept long enough."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from partnerscope.cli.output import console, error_console
from partnerscope.cli.site import setup_django

app = typer.Typer(help="A person's data: export it or erase it on request.", no_args_is_help=True)

UsernameOption = Annotated[
    str, typer.Option("--username", help="The person's account, by its sign-in name.")
]
PartnershipOption = Annotated[
    str, typer.Option("--partnership", help="With --ref: the partnership's slug.")
]
RefOption = Annotated[
    str, typer.Option("--ref", help="With --partnership: the ref of the person's record.")
]


def find(username: str, partnership: str, ref: str) -> Any:
    """The data subject named by the options, or exit 2 with a clear error."""
    from django.core.exceptions import ValidationError

    from partnerscope.apps.audit.personal_data import find_subject

    if bool(username) == bool(partnership and ref):
        error_console.print("error: give either --username, or --partnership and --ref")
        raise typer.Exit(2)
    try:
        return find_subject(username=username, slug=partnership, ref=ref)
    except ValidationError as problem:
        error_console.print("error: " + " ".join(problem.messages))
        raise typer.Exit(2) from None


@app.command("export")
def export(
    file: Annotated[Path, typer.Argument(help="JSON file to write (0600: it is personal data).")],
    username: UsernameOption = "",
    partnership: PartnershipOption = "",
    ref: RefOption = "",
) -> None:
    """Write everything held about a person, in every partnership, to a JSON file."""
    setup_django()
    from partnerscope.apps.audit.personal_data import ENCODER, export_for

    subject = find(username, partnership, ref)
    data = export_for(subject)
    descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(data, handle, cls=ENCODER, indent=2, ensure_ascii=False)
    console.print(f"Wrote the personal data of {subject.label} to {file}.")


@app.command("erase")
def erase(
    username: UsernameOption = "",
    partnership: PartnershipOption = "",
    ref: RefOption = "",
    yes: Annotated[bool, typer.Option("--yes", help="Erase without asking to confirm.")] = False,
) -> None:
    """Erase a person's data in every partnership: placeholders in their records and every
    version of them; their account renamed, emptied and closed. Others' history stays."""
    setup_django()
    from partnerscope.apps.audit.personal_data import erase as erase_subject

    subject = find(username, partnership, ref)
    if not yes and not typer.confirm(
        f"Erase the personal data of {subject.label} ({len(subject.people)} people records"
        f"{', and their account' if subject.user else ''})? This cannot be undone"
    ):
        error_console.print("Nothing was erased.")
        raise typer.Exit(1)
    result = erase_subject(subject)
    console.print(
        f"Erased {result.people} people records"
        + (
            f" and the account (roles removed: {result.roles_removed})"
            if result.account_erased
            else ""
        )
        + "."
    )
    for name in result.without_manager:
        error_console.print(
            f"warning: {name} has no manager now; grant one with `partnerscope grant`."
        )


def purge(
    audit_days: Annotated[
        int | None,
        typer.Option(help="Keep audit events this many days (default: the setting)."),
    ] = None,
    survey_days: Annotated[
        int | None,
        typer.Option(
            help="Delete drafts and spent invitations of surveys closed longer than this "
            "(default: the setting)."
        ),
    ] = None,
) -> None:
    """Delete audit events past their retention, and drafts and spent invitations of surveys
    that closed long enough ago. Submitted answers are never deleted."""
    setup_django()
    from partnerscope.apps.audit.retention import purge as purge_old

    purged = purge_old(audit_days=audit_days, survey_days=survey_days)
    for line in purged.lines():
        console.print(f"Deleted {line}.")
