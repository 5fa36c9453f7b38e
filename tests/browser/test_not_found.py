"""A person who follows a link into a partnership they do not belong to reads why the page
is not found and goes back to their partnerships; an unknown address gets the generic page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_outsider_reads_the_not_found_page_and_goes_back(page, live_server, kite, outsider):
    sign_in(page, live_server.url, outsider.username)
    response = page.goto(f"{live_server.url}/p/kite/people/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Page not found", level=1)).to_be_visible()
    expect(page.get_by_text("not in any partnership you belong to")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Go to My partnerships").click()
    expect(page.get_by_role("heading", name="My partnerships", level=1)).to_be_visible()


def test_an_unknown_address_gets_the_generic_page(page, live_server):
    response = page.goto(f"{live_server.url}/no-such-page/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Page not found", level=1)).to_be_visible()
    expect(page.get_by_text("partnership you belong to")).to_have_count(0)
    assert_accessible(page)
