"""A manager signs in, opens the overview, adds an organisation and meets a validation error."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, assert_accessible, sign_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_journey(page, live_server, kite, manager):
    sign_in(page, live_server.url, manager.username)
    expect(page.get_by_role("heading", name="My partnerships")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Kite Partnership").click()
    expect(page.get_by_role("heading", name="Kite Partnership", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Strategic")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Organisations").first.click()
    assert_accessible(page)
    page.get_by_role("button", name="Add organisation").click()
    assert_accessible(page)

    page.get_by_role("button", name="Add organisation").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("There is a problem")
    assert_accessible(page)

    page.get_by_label("Name").fill("Kite Fire and Rescue")
    page.get_by_label("Sector").select_option("fire")
    page.get_by_label("Statutory partner").check()
    page.get_by_role("button", name="Add organisation").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Organisation added: Kite Fire and Rescue"
    )
    expect(page.get_by_role("rowheader", name="Kite Fire and Rescue")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    "path",
    [
        "people/",
        "bodies/",
        "memberships/",
        "data/",
        "people/new/",
        "bodies/new/",
        "memberships/new/",
    ],
)
def test_every_section_page_is_accessible(page, live_server, kite, manager, path):
    sign_in(page, live_server.url, manager.username)
    response = page.goto(f"{live_server.url}/p/kite/{path}")
    assert response.status == 200
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)


def test_pages_work_on_a_phone_without_javascript(browser, live_server, kite, manager):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    no_script = context.new_page()
    no_script.goto(f"{live_server.url}/accounts/sign-in/")
    no_script.get_by_label("Username").fill(manager.username)
    no_script.get_by_label("Password").fill(PASSWORD)
    no_script.get_by_role("button", name="Sign in").click()
    no_script.goto(f"{live_server.url}/p/kite/bodies/new/")
    no_script.get_by_label("Name").fill("Theme group")
    no_script.get_by_label("Operational").check()
    no_script.get_by_role("button", name="Add body").click()
    expect(no_script.get_by_role("rowheader", name="Theme group")).to_be_visible()
    context.close()

    phone = browser.new_context(viewport=PHONE, bypass_csp=True).new_page()
    sign_in(phone, live_server.url, manager.username)
    phone.goto(f"{live_server.url}/p/kite/bodies/")
    assert_accessible(phone)
    phone.context.close()


def test_password_reset_and_import_pages_are_accessible(page, live_server, kite, make_user):
    page.goto(f"{live_server.url}/accounts/password-reset/")
    assert_accessible(page)
    superuser = make_user(is_superuser=True)
    sign_in(page, live_server.url, superuser.username)
    page.goto(f"{live_server.url}/p/import/")
    assert_accessible(page)
