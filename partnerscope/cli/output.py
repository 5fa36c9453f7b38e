"""Shared output helpers for the command line: JSON or a readable summary, and clean errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console

from partnerscope.datapackage.tables import TableErrors

console = Console()
error_console = Console(stderr=True, soft_wrap=True)


class OutputFormat(StrEnum):
    """How an analysis command prints its result."""

    text = "text"
    json = "json"


FORMAT_OPTION = typer.Option(
    OutputFormat.text, "--format", help="text for a readable summary, json for machine use."
)


def emit(result: Any, output_format: OutputFormat, summary: Callable[[Any], None]) -> None:
    """Print ``result`` as JSON, or call ``summary`` to print it for people."""
    if output_format is OutputFormat.json:
        sys.stdout.write(json.dumps(result, indent=2, sort_keys=False, default=str) + "\n")
    else:
        summary(result)


@contextmanager
def clear_errors() -> Iterator[None]:
    """Turn bad-input exceptions into ``file:row:column: message`` lines and exit code 2."""
    try:
        yield
    except TableErrors as problem:
        for error in problem.errors:
            error_console.print(str(error), markup=False, highlight=False)
        raise typer.Exit(code=2) from None
    except ValueError as problem:
        error_console.print(f"error: {problem}", markup=False, highlight=False)
        raise typer.Exit(code=2) from None
