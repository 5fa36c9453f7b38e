"""The `partnerscope report` command: write a partnership's health-check report, whole or
some sections of it, as HTML or PDF, the partnership's own or its public version.

It calls the same services as the report pages, so the file matches the site. Progress goes
to standard error, one line per section, so the output can be piped.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from partnerscope.cli.findings import find_partnership
from partnerscope.cli.output import error_console
from partnerscope.cli.site import setup_django


class ReportFormat(StrEnum):
    pdf = "pdf"
    html = "html"


def fail(message: str) -> None:
    error_console.print(f"error: {message}", markup=False, highlight=False)
    raise typer.Exit(2)


def writable(output: Path) -> None:
    """Exit with a clear error, before any work, if ``output`` cannot be written."""
    folder = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        fail(f"{output} is a folder; give the file to write.")
    if not folder.is_dir():
        fail(f"cannot write {output}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        fail(f"cannot write {output}: permission denied.")


def progress(title: str) -> None:
    error_console.print(f"  {title}", markup=False, highlight=False)


def report(
    slug: Annotated[str, typer.Argument(help="The partnership's slug, as in /p/<slug>/.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The file to write.", show_default=False)
    ],
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="pdf or html.")
    ] = ReportFormat.pdf,
    sections: Annotated[
        str,
        typer.Option("--sections", help="Comma-separated section names (default: every section)."),
    ] = "",
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="The public version: only sections fit for the public, no individual answer, "
            "no group below the anonymity threshold.",
        ),
    ] = False,
) -> None:
    """Write the health-check report of a partnership as PDF or HTML."""
    writable(output)
    setup_django()
    from partnerscope.apps.reports import assembly
    from partnerscope.apps.reports.pdf import render_pdf

    partnership = find_partnership(slug)
    keys = [key.strip() for key in sections.split(",") if key.strip()] or None
    try:
        assembly.choose(keys, public)
    except assembly.UnknownSections as problem:
        fail(str(problem))
    kind = "public version" if public else "report"
    error_console.print(
        f"Building the {kind} of {partnership.name}:", markup=False, highlight=False
    )
    document = assembly.build(partnership, keys=keys, public=public, progress=progress)
    html = assembly.document_html(document)
    if output_format is ReportFormat.pdf:
        error_console.print("  Laying out the PDF", markup=False, highlight=False)
        output.write_bytes(render_pdf(html))
    else:
        output.write_text(html, encoding="utf-8")
    error_console.print(
        f"Wrote {output} ({len(document.sections)} sections, {output.stat().st_size:,} bytes).",
        markup=False,
        highlight=False,
    )
