"""Absolute links for e-mails, and survey link tokens that can be made again for reminders.

E-mails are often sent where there is no request to take the host from (a command, the
worker), and behind a reverse proxy the request's host is not the public one, so every
link in an e-mail starts with the configured ``PARTNERSCOPE_BASE_URL``.

A survey link's token is derived from a random key kept with the invitation and the
site's secret key. Only the token's hash is stored, as before, so the database alone never
gives a working link; but the site can make the same link again for a reminder or a
queued e-mail without keeping the token anywhere.
"""

from __future__ import annotations

import base64
import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.crypto import salted_hmac

LINK_KEY_BYTES = 16
LINK_KEY_HELP = (
    "Random key from which the link's token is made again with the site's secret key, for "
    "reminders; the token itself is never stored."
)


def base_url() -> str:
    """The configured site address, without a trailing slash."""
    return str(settings.PARTNERSCOPE_BASE_URL).rstrip("/")


def absolute(path: str) -> str:
    """``path`` (as ``reverse`` gives it) as a full link under the configured address."""
    return base_url() + path


def base_domain() -> str:
    """The host (and port) of the configured address, for Django's e-mail forms."""
    return urlsplit(base_url()).netloc


def base_is_https() -> bool:
    return urlsplit(base_url()).scheme == "https"


def new_link_key() -> str:
    """A fresh random key for one survey link."""
    return secrets.token_urlsafe(LINK_KEY_BYTES)


def derived_token(purpose: str, link_key: str) -> str:
    """The survey token made from ``link_key`` and the secret key; the same every time.

    ``purpose`` names the kind of link, so that one key never opens two kinds of survey.
    """
    digest = salted_hmac(f"partnerscope.{purpose}", link_key, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
