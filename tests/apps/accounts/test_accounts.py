"""Signing in and out, lock-out, password reset, hashing and the security headers."""

from __future__ import annotations

import re

from django.conf import settings
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD


def sign_in(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_sign_in_then_out(client, manager):
    response = sign_in(client, manager.username, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerships:list")
    page = client.get(reverse("partnerships:list")).content.decode()
    assert "Kite Partnership" in page
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("partnerships:list")).status_code == 302


def test_wrong_password_shows_the_error_summary(client, manager):
    response = sign_in(client, manager.username, "wrong")
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


def test_account_locks_after_repeated_failures(client, manager):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, manager.username, "wrong")
    response = sign_in(client, manager.username, PASSWORD)
    assert response.status_code == 429
    assert "Your account is locked for now" in response.content.decode()


def test_password_reset_by_email(client, manager):
    manager.email = "manager@example.org"
    manager.save()
    client.post(reverse("accounts:password_reset"), {"email": "manager@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/password-reset/[^\s]+/)", mail.outbox[0].body)
    response = client.get(link.group(1), follow=True)
    assert "Choose a new password" in response.content.decode()
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "a-much-better-phrase-77", "new_password2": "a-much-better-phrase-77"},
    )
    assert response.status_code == 302
    assert sign_in(client, manager.username, "a-much-better-phrase-77").status_code == 302


def test_production_hashes_passwords_with_argon2():
    from partnerscope.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_security_headers_and_content_security_policy(client, db):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_forms_carry_csrf_tokens(client, db):
    assert "csrfmiddlewaretoken" in client.get(reverse("accounts:login")).content.decode()


def test_secret_key_is_generated_outside_the_repository(tmp_path, monkeypatch):
    from partnerscope.settings import env

    monkeypatch.setenv("PARTNERSCOPE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("PARTNERSCOPE_SECRET_KEY", raising=False)
    first = env.secret_key()
    assert len(first) > 40
    assert env.secret_key() == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_the_password_reset_email_links_to_the_configured_site_address(client, manager, settings):
    """Behind a reverse proxy the request's host is not the public one: the link must start
    with PARTNERSCOPE_BASE_URL, as every other e-mail's does."""
    settings.PARTNERSCOPE_BASE_URL = "https://partners.example.org"
    manager.email = "manager@example.org"
    manager.save()
    client.post(reverse("accounts:password_reset"), {"email": "manager@example.org"})
    assert "https://partners.example.org/accounts/password-reset/" in mail.outbox[0].body
