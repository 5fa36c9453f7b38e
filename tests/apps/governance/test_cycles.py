"""The partners' cycles: the data package round trip, located errors that import nothing,
the cycles page with its timeline, and the cycle rules' findings in the register."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.urls import reverse

from partnerscope.apps.governance import findings as governance_findings
from partnerscope.apps.governance.demo import demo_tables
from partnerscope.apps.governance.models import PartnerCycle
from partnerscope.apps.partnerships.datapackage_services import export_folder, import_folder
from partnerscope.apps.partnerships.demo import demo_packages
from partnerscope.datapackage.package import write_package
from tests.apps.partnerships.factories import MeetingFactory, RoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def northshire_folder(tmp_path):
    tables = next(demo_packages(1))
    tables.update(demo_tables(tables, 0))
    assert [row["organisation"] for row in tables["partner_cycles"]] == [
        "northshire-county-council",
        "northshire-icb",
    ]
    return write_package(tmp_path / "demo", "Northshire", tables)


def rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def rewrite(path: Path, index: int, column: str, value: str) -> None:
    table = rows(path)
    table[index][column] = value
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def test_export_import_export_gives_identical_cycle_files(tmp_path, northshire_folder):
    first = import_folder(northshire_folder)
    assert first.ok, first.errors
    export_folder(first.partnership, tmp_path / "one")
    first.partnership.delete()
    second = import_folder(tmp_path / "one")
    assert second.ok, second.errors
    export_folder(second.partnership, tmp_path / "two")
    one = (tmp_path / "one" / "partner_cycles.csv").read_bytes()
    assert one == (tmp_path / "two" / "partner_cycles.csv").read_bytes()
    icb = PartnerCycle.objects.get(
        partnership=second.partnership, organisation__ref="northshire-icb"
    )
    assert (icb.budget_start_month, icb.budget_end_month) == (1, 3)
    assert icb.history.count() == 1


def test_bad_cycle_rows_get_located_errors_and_nothing_is_imported(tmp_path, northshire_folder):
    path = northshire_folder / "partner_cycles.csv"
    rewrite(path, 0, "budget_end_month", "13")
    rewrite(path, 1, "reporting_period_months", "4")
    result = import_folder(northshire_folder)
    assert not result.ok
    messages = {str(error) for error in result.errors}
    assert "partner_cycles.csv:2:budget_end_month: a month is a number from 1 to 12" in messages
    assert (
        "partner_cycles.csv:3:reporting_period_months: a period lasts 1, 3, 6 or 12 months"
        in messages
    )
    assert not PartnerCycle.objects.exists()


def test_a_second_cycle_for_one_partner_is_refused(tmp_path, northshire_folder):
    path = northshire_folder / "partner_cycles.csv"
    rewrite(path, 1, "organisation", "northshire-county-council")
    result = import_folder(northshire_folder)
    assert not result.ok
    assert any(
        "partner_cycles.csv:3:organisation: this organisation already has a cycle" in str(e)
        for e in result.errors
    )


def test_cycles_page_shows_entered_cycles_defaults_and_decisions(kite, client):
    partnership = kite["partnership"]
    PartnerCycle.objects.create(
        partnership=partnership,
        ref="council-cycle",
        organisation=kite["council"],
        budget_start_month=10,
        budget_end_month=2,
        planning_start_month=9,
        planning_end_month=3,
    )
    meeting = MeetingFactory(body=kite["board"], ref="decides")
    meeting.agenda_items.create(
        position=1,
        title="Pool the budget",
        function="resource_allocation",
        governance_layer="executive",
    )
    client.force_login(RoleFactory(partnership=partnership, kind="viewer").user)
    page = client.get(reverse("governance:cycles", args=["kite"])).content.decode()
    assert 'role="img"' in page and "cycles-title" in page
    assert "October to February" in page and "Entered" in page and "Sector default" in page
    assert "1 June 2024" in page
    found = governance_findings.findings(partnership)
    outside = [f for f in found if f.rule.id == "decision_outside_budget_window"]
    assert [f.subject.ref for f in outside] == ["kite-council"]
    assert outside[0].evidence.url == "/p/kite/governance/cycles/"
    assert client.get(outside[0].evidence.url).status_code == 200


def test_a_manager_enters_a_cycle_from_the_sector_default_and_changes_it(kite, role_user, client):
    url = reverse("governance:cycle_edit", args=["kite", kite["police"].ref])
    client.force_login(role_user("viewer"))
    assert client.get(url).status_code == 403
    client.force_login(role_user("manager"))
    form = client.get(url).content.decode()
    assert "Enter the cycle of Kite Police" in form and 'value="11" selected' in form
    values = {
        "year_start_month": 4,
        "budget_start_month": 11,
        "budget_end_month": 2,
        "planning_start_month": 10,
        "planning_end_month": 3,
        "reporting_period_months": 3,
    }
    response = client.post(url, values)
    assert response.status_code == 302 and response["Location"] == "/p/kite/governance/cycles/"
    client.post(url, {**values, "budget_end_month": 1})
    cycle = PartnerCycle.objects.get(organisation=kite["police"])
    assert cycle.budget_end_month == 1 and cycle.history.count() == 2
    refused = client.post(url, {**values, "budget_end_month": 13})
    assert refused.status_code == 400
    assert PartnerCycle.objects.get(organisation=kite["police"]).budget_end_month == 1
    other = reverse("governance:cycle_edit", args=["kite", "not-a-partner"])
    assert client.get(other).status_code == 404
