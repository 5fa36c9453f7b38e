"""A scrutineer makes a recommendation and reads the tracker; the police's representative
responds to it (after a refusal without reasons); every page passes axe-core."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from partnerscope.apps.scrutiny.models import Response
from tests.apps.partnerships.factories import PersonFactory
from tests.apps.scrutiny.builders import recommendation, review
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_scrutineer_recommends_and_reads_the_tracker(page, live_server, kite, role_user):
    review(kite)
    recommendation(kite, "late", received=date.today() - timedelta(days=80))
    scrutineer = role_user("scrutineer")
    sign_in(page, live_server.url, scrutineer.username)
    page.goto(f"{live_server.url}/p/kite/")
    page.get_by_role("link", name="Scrutiny", exact=True).click()
    expect(page.get_by_role("heading", name="Overview and scrutiny", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Refuge places").click()
    page.get_by_role("link", name="Make a recommendation").click()
    page.get_by_label("Recommendation", exact=True).fill("Open ten more refuge places.")
    page.get_by_label("Partner organisation it is addressed to").select_option(label="Kite Council")
    page.get_by_label("Date the partner received the report").fill("2023-12-31")
    assert_accessible(page)
    page.get_by_role("button", name="Record the recommendation").click()
    expect(page.locator("#due")).to_have_text("29 February 2024")
    assert_accessible(page)
    page.goto(f"{live_server.url}/p/kite/scrutiny/tracker/")
    expect(page.locator("#overdue-count")).to_have_text("2 overdue")
    expect(page.get_by_role("table", name="Kite Police")).to_contain_text("Overdue")
    assert_accessible(page)


def test_representative_responds(page, live_server, kite, role_user):
    item = recommendation(kite, "r1", received=date.today() - timedelta(days=10))
    user = role_user("member")
    PersonFactory(partnership=kite["partnership"], organisation=kite["police"], user=user)
    sign_in(page, live_server.url, user.username)
    page.goto(f"{live_server.url}/p/kite/scrutiny/tracker/")
    expect(page.get_by_role("table", name="Kite Police")).to_contain_text("Due")
    page.get_by_role("link", name="Recommendation r1").click()
    page.get_by_role("link", name="Respond").click()
    page.get_by_label("Rejected").check()
    page.get_by_label("Date the response was published").fill(date.today().isoformat())
    page.get_by_role("button", name="Record the response").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Give the reasons for rejecting the recommendation."
    )
    assert_accessible(page)
    page.get_by_label("Reasons").fill("The refuge is already funded by the council.")
    page.get_by_role("button", name="Record the response").click()
    expect(page.get_by_text("The refuge is already funded by the council.")).to_be_visible()
    assert_accessible(page)
    assert Response.objects.get(recommendation=item).decision == "rejected"
