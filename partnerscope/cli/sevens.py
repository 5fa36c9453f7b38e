"""The `partnerscope sevens` commands."""

from __future__ import annotations

import typer

app = typer.Typer(help="sevens analysis.", no_args_is_help=True)
