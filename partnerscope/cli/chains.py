"""The `partnerscope chains` commands."""

from __future__ import annotations

import typer

app = typer.Typer(help="chains analysis.", no_args_is_help=True)
