"""Lock-out counts failures per account name and address together.

Counting per account name alone let anyone who knows a name lock its owner out from
everywhere; counting per address alone would lock a whole office behind one address.
The addresses are from the documentation ranges (RFC 5737): only request metadata.
"""

from __future__ import annotations

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.conftest import PASSWORD

ATTACKER = "192.0.2.66"
OWNER = "198.51.100.7"
PROXY = "203.0.113.1"


def sign_in(client, username, password, **meta):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, **meta
    )


def fail_until_locked(client, username, address):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, username, "wrong", REMOTE_ADDR=address)


def test_failures_from_one_address_do_not_lock_the_owner_out_elsewhere(client, manager):
    fail_until_locked(client, manager.username, ATTACKER)
    response = sign_in(client, manager.username, PASSWORD, REMOTE_ADDR=OWNER)
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerships:list")


def test_failures_from_the_same_address_lock_that_address_out(client, manager):
    fail_until_locked(client, manager.username, ATTACKER)
    response = sign_in(client, manager.username, PASSWORD, REMOTE_ADDR=ATTACKER)
    assert response.status_code == 429
    assert "Your account is locked for now" in response.content.decode()


def test_a_colleague_at_the_same_address_is_not_locked_out(client, manager, role_user):
    colleague = role_user("member")
    fail_until_locked(client, manager.username, ATTACKER)
    response = sign_in(client, colleague.username, PASSWORD, REMOTE_ADDR=ATTACKER)
    assert response.status_code == 302


@override_settings(PARTNERSCOPE_TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_forwarded_address_is_the_client(client, manager):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(
            client,
            manager.username,
            "wrong",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"10.9.9.9, {ATTACKER}",
        )
    from_owner = sign_in(
        client, manager.username, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OWNER
    )
    assert from_owner.status_code == 302
    client.post(reverse("accounts:logout"))
    spoofed = sign_in(
        client,
        manager.username,
        PASSWORD,
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"{OWNER}, {ATTACKER}",
    )
    assert spoofed.status_code == 429


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, manager):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, manager.username, "wrong", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=OWNER)
    response = sign_in(
        client, manager.username, PASSWORD, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=OWNER
    )
    assert response.status_code == 429


def test_the_lockout_check_is_no_longer_silenced():
    assert "axes.W006" not in settings.SILENCED_SYSTEM_CHECKS
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
