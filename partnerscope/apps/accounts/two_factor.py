"""Two-factor sign-in: the second step after a password or single sign-on, and enrolment.

Someone who has set up a second factor is not signed in after their password: the session
only remembers, for a few minutes, who is half-way through. Django's ``login`` (and so the
``user_logged_in`` signal) happens once the second step is passed, with the device that
passed it recorded by django-otp, so ``request.user.is_verified()`` tells the rest of the
site that this session used two factors.
"""

from __future__ import annotations

import time
from base64 import b32encode
from collections.abc import Callable
from typing import Any

import segno
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnerscope.apps.accounts.models import Role, RoleKind

PENDING_KEY = "partnerscope_second_step"
PENDING_SECONDS = 10 * 60
BACKUP_CODES = 10
APP_NAME = "Authenticator app"
BACKUP_NAME = "Backup codes"


def has_second_factor(user: Any) -> bool:
    """Whether the person has set up any second factor (app, backup codes or passkey)."""
    return bool(user_has_device(user, confirmed=True))


def begin_second_step(request: HttpRequest, user: Any, next_url: str) -> None:
    """Remember, in a fresh session, who has passed the first step and where they were going."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "next": next_url,
        "since": time.time(),
    }


def pending_user(request: HttpRequest) -> Any:
    """The person half-way through signing in, or None (nobody, or it took too long)."""
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending["since"] > PENDING_SECONDS:
        return None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if user is not None:
        user.backend = pending["backend"]
    return user


def pending_next(request: HttpRequest) -> str:
    return str((request.session.get(PENDING_KEY) or {}).get("next") or "")


def cancel_second_step(request: HttpRequest) -> None:
    request.session.pop(PENDING_KEY, None)


def complete_sign_in(request: HttpRequest, user: Any, device: Device) -> None:
    """Sign the person in, recording the device that passed the second step."""
    if not request.user.is_authenticated or request.user.pk != user.pk:
        cancel_second_step(request)
        auth.login(request, user, backend=user.backend)
    cancel_second_step(request)
    otp_login(request, device)


def app_device(user: Any) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def unconfirmed_app_device(user: Any) -> TOTPDevice:
    """The authenticator app being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").last()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as people type it into an app: base 32, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The app's set-up link as an SVG QR code, titled for screen readers."""
    code = segno.make(device.config_url, error="m")
    return str(
        code.svg_inline(
            scale=5,
            title="QR code to scan with your authenticator app",
            svgclass="ps-qr-code",
            lineclass=None,
            omitsize=False,
        )
    )


def confirm_app(device: TOTPDevice, code: str) -> bool:
    """Turn the app on if the code it shows is right; other half-set-up apps are dropped."""
    if not device.verify_token(code.replace(" ", "")):
        return False
    device.confirmed = True
    device.save()
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return True


def new_backup_codes(user: Any) -> list[str]:
    """Replace the person's backup codes with a new set; each works once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def backup_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def turn_off(user: Any) -> None:
    """Remove every second factor of the person: app, backup codes and passkeys."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()


def verify_code(user: Any, code: str) -> tuple[Device | None, int]:
    """The device that accepts the code, and otherwise how many seconds to wait, if any.

    Each device slows down wrong guesses (django-otp's throttling), so a stolen password
    does not let someone try every code.
    """
    with transaction.atomic():
        return _verify_code(user, code.replace(" ", "").strip())


def _verify_code(user: Any, code: str) -> tuple[Device | None, int]:
    """The devices are locked for the check (select_for_update), so that two requests with
    the same code cannot both pass, hence the transaction around it."""
    wait = 0
    for device in devices_for_user(user, for_verify=True):
        if not hasattr(device, "verify_token") or device.model_label() not in (
            "otp_totp.totpdevice",
            "otp_static.staticdevice",
        ):
            continue
        allowed, data = device.verify_is_allowed()
        if not allowed:
            until = (data or {}).get("locked_until")
            if until is not None:
                wait = max(wait, int((until - timezone.now()).total_seconds()) + 1)
            continue
        if device.verify_token(code):
            return device, 0
    return None, wait


def passkeys_available_here(request: HttpRequest) -> bool:
    """Whether this page's address is one where passkeys may be used (see the setting)."""
    origin = f"{request.scheme}://{request.get_host()}"
    return origin in settings.OTP_WEBAUTHN_ALLOWED_ORIGINS


def must_use_two_factor(user: Any) -> bool:
    """Whether the setting requires this person to sign in with two factors."""
    if not getattr(settings, "PARTNERSCOPE_REQUIRE_2FA_FOR_MANAGERS", False):
        return False
    if not user.is_authenticated:
        return False
    return bool(user.is_superuser or Role.objects.filter(user=user, kind=RoleKind.MANAGER).exists())


class RequireTwoFactorForManagers:
    """With PARTNERSCOPE_REQUIRE_2FA_FOR_MANAGERS on, managers reach no page but their account
    pages until they have set up and used a second factor in this session."""

    OPEN_PREFIXES = ("/accounts/", "/static/", "/favicon.ico")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(self.OPEN_PREFIXES) or not must_use_two_factor(request.user):
            return self.get_response(request)
        if request.user.is_verified():  # type: ignore[union-attr]
            return self.get_response(request)
        query = urlencode({"next": request.get_full_path()})
        if user_has_device(request.user):
            return HttpResponseRedirect(f"{reverse('accounts:two_factor')}?{query}")
        return HttpResponseRedirect(f"{reverse('accounts:app_setup')}?{query}")
