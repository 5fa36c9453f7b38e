"""A manager reads the health-check report, makes a board pack and publishes the public
version, which local people read without signing in until it is withdrawn."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.apps.reports.builders import full_kite
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_reads_the_report_and_makes_a_board_pack(page, live_server, kite, manager):
    full_kite(kite)
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Health-check report", exact=True).click()
    expect(
        page.get_by_role("heading", name="Health-check report: Kite Partnership")
    ).to_be_visible()
    contents = page.get_by_role("navigation", name="Contents")
    expect(contents.get_by_role("link", name="The 7S self-assessment")).to_be_visible()
    expect(page.get_by_role("heading", name="Delivery chains", level=2)).to_be_visible()
    expect(page.get_by_role("link", name="Download the PDF")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Make a board pack").click()
    expect(page.get_by_role("heading", name="Make a board pack", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Make the board pack").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.get_by_text("Choose at least one section.").first).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Title").fill("Board, January")
    page.get_by_label("Date of the meeting").fill("2027-01-14")
    page.get_by_label("Delivery chains").check()
    page.get_by_label("Performance of the shared outcomes").check()
    page.get_by_role("button", name="Make the board pack").click()
    expect(page.get_by_role("heading", name="Board, January", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Delivery chains", level=2)).to_be_visible()
    expect(page.get_by_role("heading", name="The 7S self-assessment", level=2)).to_have_count(0)
    expect(page.get_by_role("link", name="Download this board pack as PDF")).to_be_visible()
    assert_accessible(page)


def test_manager_publishes_and_withdraws_the_public_version(
    page, browser: Browser, live_server, kite, manager
):
    full_kite(kite)
    public_url = f"{live_server.url}/a/reports/kite/"
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/reports/")
    page.get_by_role("link", name="Public version: publish or withdraw").click()
    expect(page.get_by_role("heading", name="The public version", level=1)).to_be_visible()
    expect(page.get_by_text("No public version is published now.")).to_be_visible()
    expect(page.get_by_label("Appendix: every finding traced to its rule and data")).to_have_count(
        0
    )
    assert_accessible(page)
    page.get_by_label("Title").fill("Kite in 2026")
    page.get_by_role("button", name="Publish the public version").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Kite in 2026 is published for local people."
    )
    expect(page.get_by_role("cell", name="Published")).to_be_visible()
    assert_accessible(page)

    local = browser.new_context(bypass_csp=True)
    reader = local.new_page()
    try:
        reader.goto(public_url)
        expect(reader.get_by_role("heading", name="Kite in 2026", level=1)).to_be_visible()
        expect(
            reader.get_by_role("heading", name="The 7S self-assessment", level=2)
        ).to_be_visible()
        expect(reader.get_by_text("Appendix: every finding")).to_have_count(0)
        assert_accessible(reader)

        page.get_by_role("button", name="Withdraw Kite in 2026").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("is withdrawn")
        response = reader.goto(public_url)
        assert response is not None and response.status == 404
    finally:
        local.close()
