"""A partner answers a 7S wave on a phone through their link; the manager then sees results.

Every page visited is checked with axe-core, and the survey pages must fit a phone's width.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from partnerscope.apps.sevens.models import Wave
from tests.apps.sevens.factories import make_invitation, make_responses, make_wave
from tests.browser.conftest import PHONE, assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_the_phone(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def checked(page: Page) -> None:
    assert_accessible(page)
    fits_the_phone(page)


def test_answer_on_a_phone_then_the_manager_sees_results(browser, live_server, kite, manager):
    wave = make_wave(kite)
    make_responses(wave, 5, "health", 3, ["executive"])
    _, token = make_invitation(wave, kite["alice"])

    phone = browser.new_context(viewport=PHONE, bypass_csp=True).new_page()
    phone.goto(f"{live_server.url}/a/sevens/{token}/")
    expect(phone.get_by_role("heading", name="About you")).to_be_visible()
    checked(phone)
    phone.get_by_role("button", name="Save and continue").click()
    expect(phone.locator(".govuk-error-summary")).to_contain_text("There is a problem")
    checked(phone)
    phone.get_by_label("Council").check()
    phone.get_by_label("Strategic").check()
    phone.get_by_role("button", name="Save and continue").click()

    for number in range(1, 8):
        expect(phone.get_by_text(f"Element {number} of 7", exact=True)).to_be_visible()
        checked(phone)
        statements = phone.locator("fieldset")
        statements.nth(0).get_by_label("Agree", exact=True).check()
        statements.nth(1).get_by_label("Don't know").check()
        if number == 2:
            phone.get_by_label("Evidence on Staff and skills (optional)").fill(
                "New members had an induction."
            )
            phone.get_by_role("button", name="Save and come back later").click()
            expect(phone.get_by_role("heading", name="Your answers are saved")).to_be_visible()
            checked(phone)
            phone.goto(f"{live_server.url}/a/sevens/{token}/2/")
            assert phone.get_by_label("Evidence on Staff and skills (optional)").input_value()
        phone.get_by_role("button", name="Save and continue").click()

    expect(phone.get_by_role("heading", name="Check your answers")).to_be_visible()
    checked(phone)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()
    checked(phone)
    phone.goto(f"{live_server.url}/a/sevens/{token}/")
    expect(phone.get_by_role("heading", name="You have already answered")).to_be_visible()
    checked(phone)
    phone.context.close()

    page = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True).new_page()
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/sevens/")
    assert_accessible(page)
    page.get_by_role("link", name=f"Manage {wave.title}").click()
    expect(page.get_by_text("1 of 1", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Invitations").click()
    assert_accessible(page)
    page.get_by_role("link", name="Back").click()
    page.get_by_role("button", name="Results").click()
    expect(page.locator("main")).to_contain_text("Results are published when the wave closes")
    assert_accessible(page)

    Wave.objects.filter(pk=wave.pk).update(closes=timezone.localdate() - dt.timedelta(days=1))
    page.reload()
    expect(page.get_by_role("heading", name=f"Results: {wave.title}")).to_be_visible()
    expect(page.locator("main")).to_contain_text("6 people answered")
    expect(page.locator("svg[role=img] title", has_text="The 7S wheel")).to_have_count(1)
    assert_accessible(page)
    page.get_by_role("link", name="Staff and skills").click()
    expect(page.get_by_text("New members had an induction.")).to_be_visible()
    assert_accessible(page)
    page.context.close()


def test_wave_management_pages_are_accessible(page, live_server, kite, manager):
    wave = make_wave(kite, days_open=(2, 20))
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/sevens/")
    page.get_by_role("button", name="Open a new wave").click()
    assert_accessible(page)
    page.get_by_role("button", name="Open the wave").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/p/kite/sevens/waves/{wave.pk}/")
    page.get_by_role("button", name="Add a local statement").click()
    assert_accessible(page)
    page.get_by_label("Element").select_option("steering")
    page.get_by_label("Statement").fill("Budgets follow the shared priorities.")
    page.get_by_role("button", name="Add the statement").click()
    expect(page.get_by_role("rowheader", name="local.1")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Invitations").click()
    page.get_by_role("button", name="Send invitations to 2 people").click()
    expect(page.get_by_role("heading", name="2 new links")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="New link for Alice Adams").click()
    assert_accessible(page)

    closed = make_wave(kite, days_open=(-9, -2))
    page.goto(f"{live_server.url}/p/kite/sevens/waves/{closed.pk}/results/")
    expect(page.locator("main")).to_contain_text("no results are shown")
    assert_accessible(page)
