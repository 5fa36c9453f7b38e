"""`partnerscope costs meetings DIR`, on a small package worked by hand: the kite board met
once for 90 minutes with two members present (1 hour to prepare, 0.5 to travel: 3 hours
each); the council's chair costs £50 an hour, anyone else £20 (an assumption)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from partnerscope.cli import app
from partnerscope.cli.output import console, error_console
from partnerscope.datapackage.package import write_package
from partnerscope.datapackage.schema import all_resources

runner = CliRunner()


@pytest.fixture(autouse=True)
def wide_consoles(monkeypatch: pytest.MonkeyPatch) -> None:
    for each in (console, error_console):
        monkeypatch.setattr(each, "_width", 1000)


def kite_tables() -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {resource.name: [] for resource in all_resources()}
    tables["partnership"] = [
        {
            "slug": "kite",
            "name": "Kite",
            "area": "Kite",
            "kind": "lsp",
            "tier": "unitary",
            "parent": None,
            "anonymity_threshold": 5,
        }
    ]
    tables["organisations"] = [
        {"id": "kite-council", "name": "Kite Council", "sector": "council", "statutory": True},
        {"id": "kite-police", "name": "Kite Police", "sector": "police", "statutory": True},
    ]
    tables["people"] = [
        {
            "id": "alice",
            "name": "Alice",
            "organisation": "kite-council",
            "job_title": None,
            "email": None,
        },
        {
            "id": "bola",
            "name": "Bola",
            "organisation": "kite-police",
            "job_title": None,
            "email": None,
        },
        {"id": "cy", "name": "Cy", "organisation": "kite-police", "job_title": None, "email": None},
    ]
    tables["bodies"] = [
        {
            "id": "board",
            "name": "Kite Board",
            "layer": "strategic",
            "parent": None,
            "functions": None,
        }
    ]
    tables["memberships"] = [
        {"person": "alice", "body": "board", "role": "chair", "start": None, "end": None},
        {"person": "bola", "body": "board", "role": "member", "start": None, "end": None},
    ]
    tables["meetings"] = [
        {"id": "m1", "body": "board", "date": "2025-05-01", "duration_minutes": 90}
    ]
    tables["agenda_items"] = [
        {
            "meeting": "m1",
            "position": 1,
            "title": "Vision",
            "function": "vision",
            "layer": "strategic",
            "presenter": None,
        },
        {
            "meeting": "m1",
            "position": 2,
            "title": "Rota",
            "function": "service_delivery",
            "layer": "operational",
            "presenter": None,
        },
    ]
    tables["attendance"] = [
        {"meeting": "m1", "person": "alice", "status": "present"},
        {"meeting": "m1", "person": "bola", "status": "present"},
        {"meeting": "m1", "person": "cy", "status": "apologies"},
    ]
    tables["hourly_rates"] = [
        {
            "id": "chair",
            "organisation": "kite-council",
            "sector": None,
            "role": "chair",
            "hourly_cost": 50,
            "price_year": 2025,
            "source": "Pay policy",
            "illustrative": False,
        },
        {
            "id": "anyone",
            "organisation": None,
            "sector": None,
            "role": None,
            "hourly_cost": 20,
            "price_year": 2025,
            "source": None,
            "illustrative": False,
        },
    ]
    tables["meeting_cost_settings"] = [
        {"preparation_hours": 1, "travel_hours": 0.5, "price_year": 2025}
    ]
    return tables


def test_the_meeting_costs_what_the_hand_working_says(tmp_path):
    write_package(tmp_path / "kite", "Kite", kite_tables())
    result = runner.invoke(app, ["costs", "meetings", str(tmp_path / "kite"), "--format", "json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed["total_hours"] == 6.0
    assert printed["total_cost"] == 3 * 50 + 3 * 20
    assert printed["assumed_cost"] == 60.0
    assert printed["by_layer"] == [{"layer": "strategic", "hours": 6.0, "cost": 210.0, "count": 1}]
    assert printed["by_year"][0]["year"] == 2025
    items = {
        (r["body_layer"], r["item_layer"]): r["cost_per_item"] for r in printed["by_item_layer"]
    }
    assert items == {("strategic", "operational"): 105.0, ("strategic", "strategic"): 105.0}


def test_the_text_summary_names_the_layers(tmp_path):
    write_package(tmp_path / "kite", "Kite", kite_tables())
    result = runner.invoke(app, ["costs", "meetings", str(tmp_path / "kite")])
    assert result.exit_code == 0, result.output
    assert "£210" in result.output
    assert "strategic" in result.output


def test_a_missing_folder_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["costs", "meetings", str(tmp_path / "nowhere")])
    assert result.exit_code != 0
    assert "no such folder" in result.output


def test_a_bad_rate_names_its_file_row_and_column(tmp_path):
    tables = kite_tables()
    tables["hourly_rates"][0]["sector"] = "pirates"
    write_package(tmp_path / "kite", "Kite", tables)
    result = runner.invoke(app, ["costs", "meetings", str(tmp_path / "kite")])
    assert result.exit_code != 0
    assert "hourly_rates.csv:2:sector" in result.output
