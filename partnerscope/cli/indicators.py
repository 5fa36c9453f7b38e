"""The `partnerscope indicators` commands."""

from __future__ import annotations

import typer

app = typer.Typer(help="indicators analysis.", no_args_is_help=True)
