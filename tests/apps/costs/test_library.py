"""The unit-cost library: import all or nothing, values uprated to the base year, every
figure with its source, edited by managers only."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerscope.apps.costs.models import UnitCost
from partnerscope.reference.costs import load_deflators

pytestmark = pytest.mark.django_db
EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "unit-costs.csv"


def upload(client, text, **extra):
    return client.post(
        reverse("costs:unit_cost_import", args=["kite"]),
        {"file": SimpleUploadedFile("costs.csv", text.encode(), "text/csv"), **extra},
    )


def test_the_documented_example_imports_and_is_shown_uprated(kite, manager_client):
    response = upload(manager_client, EXAMPLE.read_text(encoding="utf-8"))
    assert response.status_code == 302
    entry = UnitCost.objects.get(code="EX-C01")
    assert (float(entry.value), entry.price_year, entry.agency) == (1050.0, 2021, "Police")
    assert entry.source.startswith("PartnerScope example")
    page = manager_client.get(reverse("costs:unit_costs", args=["kite"]), {"base_year": "2025"})
    series = load_deflators()
    uprated = 1050 * series.index[2025] / series.index[2021]
    assert f"£{uprated:,.2f}" in page.content.decode()
    assert "illustrative" in page.content.decode()


def test_a_bad_file_names_each_row_and_saves_nothing(kite, manager_client):
    upload(manager_client, EXAMPLE.read_text(encoding="utf-8"))
    before = list(UnitCost.objects.values_list("code", "value"))
    text = (
        "Cost code,Description,Unit,Cost,Agency,Price year,Source\n"
        "NEW1,A night in a refuge,per night,£90,Council,2019/20,Our survey\n"
        "EX-C01,Changed,per incident,lots,Police,2021/22,Our survey\n"
        "NEW2,No source,per night,£10,Council,2019,\n"
    )
    response = upload(manager_client, text)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was saved" in page
    assert "row 3: Cost" in page
    assert "row 4: Source" in page
    assert list(UnitCost.objects.values_list("code", "value")) == before


def test_a_second_import_corrects_entries_as_new_versions(kite, manager_client):
    text = EXAMPLE.read_text(encoding="utf-8")
    upload(manager_client, text)
    upload(manager_client, text.replace('"£1,050"', '"£1,100"'))
    entry = UnitCost.objects.get(code="EX-C01")
    assert float(entry.value) == 1100.0
    assert entry.history.count() == 2


def test_an_entry_needs_its_source_and_a_code_of_its_own(kite, manager_client):
    upload(manager_client, EXAMPLE.read_text(encoding="utf-8"))
    response = manager_client.post(
        reverse("costs:unit_cost_create", args=["kite"]),
        {
            "code": "EX-C01",
            "description": "Again",
            "unit": "each",
            "value": "5",
            "agency": "Council",
            "price_year": "2024",
            "source": "",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Another unit cost has this code" in page
    assert "This field is required" in page


def test_a_base_year_outside_the_deflator_is_refused(kite, manager_client):
    response = manager_client.get(reverse("costs:unit_costs", args=["kite"]), {"base_year": "1850"})
    assert response.status_code == 400
    assert "Base year must be a year from" in response.content.decode()


def test_only_managers_import(kite, client, role_user):
    client.force_login(role_user("member"))
    response = upload(client, EXAMPLE.read_text(encoding="utf-8"))
    assert response.status_code == 403
    assert not UnitCost.objects.exists()
