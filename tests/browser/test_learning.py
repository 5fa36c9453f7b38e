"""A manager agrees to share, reads the comparison once five partnerships share, and adds a
practice entry to the library; a reader finds it from a finding's page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from partnerscope.apps.learning import comparison
from tests.apps.findings.builders import stored, weak_element
from tests.apps.learning.builders import entry, sharing_peers
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def figures(monkeypatch):
    real = comparison.headline_figures

    def fake(partnership):
        found = real(partnership)
        found["network_density"] = partnership.pk / 100
        return found

    monkeypatch.setattr(comparison, "headline_figures", fake)


def test_manager_agrees_to_share_and_reads_the_comparison(
    page, live_server, kite, manager, figures
):
    sharing_peers(4, named=1)
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Learning from others", exact=True).first.click()
    expect(page.get_by_role("heading", name="Learning from others", level=1)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Comparison with other partnerships").click()
    expect(page.get_by_text("does not share its headline figures")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Partnership A")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Agree to share").click()
    page.get_by_label("Share our headline figures").check()
    page.get_by_label("Who agreed").fill("Pat Manager, for the board")
    page.get_by_label("When it was agreed").fill("2026-05-01")
    page.get_by_role("button", name="Add sharing agreement").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Sharing agreement added")
    assert_accessible(page)

    page.goto(f"{live_server.url}/p/kite/learning/comparison/")
    expect(page.get_by_text("5 partnerships share their figures")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Partnership C")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Peer Partnership", exact=False)).to_have_count(1)
    expect(page.get_by_role("row", name="Network density", exact=False)).to_contain_text("rank")
    assert_accessible(page)


def test_manager_adds_practice_and_a_reader_finds_it_from_a_finding(
    page, live_server, kite, manager, role_user
):
    entry(practice="Away-day on the shared vision", example=True)
    finding = stored(kite["partnership"], weak_element("steering"))
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/learning/practice/")
    expect(page.get_by_role("heading", name="Library of notable practice")).to_be_visible()
    expect(page.get_by_text("Example", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a practice entry").click()
    page.get_by_label("Practice", exact=True).fill("Joint tasking meeting")
    page.get_by_label("Description").fill("Partners task their teams together each week.")
    page.get_by_label("Where").fill("Kite")
    page.get_by_label("Evidence").fill("Repeat incidents fell by a third.")
    page.get_by_label("Delivery chain").check()
    page.get_by_label("Contact").fill("Kite community safety team")
    page.get_by_label("Finding rules it could help with").fill("weak_element nonsense_rule")
    page.get_by_role("button", name="Add practice entry").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("nonsense_rule")
    assert_accessible(page)
    page.get_by_label("Finding rules it could help with").fill("weak_element")
    page.get_by_role("button", name="Add practice entry").click()
    expect(page.get_by_role("heading", name="Joint tasking meeting", level=1)).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/p/kite/findings/{finding.pk}/")
    panel = page.get_by_role("heading", name="Notable practice that could help")
    expect(panel).to_be_visible()
    expect(page.get_by_role("link", name="Joint tasking meeting")).to_be_visible()
    expect(page.get_by_role("link", name="Away-day on the shared vision")).to_be_visible()
    assert_accessible(page)
