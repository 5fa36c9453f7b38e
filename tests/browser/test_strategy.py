"""A manager records the strategy and its outcomes' review dates, reads what the review
finds, and opens an outcome with the joint working beside it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.apps.strategy.builders import kite_outcomes
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_manager_records_the_strategy_and_reads_an_outcome(page, live_server, kite, manager):
    kite_outcomes(kite)
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Strategy review", exact=True).click()
    expect(page.get_by_role("heading", name="Strategy review", level=1)).to_be_visible()
    expect(page.get_by_text("No sustainable community strategy is recorded.").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Record the strategy").click()
    page.get_by_label("Title").fill("Kite 2030")
    page.get_by_label("Adopted on").fill("2021-04-01")
    page.get_by_label("Last reviewed on").fill("2020-01-01")
    page.get_by_role("button", name="Add strategy").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "cannot be reviewed before it was adopted"
    )
    assert_accessible(page)
    page.get_by_label("Last reviewed on").fill("2022-05-01")
    page.get_by_role("button", name="Add strategy").click()
    expect(page.get_by_text("Strategy added: Kite 2030.")).to_be_visible()
    expect(page.get_by_text("Overdue", exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="Better buses has no indicator.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Set outcomes' review dates").click()
    page.get_by_label("Fewer falls").fill("2020-06-30")
    page.get_by_role("button", name="Save review dates").click()
    expect(page.get_by_text("Review dates saved: 1 changed.")).to_be_visible()
    expect(
        page.get_by_role("cell", name="Fewer falls was due for review on 30 June 2020.")
    ).to_be_visible()

    page.get_by_role("link", name="Fewer falls was due for review on 30 June 2020.").click()
    expect(page.get_by_role("heading", name="Fewer falls", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Delivery chain")).to_be_visible()
    expect(page.get_by_text("Performance score:")).to_contain_text("50%")
    expect(page.get_by_role("link", name="Fewer falls among older people")).to_be_visible()
    expect(page.get_by_text("No resources recorded.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Back").click()
    expect(page.get_by_role("heading", name="Outcomes and joint working", level=1)).to_be_visible()
    expect(page.get_by_text("descriptive, not causal")).to_be_visible()
    assert_accessible(page)
