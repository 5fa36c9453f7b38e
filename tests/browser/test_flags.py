"""A manager opens the flags, confirms a candidate with a reason (after a refusal without
one) and answers one of the three questions; every page passes axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.apps.flags.builders import RED_FINDING, flag
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_confirms_a_candidate_and_answers_a_question(page, live_server, kite, manager):
    partnership = kite["partnership"]
    candidate = flag(partnership)
    flag(
        partnership,
        "red_outcome_off_track_fragile_chain",
        tackled_by=[list(RED_FINDING)],
    )
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Flags", exact=True).click()
    expect(page.get_by_role("heading", name="Flags", level=1)).to_be_visible()
    expect(page.get_by_text("Known and being tackled", exact=True).first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Most indicators red and consistently missed").click()
    expect(page.get_by_text("Candidate red flag", exact=True)).to_be_visible()
    expect(page.get_by_text("Outcome consistently missing its targets:")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Confirm, change or reject").click()
    page.get_by_label("Confirm it as proposed").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Give the reason for the decision."
    )
    assert_accessible(page)

    page.get_by_label("Confirm it as proposed").check()
    page.get_by_label("Reason").fill("Homes are the board's first concern this year.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Red flag, confirmed").first).to_be_visible()
    expect(
        page.get_by_role("cell", name="Homes are the board's first concern this year.")
    ).to_be_visible()
    assert_accessible(page)
    candidate.refresh_from_db()
    assert candidate.status == "confirmed"

    page.goto(f"{live_server.url}/p/kite/flags/questions/")
    expect(page.get_by_role("heading", name="The three questions", level=1)).to_be_visible()
    assert_accessible(page)
    page.locator("a[href$='/flags/questions/delivery/edit/']").click()
    page.get_by_label("The partnership's answer").fill("Homes are behind; waste is ahead.")
    page.get_by_label("The partnership's own rating (optional)").select_option("2")
    assert_accessible(page)
    page.get_by_role("button", name="Save the answer").click()
    expect(page.get_by_text("Homes are behind; waste is ahead.")).to_be_visible()
    expect(page.get_by_text("2: performs adequately")).to_be_visible()
    assert_accessible(page)
