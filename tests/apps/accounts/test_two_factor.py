"""Two-factor sign-in: setting up an app, the second step, backup codes, and the setting that
requires it of managers."""

from __future__ import annotations

import re
import time
from base64 import b32encode

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.signals import user_logged_in
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnerscope.apps.accounts import two_factor
from tests.conftest import PASSWORD


def code_for(device, offset=0):
    """The code the person's app shows now (or ``offset`` steps of 30 seconds away)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():06d}"


@pytest.fixture(autouse=True)
def no_throttle_delay(settings):
    """django-otp makes each wrong code wait longer; the tests do not wait."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.fixture
def app(manager):
    return TOTPDevice.objects.create(user=manager, name="Authenticator app", confirmed=True)


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, **extra
    )


def signed_in(client):
    return client.session.get("_auth_user_id")


def test_setting_up_an_app_needs_a_right_code(manager_client, manager):
    page = manager_client.get(reverse("accounts:app_setup"))
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=manager)
    assert page.status_code == 200
    assert "<svg" in html and "QR code to scan with your authenticator app" in html
    secret = b32encode(device.bin_key).decode().rstrip("=")
    assert re.sub(r"\s", "", re.search(r'id="secret">([^<]+)<', html).group(1)) == secret
    assert not device.confirmed

    wrong = manager_client.post(reverse("accounts:app_setup"), {"code": "000000"})
    assert wrong.status_code == 400
    assert "The code is not right" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    again = manager_client.get(reverse("accounts:app_setup")).content.decode()
    assert secret in re.sub(r"\s", "", again), "the same secret until it is confirmed"

    right = manager_client.post(reverse("accounts:app_setup"), {"code": code_for(device)})
    assert right.status_code == 302
    assert right["Location"] == reverse("accounts:backup_codes")
    device.refresh_from_db()
    assert device.confirmed
    codes_page = manager_client.get(reverse("accounts:backup_codes")).content.decode()
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", codes_page)
    assert len(codes) == two_factor.BACKUP_CODES
    assert manager_client.get(reverse("accounts:backup_codes")).status_code == 302
    account = manager_client.get(reverse("accounts:account")).content.decode()
    assert "Two-factor sign-in is on" in account
    assert f"{two_factor.BACKUP_CODES} left" in account


def test_the_password_alone_does_not_sign_in_someone_with_an_app(client, manager, app):
    response = sign_in(client, manager.username)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:two_factor")
    assert signed_in(client) is None
    assert client.get(reverse("partnerships:list")).status_code == 302
    page = client.get(reverse("accounts:two_factor"))
    assert page.status_code == 200
    assert "Enter your code" in page.content.decode()


def test_the_right_code_signs_in_and_fires_the_sign_in_signal(client, manager, app):
    signals = []
    user_logged_in.connect(lambda sender, user, **kw: signals.append(user.pk), weak=False)
    try:
        sign_in(client, manager.username)
        assert signals == []
        response = client.post(reverse("accounts:two_factor"), {"code": code_for(app)})
    finally:
        user_logged_in.receivers.pop()
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerships:list")
    assert signed_in(client) == str(manager.pk)
    assert signals == [manager.pk]
    assert client.session["otp_device_id"] == app.persistent_id


def test_the_next_page_is_kept_through_the_second_step(client, manager, app, kite):
    overview = reverse("partnerships:overview", args=[kite["partnership"].slug])
    client.post(
        f"{reverse('accounts:login')}?next={overview}",
        {"username": manager.username, "password": PASSWORD, "next": overview},
    )
    response = client.post(reverse("accounts:two_factor"), {"code": code_for(app)})
    assert response["Location"] == overview


def test_a_wrong_code_is_refused_and_counts_towards_lock_out(client, manager, app):
    sign_in(client, manager.username)
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("accounts:two_factor"), {"code": "123456"})
        assert response.status_code in (400, 429)
        assert signed_in(client) is None
    locked = client.post(reverse("accounts:two_factor"), {"code": code_for(app)})
    assert locked.status_code == 429
    assert signed_in(client) is None
    assert sign_in(client, manager.username).status_code == 429


def test_a_code_cannot_be_used_twice(client, manager, app):
    code = code_for(app)
    sign_in(client, manager.username)
    assert client.post(reverse("accounts:two_factor"), {"code": code}).status_code == 302
    client.post(reverse("accounts:logout"))
    sign_in(client, manager.username)
    assert client.post(reverse("accounts:two_factor"), {"code": code}).status_code == 400


def test_a_backup_code_works_once(client, manager, app):
    codes = two_factor.new_backup_codes(manager)
    sign_in(client, manager.username)
    response = client.post(reverse("accounts:two_factor"), {"code": codes[0]})
    assert response.status_code == 302
    assert signed_in(client) == str(manager.pk)
    client.post(reverse("accounts:logout"))
    sign_in(client, manager.username)
    assert client.post(reverse("accounts:two_factor"), {"code": codes[0]}).status_code == 400
    assert two_factor.backup_codes_left(manager) == two_factor.BACKUP_CODES - 1


def test_a_half_finished_sign_in_expires(client, manager, app, monkeypatch):
    sign_in(client, manager.username)
    monkeypatch.setattr(two_factor, "PENDING_SECONDS", -1)
    response = client.post(reverse("accounts:two_factor"), {"code": code_for(app)})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert signed_in(client) is None


def test_nobody_half_way_is_sent_to_sign_in(client, db):
    response = client.get(reverse("accounts:two_factor"))
    assert response["Location"] == reverse("accounts:login")


def test_the_admin_signs_in_through_the_same_page(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next=%2Fadmin%2F"


def test_turning_off_needs_a_session_that_used_the_second_factor(client, manager, app):
    client.force_login(manager)
    response = client.post(reverse("accounts:two_factor_off"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    assert TOTPDevice.objects.filter(user=manager).exists()
    client.post(reverse("accounts:two_factor"), {"code": code_for(app)})
    assert client.post(reverse("accounts:two_factor_off")).status_code == 302
    assert not TOTPDevice.objects.filter(user=manager).exists()
    assert not StaticDevice.objects.filter(user=manager).exists()


def test_new_backup_codes_replace_the_old(client, manager, app):
    old = two_factor.new_backup_codes(manager)
    sign_in(client, manager.username)
    client.post(reverse("accounts:two_factor"), {"code": code_for(app)})
    assert client.post(reverse("accounts:backup_codes")).status_code == 302
    page = client.get(reverse("accounts:backup_codes")).content.decode()
    new = re.findall(r"<li><code>([a-z0-9]+)</code></li>", page)
    assert len(new) == two_factor.BACKUP_CODES
    assert not set(old) & set(new)
    assert two_factor.backup_codes_left(manager) == two_factor.BACKUP_CODES


class TestRequiredForManagers:
    @pytest.fixture(autouse=True)
    def required(self, settings):
        settings.PARTNERSCOPE_REQUIRE_2FA_FOR_MANAGERS = True

    def overview(self, kite):
        return reverse("partnerships:overview", args=[kite["partnership"].slug])

    def test_a_manager_without_an_app_must_set_one_up(self, client, manager, kite):
        client.force_login(manager)
        for url in (self.overview(kite), reverse("partnerships:list")):
            response = client.get(url)
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("accounts:app_setup"))
        assert client.get(reverse("accounts:account")).status_code == 200

    def test_a_manager_with_an_app_must_use_it_in_this_session(self, client, manager, app, kite):
        client.force_login(manager)
        response = client.get(self.overview(kite))
        assert response["Location"].startswith(reverse("accounts:two_factor"))
        done = client.post(response["Location"], {"code": code_for(app)})
        assert done["Location"] == self.overview(kite)
        assert client.get(self.overview(kite)).status_code == 200

    def test_after_setting_up_the_manager_reaches_the_page(self, client, manager, kite):
        client.force_login(manager)
        client.get(reverse("accounts:app_setup"))
        device = TOTPDevice.objects.get(user=manager)
        client.post(reverse("accounts:app_setup"), {"code": code_for(device)})
        assert client.get(self.overview(kite)).status_code == 200

    def test_a_manager_cannot_turn_it_off(self, client, manager, app):
        sign_in(client, manager.username)
        client.post(reverse("accounts:two_factor"), {"code": code_for(app)})
        client.post(reverse("accounts:two_factor_off"))
        assert TOTPDevice.objects.filter(user=manager).exists()

    def test_other_roles_are_not_asked(self, client, role_user, kite):
        client.force_login(role_user("member"))
        assert client.get(self.overview(kite)).status_code == 200


def test_with_the_setting_off_managers_are_not_asked(client, manager, kite):
    client.force_login(manager)
    overview = reverse("partnerships:overview", args=[kite["partnership"].slug])
    assert client.get(overview).status_code == 200
