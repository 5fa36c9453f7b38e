"""Managers decide who holds which role; a partnership always keeps a manager."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from partnerscope.apps.accounts.models import Role
from partnerscope.apps.accounts.services import grant_role


def test_manager_gives_a_new_person_access_and_they_are_sent_a_password_link(manager_client, kite):
    response = manager_client.post(
        reverse("access:add", args=["kite"]),
        {"username": "newcomer", "email": "newcomer@example.org", "kind": "member"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="newcomer")
    assert not user.has_usable_password()
    assert Role.objects.get(user=user).kind == "member"
    assert len(mail.outbox) == 1
    assert "Kite Partnership" in mail.outbox[0].subject
    assert "/accounts/password-reset/" in mail.outbox[0].body


def test_a_new_account_needs_an_email(manager_client, kite):
    response = manager_client.post(
        reverse("access:add", args=["kite"]), {"username": "nomail", "kind": "viewer"}
    )
    assert response.status_code == 400
    assert "An e-mail address is needed" in response.content.decode()
    assert not get_user_model().objects.filter(username="nomail").exists()


def test_an_existing_account_gets_the_role_without_a_new_password(manager_client, kite, make_user):
    existing = make_user(username="known")
    manager_client.post(
        reverse("access:add", args=["kite"]), {"username": "known", "kind": "scrutineer"}
    )
    assert Role.objects.get(user=existing).kind == "scrutineer"
    assert mail.outbox == []


def test_the_last_manager_cannot_be_removed_or_demoted(manager_client, kite, manager):
    role = Role.objects.get(user=manager)
    response = manager_client.post(reverse("access:remove", args=["kite", role.pk]))
    assert response.status_code == 400
    assert "at least one manager" in response.content.decode()
    response = manager_client.post(
        reverse("access:change", args=["kite", role.pk]), {"kind": "viewer"}
    )
    assert response.status_code == 400
    assert Role.objects.get(pk=role.pk).kind == "manager"


def test_roles_of_another_partnership_are_not_reachable(manager_client, kite, outsider):
    foreign = Role.objects.get(user=outsider)
    url = reverse("access:remove", args=["kite", foreign.pk])
    assert manager_client.post(url).status_code == 404
    assert Role.objects.filter(pk=foreign.pk).exists()


@pytest.mark.parametrize("kind", ["member", "scrutineer", "viewer"])
def test_only_managers_see_the_access_pages(client, role_user, kite, kind):
    client.force_login(role_user(kind))
    assert client.get(reverse("access:list", args=["kite"])).status_code == 403


def test_unknown_role_is_refused(kite):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        grant_role(kite["partnership"], username="x", email="x@example.org", kind="overlord")
