"""A manager agrees an action from a finding's page, adds a progress note and finds it on
the plan, overdue actions marked; every page passes the accessibility check."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.apps.actions.builders import action
from tests.apps.findings.builders import stored
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_agrees_an_action_from_a_finding_and_notes_progress(
    page, live_server, kite, manager
):
    partnership = kite["partnership"]
    finding = stored(partnership)
    action(
        partnership,
        ref="late",
        title="Publish the board's forward plan",
        due=timezone.localdate() - dt.timedelta(days=3),
        owner_organisation=kite["police"],
    )
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Action plan", exact=True).click()
    expect(page.get_by_role("heading", name="Action plan", level=1)).to_be_visible()
    row = page.get_by_role("row", name="Publish the board's forward plan")
    expect(row).to_contain_text("Overdue")
    assert_accessible(page)

    page.goto(f"{live_server.url}/p/kite/findings/{finding.pk}/")
    expect(page.get_by_role("heading", name="Actions answering this finding")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Agree an action").click()
    expect(page.get_by_role("heading", name="Agree an action", level=1)).to_be_visible()
    expect(page.get_by_label("Findings it answers")).to_have_value(
        "sevens/weak_element/element/steering"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Title", exact=True).fill("Set up a steering group")
    page.get_by_label("Owner", exact=True).select_option(label="Alice Adams")
    page.get_by_label("Due date").fill("2030-03-31")
    page.get_by_label("In progress").check()
    page.get_by_role("button", name="Add action").click()

    expect(page.get_by_role("heading", name="Actions answering this finding")).to_be_visible()
    page.get_by_role("link", name="a02: Set up a steering group").click()
    expect(page.get_by_role("heading", name="Set up a steering group", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Weak element: Steering")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Progress").fill("First meeting held; terms of reference drafted.")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("#notes + ul")).to_contain_text("terms of reference drafted")
    assert_accessible(page)

    page.get_by_role("button", name="Change action").click()
    expect(page.get_by_label("Title", exact=True)).to_have_value("Set up a steering group")
    assert_accessible(page)

    page.goto(f"{live_server.url}/p/kite/actions/")
    page.get_by_label("Overdue only").check()
    page.get_by_role("button", name="Show actions").click()
    expect(page.locator("#shown")).to_have_text("1 action shown.")
    assert_accessible(page)
