"""The sharing agreement: a manager records it, every version is kept, bad input is refused
and loses nothing; readers cannot change it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from partnerscope.apps.learning.models import SharingAgreement
from tests.apps.learning.builders import agree

pytestmark = pytest.mark.django_db


def data(**fields):
    return {
        "shares": "on",
        "may_be_named": "",
        "agreed_by": "Pat Manager, partnership manager",
        "agreed_on": "2026-05-01",
        **fields,
    }


def test_a_manager_agrees_to_share_and_then_to_be_named(client, kite, role_user):
    client.force_login(role_user("manager"))
    url = reverse("learning:sharing", args=["kite"])
    assert client.post(url, data()).status_code == 302
    agreement = SharingAgreement.objects.get(partnership=kite["partnership"])
    assert agreement.shares and not agreement.may_be_named
    assert client.post(url, data(may_be_named="on", agreed_on="2026-06-01")).status_code == 302
    agreement.refresh_from_db()
    assert agreement.may_be_named
    assert agreement.history.count() == 2
    html = client.get(url).content.decode()
    assert "Versions" in html and "Pat Manager" in html


def test_being_named_without_sharing_is_refused_and_loses_nothing(client, kite, role_user):
    agree(kite["partnership"], shares=True, named=False)
    client.force_login(role_user("manager"))
    url = reverse("learning:sharing", args=["kite"])
    response = client.post(url, data(shares="", may_be_named="on"))
    assert response.status_code == 400
    assert "cannot be named" in response.content.decode()
    response = client.post(url, data(agreed_on="not a date"))
    assert response.status_code == 400
    agreement = SharingAgreement.objects.get()
    assert agreement.shares and not agreement.may_be_named
    assert agreement.history.count() == 1


@pytest.mark.parametrize("kind", ["member", "viewer", "scrutineer"])
def test_only_managers_change_the_agreement(client, kite, role_user, kind):
    client.force_login(role_user(kind))
    url = reverse("learning:sharing", args=["kite"])
    assert client.get(url).status_code == 403
    assert client.post(url, data()).status_code == 403
    assert not SharingAgreement.objects.exists()


@pytest.mark.parametrize("name", ["learning:index", "learning:comparison", "learning:library"])
def test_readers_read_the_learning_pages(client, kite, role_user, name):
    client.force_login(role_user("viewer"))
    assert client.get(reverse(name, args=["kite"])).status_code == 200


def test_an_outsider_gets_404_on_every_page(client, kite, outsider):
    client.force_login(outsider)
    for name in (
        "learning:index",
        "learning:comparison",
        "learning:sharing",
        "learning:two_tier",
        "learning:library",
        "learning:entry_add",
    ):
        assert client.get(reverse(name, args=["kite"])).status_code == 404, name
