"""The passkey ceremonies' server side: who may start them. (The full ceremonies run in
tests/browser/test_sign_in.py with Chromium's virtual authenticator.)"""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD


@pytest.fixture
def app(manager):
    return TOTPDevice.objects.create(user=manager, name="Authenticator app", confirmed=True)


def begin(client, ceremony, **extra):
    return client.post(reverse(f"otp_webauthn:credential-{ceremony}-begin"), **extra)


def test_adding_a_passkey_needs_an_app_first(manager_client):
    response = begin(manager_client, "registration")
    assert response.status_code == 403
    assert response.json()["code"] == "app_first"


def test_adding_a_passkey_needs_a_session_that_used_the_app(client, manager, app):
    client.force_login(manager)
    response = begin(client, "registration")
    assert response.status_code == 403
    assert "verify your identity" in response.json()["detail"]


def test_a_passkey_is_never_a_sign_in_by_itself(client, db):
    response = begin(client, "authentication")
    assert response.status_code == 403
    assert response.json()["code"] == "sign_in_first"


def test_half_way_through_signing_in_the_ceremony_starts(client, manager, app):
    client.post(reverse("accounts:login"), {"username": manager.username, "password": PASSWORD})
    response = begin(client, "authentication")
    assert response.status_code == 200
    assert response.json()["rpId"] == django_settings.OTP_WEBAUTHN_RP_ID


def test_a_locked_out_account_cannot_use_its_passkey(client, manager, app, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client.post(reverse("accounts:login"), {"username": manager.username, "password": PASSWORD})
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:two_factor"), {"code": "123456"})
    client.post(reverse("accounts:login"), {"username": manager.username, "password": PASSWORD})
    response = begin(client, "authentication")
    assert response.status_code == 429
    assert response.json()["code"] == "locked_out"


def test_passkeys_are_offered_only_at_their_origins(client, manager, app, settings):
    client.force_login(manager)
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = ["https://partnerscope.example.gov.uk"]
    client.post(reverse("accounts:two_factor"), {"code": "x"})
    page = client.get(reverse("accounts:account")).content.decode()
    assert "Passkeys can be added when PartnerScope is opened at" in page
    assert "passkey-register-button" not in page
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = ["http://testserver"]
    page = client.get(reverse("accounts:account")).content.decode()
    assert "passkey-register-button" in page
