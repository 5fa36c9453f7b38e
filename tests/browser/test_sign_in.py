"""Two-factor sign-in in the browser: setting up an authenticator app, signing in with its
code, and adding and using a passkey with Chromium's virtual authenticator.

The passkey test runs with the site's Content Security Policy enforced (the other browser
tests bypass it) and fails on any violation, as the passkey script must run under it.
"""

from __future__ import annotations

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code_from_secret(secret: str, offset: int = 0) -> str:
    """What an authenticator app set up with ``secret`` shows now (or ``offset`` steps on)."""
    key = b32decode(secret + "=" * (-len(secret) % 8))
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * offset
    return f"{totp.token():06d}"


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + device.step * offset
    return f"{totp.token():06d}"


def test_setting_up_an_app_and_signing_in_with_its_code(
    page: Page, live_server, kite, manager, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a person takes longer than 1 s after a wrong code
    sign_in(page, live_server.url, manager.username)
    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    expect(page.get_by_text("Two-factor sign-in is off")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Set up an authenticator app").click()
    expect(
        page.get_by_role("img", name="QR code to scan with your authenticator app")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_text("I cannot scan the QR code").click()
    secret = re.sub(r"\s", "", page.locator("#secret").inner_text())

    page.get_by_label("Code from the app").fill("000000")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not right")
    assert_accessible(page)

    page.get_by_label("Code from the app").fill(code_from_secret(secret))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_role("heading", name="Your backup codes")).to_be_visible()
    expect(page.get_by_role("list", name="Backup codes").get_by_role("listitem")).to_have_count(10)
    assert_accessible(page)
    page.get_by_role("button", name="I have kept my codes").click()
    expect(page.get_by_text("Two-factor sign-in is on")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in to PartnerScope")).to_be_visible()
    sign_in(page, live_server.url, manager.username)
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Code", exact=True).fill(code_from_secret(secret, offset=1))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="My partnerships")).to_be_visible()


def test_adding_and_using_a_passkey_under_the_strict_policy(
    browser, live_server, kite, manager, settings
):
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    assert live_server.url.startswith("http://localhost:")
    app = TOTPDevice.objects.create(user=manager, name="Authenticator app", confirmed=True)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" or "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    try:
        password_step(page, live_server.url, manager.username)
        page.get_by_label("Code", exact=True).fill(code_for(app))
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_role("heading", name="My partnerships")).to_be_visible()

        page.goto(f"{live_server.url}/accounts/")
        page.get_by_role("button", name="Add a passkey").click()
        expect(page.get_by_role("button", name=re.compile("^Remove"))).to_be_visible()
        credentials = cdp.send(
            "WebAuthn.getCredentials", {"authenticatorId": authenticator["authenticatorId"]}
        )
        assert len(credentials["credentials"]) == 1

        page.get_by_role("button", name="Sign out").click()
        password_step(page, live_server.url, manager.username)
        expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
        page.get_by_role("button", name="Use your passkey").click()
        expect(page.get_by_role("heading", name="My partnerships")).to_be_visible()
        assert problems == []
    finally:
        context.close()

    # axe-core is injected as an inline script, so its check runs without the policy.
    checked = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = checked.new_page()
        sign_in(page, live_server.url, manager.username)
        expect(page.get_by_role("button", name="Use your passkey")).to_be_visible()
        assert_accessible(page)
        page.get_by_label("Code", exact=True).fill(code_for(app, offset=1))
        page.get_by_role("button", name="Continue").click()
        page.goto(f"{live_server.url}/accounts/")
        expect(page.get_by_role("button", name="Add a passkey")).to_be_visible()
        assert_accessible(page)
    finally:
        checked.close()


def password_step(page: Page, base_url: str, username: str) -> None:
    """The password step, without the axe-core check (which needs the policy bypassed)."""
    page.goto(f"{base_url}/accounts/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
