"""Signing in: password, single sign-on, the second step, and the account page where a person
sets up two-factor sign-in."""

from __future__ import annotations

from typing import Any

import requests
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST
from django_otp_webauthn.models import WebAuthnCredential
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from partnerscope.apps.accounts import single_sign_on, two_factor
from partnerscope.apps.accounts.forms import (
    AppSetupForm,
    GovukAuthenticationForm,
    SecondStepForm,
)
from partnerscope.apps.accounts.single_sign_on import Refusal

BACKUP_CODES_KEY = "partnerscope_new_backup_codes"


def safe_next(request: HttpRequest, url: str) -> str:
    """``url`` if it stays on this site, else the partnerships list."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("partnerships:list")


def sign_in_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "sso_enabled": single_sign_on.enabled(),
        "sso_label": single_sign_on.button_label(),
    }


class SignInView(auth_views.LoginView):
    """Password sign-in; someone with a second factor goes on to the second step."""

    template_name = "accounts/login.html"
    authentication_form = GovukAuthenticationForm
    redirect_authenticated_user = True
    extra_context = {"page_title": "Sign in"}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **sign_in_context(self.request)}

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if two_factor.has_second_factor(user):
            two_factor.begin_second_step(self.request, user, self.get_success_url())
            return HttpResponseRedirect(reverse("accounts:two_factor"))
        return super().form_valid(form)


def admin_sign_in(request: HttpRequest) -> HttpResponse:
    """The admin signs in through the same page, so its sign-in asks for the second step too."""
    query = urlencode({"next": request.GET.get("next") or reverse("admin:index")})
    return HttpResponseRedirect(f"{reverse('accounts:login')}?{query}")


def person_at_second_step(request: HttpRequest) -> Any:
    """Who the second step is for: someone half-way through signing in, or someone signed in
    in this session without their second factor (the setting may now require it)."""
    user = two_factor.pending_user(request)
    if user is not None:
        return user
    if (
        request.user.is_authenticated
        and not request.user.is_verified()  # type: ignore[union-attr]
        and two_factor.has_second_factor(request.user)
    ):
        return request.user
    return None


def two_factor_step(request: HttpRequest) -> HttpResponse:
    """Ask for the code from the authenticator app (or a backup code, or the passkey)."""
    user = person_at_second_step(request)
    if user is None and request.user.is_authenticated:
        return HttpResponseRedirect(safe_next(request, request.GET.get("next", "")))
    if user is None:
        messages.info(request, "Sign in again: signing in took too long.")
        return HttpResponseRedirect(reverse("accounts:login"))
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        two_factor.cancel_second_step(request)
        return render(
            request, "accounts/locked_out.html", {"page_title": "Account locked"}, status=429
        )
    next_url = safe_next(request, two_factor.pending_next(request) or request.GET.get("next", ""))
    found: dict[str, Any] = {}

    def check(code: str) -> str | None:
        device, wait = two_factor.verify_code(user, code)
        if device is not None:
            found["device"] = device
            return None
        if wait:
            return f"Too many wrong codes. Wait {wait} seconds, then enter the newest code."
        return "The code is not right. Enter the code your app shows now, or a backup code."

    form = SecondStepForm(request.POST or None, check=check)
    if request.method == "POST":
        if form.is_valid():
            two_factor.complete_sign_in(request, user, found["device"])
            return HttpResponseRedirect(next_url)
        if "code" in form.errors:
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return render(
        request,
        "accounts/two_factor.html",
        {
            "form": form,
            "page_title": "Enter your code",
            "has_passkey": two_factor.passkeys_available_here(request)
            and WebAuthnCredential.objects.filter(user=user, confirmed=True).exists(),
            "next": next_url,
        },
        status=400 if form.errors else 200,
    )


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The person's own account: who they are and how they sign in."""
    user = request.user
    return render(
        request,
        "accounts/account.html",
        {
            "page_title": "Your account",
            "app": two_factor.app_device(user),
            "backup_codes_left": two_factor.backup_codes_left(user),
            "passkeys": WebAuthnCredential.objects.filter(user=user, confirmed=True),
            "passkeys_here": two_factor.passkeys_available_here(request),
            "passkey_origins": settings.OTP_WEBAUTHN_ALLOWED_ORIGINS,
            "required": two_factor.must_use_two_factor(user),
            "verified": user.is_verified(),  # type: ignore[union-attr]
        },
    )


def needs_fresh_second_step(request: HttpRequest) -> HttpResponse | None:
    """Changing a second factor needs this session to have used one, if the person has one."""
    if two_factor.has_second_factor(request.user) and not request.user.is_verified():  # type: ignore[union-attr]
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse('accounts:two_factor')}?{query}")
    return None


@login_required
def app_setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the QR code (or type the key), then confirm a code."""
    if redirect := needs_fresh_second_step(request):
        return redirect
    if two_factor.app_device(request.user):
        messages.info(request, "Your authenticator app is already set up.")
        return HttpResponseRedirect(reverse("accounts:account"))
    device = two_factor.unconfirmed_app_device(request.user)

    def check(code: str) -> str | None:
        if two_factor.confirm_app(device, code):
            return None
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            return "Too many wrong codes. Wait a few seconds, then enter the newest code."
        return "The code is not right. Enter the code the app shows now for PartnerScope."

    form = AppSetupForm(request.POST or None, check=check)
    if request.method == "POST" and form.is_valid():
        two_factor.complete_sign_in(request, request.user, device)
        request.session[BACKUP_CODES_KEY] = two_factor.new_backup_codes(request.user)
        messages.success(request, "Two-factor sign-in is on.")
        return HttpResponseRedirect(reverse("accounts:backup_codes"))
    return render(
        request,
        "accounts/app_setup.html",
        {
            "form": form,
            "page_title": "Set up an authenticator app",
            "back_url": reverse("accounts:account"),
            "qr_code": two_factor.qr_code_svg(device),
            "secret": two_factor.secret_text(device),
            "next": request.GET.get("next", ""),
        },
        status=400 if form.errors else 200,
    )


@login_required
def backup_codes(request: HttpRequest) -> HttpResponse:
    """Show a new set of backup codes, once; POST makes a new set."""
    if request.method == "POST":
        if redirect := needs_fresh_second_step(request):
            return redirect
        if not two_factor.app_device(request.user):
            raise Http404("Set up an authenticator app first.")
        request.session[BACKUP_CODES_KEY] = two_factor.new_backup_codes(request.user)
        return HttpResponseRedirect(reverse("accounts:backup_codes"))
    codes = request.session.pop(BACKUP_CODES_KEY, None)
    if not codes:
        return HttpResponseRedirect(reverse("accounts:account"))
    return render(
        request,
        "accounts/backup_codes.html",
        {"codes": codes, "page_title": "Your backup codes"},
    )


@login_required
def turn_off(request: HttpRequest) -> HttpResponse:
    """Turn two-factor sign-in off, unless the setting requires it of this person."""
    if redirect := needs_fresh_second_step(request):
        return redirect
    if two_factor.must_use_two_factor(request.user):
        messages.info(request, "As a partnership manager you must keep two-factor sign-in on.")
        return HttpResponseRedirect(reverse("accounts:account"))
    if request.method == "POST":
        two_factor.turn_off(request.user)
        messages.success(request, "Two-factor sign-in is off.")
        return HttpResponseRedirect(reverse("accounts:account"))
    return render(
        request,
        "accounts/two_factor_off.html",
        {"page_title": "Turn off two-factor sign-in", "back_url": reverse("accounts:account")},
    )


@require_POST
@login_required
def passkey_remove(request: HttpRequest, pk: int) -> HttpResponse:
    if redirect := needs_fresh_second_step(request):
        return redirect
    WebAuthnCredential.objects.filter(user=request.user, pk=pk).delete()
    messages.success(request, "The passkey is removed.")
    return HttpResponseRedirect(reverse("accounts:account"))


def refused(request: HttpRequest, reason: str, status: int) -> HttpResponse:
    """The page that says why single sign-on did not sign the person in, and what to do."""
    return render(
        request,
        "accounts/sso_refused.html",
        {
            "reason": reason,
            "email": getattr(request, "sso_email", ""),
            "page_title": "You are not signed in",
            **sign_in_context(request),
        },
        status=status,
    )


class SingleSignOnStart(OIDCAuthenticationRequestView):
    """Send the person to their organisation's provider (404 while single sign-on is off)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not single_sign_on.enabled():
            raise Http404("Single sign-on is not set up.")
        try:
            provider = single_sign_on.provider()
        except (requests.RequestException, SuspiciousOperation, ValueError):
            return refused(request, Refusal.UNAVAILABLE, 502)
        self.OIDC_OP_AUTH_ENDPOINT = provider.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = provider.client_id
        return super().get(request)


class SingleSignOnCallback(OIDCAuthenticationCallbackView):
    """Where the provider sends the person back: sign in, go to the second step, or refuse."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if not single_sign_on.enabled():
            raise Http404("Single sign-on is not set up.")
        try:
            return super().get(request)
        except SuspiciousOperation:
            return refused(request, Refusal.FAILED, 400)
        except requests.RequestException:
            return refused(request, Refusal.UNAVAILABLE, 502)

    def login_failure(self) -> HttpResponse:
        return refused(self.request, getattr(self.request, "sso_refusal", Refusal.FAILED), 403)

    def login_success(self) -> HttpResponse:
        if two_factor.has_second_factor(self.user):
            two_factor.begin_second_step(self.request, self.user, self.success_url)
            return HttpResponseRedirect(reverse("accounts:two_factor"))
        return super().login_success()
