"""The costs tables of the data package: round trip, located errors, the demo's figures,
the report section and the meeting-cost command on the same folder."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from partnerscope.apps.common.reporting import ReportRequest
from partnerscope.apps.costs.cba_model import initiative_report
from partnerscope.apps.costs.demo import TABLES, demo_tables
from partnerscope.apps.costs.models import Initiative
from partnerscope.apps.costs.partnership_costs import partnership_meeting_costs
from partnerscope.apps.costs.report import costs_context
from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.cli import app
from partnerscope.datapackage.package import write_package

pytestmark = pytest.mark.django_db
FILES = [f"{name}.csv" for name in TABLES]


@pytest.fixture
def northshire():
    tables = next(demo_packages(1))
    tables.update(demo_tables(tables, 0))
    return tables


@pytest.fixture
def imported(tmp_path, northshire):
    write_package(tmp_path / "demo", "Northshire", northshire)
    result = import_folder(tmp_path / "demo")
    assert result.ok, result.errors
    return result.partnership


def test_export_import_export_gives_identical_costs_files(tmp_path, imported):
    export_folder(imported, tmp_path / "one")
    imported.delete()
    again = import_folder(tmp_path / "one")
    assert again.ok, again.errors
    export_folder(again.partnership, tmp_path / "two")
    for name in FILES:
        first = (tmp_path / "one" / name).read_text(encoding="utf-8")
        assert first == (tmp_path / "two" / name).read_text(encoding="utf-8"), name
        assert first.count("\n") > 1, name


def test_the_demo_has_one_initiative_that_pays_back_and_one_where_the_council_pays_and_health_saves(
    imported,
):
    early = initiative_report(
        Initiative.objects.get(partnership=imported, ref="early-help"), draws=0
    )
    abuse_initiative = Initiative.objects.get(partnership=imported, ref="domestic-abuse-one-stop")
    abuse = initiative_report(abuse_initiative, draws=0)
    assert early["financial_case"]["payback_year"] is not None
    assert abuse["financial_case"]["payback_year"] is None
    assert abuse_initiative.chain_ref == "domestic-abuse"
    net = {row["agency"]: row["net"] for row in abuse["by_agency"]}
    assert net["Northshire County Council"] < 0
    assert net["Northshire Integrated Care Board"] > 0
    assert any(
        case["payer"] == "Northshire County Council"
        and case["beneficiary"] == "Northshire Integrated Care Board"
        for case in abuse["wrong_pocket"]
    )


def test_the_demo_meetings_are_costed_and_the_report_section_reads_them(imported):
    meetings = partnership_meeting_costs(imported)
    assert meetings.total_cost > 0
    assert meetings.unpriced == 0
    context = costs_context(ReportRequest(imported, date(2026, 1, 1)))
    assert len(context["summaries"]) == 2
    assert context["cost_per_year"]


def test_the_command_line_costs_the_same_meetings(tmp_path, imported):
    export_folder(imported, tmp_path / "out")
    result = CliRunner().invoke(
        app, ["costs", "meetings", str(tmp_path / "out"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    web = partnership_meeting_costs(imported)
    assert printed["total_cost"] == pytest.approx(web.total_cost)
    assert printed["price_year"] == web.price_year == 2025
    assert {row["layer"] for row in printed["by_layer"]} == set(web.by_layer)


def test_a_share_out_of_range_is_refused_with_its_place(tmp_path, northshire):
    write_package(tmp_path / "bad", "Northshire", northshire)
    path = tmp_path / "bad" / "cost_outcomes.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[1]["engagement"] = "1.5"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    result = import_folder(tmp_path / "bad")
    assert not result.ok
    assert "cost_outcomes.csv:3:engagement: must be between 0 and 1" in [
        str(e) for e in result.errors
    ]
    assert not Initiative.objects.exists()
