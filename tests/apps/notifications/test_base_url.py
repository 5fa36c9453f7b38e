"""Links in e-mails point at the site's configured address, not at the development server."""

from __future__ import annotations

from django.core import mail

from partnerscope.apps.accounts.services import grant_role


def test_a_new_account_is_emailed_a_link_to_the_configured_base_url(kite, settings):
    settings.PARTNERSCOPE_BASE_URL = "https://partners.example.org"
    grant_role(kite["partnership"], username="newcomer", email="new@example.org", kind="viewer")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "https://partners.example.org/accounts/password-reset/" in body
    assert "127.0.0.1" not in body
