"""`partnerscope scrutiny tracker SLUG`: the open recommendations and their due dates."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from partnerscope.apps.scrutiny.models import ProgressUpdate
from partnerscope.cli import app
from tests.apps.scrutiny.builders import recommendation

pytestmark = pytest.mark.django_db
runner = CliRunner()


def test_tracker_json_lists_open_recommendations_with_due_dates(kite):
    recommendation(kite, "late", received=date(2023, 12, 31))
    recommendation(kite, "fresh", to="council", received=date(2024, 2, 20))
    closed = recommendation(kite, "done", received=date(2023, 12, 1))
    ProgressUpdate.objects.create(
        recommendation=closed, ref="u1", date=date(2024, 1, 5), text="Done", closes=True
    )
    result = runner.invoke(
        app, ["scrutiny", "tracker", "kite", "--format", "json", "--today", "2024-03-01"]
    )
    assert result.exit_code == 0, result.output
    rows = {row["recommendation"].split("--")[-1]: row for row in json.loads(result.output)}
    assert set(rows) == {"late", "fresh"}
    assert rows["late"]["due"] == "2024-02-29" and rows["late"]["status"] == "overdue"
    assert rows["fresh"]["due"] == "2024-04-20" and rows["fresh"]["status"] == "due"


def test_tracker_text_and_errors(kite):
    recommendation(kite, "late", received=date(2023, 12, 31))
    result = runner.invoke(app, ["scrutiny", "tracker", "kite", "--today", "2024-03-01"])
    assert "2024-02-29  overdue" in result.output
    assert runner.invoke(app, ["scrutiny", "tracker", "nowhere"]).exit_code == 2
    assert runner.invoke(app, ["scrutiny", "tracker", "kite", "--format", "xml"]).exit_code == 2
