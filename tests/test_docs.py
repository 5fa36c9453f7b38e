"""The documentation covers every command and every setting."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.main import get_command

from partnerscope.cli import app
from partnerscope.settings.env import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def command_paths(group: typer.core.TyperGroup, prefix: str = "partnerscope") -> list[str]:
    paths = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if hasattr(command, "commands"):
            paths += command_paths(command, path)
        else:
            paths.append(path)
    return paths


def all_docs() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in DOCS.glob("*.md"))


def test_every_command_is_documented():
    text = all_docs()
    commands = command_paths(get_command(app))
    assert len(commands) >= 7
    missing = [path for path in commands if path not in text]
    assert missing == []


def test_every_setting_is_documented():
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    assert [s.name for s in SETTINGS if f"`{s.name}`" not in text] == []


def test_the_required_documents_exist():
    for name in ("architecture.md", "datapackage.md", "cli.md", "settings.md", "deploy.md"):
        assert (DOCS / name).exists(), name
