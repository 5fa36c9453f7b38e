"""Single sign-on through a real authorisation-code flow with a provider on loopback.

The test client plays the browser: it follows the redirect to the provider (over HTTP to
127.0.0.1), and the provider's redirect back to the site.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import requests
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnerscope.apps.accounts import single_sign_on
from partnerscope.apps.accounts.models import Role
from tests.apps.accounts.oidc_provider import Provider
from tests.conftest import PASSWORD


@pytest.fixture
def provider():
    running = Provider().start()
    yield running
    running.stop()


@pytest.fixture
def sso(settings, provider):
    """Single sign-on configured with only the issuer: the endpoints come from discovery."""
    single_sign_on.discover.cache_clear()
    settings.PARTNERSCOPE_OIDC = {
        "issuer": provider.issuer,
        "client_id": provider.client_id,
        "client_secret": provider.client_secret,
        "signing_algorithm": "RS256",
        "button_label": "Sign in with Kite County Council",
    }
    return provider


@pytest.fixture
def member(role_user):
    user = role_user("member")
    user.email = "Dana.Officer@kite.example"
    user.save()
    return user


def state_of_the_world():
    return (
        sorted(get_user_model().objects.values_list("pk", "username", "email")),
        sorted(Role.objects.values_list("user_id", "partnership_id", "kind")),
    )


def follow_to_provider_and_back(client, start_url, provider, tamper=None):
    """GET the site's start page, then the provider, then the site's callback."""
    start = client.get(start_url)
    assert start.status_code == 302
    assert start["Location"].startswith(f"{provider.issuer}/authorize?")
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    back = urlsplit(at_provider.headers["Location"])
    assert back.netloc == "testserver"
    query = tamper(back.query) if tamper else back.query
    return client.get(f"{back.path}?{query}")


def signed_in_user(client):
    return client.session.get("_auth_user_id")


def test_a_verified_email_of_an_existing_account_signs_in(client, sso, member):
    before = state_of_the_world()
    signals = []
    user_logged_in.connect(lambda sender, user, **kw: signals.append(user.pk), weak=False)
    sso.person = {"sub": "entra-123", "email": "dana.officer@kite.example", "email_verified": True}
    try:
        response = follow_to_provider_and_back(client, reverse("accounts:sso_start"), sso)
    finally:
        user_logged_in.receivers.pop()
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerships:list")
    assert signed_in_user(client) == str(member.pk)
    assert signals == [member.pk]
    assert "Kite Partnership" in client.get(reverse("partnerships:list")).content.decode()
    assert state_of_the_world() == before


def test_an_account_deactivated_later_is_signed_out(client, sso, member):
    sso.person = {"sub": "x", "email": member.email, "email_verified": True}
    follow_to_provider_and_back(client, reverse("accounts:sso_start"), sso)
    assert client.get(reverse("partnerships:list")).status_code == 200
    member.is_active = False
    member.save()
    assert client.get(reverse("partnerships:list")).status_code == 302


def test_the_next_page_is_kept_through_the_provider(client, sso, member, kite):
    sso.person = {"sub": "x", "email": member.email, "email_verified": True}
    overview = reverse("partnerships:overview", args=[kite["partnership"].slug])
    response = follow_to_provider_and_back(
        client, f"{reverse('accounts:sso_start')}?next={overview}", sso
    )
    assert response["Location"] == overview


def test_entra_domain_owner_verified_claim_counts_as_verified(client, sso, member):
    sso.person = {"sub": "oid-1", "email": member.email, "xms_edov": True}
    response = follow_to_provider_and_back(client, reverse("accounts:sso_start"), sso)
    assert response.status_code == 302
    assert signed_in_user(client) == str(member.pk)


@pytest.mark.parametrize("verified", [False, "false", None])
def test_an_unverified_email_is_refused_and_changes_nothing(client, sso, member, verified):
    before = state_of_the_world()
    sso.person = {"sub": "x", "email": member.email}
    if verified is not None:
        sso.person["email_verified"] = verified
    response = follow_to_provider_and_back(client, reverse("accounts:sso_start"), sso)
    assert response.status_code == 403
    assert "did not confirm your e-mail address" in response.content.decode()
    assert signed_in_user(client) is None
    assert state_of_the_world() == before


def test_an_unknown_email_is_told_to_ask_the_partnership_manager(client, sso, member):
    before = state_of_the_world()
    sso.person = {"sub": "y", "email": "stranger@elsewhere.example", "email_verified": True}
    response = follow_to_provider_and_back(client, reverse("accounts:sso_start"), sso)
    page = response.content.decode()
    assert response.status_code == 403
    assert "There is no PartnerScope account for you yet" in page
    assert "stranger@elsewhere.example" in page
    assert "Ask your partnership manager" in page
    assert signed_in_user(client) is None
    assert state_of_the_world() == before


def test_an_inactive_account_is_not_signed_in(client, sso, member):
    member.is_active = False
    member.save()
    sso.person = {"sub": "x", "email": member.email, "email_verified": True}
    response = follow_to_provider_and_back(client, reverse("accounts:sso_start"), sso)
    assert response.status_code == 403
    assert signed_in_user(client) is None


@pytest.mark.parametrize("fault", ["sign_with_other_key", "wrong_nonce", "wrong_audience"])
def test_a_token_that_fails_its_checks_is_refused(client, sso, member, fault):
    before = state_of_the_world()
    setattr(sso, fault, True)
    sso.person = {"sub": "x", "email": member.email, "email_verified": True}
    response = follow_to_provider_and_back(client, reverse("accounts:sso_start"), sso)
    assert response.status_code == 400
    assert "We could not sign you in with your organisation" in response.content.decode()
    assert signed_in_user(client) is None
    assert state_of_the_world() == before


def test_a_forged_state_is_refused_before_the_code_is_used(client, sso, member):
    sso.person = {"sub": "x", "email": member.email, "email_verified": True}

    def forge(query):
        return "&".join(
            "state=forged" if part.startswith("state=") else part for part in query.split("&")
        )

    response = follow_to_provider_and_back(client, reverse("accounts:sso_start"), sso, forge)
    assert response.status_code == 400
    assert sso.token_requests == 0
    assert signed_in_user(client) is None


def test_a_callback_cannot_be_replayed(client, sso, member):
    sso.person = {"sub": "x", "email": member.email, "email_verified": True}
    start = client.get(reverse("accounts:sso_start"))
    back = requests.get(start["Location"], allow_redirects=False, timeout=10).headers["Location"]
    callback = back.removeprefix("http://testserver")
    assert client.get(callback).status_code == 302
    client.post(reverse("accounts:logout"))
    assert client.get(callback).status_code in (400, 403)
    assert signed_in_user(client) is None


def test_explicit_endpoints_work_without_discovery(client, settings, provider, member):
    settings.PARTNERSCOPE_OIDC = {
        "issuer": provider.issuer,
        "client_id": provider.client_id,
        "client_secret": provider.client_secret,
        "authorization_endpoint": f"{provider.issuer}/authorize",
        "token_endpoint": f"{provider.issuer}/token",
        "userinfo_endpoint": "",
        "jwks_uri": f"{provider.issuer}/jwks",
        "signing_algorithm": "RS256",
    }
    single_sign_on.discover.cache_clear()
    provider.person = {"sub": "x", "email": member.email, "email_verified": True}
    response = follow_to_provider_and_back(client, reverse("accounts:sso_start"), provider)
    assert response.status_code == 302
    assert signed_in_user(client) == str(member.pk)


def test_a_provider_that_does_not_answer_gets_a_clear_page(client, settings, db):
    settings.PARTNERSCOPE_OIDC = {"issuer": "http://127.0.0.1:9", "client_id": "c"}
    single_sign_on.discover.cache_clear()
    response = client.get(reverse("accounts:sso_start"))
    assert response.status_code == 502
    assert "sign-in service is not answering" in response.content.decode()


def test_with_two_factor_on_single_sign_on_goes_on_to_the_second_step(client, sso, member):
    TOTPDevice.objects.create(user=member, name="app", confirmed=True)
    sso.person = {"sub": "x", "email": member.email, "email_verified": True}
    response = follow_to_provider_and_back(client, reverse("accounts:sso_start"), sso)
    assert response["Location"] == reverse("accounts:two_factor")
    assert signed_in_user(client) is None


def test_the_sign_in_page_offers_the_button_only_when_configured(client, settings, sso, db):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Sign in with Kite County Council" in page
    settings.PARTNERSCOPE_OIDC = {"issuer": "", "client_id": ""}
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Sign in with Kite County Council" not in page
    assert client.get(reverse("accounts:sso_start")).status_code == 404
    assert client.get(reverse("accounts:sso_callback")).status_code == 404


def test_password_sign_in_never_reaches_the_provider(client, sso, member):
    response = client.post(
        f"{reverse('accounts:login')}?code=stolen&state=stolen",
        {"username": member.username, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert sso.token_requests == 0
    client.post(reverse("accounts:logout"))
    wrong = client.post(
        f"{reverse('accounts:login')}?code=stolen&state=stolen",
        {"username": "nobody", "password": "wrong"},
    )
    assert wrong.status_code == 200
    assert sso.token_requests == 0


def test_repeated_refusals_pause_single_sign_on_from_that_address_only(client, sso, member):
    """Refused sign-ons count towards lock-out for their address (they carry no account
    name); a password sign-in from there, and single sign-on from elsewhere, still work."""
    sso.person = {"sub": "y", "email": "stranger@elsewhere.example", "email_verified": True}
    limit = django_settings.AXES_FAILURE_LIMIT
    statuses = [
        follow_to_provider_and_back(client, reverse("accounts:sso_start"), sso).status_code
        for _ in range(limit)
    ]
    assert statuses == [403] * (limit - 1) + [429]
    sso.person = {"sub": "x", "email": member.email, "email_verified": True}
    paused = follow_to_provider_and_back(client, reverse("accounts:sso_start"), sso)
    assert paused.status_code == 429
    assert signed_in_user(client) is None
    password = client.post(
        reverse("accounts:login"), {"username": member.username, "password": PASSWORD}
    )
    assert password.status_code == 302
    client.post(reverse("accounts:logout"))
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    response = follow_to_provider_and_back(elsewhere, reverse("accounts:sso_start"), sso)
    assert response.status_code == 302
