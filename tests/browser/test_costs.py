"""A manager builds an initiative in the editor's steps, meets a refused value, and reads
its results: every page passes axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from partnerscope.apps.costs.models import Initiative
from tests.apps.costs.builders import falls_initiative
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_build_an_initiative_and_read_its_results(page, live_server, kite, manager):
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Costs and benefits").first.click()
    expect(page.get_by_role("heading", name="Initiatives: costs and benefits")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Add an initiative").click()
    page.get_by_label("Name").fill("Tenancy support")
    page.get_by_label("Base year").fill("2025")
    page.get_by_label("Years").fill("4")
    page.get_by_role("button", name="Add initiative").click()
    expect(page.get_by_role("heading", name="Costs", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Who pays").select_option(label="Kite Council")
    page.get_by_label("Revenue").check()
    page.get_by_label("Appraisal year").fill("0")
    page.get_by_label("Amount").fill("2000")
    page.get_by_role("button", name="Add cost").click()
    expect(page.get_by_text("Cost added")).to_be_visible()

    page.get_by_role("navigation", name="Steps of this initiative").get_by_role(
        "link", name="Outcomes", exact=True
    ).click()
    page.get_by_label("Name").fill("Fewer evictions")
    page.get_by_label("Cohort").fill("20")
    page.get_by_label("Engagement").fill("1.4")
    page.get_by_label("Impact").fill("0.5")
    page.get_by_label("Optimism bias").fill("0.1")
    page.get_by_role("button", name="Add outcome").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("less than or equal to 1")
    expect(page.get_by_label("Name")).to_have_value("Fewer evictions")
    assert_accessible(page)
    page.get_by_label("Engagement").fill("0.7")
    page.get_by_role("button", name="Add outcome").click()
    expect(page.get_by_text("Outcome added")).to_be_visible()

    page.get_by_role("link", name="Benefits", exact=True).click()
    page.get_by_label("Outcome").select_option(label="Fewer evictions")
    page.get_by_label("Fiscal (saves public money)").check()
    page.get_by_label("Who gains").select_option(label="Kite Police")
    page.get_by_label("Value per success").fill("300")
    page.get_by_role("button", name="Add benefit line").click()
    expect(page.get_by_text("Benefit line added")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Results", exact=True).click()
    expect(page.get_by_role("heading", name="Financial case")).to_be_visible()
    expect(page.locator('[data-measure="pv_costs"]')).to_have_text("£2,000")
    expect(
        page.get_by_role("img", name="Tornado: net present public value", exact=False)
    ).to_be_visible()
    assert_accessible(page)
    assert Initiative.objects.filter(name="Tenancy support").exists()


def test_results_of_a_full_initiative(page, live_server, kite, manager):
    initiative = falls_initiative(kite)
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/costs/initiatives/{initiative.pk}/")
    expect(page.get_by_role("heading", name="Who pays and who benefits").first).to_be_visible()
    expect(page.get_by_role("img", name="Monte Carlo", exact=False)).to_be_visible()
    expect(page.get_by_role("table", name="Wrong-pocket cases", exact=False)).to_be_visible()
    page.get_by_text("Show the data behind this chart").first.click()
    assert_accessible(page)


def test_import_the_unit_cost_library(page, live_server, kite, manager):
    example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "unit-costs.csv"
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/costs/unit-costs/")
    expect(page.get_by_role("heading", name="Unit-cost library")).to_be_visible()
    page.get_by_role("button", name="Import unit costs from CSV").click()
    page.get_by_role("button", name="Import").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("CSV file").set_input_files(str(example))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("Unit costs imported")).to_be_visible()
    expect(page.get_by_role("rowheader", name="EX-C01")).to_be_visible()
    assert_accessible(page)


def test_the_cost_of_the_partnership(page, live_server, kite, manager):
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/costs/partnership/")
    expect(page.get_by_role("heading", name="The cost of the partnership", level=1)).to_be_visible()
    page.get_by_role("button", name="Add a rate").click()
    page.get_by_label("Hourly cost").fill("35")
    page.get_by_label("Price year").fill("2024")
    page.get_by_role("button", name="Add rate").click()
    expect(page.get_by_text("The partnership's own assumption")).to_be_visible()
    page.get_by_role("button", name="Add a support cost").click()
    page.get_by_label("Website").check()
    page.get_by_label("Financial year").fill("2024")
    page.get_by_label("Who pays").select_option(label="Kite Council")
    page.get_by_label("Cash").check()
    page.get_by_label("Amount").fill("2500")
    page.get_by_role("button", name="Add support cost").click()
    expect(
        page.get_by_role("table", name="Support costs by category", exact=False)
    ).to_contain_text("£2,500")
    assert_accessible(page)
