"""Kite Police's representative replies to the finding that names it, sees the reply beside
the finding and in the register, changes it; the manager records what changed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.apps.replies.builders import police_finding, police_reply, representative
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_representative_replies_and_the_reply_appears_beside_the_finding(
    page, live_server, kite, manager
):
    finding = police_finding(kite)
    user = representative(kite)
    sign_in(page, live_server.url, user.username)
    page.goto(f"{live_server.url}/p/kite/findings/{finding.pk}/")
    expect(page.get_by_role("heading", name="Partners' replies")).to_be_visible()
    expect(page.get_by_text("No organisation has replied yet.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Reply to this finding").click()
    expect(
        page.get_by_role("heading", name="Reply to Isolated partner: Kite Police")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Disagree").check()
    page.get_by_role("button", name="Save the reply").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(
        page.get_by_role("link", name="Give the reasons the organisation disagrees")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Your reply").fill("We meet every partner at the safety board each month.")
    page.get_by_role("button", name="Save the reply").click()
    expect(
        page.get_by_role("heading", name="Isolated partner: Kite Police", level=1)
    ).to_be_visible()
    beside = page.locator("#reply-kite-police-finding")
    expect(beside).to_contain_text("Kite Police")
    expect(beside).to_contain_text("Disagree")
    expect(beside).to_contain_text("We meet every partner at the safety board each month.")
    expect(beside).to_contain_text("by Bola Bello")
    assert_accessible(page)

    page.goto(f"{live_server.url}/p/kite/findings/")
    expect(page.get_by_text("1 reply", exact=True)).to_be_visible()

    page.goto(f"{live_server.url}/p/kite/findings/{finding.pk}/")
    page.get_by_role("link", name="Read this reply and its versions").click()
    page.get_by_role("link", name="Change the reply").click()
    assert_accessible(page)
    page.get_by_label("Correction request").check()
    page.get_by_label("Your reply").fill("Please count our ties through the safety board.")
    page.get_by_role("button", name="Save a new version").click()
    versions = page.locator("table[aria-labelledby=versions] tbody tr")
    expect(versions).to_have_count(2)
    expect(versions.nth(0)).to_contain_text("We meet every partner")
    expect(versions.nth(1)).to_contain_text("Please count our ties")
    assert_accessible(page)


def test_the_manager_records_what_changed_because_of_a_reply(page, live_server, kite, manager):
    police_reply(kite)
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Partners' replies", exact=True).click()
    expect(page.get_by_role("heading", name="1 reply")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Manager's response").select_option("no")
    page.get_by_role("button", name="Show replies").click()
    expect(page.get_by_role("heading", name="1 reply")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Kite Police\s*: Disagree")).click()
    page.get_by_label("What changed because of this reply").fill("The finding was re-checked.")
    page.get_by_role("button", name="Record the response").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("response")
    expect(page.locator("#response ~ p").first).to_contain_text("The finding was re-checked.")
    assert_accessible(page)
    page.goto(f"{live_server.url}/p/kite/findings/{reply_finding_pk(kite)}/")
    expect(page.locator("#replies ~ ul")).to_contain_text("The finding was re-checked.")


def reply_finding_pk(kite) -> int:
    return police_finding(kite).pk


@pytest.mark.urls("tests.apps.replies.link_urls")
def test_a_representative_without_an_account_replies_through_a_one_time_link(
    browser, page, live_server, kite, manager
):
    finding = police_finding(kite)
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/findings/{finding.pk}/")
    page.get_by_role("link", name="Make a one-time reply link").click()
    assert_accessible(page)
    page.get_by_label("Representative").select_option(label="Bola Bello (Kite Police)")
    page.get_by_role("button", name="Make the link").click()
    link = page.locator("#reply-link")
    expect(link).to_contain_text("/a/replies/")
    assert_accessible(page)
    url = link.inner_text()
    path = url[url.index("/a/replies/") :]

    stranger = browser.new_context(bypass_csp=True).new_page()
    try:
        stranger.goto(f"{live_server.url}{path}")
        expect(
            stranger.get_by_role("heading", name="Reply to Isolated partner: Kite Police")
        ).to_be_visible()
        assert_accessible(stranger)
        stranger.get_by_label("Add context").check()
        stranger.get_by_label("Your reply").fill("Our officers sit on the safety board.")
        stranger.get_by_role("button", name="Save the reply").click()
        expect(stranger.get_by_role("heading", name="Thank you")).to_be_visible()
        assert_accessible(stranger)
        stranger.goto(f"{live_server.url}{path}")
        expect(stranger.get_by_role("heading", name="This link has been used")).to_be_visible()
    finally:
        stranger.context.close()

    page.goto(f"{live_server.url}/p/kite/findings/{finding.pk}/")
    expect(page.locator("#reply-kite-police-finding")).to_contain_text(
        "given through a one-time link"
    )
