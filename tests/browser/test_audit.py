"""A manager reads the audit log, filters it, meets a clear error, and opens the personal
data requests; a person downloads their own data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_reads_and_filters_the_audit_log(page, live_server, kite, manager):
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("heading", name="Audit log", level=1)).to_be_visible()
    expect(page.get_by_role("cell", name="Record added").first).to_be_visible()
    expect(page.get_by_role("cell", name="Role granted").first).to_be_visible()
    assert_accessible(page)

    page.get_by_label("What happened").select_option("role_granted")
    page.get_by_role("button", name="Show events").click()
    expect(page.get_by_role("cell", name="Role granted").first).to_be_visible()
    expect(page.get_by_role("cell", name="Record added")).to_have_count(0)
    assert_accessible(page)

    today = timezone.localdate()
    page.get_by_label("From").fill(today.isoformat())
    page.get_by_label("To").fill((today - dt.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Show events").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("must be the same as or after")
    assert_accessible(page)

    page.get_by_role("link", name="Personal data requests").click()
    expect(page.get_by_role("heading", name="Personal data requests")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Erase Bola Bello").click()
    expect(
        page.get_by_role("heading", name="Erase the personal data of Bola Bello?")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Erase personal data").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Confirm that you understand")
    assert_accessible(page)
    page.get_by_label("I understand that this cannot be undone").check()
    page.get_by_role("button", name="Erase personal data").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The personal data of Bola Bello has been erased"
    )
    expect(page.get_by_role("rowheader", name="Bola Bello")).to_have_count(0)
    assert_accessible(page)


def test_a_person_downloads_their_own_data(page, live_server, kite, manager):
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/accounts/personal-data/")
    expect(page.get_by_role("heading", name="Your personal data")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your data").click()
    assert download.value.suggested_filename.startswith("personal-data-")
