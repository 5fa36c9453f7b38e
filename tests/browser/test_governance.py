"""A manager reads the governance overview of a partnership with a council-chaired top table,
follows the nested list to the board's page and its findings; a reader does the same without
JavaScript. axe-core checks every page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.apps.governance.records import VARIANTS, save_governance
from tests.apps.partnerships.factories import RoleFactory
from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.test_findings import sign_in_without_script

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def top_table():
    return save_governance(VARIANTS["top_table"](), slug="kite")


def test_manager_reads_the_overview_and_a_body_page(page, live_server, top_table):
    manager = RoleFactory(partnership=top_table, kind="manager").user
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Governance", exact=True).click()
    expect(page.get_by_role("heading", name="Governance layers", level=1)).to_be_visible()
    expect(
        page.get_by_role("img", name="The governance layers of Kite Partnership")
    ).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="1 finding")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Kite Board").click()
    expect(page.get_by_role("heading", name="Kite Board", level=1)).to_be_visible()
    expect(page.get_by_role("rowheader", name="Council top table (top_table)")).to_be_visible()
    expect(page.get_by_text("3 to 4 meetings a year")).to_be_visible()
    page.get_by_text("Show the data behind this chart").first.click()
    expect(page.get_by_role("cell", name="2024-25").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Leadership").click()
    expect(page.get_by_role("heading", name="Leadership", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Rules").click()
    expect(page.get_by_role("rowheader", name="Council top table (top_table)")).to_be_visible()
    assert_accessible(page)


def test_reader_reads_the_overview_without_javascript(browser: Browser, live_server, top_table):
    reader = RoleFactory(partnership=top_table, kind="viewer").user
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in_without_script(page, live_server.url, reader.username)
        page.goto(f"{live_server.url}/p/kite/governance/")
        page.get_by_role("link", name="Kite Theme Group").click()
        expect(page.get_by_role("heading", name="Kite Theme Group", level=1)).to_be_visible()
        expect(page.get_by_text("12 to 52 meetings a year")).to_be_visible()
    finally:
        context.close()


def test_manager_reads_attendance_and_enters_a_partners_cycle(page, live_server, top_table):
    manager = RoleFactory(partnership=top_table, kind="manager").user
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/governance/")
    page.get_by_role("link", name="Attendance").click()
    expect(page.get_by_role("heading", name="Attendance", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Planning cycles").click()
    expect(page.get_by_role("img", name="Partners' planning and reporting cycles")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Enter the cycle of Kite Police").click()
    expect(page.get_by_role("heading", name="Enter the cycle of Kite Police")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Budget end month").select_option("1")
    page.get_by_role("button", name="Add cycle").click()
    expect(page.get_by_role("link", name="Change the cycle of Kite Police")).to_be_visible()
    expect(page.get_by_role("row", name="Kite Police").get_by_role("cell").nth(1)).to_have_text(
        "November to January"
    )
    assert_accessible(page)
