"""A manager sets a wave's reminder schedule and reads what was sent; a person opts out.

Every page visited is checked with axe-core.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from partnerscope.apps.network import invitations as network_invitations
from partnerscope.apps.network import representatives as network_representatives
from partnerscope.apps.notifications import services
from partnerscope.apps.notifications.models import OptOut
from partnerscope.apps.sevens import invitations as sevens_invitations
from partnerscope.apps.sevens.models import Wave
from tests.apps.network.factories import make_wave as make_network_wave
from tests.apps.sevens.factories import make_wave
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_sets_the_schedule_and_reads_the_log(page, live_server, kite, manager):
    for key in ("alice", "bola"):
        kite[key].email = f"{key}@example.org"
        kite[key].save()
    wave = make_wave(kite)
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/sevens/waves/{wave.pk}/edit/")
    page.get_by_label("Reminders: days after opening").fill("a week")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("whole numbers")
    assert_accessible(page)
    page.get_by_label("Reminders: days after opening").fill("2, 1")
    page.get_by_label("Reminder: days before closing").fill("1")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("link", name="Reminders")).to_be_visible()
    saved = Wave.objects.get(pk=wave.pk)
    assert (saved.reminder_days, saved.reminder_before_closing) == ([1, 2], 1)

    sevens_invitations.send_invitations(saved)
    services.queue_due_reminders(saved.opens + dt.timedelta(days=2))
    page.get_by_role("link", name="Reminders").click()
    expect(page.get_by_role("heading", name="Reminders")).to_be_visible()
    expect(page.locator("main")).to_contain_text("2 days after opening")
    expect(page.get_by_text("2 reminders sent")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Alice Adams")
    assert_accessible(page)


def test_the_relationship_survey_log_names_those_reminded(page, live_server, kite, manager):
    kite["alice"].email = "alice@example.org"
    kite["alice"].save()
    wave = make_network_wave(kite, reminder_days=[1])
    network_representatives.suggest_representatives(wave)
    network_invitations.send_invitations(wave)
    services.queue_due_reminders(wave.opens + dt.timedelta(days=1))
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/p/kite/network/waves/{wave.pk}/")
    page.get_by_role("link", name="Reminders").click()
    expect(page.get_by_role("cell", name="Alice Adams (Kite Council)")).to_be_visible()
    assert_accessible(page)


def test_a_person_opts_out_without_signing_in(page, live_server, kite):
    token = services.opt_out_token(kite["alice"])
    page.goto(f"{live_server.url}/a/reminders/{token}/stop/")
    expect(page.get_by_role("heading", name="Stop reminders")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Stop reminders").click()
    expect(page.get_by_role("heading", name="You will get no more reminders")).to_be_visible()
    assert_accessible(page)
    assert OptOut.objects.filter(person=kite["alice"]).exists()
