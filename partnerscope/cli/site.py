"""Commands that run the site: migrate, demo, serve, import, export, backup, restore."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the site commands to the top-level ``partnerscope`` app."""
