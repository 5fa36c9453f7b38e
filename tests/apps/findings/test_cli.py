"""`partnerscope findings refresh|list`, run in this process on the test database."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from partnerscope.apps.findings.models import Refresh
from partnerscope.cli import app
from partnerscope.cli.output import console, error_console
from tests.apps.findings.builders import isolated, weak_element

pytestmark = pytest.mark.django_db

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    for each in (console, error_console):
        monkeypatch.setattr(each, "_width", 1000)


def run(*args: str):
    return runner.invoke(app, ["findings", *args])


def test_refresh_then_list_as_text_and_json(kite, sources):
    sources["sevens"].found = [weak_element()]
    sources["network"].found = [isolated()]
    result = run("refresh", "kite")
    assert result.exit_code == 0, result.output
    assert "Refreshed the register of Kite Partnership: 2 new, 0 persisting" in result.output
    assert Refresh.objects.get().ran_by == "the command line"

    text = run("list", "kite")
    assert text.exit_code == 0, text.output
    assert "weak_element: Weak element" in text.output and "Kite Police" in text.output

    data = json.loads(run("list", "kite", "--format", "json").output)
    assert data["partnership"] == "kite"
    assert data["last_refresh"]["new"] == 2
    assert {f["area"] for f in data["findings"]} == {"sevens", "network"}
    only = json.loads(run("list", "kite", "--format", "json", "--area", "network").output)
    assert [f["rule"]["id"] for f in only["findings"]] == ["isolated_partner"]


def test_list_shows_resolved_findings_when_asked(kite, sources):
    sources["sevens"].found = [weak_element()]
    run("refresh", "kite")
    sources["sevens"].found = []
    assert "0 new, 0 persisting, 1 resolved" in run("refresh", "kite").output
    assert json.loads(run("list", "kite", "--format", "json").output)["findings"] == []
    data = json.loads(run("list", "kite", "--format", "json", "--status", "all").output)
    assert [f["status"] for f in data["findings"]] == ["resolved"]


def test_an_unknown_partnership_is_a_clear_error(kite, sources):
    result = run("refresh", "nowhere")
    assert result.exit_code == 2
    assert "error: no partnership 'nowhere' (known: kite)" in result.output


def test_a_failing_area_is_named_and_nothing_changes(kite, sources):
    sources["sevens"].failure = RuntimeError("no wave closed yet")
    result = run("refresh", "kite")
    assert result.exit_code == 2
    assert "The sevens area's findings could not be gathered: no wave closed yet" in result.output
    assert "Nothing was changed." in result.output
    assert not Refresh.objects.exists()
