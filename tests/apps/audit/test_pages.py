"""The audit page: the partnership's events only, filtered and paged, for its managers only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerscope.apps.audit.log import record
from partnerscope.apps.audit.models import AuditAction, AuditEvent
from partnerscope.apps.audit.services import EVENTS_PER_PAGE
from tests.apps.partnerships.factories import PartnershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def log_url(kite, **query):
    url = reverse("audit:log", args=[kite["partnership"].slug])
    if query:
        from urllib.parse import urlencode

        url += "?" + urlencode(query)
    return url


def test_only_the_partnerships_own_events_are_shown(kite, manager_client):
    other = PartnershipFactory(name="Hawk Partnership")
    record(AuditAction.DATA_PACKAGE_EXPORTED, partnership=other, username="hawk-manager")
    record(AuditAction.SIGNED_IN, username="somebody")
    record(AuditAction.DATA_PACKAGE_EXPORTED, partnership=kite["partnership"], username="kiter")
    page = manager_client.get(log_url(kite)).content.decode()
    assert "kiter" in page
    assert "hawk-manager" not in page
    assert "somebody" not in page


def test_a_manager_of_another_partnership_gets_404(kite, outsider, client):
    client.force_login(outsider)
    assert client.get(log_url(kite)).status_code == 404


@pytest.mark.parametrize("kind", ["member", "scrutineer", "viewer"])
def test_roles_other_than_manager_get_403(kite, role_user, client, kind):
    client.force_login(role_user(kind))
    assert client.get(log_url(kite)).status_code == 403
    assert client.get(reverse("audit:people", args=["kite"])).status_code == 403


def test_the_menu_links_to_the_log_for_managers_only(kite, manager_client, role_user, client):
    overview = reverse("partnerships:overview", args=["kite"])
    assert log_url(kite) in manager_client.get(overview).content.decode()
    client.force_login(role_user("member"))
    assert log_url(kite) not in client.get(overview).content.decode()


def test_filters_by_person_action_and_dates(kite, manager_client):
    partnership = kite["partnership"]
    AuditEvent.objects.all().delete()
    old = record(AuditAction.DATA_PACKAGE_EXPORTED, partnership=partnership, username="ann")
    AuditEvent.objects.filter(pk=old.pk).update(when=timezone.now() - dt.timedelta(days=40))
    record(AuditAction.DATA_PACKAGE_EXPORTED, partnership=partnership, username="ann")
    record(
        AuditAction.ROLE_GRANTED,
        partnership=partnership,
        username="ben",
        subject_type="role",
        subject_ref="ann",
    )
    record(
        AuditAction.ROLE_GRANTED,
        partnership=partnership,
        username="ben",
        subject_type="role",
        subject_ref="cat",
    )

    def shown(**query):
        response = manager_client.get(log_url(kite, **query))
        assert response.status_code == 200
        return response.context["log"].page.paginator.count

    assert shown() == 4
    assert shown(person="ann") == 3
    assert shown(person="ann", action="role_granted") == 1
    today = timezone.localdate()
    assert shown(start=(today - dt.timedelta(days=7)).isoformat()) == 3
    assert shown(end=(today - dt.timedelta(days=30)).isoformat()) == 1
    assert shown(start=today.isoformat(), end=today.isoformat()) == 3


def test_a_backwards_date_range_is_a_clear_error(kite, manager_client):
    today = timezone.localdate()
    response = manager_client.get(
        log_url(kite, start=today.isoformat(), end=(today - dt.timedelta(days=1)).isoformat())
    )
    assert response.status_code == 400
    assert "must be the same as or after" in response.content.decode()


def test_an_unknown_person_or_action_is_an_error_not_a_crash(kite, manager_client):
    response = manager_client.get(log_url(kite, person="nobody", action="explode"))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_long_logs_are_paged_with_the_filters_kept(kite, manager_client):
    user = UserFactory(username="busy")
    for _ in range(EVENTS_PER_PAGE + 3):
        record(AuditAction.DATA_PACKAGE_EXPORTED, partnership=kite["partnership"], user=user)
    first = manager_client.get(log_url(kite, person="busy"))
    assert len(first.context["log"].page.object_list) == EVENTS_PER_PAGE
    html = first.content.decode()
    assert "person=busy&amp;page=2" in html
    second = manager_client.get(log_url(kite, person="busy", page=2))
    assert len(second.context["log"].page.object_list) == 3


def test_the_person_filter_lists_the_actors_of_this_partnership_only(kite, manager_client):
    record(AuditAction.DATA_PACKAGE_EXPORTED, partnership=kite["partnership"], username="ann")
    record(AuditAction.DATA_PACKAGE_EXPORTED, partnership=PartnershipFactory(), username="zed")
    form = manager_client.get(log_url(kite)).context["form"]
    names = [value for value, _ in form.fields["person"].choices]
    assert "ann" in names and "zed" not in names


def test_superusers_read_site_wide_events_in_the_admin(admin_client):
    record(AuditAction.SIGNED_IN, username="someone-site-wide")
    page = admin_client.get(reverse("admin:audit_auditevent_changelist")).content.decode()
    assert "someone-site-wide" in page
    assert admin_client.get(reverse("admin:audit_auditevent_add")).status_code == 403


def test_sign_ins_of_the_partnerships_people_are_shown_and_no_one_elses(
    kite, manager_client, role_user, outsider, password
):
    """Who signed in: the accounts holding a role here, failed attempts at their names
    included; the sign-ins of accounts of other partnerships only stay site-wide."""
    member = role_user("member")
    member.set_password(password)
    member.save()
    outsider.set_password(password)
    outsider.save()
    login = reverse("accounts:login")
    client = Client()
    client.post(login, {"username": member.username, "password": "wrong"})
    client.post(login, {"username": member.username, "password": password})
    client.logout()
    client.post(login, {"username": outsider.username, "password": password})
    page = manager_client.get(log_url(kite)).content.decode()
    assert page.count(member.username) >= 3
    assert "Signed in" in page and "Sign-in failed" in page
    assert outsider.username not in page
    page = manager_client.get(log_url(kite, person=member.username)).content.decode()
    assert "Signed in" in page


def test_personal_data_requests_find_a_person_by_name_or_email(kite, manager_client):
    url = reverse("audit:people", args=["kite"])
    everyone = manager_client.get(url).content.decode()
    assert "Alice Adams" in everyone and "Bola Bello" in everyone
    found = manager_client.get(url, {"q": "alice"}).content.decode()
    assert "Alice Adams" in found and "Bola Bello" not in found
    assert (
        manager_client.get(url, {"q": "nobody-by-this-name"})
        .content.decode()
        .count("Download data")
        == 0
    )
