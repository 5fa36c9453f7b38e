"""A manager refreshes the register of findings, filters it and opens a finding; a reader
reads it without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from partnerscope.apps.findings import services
from partnerscope.core.findings import Severity
from tests.apps.findings.builders import (
    ISOLATED,
    STRONG_ELEMENT,
    WEAK_ELEMENT,
    FakeSource,
    isolated,
    weak_element,
)
from tests.browser.conftest import assert_accessible, sign_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sources(monkeypatch: pytest.MonkeyPatch) -> dict[str, FakeSource]:
    fakes = {
        "sevens": FakeSource(
            [WEAK_ELEMENT, STRONG_ELEMENT],
            [weak_element("steering"), weak_element("style", 31, Severity.HIGH)],
        ),
        "network": FakeSource([ISOLATED], [isolated()]),
    }
    monkeypatch.setattr(services, "finding_sources", lambda: fakes)
    return fakes


def test_manager_refreshes_filters_and_opens_a_finding(page, live_server, kite, manager, sources):
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Findings", exact=True).click()
    expect(page.get_by_role("heading", name="Findings", level=1)).to_be_visible()
    expect(page.get_by_text("The register has not been refreshed yet")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Refresh the register").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "3 new, 0 persisting, 0 resolved, 0 found again"
    )
    expect(page.get_by_role("heading", name="3 findings")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Severity").select_option("high")
    page.get_by_role("button", name="Show findings").click()
    expect(page.get_by_role("heading", name="2 findings")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Weak element about Style").click()
    expect(page.get_by_role("heading", name="Weak element: Style", level=1)).to_be_visible()
    expect(page.get_by_text("An element scoring below 50 of 100 is weak.")).to_be_visible()
    expect(page.get_by_role("rowheader", name="score")).to_be_visible()
    expect(page.get_by_role("link", name="See the page that shows this evidence")).to_be_visible()
    expect(page.get_by_role("cell", name="New")).to_be_visible()
    assert_accessible(page)


def test_reader_reads_the_register_without_javascript(
    browser: Browser, live_server, kite, role_user, sources
):
    services.refresh(kite["partnership"], ran_by="Alice Adams")
    reader = role_user("viewer")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in_without_script(page, live_server.url, reader.username)
        page.goto(f"{live_server.url}/p/kite/findings/?area=network")
        expect(page.get_by_role("heading", name="1 finding")).to_be_visible()
        expect(page.get_by_role("button", name="Refresh the register")).to_have_count(0)
        page.get_by_role("link", name="Isolated partner about Kite Police").click()
        expect(page.get_by_text("A partner with no tie to any other is isolated.")).to_be_visible()
    finally:
        context.close()


def sign_in_without_script(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/accounts/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
