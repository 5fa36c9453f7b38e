"""Passkeys (WebAuthn, through django-otp-webauthn) as a second factor after the password.

The package's views are used as it designs them to be extended: registration needs a
signed-in person who has already set up an authenticator app (so they also have backup
codes), and authentication is for the person half-way through signing in, never a sign-in
with the passkey alone. Its browser script is served from its own static files and reads its
settings from a JSON data block, so it runs under the site's strict Content Security Policy.
"""

from __future__ import annotations

from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.http import HttpRequest
from django_otp_webauthn import exceptions
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from partnerscope.apps.accounts import two_factor
from partnerscope.apps.accounts.sign_in_views import person_at_second_step, safe_next


class AppFirst(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "app_first"
    default_detail = "Set up an authenticator app before you add a passkey."


class NotHalfWay(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "sign_in_first"
    default_detail = "Sign in with your password first, then use your passkey."


class LockedOut(exceptions.OTPWebAuthnApiError):
    status_code = 429
    default_code = "locked_out"
    default_detail = "Too many failed attempts to sign in. Try again later."


class RegistrationRules:
    def check_can_register(self: Any) -> None:
        if two_factor.app_device(self.get_user()) is None:
            raise AppFirst()


class BeginRegistration(RegistrationRules, BeginCredentialRegistrationView):
    pass


class CompleteRegistration(RegistrationRules, CompleteCredentialRegistrationView):
    pass


class SecondStepRules:
    """The passkey ceremony is for the person at the second step, while not locked out."""

    request: HttpRequest

    def get_user(self) -> Any:
        return person_at_second_step(self.request)

    def check_can_authenticate(self) -> None:
        user = self.get_user()
        if user is None:
            raise NotHalfWay()
        if not AxesProxyHandler.is_allowed(self.request, {"username": user.get_username()}):
            raise LockedOut()


class BeginAuthentication(SecondStepRules, BeginCredentialAuthenticationView):
    pass


class CompleteAuthentication(SecondStepRules, CompleteCredentialAuthenticationView):
    def complete_auth(self, device: Any) -> None:
        self.next_url = safe_next(self.request, two_factor.pending_next(self.request))
        two_factor.complete_sign_in(self.request, self.get_user() or device.user, device)

    def get_success_url(self) -> str:
        return getattr(self, "next_url", "") or safe_next(self.request, "")
