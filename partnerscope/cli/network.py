"""The `partnerscope network` commands."""

from __future__ import annotations

import typer

app = typer.Typer(help="network analysis.", no_args_is_help=True)
