"""A manager records and corrects a value, then reads the exception report; every page
visited is checked with axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from partnerscope.apps.performance.status_snapshots import refresh_partnership
from tests.apps.performance import factories
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ni15(kite):
    indicator = factories.kite_indicator(kite)
    refresh_partnership(kite["partnership"])
    return indicator


def test_value_entry_and_correction(page, live_server, kite, manager, ni15):
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Performance", exact=True).click()
    expect(page.get_by_role("heading", name="Performance dashboard")).to_be_visible()
    expect(page.locator("svg.ps-performance-spark title")).to_have_count(1)
    assert_accessible(page)

    page.get_by_role("link", name="NI 15", exact=True).click()
    expect(page.get_by_role("heading", name="NI 15 Indicator NI 15", level=1)).to_be_visible()
    expect(page.locator("figure.ps-chart svg[role=img]")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Record a value").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save value").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    assert_accessible(page)

    page.get_by_label("Period").fill("2026-Q1")
    page.get_by_label("Value", exact=True).fill("9.1")
    page.get_by_label("Provisional").check()
    page.get_by_role("button", name="Save value").click()
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text("Value recorded: NI 15 for Kiteshire in 2026-Q1 is 9.1")
    assert_accessible(page)

    page.get_by_role("link", name="Correct the value for 2025-Q4").click()
    page.get_by_label("Value", exact=True).fill("9.7")
    page.get_by_role("button", name="Save value").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Give a reason for correcting the recorded value 9.5"
    )
    assert_accessible(page)

    page.get_by_label("Reason for the correction").fill(
        "The police data audit found a double count"
    )
    page.get_by_role("button", name="Save value").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Value corrected")
    history = page.locator("table", has_text="The police data audit found a double count")
    expect(history).to_contain_text("2 (current)")
    assert_accessible(page)


def test_the_exception_report(page, live_server, kite, manager, ni15):
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/performance/")
    page.get_by_role("navigation", name="Performance pages").get_by_role(
        "link", name="Exceptions"
    ).click()
    expect(page.get_by_role("heading", name="Exception report")).to_be_visible()
    expect(page.get_by_role("row", name="NI 15")).to_contain_text("Red")
    reasons = page.get_by_role("table", name="Why indicators are here")
    expect(reasons).to_contain_text("Red: the value misses the target")
    assert_accessible(page)
    page.get_by_role("link", name="Show only Red").click()
    expect(page.get_by_role("heading", name="1 exception: red")).to_be_visible()
    page.get_by_label("Area").select_option("kiteshire")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".govuk-caption-l")).to_contain_text("Kiteshire")
    expect(page.get_by_role("heading", name="1 exception: red")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download these as CSV").click()
    assert download.value.suggested_filename == "kite-exceptions.csv"
    assert "NI 15" in Path(download.value.path()).read_text()


@pytest.mark.parametrize(
    "path",
    [
        "crowding/",
        "quality/",
        "benchmark/",
        "indicators/",
        "indicators/new/",
        "indicators/catalogue/",
        "outcomes/",
        "outcomes/new/",
        "areas/",
        "settings/",
        "import/",
    ],
)
def test_every_performance_page_is_accessible(page, live_server, kite, manager, ni15, path):
    sign_in(page, live_server.url, manager.username)
    response = page.goto(f"{live_server.url}/p/kite/performance/{path}")
    assert response.status == 200
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)


def test_import_preview_is_accessible(page, live_server, kite, manager, ni15, tmp_path):
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/performance/import/")
    bad = tmp_path / "values.csv"
    bad.write_text("indicator,area,period,value\nNI 15,Kiteshire,2026-Q1,lots\n")
    page.get_by_label("File of values").set_input_files(str(bad))
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "values.csv:2:value: 'lots' is not a number"
    )
    assert_accessible(page)
    good = tmp_path / "good.csv"
    good.write_text("indicator,area,period,value\nNI 15,Kiteshire,2026-Q1,9.2\n")
    page.get_by_label("File of values").set_input_files(str(good))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Check and confirm the import")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm and save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Imported 1 new value and 0 corrections"
    )
    assert_accessible(page)
